import { chmodSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseMarkdown, sourceFromBytes, sourceFromText } from '@notes/core';
import {
  applyFixes,
  defineRule,
  fixSource,
  lintBatch,
  lintSource,
  resolveRules,
  rules,
  writeFixedFile,
} from '@notes/lint';

const SEED = new URL('../../../examples/raw/aws-prep-notes.raw.md', import.meta.url);
// ../shared beside the repository (as laid out here and in CI).
const EXPECTED = new URL('../../../../shared/seeds/aws-prep-notes.expected.json', import.meta.url);

function lines(text: string, ruleId?: string): number[] {
  return lintSource(sourceFromText(text))
    .filter((m) => !ruleId || m.ruleId === ruleId)
    .map((m) => m.line);
}

describe('lintSource', () => {
  it('reports every defect listed for the user’s notes', () => {
    const file = sourceFromBytes(readFileSync(SEED), { path: 'examples/raw/aws-prep-notes.raw.md' });
    const messages = lintSource(file);
    let expected: { line: number; category: string }[];
    try {
      expected = JSON.parse(readFileSync(EXPECTED, 'utf8')) as typeof expected;
    } catch {
      // Outside this workplace: the list as of writing (line, category).
      expected = [
        [1, 'encoding'],
        [2, 'encoding'],
        [20, 'heading'],
        [34, 'text'],
        [37, 'encoding'],
        [40, 'encoding'],
        [57, 'heading'],
        [62, 'encoding'],
        [67, 'encoding'],
        [76, 'heading'],
        [113, 'heading'],
        [115, 'table'],
        [129, 'heading'],
        [138, 'heading'],
        [148, 'heading'],
        [165, 'encoding'],
        [175, 'text'],
        [218, 'encoding'],
        [218, 'text'],
        [220, 'heading'],
        [240, 'heading'],
        [245, 'text'],
        [247, 'heading'],
        [255, 'heading'],
        [286, 'heading'],
      ].map(([line, category]) => ({ line: line as number, category: category as string }));
    }
    const missing = expected.filter(
      (e) => !messages.some((m) => m.ruleId.startsWith(`${e.category}/`) && Math.abs(m.line - e.line) <= 1),
    );
    expect(missing).toEqual([]);
    expect(messages.some((m) => m.severity === 'error')).toBe(true);
  });

  it('sorts findings by line, column and rule', () => {
    const messages = lintSource(sourceFromText('# T\n\n##B\n\n| a | b |\n| - |\n| 1 | 2 |\n'));
    const keys = messages.map((m) => [m.line, m.column]);
    expect(keys).toEqual([...keys].sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]!));
  });

  it('honours notes-disable-next-line for one rule', () => {
    expect(
      lines('# T\n\n<!-- notes-disable-next-line heading/missing-space -->\n##B\n\n##C\n', 'heading/missing-space'),
    ).toEqual([6]);
  });

  it('honours notes-disable … notes-enable ranges, with and without a rule', () => {
    const text =
      '# T\n\n<!-- notes-disable heading/missing-space -->\n##B\n<!-- notes-enable heading/missing-space -->\n\n##C\n\n<!-- notes-disable -->\n##D\n';
    expect(lines(text, 'heading/missing-space')).toEqual([7]);
  });

  it('ignores disable comments inside code blocks', () => {
    expect(lines('# T\n\n```\n<!-- notes-disable -->\n```\n\n##B\n', 'heading/missing-space')).toEqual([7]);
  });

  it('runs extra rules given as plugins', () => {
    const extra = defineRule({
      id: 'text/no-todo',
      description: 'No TODO.',
      tags: ['text'],
      fixable: false,
      severity: 'warning',
      check(ctx) {
        ctx.lines.forEach(
          (l, i) =>
            l.includes('TODO') &&
            ctx.report({ place: { line: i + 1, column: 1 }, message: 'Unexpected `TODO`, expected text' }),
        );
      },
    });
    const messages = lintSource(sourceFromText('# T\n\nTODO\n'), { extraRules: [extra] });
    expect(messages.map((m) => [m.ruleId, m.line])).toEqual([['text/no-todo', 3]]);
  });
});

