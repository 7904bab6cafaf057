import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliContext, ParsedArgs } from '../src/context.js';
import { lintCommand } from '../src/commands/lint.js';

const SEED = new URL('../../../examples/raw/aws-prep-notes.raw.md', import.meta.url).pathname;

function sink(): { text: string; write(s: string): void; isTTY: boolean } {
  return {
    text: '',
    isTTY: false,
    write(s: string) {
      this.text += s;
    },
  };
}

async function run(
  cwd: string,
  paths: string[],
  flags: ParsedArgs['flags'] = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = sink();
  const stderr = sink();
  const ctx: CliContext = { argv: [], cwd, stdout, stderr, env: {} };
  let code: number;
  try {
    code = await lintCommand({ command: 'lint', paths, flags }, ctx);
  } catch (error) {
    // main() turns NotesErrors into one line and their exit code; do the same here.
    stderr.write(`notes: ${(error as Error).message}\n`);
    code = (error as { exitCode?: number }).exitCode ?? 2;
  }
  return { code, stdout: stdout.text, stderr: stderr.text };
}

function project(files: Record<string, string>, config?: object): string {
  const dir = mkdtempSync(join(tmpdir(), 'notes-lint-'));
  if (config) writeFileSync(join(dir, 'notes.config.json'), JSON.stringify(config));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

const CLEAN = '# Notes\n\n## What is SQS?\n\nA queue service.\n';
const WARN = '# Notes\n\n## What is SQS?\n\nGreat question! A queue service.\n';
const ERROR = '# Notes\n\n##What is SQS?\n\nA queue service.\n';

describe('notes lint exit codes', () => {
  const cases: {
    name: string;
    files: Record<string, string>;
    args: string[];
    flags?: ParsedArgs['flags'];
    config?: object;
    exitCode: number;
  }[] = [
    { name: 'clean files', files: { 'content/a.md': CLEAN }, args: [], exitCode: 0 },
    { name: 'warnings only', files: { 'content/a.md': WARN }, args: [], exitCode: 0 },
    {
      name: 'warnings over --max-warnings 0',
      files: { 'content/a.md': WARN },
      args: [],
      flags: { 'max-warnings': 0 },
      exitCode: 1,
    },
    {
      name: 'warnings within --max-warnings 1',
      files: { 'content/a.md': WARN },
      args: [],
      flags: { 'max-warnings': 1 },
      exitCode: 0,
    },
    { name: 'an error', files: { 'content/a.md': ERROR }, args: [], exitCode: 1 },
    {
      name: 'an error switched off in the config',
      files: { 'content/a.md': ERROR },
      args: [],
      config: { rules: { 'heading/missing-space': 'off' } },
      exitCode: 0,
    },
    {
      name: 'an error made a warning in the config',
      files: { 'content/a.md': ERROR },
      args: [],
      config: { rules: { 'heading/missing-space': 'warning' } },
      exitCode: 0,
    },
    {
      name: 'a rule key that is not category/name',
      files: { 'content/a.md': ERROR },
      args: [],
      config: { rules: { heading: 'warning' } },
      exitCode: 2,
    },
    { name: 'a missing path', files: {}, args: ['nope/'], exitCode: 2 },
    {
      name: 'a bad config',
      files: { 'content/a.md': CLEAN },
      args: [],
      config: { rules: { 'heading/missing-space': 'loud' } },
      exitCode: 2,
    },
    { name: 'a binary file', files: { 'content/a.md': 'ab\u0000cd' }, args: [], exitCode: 2 },
    {
      name: 'a bad --max-warnings',
      files: { 'content/a.md': CLEAN },
      args: [],
      flags: { 'max-warnings': -1 },
      exitCode: 2,
    },
  ];
  for (const c of cases) {
    it(`exits ${c.exitCode} for ${c.name}`, async () => {
      const dir = project(c.files, c.config);
      const { code, stdout, stderr } = await run(dir, c.args, c.flags ?? {});
      expect(code).toBe(c.exitCode);
      expect({ stdout, stderr }).toMatchSnapshot();
      if (code === 2) {
        expect(stderr.trim().split('\n').length).toBe(1);
        expect(stderr).not.toMatch(/\n\s+at /);
      }
    });
  }

  it('reports the user’s notes as JSON and exits 1', async () => {
    const dir = project({});
    copyFileSync(SEED, join(dir, 'aws.md'));
    const { code, stdout } = await run(dir, ['aws.md'], { format: 'json' });
    expect(code).toBe(1);
    const out = JSON.parse(stdout) as {
      files: { path: string; messages: { ruleId: string; line: number }[] }[];
      errorCount: number;
    };
    expect(out.files.map((f) => f.path)).toEqual(['aws.md']);
    const found = out.files[0]!.messages.map((m) => `${m.ruleId.split('/')[0]}:${m.line}`);
    for (const want of [
      'heading:20',
      'text:34',
      'table:116',
      'heading:138',
      'text:175',
      'text:218',
      'text:245',
      'heading:286',
    ])
      expect(found).toContain(want);
  });

  it('--quiet prints errors only', async () => {
    const dir = project({ 'content/a.md': WARN, 'content/b.md': ERROR });
    const { stdout } = await run(dir, [], { quiet: true, format: 'json' });
    const out = JSON.parse(stdout) as { files: { messages: { severity: string }[] }[] };
    expect(out.files.flatMap((f) => f.messages.map((m) => m.severity))).toEqual(['error']);
  });

  it('--fix repairs in place, then nothing fixable remains and a second --fix changes no byte', async () => {
    const dir = project({});
    copyFileSync(SEED, join(dir, 'aws.md'));
    chmodSync(join(dir, 'aws.md'), 0o644);
    await run(dir, ['aws.md'], { fix: true });
    const once = readFileSync(join(dir, 'aws.md'));
    const { stdout } = await run(dir, ['aws.md'], { format: 'json' });
    expect((JSON.parse(stdout) as { fixableCount: number }).fixableCount).toBe(0);
    await run(dir, ['aws.md'], { fix: true });
    expect(readFileSync(join(dir, 'aws.md')).equals(once)).toBe(true);
  });

  it('--fix on a read-only file says so in one line and exits 2', async () => {
    const dir = project({ 'a.md': ERROR });
    chmodSync(join(dir, 'a.md'), 0o444);
    const { code, stderr } = await run(dir, ['a.md'], { fix: true });
    expect(code).toBe(2);
    expect(stderr).toBe(
      'notes: a.md: file is read-only, so --fix cannot repair it: make it writable (chmod u+w) or fix it by hand\n',
    );
  });

  it('--cache reuses results for unchanged files and notices edits and config changes', async () => {
    const dir = project({ 'content/a.md': ERROR });
    const first = await run(dir, [], { cache: true, format: 'json' });
    const second = await run(dir, [], { cache: true, format: 'json' });
    expect(second.stdout).toBe(first.stdout);
    writeFileSync(join(dir, 'content/a.md'), CLEAN);
    expect((await run(dir, [], { cache: true })).code).toBe(0);
    writeFileSync(join(dir, 'content/a.md'), ERROR);
    writeFileSync(join(dir, 'notes.config.json'), JSON.stringify({ rules: { 'heading/missing-space': 'off' } }));
    expect((await run(dir, [], { cache: true })).code).toBe(0);
    const cache = JSON.parse(readFileSync(join(dir, 'node_modules/.cache/notes/lint-cache.json'), 'utf8')) as {
      files: object;
    };
    expect(Object.keys(cache.files)).toHaveLength(1);
  });

  it('honours ignores from the config', async () => {
    const dir = project({ 'content/a.md': CLEAN, 'content/drafts/b.md': ERROR }, { ignores: ['content/drafts/**'] });
    const { code, stdout } = await run(dir, [], { format: 'json' });
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as { files: { path: string }[] }).files.map((f) => f.path)).toEqual(['content/a.md']);
  });
});
