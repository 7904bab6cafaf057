import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const ROOT = new URL('../../', import.meta.url).pathname;
const SEED = join(ROOT, 'examples/raw/aws-prep-notes.raw.md');
const CLI_VERSION = (JSON.parse(readFileSync(join(ROOT, 'packages/cli/package.json'), 'utf8')) as { version: string })
  .version;

interface Hook {
  id: string;
  entry: string;
  language: string;
  types: string[];
  additional_dependencies: string[];
}
interface Step {
  name: string;
  if?: string;
  shell: string;
  env?: Record<string, string>;
  run: string;
}
interface Action {
  inputs: Record<string, { default: string }>;
  runs: { using: string; steps: Step[] };
}

/** A folder with @notes/cli installed (linked from this repository, as npm links a local package). */
function project(): string {
  const dir = mkdtempSync(join(tmpdir(), 'notes-action-'));
  mkdirSync(join(dir, 'node_modules/@notes'), { recursive: true });
  mkdirSync(join(dir, 'node_modules/.bin'));
  symlinkSync(join(ROOT, 'packages/cli'), join(dir, 'node_modules/@notes/cli'));
  symlinkSync('../@notes/cli/bin/notes.js', join(dir, 'node_modules/.bin/notes'));
  mkdirSync(join(dir, 'content'));
  return dir;
}

/** Run a string as the hook's entry with the files appended, as pre-commit does, the bin on PATH. */
function sh(command: string, cwd: string, env: Record<string, string> = {}): { status: number | null; out: string } {
  const r = spawnSync('bash', ['-c', command], {
    cwd,
    env: { ...process.env, ...env, PATH: `${join(cwd, 'node_modules/.bin')}:${process.env['PATH']}`, NOTES_DEBUG: '' },
    encoding: 'utf8',
  });
  return { status: r.status, out: r.stdout + r.stderr };
}

describe('.pre-commit-hooks.yaml', () => {
  const hooks = parse(readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];

  it('declares notes-lint and notes-fix as node hooks on Markdown, installing this version of @notes/cli', () => {
    expect(hooks.map((h) => [h.id, h.entry, h.language, h.types])).toEqual([
      ['notes-lint', 'notes lint', 'node', ['markdown']],
      ['notes-fix', 'notes lint --fix', 'node', ['markdown']],
    ]);
    for (const h of hooks) expect(h.additional_dependencies).toEqual([`@notes/cli@${CLI_VERSION}`]);
  });

  it('runs the entries on staged files as pre-commit does: lint fails on the raw seed, fix repairs it', () => {
    const dir = project();
    copyFileSync(SEED, join(dir, 'content/aws.md'));
    const [lint, fix] = hooks;
    const linted = sh(`${lint!.entry} content/aws.md`, dir);
    expect(linted.status).toBe(1);
    expect(linted.out).toContain('encoding/mojibake');
    sh(`${fix!.entry} content/aws.md`, dir);
    const repaired = readFileSync(join(dir, 'content/aws.md'), 'utf8');
    expect(repaired).not.toBe(readFileSync(SEED, 'utf8'));
    expect(sh(`${lint!.entry} content/aws.md`, dir).out).not.toContain('encoding/mojibake');
  });
});

describe('action.yml (composite GitHub Action)', () => {
  const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as Action;

  /** Run the action's steps locally: inputs reach the scripts only through env (no `${{ }}` inside a script). */
  function runAction(
    dir: string,
    inputs: Record<string, string>,
  ): { step: string; status: number | null; out: string }[] {
    const values = Object.fromEntries(
      Object.entries(action.inputs).map(([k, v]) => [k, inputs[k] ?? String(v.default)]),
    );
    const expand = (s: string): string => s.replace(/\$\{\{\s*inputs\.([\w-]+)\s*\}\}/g, (_m, k: string) => values[k]!);
    const results = [];
    for (const step of action.runs.steps) {
      if (step.if && !/^inputs\.export == 'true'$/.test(step.if)) throw new Error(`unexpected condition ${step.if}`);
      if (step.if && values['export'] !== 'true') continue;
      const env = Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, expand(v)]));
      const r = sh(step.run, dir, env);
      results.push({ step: step.name, ...r });
      if (r.status !== 0) break;
    }
    return results;
  }

  it('is a composite action whose scripts take inputs only from env', () => {
    expect(action.runs.using).toBe('composite');
    for (const step of action.runs.steps) {
      expect(step.shell).toBe('bash');
      expect(step.run).not.toContain('${{');
    }
    expect(action.inputs['version']!.default).toBe(CLI_VERSION);
  });

  it('annotates the raw seed and fails the job', () => {
    const dir = project();
    copyFileSync(SEED, join(dir, 'content/aws.md'));
    const steps = runAction(dir, {});
    expect(steps.map((s) => [s.step, s.status])).toEqual([
      ['Install notes (unless the repository already has it)', 0],
      ['notes lint', 1],
    ]);
    expect(steps[1]!.out).toMatch(/^::error file=content\/aws\.md,line=\d+,col=\d+,.*title=encoding\/mojibake::/m);
  });

  it('with export: true builds every export once lint passes, with the repository configuration', () => {
    const dir = project();
    // Mojibake is an error by default: lint passes only because the configuration given turns the rule off.
    writeFileSync(join(dir, 'content/note.md'), '# Notes\n\n## Topic\n\n### What is it?\n\nItâ€™s an answer.\n');
    writeFileSync(join(dir, 'lint.json'), JSON.stringify({ rules: { 'encoding/mojibake': 'off' } }));
    expect(runAction(dir, {}).map((s) => s.status)).toEqual([0, 1]);
    const steps = runAction(dir, { export: 'true', config: 'lint.json', out: 'site out' });
    expect(steps.map((s) => [s.step, s.status])).toEqual([
      ['Install notes (unless the repository already has it)', 0],
      ['notes lint', 0],
      ['notes build', 0],
    ]);
    expect(JSON.parse(readFileSync(join(dir, 'site out/notes.json'), 'utf8'))).toBeTypeOf('object');
  });
});
