import { readFile, writeFile, mkdir, copyFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, beforeAll } from 'vitest';
import { sourceFromText, validateDataset, type NotesDataset } from '@notes/core';
import { fixSource } from '@notes/lint';
import { ROOT, run, tempDir } from './helpers.js';

const RAW = join(ROOT, 'examples/raw/aws-prep-notes.raw.md');
const env = { SOURCE_DATE_EPOCH: '1764201600' };

async function exportJson(
  input: string,
): Promise<{ dataset: NotesDataset; bytes: string; code: number; stderr: string }> {
  const out = await tempDir();
  const r = await run(['export', '--json', '--out', out, input], { env });
  const bytes = await readFile(join(out, 'notes.json'), 'utf8');
  return { dataset: JSON.parse(bytes) as NotesDataset, bytes, code: r.code, stderr: r.stderr };
}

describe('notes export --json on the raw notes (issue 2, acceptance 2)', () => {
  let raw: string;
  let first: Awaited<ReturnType<typeof exportJson>>;
  let dir: string;
  beforeAll(async () => {
    raw = await readFile(RAW, 'utf8');
    dir = await tempDir();
    await copyFile(RAW, join(dir, 'aws-prep-notes.raw.md'));
    first = await exportJson(dir);
  });

  it('writes a dataset valid against schemas/notes.schema.json', () => {
    expect(first.code).toBe(0);
    expect(validateDataset(first.dataset)).toEqual([]);
    expect(first.dataset.$schema).toBe('https://notes.dev/schemas/notes.schema.json');
  });

  it('has the 23 questions titled as the raw question headings, emphasis stripped', () => {
    const headings = raw
      .split('\n')
      .map((l) => /^####\s*\*\*(.+?)\*\*\s*$/.exec(l)?.[1])
      .filter((t): t is string => t !== undefined && !/^\d/.test(t));
    expect(headings).toHaveLength(23);
    const titles = first.dataset.notes.filter((n) => n.kind === 'question').map((n) => n.title);
    expect(titles).toEqual(headings);
  });

  it('repairs the title and topics exactly', () => {
    expect(first.dataset.documents[0]!.title).toBe('📌 AWS Prep Notes');
    expect(first.dataset.documents[0]!.topics.map((t) => t.title)).toEqual([
      '1\uFE0F\u20E3 Messaging & Event-Driven Architectures',
      '2\uFE0F\u20E3 Networking & Security',
      '3\uFE0F\u20E3 Databases & Scaling',
    ]);
  });

  it('holds every table cell of the (repaired) raw file', () => {
    const repaired = fixSource(sourceFromText(raw, 'raw.md'), {}).output;
    const cells = repaired
      .split('\n')
      .filter((l) => l.trim().startsWith('|') && !/^\|[\s|:-]+\|?\s*$/.test(l.trim()))
      .flatMap((l) =>
        l
          .trim()
          .replace(/^\||\|$/g, '')
          .split('|'),
      )
      .map((c) => c.replace(/\*\*/g, '').trim())
      .filter(Boolean);
    expect(cells.length).toBeGreaterThan(250);
    const have = new Set(
      first.dataset.notes.flatMap((n) =>
        n.tables.flatMap((t) => [...t.columns, ...t.rows.flatMap((r) => r.map((c) => c.text))]),
      ),
    );
    expect(cells.filter((c) => !have.has(c))).toEqual([]);
  });

  it('fills down and marks the empty label cells of the database and AI/ML tables', () => {
    const filled = first.dataset.notes.flatMap((n) =>
      n.tables.flatMap((t) => t.rows.filter((r) => r[0]!.filled).map((r) => [n.title, r[0]!.text, r[1]!.text])),
    );
    expect(filled).toEqual([
      ['Compare all DBs on AWS', 'Relational (SQL)', 'Amazon Aurora'],
      ['Compare all DBs on AWS', 'In-Memory Database', 'Amazon MemoryDB'],
      ['AI ML services', 'Speech & Audio AI', 'Amazon Transcribe'],
    ]);
  });

  it('gives unique ids that survive an edit of an answer', async () => {
    const ids = first.dataset.notes.map((n) => n.id);
    expect(new Set(ids).size).toBe(ids.length);
    const dir = await tempDir();
    const edited = raw.replace('It ensures reliable message delivery', 'It guarantees at-least-once delivery');
    expect(edited).not.toBe(raw);
    await writeFile(join(dir, 'aws-prep-notes.raw.md'), edited);
    const second = await exportJson(dir);
    expect(second.dataset.notes.map((n) => n.id)).toEqual(ids);
    expect(second.bytes).not.toBe(first.bytes);
  });

  it('writes the same bytes on a second run', async () => {
    expect((await exportJson(dir)).bytes).toBe(first.bytes);
  });
});

describe('notes export and build', () => {
  it('asks for a format when none is given', async () => {
    const r = await run(['export', RAW]);
    expect(r).toEqual({
      code: 2,
      stdout: '',
      stderr: 'notes: choose what to export: --json, --md, --anki, --pdf, --site or --all (notes export --help)\n',
    });
  });

  it('names a missing path and exits 2', async () => {
    const r = await run(['export', '--json', 'no/such/notes.md']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('notes: no/such/notes.md: no such file or folder: check the path\n');
  });

  it('leaves no file, temporary file or new folder when the last exporter fails after the others were written', async () => {
    // The PDF runs last and refuses its options: the JSON, Markdown, deck and site are already in temporary files.
    const parent = await tempDir();
    const r = await run(['export', '--all', '--columns', '9', '--out', join(parent, 'new/out'), RAW], { env });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Unexpected columns `9`, expected a whole number from 1 to 6');
    expect(await readdir(parent)).toEqual([]);
  });

  it('refuses with --strict while errors remain, writing nothing', async () => {
    const out = await tempDir();
    const dir = await tempDir();
    await writeFile(join(dir, 'a.md'), '# T\n\n## Q?\n\n| a | b |\n| - | - |\n|  | x |\n');
    const r = await run(['export', '--json', '--strict', '--out', out, dir], { env });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/nothing exported \(--strict\)/);
    expect(await readdir(out)).toEqual([]);
  });

  it('exports despite errors without --strict, printing them as warnings', async () => {
    const out = await tempDir();
    const dir = await tempDir();
    await writeFile(join(dir, 'a.md'), '# T\n\n## Q?\n\n| a | b |\n| - | - |\n|  | x |\n');
    const r = await run(['export', '--json', '--out', out, dir], { env });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^.*a\.md:7:1: warning: .*\(fields\//m);
    expect(await readdir(out)).toEqual(['notes.json']);
  });

  it('build lints, then writes every export to the output folder', async () => {
    const out = await tempDir();
    const dir = await tempDir();
    await mkdir(join(dir, 'notes'));
    await copyFile(RAW, join(dir, 'notes', 'aws.md'));
    const r = await run(['build', '--out', out, join(dir, 'notes')], { env });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/problems? \(\d+ errors?, \d+ warnings?\)/);
    expect((await readdir(out)).sort()).toEqual([
      'cheatsheet.pdf',
      'markdown',
      'notes.anki-ids.json',
      'notes.apkg',
      'notes.json',
      'site',
    ]);
    expect((await readdir(join(out, 'site'))).sort()).toEqual(['assets', 'data', 'index.html']);
  });

  it('uses SOURCE_DATE_EPOCH only when it is a number', async () => {
    const r = await run(['export', '--json', '--out', await tempDir(), RAW], {
      env: { SOURCE_DATE_EPOCH: 'yesterday' },
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('notes: SOURCE_DATE_EPOCH must be whole seconds since 1970, got "yesterday"\n');
  });
});

describe('command line', () => {
  it.each([
    { name: 'no command prints help', args: [], code: 0, out: /^Usage:/ },
    { name: '--help', args: ['--help'], code: 0, out: /notes export \[paths…\]/ },
    { name: 'command help', args: ['lint', '--help'], code: 0, out: /--max-warnings N/ },
    { name: 'version', args: ['--version'], code: 0, out: /^\d+\.\d+\.\d+\n$/ },
  ])('$name', async ({ args, code, out }) => {
    const r = await run(args);
    expect(r.code).toBe(code);
    expect(r.stdout).toMatch(out);
    expect(r.stderr).toBe('');
  });

  it.each([
    {
      name: 'unknown command',
      args: ['publish'],
      err: 'notes: unknown command "publish": use lint, export, build, lsp or init (notes --help)\n',
    },
    {
      name: 'unknown option',
      args: ['lint', '--fast'],
      err: 'notes: unknown option "--fast" for notes lint (notes lint --help)\n',
    },
    {
      name: 'option of another command',
      args: ['lint', '--pdf'],
      err: 'notes: option --pdf does not apply to notes lint (notes lint --help)\n',
    },
    { name: 'missing value', args: ['export', '--json', '--out'], err: 'notes: option --out needs a value (DIR)\n' },
    {
      name: 'bad number',
      args: ['lint', '--max-warnings', 'many'],
      err: 'notes: option --max-warnings needs a whole number, got "many"\n',
    },
    {
      name: 'bad choice',
      args: ['lint', '--format', 'xml'],
      err: 'notes: option --format must be one of stylish, json, sarif, github, got "xml"\n',
    },
  ])('usage error: $name exits 2 with one line', async ({ args, err }) => {
    const r = await run(args);
    expect(r).toEqual({ code: 2, stdout: '', stderr: err });
  });
});

describe('notes export --md on the raw notes (issue 7, acceptance 1–2)', () => {
  it('writes the golden clean copy, and exporting that copy again gives the same bytes', async () => {
    const out = await tempDir();
    const r = await run(['export', '--md', '--out', out, join(ROOT, 'examples/raw')], { env });
    expect(r.code).toBe(0);
    const written = await readFile(join(out, 'markdown/aws-prep-notes.raw.md'), 'utf8');
    const golden = await readFile(join(ROOT, 'packages/export-markdown/test/fixtures/seed.expected.md'), 'utf8');
    expect(written).toBe(golden);
    const again = await tempDir();
    expect((await run(['export', '--md', '--out', again, join(out, 'markdown')], { env })).code).toBe(0);
    expect(await readFile(join(again, 'markdown/aws-prep-notes.raw.md'), 'utf8')).toBe(written);
  });
});