describe('resolveRules', () => {
  it('switches rules off, changes severity and passes options', () => {
    const resolved = resolveRules({
      'heading/missing-space': 'warning',
      'text/truncated': 'off',
      'fields/front-matter': ['error', { required: ['exam'] }],
    });
    expect(resolved.find((r) => r.rule.id === 'heading/missing-space')?.severity).toBe('warning');
    expect(resolved.some((r) => r.rule.id === 'text/truncated')).toBe(false);
    expect(resolved.find((r) => r.rule.id === 'fields/front-matter')?.options).toEqual({ required: ['exam'] });
    expect(resolved.length).toBe(rules.length - 1);
  });

  it('refuses an unknown rule id with the message shape', () => {
    expect(() => resolveRules({ 'heading/nope': 'error' })).toThrow(
      /^Unexpected rule `heading\/nope` in "rules", expected one of: /,
    );
  });
});

describe('fixSource', () => {
  it('keeps CRLF line endings, the final newline and is idempotent', () => {
    const text = '# T\r\n\r\n##B\r\n\r\n>> Note: a\r\n>> Note: b\r\n';
    const { output, changed } = fixSource(sourceFromText(text));
    expect(changed).toBe(true);
    expect(output).toBe('# T\r\n\r\n## B\r\n\r\n>> Note: a\r\n\r\n>> Note: b\r\n');
    expect(fixSource(sourceFromText(output)).changed).toBe(false);
  });

  it('keeps a missing final newline missing', () => {
    expect(fixSource(sourceFromText('# T\n\n##B')).output).toBe('# T\n\n## B');
  });

  it('applies each finding’s edits together and leaves overlapping ones for the next pass', () => {
    const base = {
      ruleId: 'x/y',
      severity: 'error' as const,
      line: 1,
      column: 1,
      endLine: 1,
      endColumn: 1,
      message: '',
      fixable: true,
    };
    const { output, applied } = applyFixes('abc\ndef\n', [
      {
        ...base,
        fix: [
          { line: 1, column: 2, deleteCount: 1, insert: 'B' },
          { line: 2, column: 1, deleteCount: 1, insert: 'D' },
        ],
      },
      { ...base, fix: [{ line: 1, column: 2, deleteCount: 2, insert: 'X' }] },
    ]);
    expect(output).toBe('aBc\nDef\n');
    expect(applied).toBe(1);
  });

  it('calls betweenPasses before each pass after the first, once the last pass’s tree is no longer held', () => {
    let parses = 0;
    const parse = (text: string) => {
      parses++;
      return parseMarkdown(text);
    };
    const calls: number[] = [];
    const file = sourceFromBytes(readFileSync(SEED), { path: 'aws.md' });
    const result = fixSource(file, { parse, betweenPasses: () => void calls.push(parses) });
    expect(result.changed).toBe(true);
    // Each call comes after a pass's parses and before the next one's (a rule may parse a fragment too).
    expect(calls.length).toBeGreaterThan(0);
    expect(calls[0]).toBeGreaterThan(0);
    for (let i = 1; i < calls.length; i++) expect(calls[i]).toBeGreaterThan(calls[i - 1]!);
    expect(parses).toBeGreaterThan(calls.at(-1)!);
    // Without a fix to make there is no second pass, and no call.
    const clean: number[] = [];
    fixSource(sourceFromText(result.output), { betweenPasses: () => void clean.push(1) });
    expect(clean).toEqual([]);
    // The last pass's model is the result's.
    expect(result.document().file.text).toBe(result.output);
  });

  it('calls betweenSteps after the parse and after each rule, where a big file may collect its garbage', () => {
    const steps: string[] = [];
    const rule = (id: string) => ({
      rule: defineRule({
        id,
        description: id,
        tags: [],
        fixable: false,
        severity: 'warning',
        check: () => void steps.push(id),
      }),
      severity: 'warning' as const,
      options: undefined,
    });
    const parse = (text: string) => {
      steps.push('parse');
      return parseMarkdown(text);
    };
    lintSource(sourceFromText('# T\n\ntext\n'), {
      rules: [rule('a/one'), rule('a/two')],
      parse,
      betweenSteps: () => void steps.push('step'),
    });
    expect(steps).toEqual(['parse', 'step', 'a/one', 'step', 'a/two', 'step']);
  });

  it('repairs the user’s notes so that nothing fixable remains, and a second pass changes no byte', () => {
    const file = sourceFromBytes(readFileSync(SEED), { path: 'aws.md' });
    const first = fixSource(file);
    expect(first.changed).toBe(true);
    expect(lintSource({ ...file, text: first.output }).filter((m) => m.fixable)).toEqual([]);
    expect(fixSource({ ...file, text: first.output }).changed).toBe(false);
  });
});

