import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { run, tempDir } from './helpers.js';

// Count core's parse wherever the CLI, lint and the exporters call it (issue 14: one parse per file).
vi.mock('@notes/core', async (importOriginal) => {
  const core = await importOriginal<typeof import('@notes/core')>();
  return { ...core, parseMarkdown: vi.fn(core.parseMarkdown) };
});
const { parseMarkdown } = await import('@notes/core');
const parses = vi.mocked(parseMarkdown);

const clean = (n: number) =>
  `# Notes ${n}\n\n## Messaging\n\n### What does SQS do?\n\nIt queues messages between services.\n\n### What does SNS do?\n\nIt fans messages out to subscribers.\n`;

/** What fields/missing-answer parses of the damaged file below: the repaired heading and its answer. */
const REPAIRED_HEADING = '### What does SNS do?\n\nIt fans messages out to subscribers.';

describe('one parse per file, shared by the lint pass and every export', () => {
  beforeEach(() => {
    parses.mockClear();
  });

  it('export --all parses each clean file once', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'a.md'), clean(1));
    await writeFile(join(dir, 'b.md'), clean(2));
    const r = await run(['export', '--all', '--out', join(dir, 'dist'), dir], { env: { SOURCE_DATE_EPOCH: '1' } });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const texts = parses.mock.calls.map((call) => call[0]);
    expect(texts.sort()).toEqual([clean(1), clean(2)]);
  });

  it('a repaired file: a parse per fixing pass and one of the repaired heading, none by an exporter', async () => {
    const dir = await tempDir();
    // A heading without its space: heading/missing-space fixes it in one pass.
    await writeFile(join(dir, 'a.md'), clean(1).replace('### What does SNS do?', '###What does SNS do?'));
    const r = await run(['export', '--all', '--out', join(dir, 'dist'), dir], { env: { SOURCE_DATE_EPOCH: '1' } });
    expect(r.code).toBe(0);
    const texts = parses.mock.calls.map((call) => call[0]);
    // Pass 1 on the damaged text; fields/missing-answer judges the heading as the fix will make it (the repaired
    // heading and the block after it: its answer); pass 2 on the repaired text, whose tree and model every
    // exporter then shares.
    const damaged = clean(1).replace('### What does SNS do?', '###What does SNS do?');
    expect(texts).toEqual([damaged, REPAIRED_HEADING, clean(1)]);
  });

  it('build parses each clean file once for its lint report and every export', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'a.md'), clean(1));
    await writeFile(join(dir, 'b.md'), clean(2));
    const r = await run(['build', '--out', join(dir, 'dist'), dir], { env: { SOURCE_DATE_EPOCH: '1' } });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    const texts = parses.mock.calls.map((call) => call[0]);
    expect(texts.sort()).toEqual([clean(1), clean(2)]);
  });

  it('build reports the findings of the file as read, then exports the repair, parsing each text once', async () => {
    const dir = await tempDir();
    const damaged = clean(1).replace('### What does SNS do?', '###What does SNS do?');
    await writeFile(join(dir, 'a.md'), damaged);
    const r = await run(['build', '--out', join(dir, 'dist'), dir], { env: { SOURCE_DATE_EPOCH: '1' } });
    // The missing space is an error of the file as read: build exits 1, as lint does, and still exports.
    expect(r.code).toBe(1);
    // The same three parses as `export`: none for the report on its own.
    expect(parses.mock.calls.map((call) => call[0])).toEqual([damaged, REPAIRED_HEADING, clean(1)]);
    // The report is the one `notes lint` gives for the damaged file.
    const lint = await run(['lint', dir]);
    expect(lint.code).toBe(1);
    expect(r.stdout).toBe(lint.stdout);
    expect(r.stdout).toContain('heading/missing-space');
    expect(readFileSync(join(dir, 'dist', 'markdown', 'a.md'), 'utf8')).toContain('### What does SNS do?');
  });
});
