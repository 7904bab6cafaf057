import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseMarkdown, sourceFromText } from '@notes/core';
import { incrementalParser, lintWithModel, type ParseKind } from '@notes/lint';
import { parseForLint } from '../src/engine/parse.js';

const ROOT = new URL('../../../', import.meta.url).pathname;
const SEED = readFileSync(join(ROOT, 'examples/raw/aws-prep-notes.raw.md'), 'utf8');

/** Every Markdown fixture of the lint rules (front matter, fences, HTML, tables, CRLF…) and the notes. */
function samples(): [string, string][] {
  const out: [string, string][] = [
    ['seed', SEED],
    ['content', readFileSync(join(ROOT, 'content/aws-prep-notes.md'), 'utf8')],
  ];
  const fixtures = join(ROOT, 'packages/lint/test/fixtures');
  for (const entry of readdirSync(fixtures, { recursive: true, withFileTypes: true })) {
    if (entry.isFile() && entry.name.endsWith('.md')) {
      const path = join(entry.parentPath, entry.name);
      out.push([path.slice(fixtures.length + 1), readFileSync(path, 'utf8')]);
    }
  }
  return out;
}

/** Edits a user makes while typing: a character, a new heading, an opened fence or comment, a deleted line. */
function edits(text: string): string[] {
  const at = (f: number): number => Math.floor(text.length * f);
  const lineStart = (f: number): number => text.lastIndexOf('\n', at(f)) + 1;
  return [
    text.slice(0, at(0.5)) + 'x' + text.slice(at(0.5)),
    text.slice(0, at(0.3)) + text.slice(at(0.3) + 1),
    text.slice(0, lineStart(0.6)) + '## A new heading\n\n' + text.slice(lineStart(0.6)),
    text.slice(0, lineStart(0.4)) + '```\n' + text.slice(lineStart(0.4)),
    text.slice(0, lineStart(0.4)) + '<!--\n' + text.slice(lineStart(0.7)),
    text.slice(0, lineStart(0.2)) + text.slice(text.indexOf('\n', lineStart(0.2)) + 1),
    '---\n# a YAML comment\ntitle: x\n---\n' + text,
    text + '\n[ref]: https://example.com\n',
    text,
  ];
}

const WHOLE: Record<ParseKind, (text: string) => unknown> = { lint: parseForLint, full: parseMarkdown };

describe('incrementalParser', () => {
  for (const kind of ['lint', 'full'] as const) {
    it(`gives exactly the whole ${kind} parse, positions included, through a series of edits of every sample`, () => {
      let checked = 0;
      for (const [name, text] of samples()) {
        const parse = incrementalParser(kind);
        for (const version of [text, ...edits(text)]) {
          expect(parse(version), `${name}, ${kind}`).toEqual(WHOLE[kind](version));
          checked++;
        }
      }
      expect(checked).toBeGreaterThan(100);
    });
  }

  it('parses again only the changed section after a one-character edit', () => {
    const parse = incrementalParser('lint');
    parse(SEED);
    const sections = parse.stats.parsed;
    expect(sections).toBeGreaterThan(10);
    const edited = SEED.replace('Amazon Kinesis', 'Amazon Kinesiss');
    expect(parse(edited)).toEqual(parseForLint(edited));
    expect(parse.stats).toEqual({ parsed: sections + 1, reused: sections - 1 });
  });

  it('lints to the same findings as the whole parse, the rules that parse a fixed variant included', () => {
    const parse = incrementalParser('lint');
    for (const version of [SEED, ...edits(SEED)]) {
      const file = sourceFromText(version, 'seed.md');
      expect(lintWithModel(file, { parse }).messages).toEqual(lintWithModel(file).messages);
    }
  });
});