describe('writeFixedFile', () => {
  it('writes atomically, keeps the BOM and the file mode', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'notes-fix-'));
    const path = join(dir, 'a.md');
    writeFileSync(path, '\uFEFF##B\n');
    chmodSync(path, 0o640);
    const file = sourceFromBytes(readFileSync(path), { path: 'a.md', absolutePath: path });
    await writeFixedFile(file, fixSource(file).output);
    expect(readFileSync(path, 'utf8')).toBe('\uFEFF## B\n');
    expect(statSync(path).mode & 0o777).toBe(0o640);
  });

  it('refuses a read-only file with one line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'notes-fix-'));
    const path = join(dir, 'a.md');
    writeFileSync(path, '##B\n');
    chmodSync(path, 0o444);
    const file = sourceFromBytes(readFileSync(path), { path: 'a.md', absolutePath: path });
    await expect(writeFixedFile(file, '## B\n')).rejects.toThrow(/^a\.md: file is read-only/);
    expect(readFileSync(path, 'utf8')).toBe('##B\n');
  });
});

describe('lintBatch', () => {
  it('gives the same findings on worker threads as in this thread, in input order', async () => {
    const texts = Array.from(
      { length: 12 },
      (_v, i) => `# T${i}\n\n##Q${i}\n\n| a | b |\n| - |\n| 1 | 2 |\n${'x '.repeat(i * 50)}\n`,
    );
    const files = texts.map((t, i) => ({
      path: `f${i}.md`,
      absolutePath: `/f${i}.md`,
      bytes: Buffer.from(t),
      mtime: 0,
    }));
    const settings = { rules: {}, configDir: null, fix: false };
    const inThread = await lintBatch(files, settings, { workers: 0 });
    const threaded = await lintBatch(files, settings, { workers: 2 });
    expect(threaded).toEqual(inThread);
    expect(threaded.map((r) => r.path)).toEqual(files.map((f) => f.path));
    expect(inThread[3]!.messages.map((m) => m.ruleId)).toEqual(['heading/missing-space', 'table/delimiter-mismatch']);
  });
});

describe('a failing rule', () => {
  it('becomes a finding instead of stopping the run', () => {
    const broken = defineRule({
      id: 'text/broken',
      description: 'Throws.',
      tags: [],
      fixable: false,
      severity: 'warning',
      check() {
        throw new Error('boom');
      },
    });
    const messages = lintSource(sourceFromText('# T\n\n##B\n'), { extraRules: [broken] });
    expect(messages.map((m) => [m.ruleId, m.severity, m.message])).toContainEqual([
      'text/broken',
      'error',
      'Unexpected failure of rule text/broken (boom), expected a clean run: please report it',
    ]);
    expect(messages.some((m) => m.ruleId === 'heading/missing-space')).toBe(true);
  });
});
