import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crashLines, notes } from '../helpers/cli.js';
import { apkgFields, pdfContent } from '../helpers/formats.js';

// SPEC §7: notes in any script print, export and lint like the English seed. The fixtures are clean study notes in
// ten languages, each with headings, a table, a list, a code block and a callout.

const FIXTURES = resolve(import.meta.dirname, '../fixtures/languages');
const LANGS = ['ja', 'ko', 'zh-Hans', 'zh-Hant', 'ru', 'el', 'vi', 'ar', 'he', 'hi'];
/** Scripts drawn right to left or reordered when shaped: their PDF text is checked letter by letter. */
const REORDERED = new Set(['ar', 'he', 'hi']);

let out: string;
let dataset: {
  documents: { id: string; title: string; lang: string; tags: string[]; topics: { id: string; tags: string[] }[] }[];
  notes: { id: string; tags: string[]; document: string }[];
};

function headings(lang: string): string[] {
  return readFileSync(join(FIXTURES, `${lang}.md`), 'utf8')
    .split('\n')
    .filter((l) => /^#{1,6} /.test(l))
    .map((l) => l.replace(/^#+ /, '').trim());
}

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'notes-languages-'));
  const run = await notes(['export', '--all', FIXTURES, '--out', out], process.cwd());
  expect(crashLines(run.stderr)).toEqual([]);
  expect(run.code).toBe(0);
  dataset = JSON.parse(readFileSync(join(out, 'notes.json'), 'utf8')) as typeof dataset;
});

afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('notes in ten languages', () => {
  it('lints the clean fixtures with no finding', async () => {
    const run = await notes(['lint', '--format', 'json', FIXTURES], process.cwd());
    const report = JSON.parse(run.stdout) as { files: { path: string; messages: unknown[] }[] };
    expect(report.files).toHaveLength(LANGS.length);
    expect(report.files.filter((f) => f.messages.length > 0)).toEqual([]);
    expect(run.code).toBe(0);
  });

  it('gives each document its BCP 47 language in the dataset', () => {
    const byTitle = new Map(dataset.documents.map((d) => [d.title, d.lang]));
    for (const lang of LANGS) expect(byTitle.get(headings(lang)[0]!)).toBe(lang);
  });

  it('gives documents, topics and notes non-empty ids and tags without spaces', () => {
    const ids = [
      ...dataset.documents.map((d) => d.id),
      ...dataset.documents.flatMap((d) => d.topics.map((t) => t.id)),
      ...dataset.notes.map((n) => n.id),
    ];
    expect(new Set(ids).size).toBe(ids.length);
    const tags = [
      ...dataset.documents.flatMap((d) => d.topics.flatMap((t) => t.tags)),
      ...dataset.notes.flatMap((n) => n.tags),
    ];
    for (const tag of tags) expect(tag).toMatch(/^\S+$/);
    // Topic tags come from titles written only in Hangul, kana, Han, Cyrillic, Arabic or Devanagari.
    expect(tags).toEqual(
      expect.arrayContaining(['ストレージ', '워크로드', '网络', 'файловая-система', 'التخزين', 'भंडारण']),
    );
  });

  it('writes a clean Markdown copy of each document that lints with no finding', async () => {
    const files = readdirSync(join(out, 'markdown')).sort();
    expect(files).toEqual(LANGS.map((l) => `${l}.md`).sort());
    const run = await notes(['lint', '--format', 'json', join(out, 'markdown')], process.cwd());
    const report = JSON.parse(run.stdout) as { files: { messages: unknown[] }[] };
    expect(report.files.flatMap((f) => f.messages)).toEqual([]);
  });

  it('puts every question into the Anki deck, under a deck per document', async () => {
    const { fields } = await apkgFields(readFileSync(join(out, 'notes.apkg')));
    const fronts = fields.map((f) => f[0]);
    for (const lang of LANGS)
      for (const question of headings(lang).filter((h) => /[?？;؟]$/.test(h)))
        expect(fronts.some((front) => front?.includes(question))).toBe(true);
  });

  it('prints every heading of every script in the PDF, never a code point', async () => {
    const { text } = await pdfContent(readFileSync(join(out, 'cheatsheet.pdf')));
    expect(text).not.toContain('[U+');
    const squashed = text.replace(/\s+/g, '');
    for (const lang of LANGS) {
      for (const heading of headings(lang)) {
        const wanted = heading.replace(/\s+/g, '');
        if (REORDERED.has(lang)) {
          // Right-to-left and reordered clusters come out of text extraction in visual order: every letter is there.
          for (const char of new Set(wanted)) expect(text).toContain(char);
        } else expect(squashed).toContain(wanted);
      }
    }
  });
});
