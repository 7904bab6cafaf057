import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url).pathname;
const quiz = join(root, 'examples/quiz/quiz.mjs');

describe('examples/quiz: a program consuming dist/notes.json', () => {
  let out: string;
  beforeAll(() => {
    out = mkdtempSync(join(tmpdir(), 'quiz-'));
    execFileSync(
      process.execPath,
      [join(root, 'packages/cli/bin/notes.js'), 'export', '--json', '--out', out, join(root, 'examples/raw')],
      {
        env: { ...process.env, SOURCE_DATE_EPOCH: '0' },
      },
    );
  });

  it('asks a question from a freshly exported dataset and shows its answer on Enter', () => {
    const dataset = JSON.parse(readFileSync(join(out, 'notes.json'), 'utf8')) as {
      notes: { kind: string; title: string; answer: { text: string } }[];
    };
    const r = spawnSync(process.execPath, [quiz, join(out, 'notes.json'), '--seed', '7'], {
      input: '\nq\n',
      encoding: 'utf8',
    });
    expect(r.status).toBe(0);
    const asked = dataset.notes.find((n) => n.kind === 'question' && r.stdout.includes(`] ${n.title}\n`));
    expect(asked).toBeDefined();
    expect(r.stdout).toContain(asked!.answer.text.split('\n')[0]);
    expect(r.stdout).toMatch(/1 question reviewed\.\n$/);
  });

  it('is repeatable with the same seed', () => {
    const a = spawnSync(process.execPath, [quiz, join(out, 'notes.json'), '--seed', '3'], {
      input: 'q\n',
      encoding: 'utf8',
    });
    const b = spawnSync(process.execPath, [quiz, join(out, 'notes.json'), '--seed', '3'], {
      input: 'q\n',
      encoding: 'utf8',
    });
    expect(a.stdout).toBe(b.stdout);
  });

  it('says what to do when the dataset is missing (even when a dist/notes.json exists in the working folder)', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'quiz-cwd-'));
    mkdirSync(join(cwd, 'dist'));
    copyFileSync(join(out, 'notes.json'), join(cwd, 'dist/notes.json'));
    const r = spawnSync(process.execPath, [quiz, join(out, 'missing.json')], { input: '', encoding: 'utf8', cwd });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/not found: run `npx notes export --json` first/);
  });
});
