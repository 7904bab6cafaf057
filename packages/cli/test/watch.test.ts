import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { copyFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT, tempDir } from './helpers.js';
import { BIN } from './lsp-client.js';

const SEED = join(ROOT, 'examples/raw/aws-prep-notes.raw.md');

/** CPU time (user + system) a process has used so far, in ms (Linux /proc; the machine may be busy). */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  // utime and stime are fields 14 and 15 of stat (11 and 12 after the command name), in clock ticks of 10 ms.
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** Watchers started by a test: one that failed midway must not outlive it. */
const started: ChildProcessWithoutNullStreams[] = [];
afterEach(() => {
  for (const child of started.splice(0))
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

/** `notes <args>` in the background, as a terminal runs it; stderr lines are collected. */
function start(args: string[], cwd: string): { child: ChildProcessWithoutNullStreams; lines: () => string[] } {
  const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, NOTES_DEBUG: '' } });
  started.push(child);
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  child.stdout.resume();
  return { child, lines: () => stderr.split('\n').filter(Boolean) };
}

async function until<T>(what: string, probe: () => T | undefined | false, timeoutMs = 60_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function snapshot(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    out.set(path.slice(dir.length + 1), (await readFile(path)).toString('base64'));
  }
  return out;
}

describe('notes build --watch (driven as a terminal runs it)', () => {
  it('rebuilds an edited note within 2 s of CPU, keeps the outputs through a breaking edit, and exits 0 on SIGINT', async () => {
    const dir = await tempDir();
    await mkdir(join(dir, 'content'));
    const note = join(dir, 'content/aws.md');
    await copyFile(SEED, note);
    const { child, lines } = start(['build', '--watch'], dir);
    const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
    await until('the first build', () => lines().some((l) => l.startsWith('notes: watching content')));
    expect(lines()[0]).toMatch(
      /^notes: \[build 1\] build: 1 of 1 file rebuilt, \d+ outputs written to dist\/ \(\d+ ms\)$/,
    );
    const dist = join(dir, 'dist');
    const json = join(dist, 'notes.json');
    const before = readFileSync(json, 'utf8');

    // An edit: a new question appears in the dataset.
    const cpuBefore = cpuMs(child.pid!);
    const t0 = performance.now();
    await writeFile(
      note,
      `${readFileSync(SEED, 'utf8')}\n### What does watch mode rebuild?\n\nOnly the changed notes.\n`,
    );
    await until('notes.json to change', () => readFileSync(json, 'utf8') !== before);
    const wall = performance.now() - t0;
    const cpu = cpuMs(child.pid!) - cpuBefore;
    // A figure, not a limit: speed targets live in bench/, and a busy machine would fail a limit here.
    console.log(`build --watch: edit -> dist/notes.json changed in ${Math.round(wall)} ms wall, ${cpu} ms CPU`);
    expect(readFileSync(json, 'utf8')).toContain('What does watch mode rebuild?');
    await until('the second status line', () =>
      lines().find((l) => l.startsWith('notes: [build 2] build: 1 of 1 file rebuilt')),
    );

    // A breaking edit (a NUL byte: not Markdown text): the run fails, every output stays as it was.
    const good = await snapshot(dist);
    await writeFile(note, Buffer.concat([Buffer.from('# Broken\n'), Buffer.from([0])]));
    const failed = await until('the failed run', () => lines().find((l) => l.startsWith('notes: [build 3] failed:')));
    expect(failed).toMatch(/binary file \(NUL byte at offset 9\).*; dist\/ keeps the last good outputs/);
    expect(await snapshot(dist)).toEqual(good);

    // Repaired again: the next run succeeds; then Ctrl-C in the middle of the run after that.
    await copyFile(SEED, note);
    await until('the repaired run', () => lines().find((l) => l.startsWith('notes: [build 4] build:')));
    await writeFile(note, `${readFileSync(SEED, 'utf8')}\nOne more line.\n`);
    await until('the next run to start', () => readFileSync(json, 'utf8').includes('One more line') || undefined);
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    const files = [...(await snapshot(dist)).keys()];
    expect(files.filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(JSON.parse(readFileSync(json, 'utf8'))).toBeTypeOf('object');
    expect(readFileSync(join(dist, 'cheatsheet.pdf')).subarray(-6).toString()).toContain('%%EOF');
    // One status line per run, and nothing else on stderr.
    expect(lines().every((l) => /^notes: (\[build \d+\] |watching )/.test(l))).toBe(true);
  });
});

describe('notes lint --watch', () => {
  it('lints only the changed file on each run and prints one status line per run', async () => {
    const dir = await tempDir();
    await mkdir(join(dir, 'content'));
    await copyFile(SEED, join(dir, 'content/aws.md'));
    await writeFile(join(dir, 'content/clean.md'), '# Clean\n\nNothing to see.\n');
    const { child, lines } = start(['lint', '--watch'], dir);
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
    await until('the first lint', () => lines().some((l) => l.startsWith('notes: watching')));
    expect(lines()[0]).toMatch(/^notes: \[lint 1\] lint: 2 files linted; \d+ errors, \d+ warnings? in 1 of 2 files/);
    stdout = '';
    await writeFile(join(dir, 'content/clean.md'), '# Clean\n\nItâ€™s fine.\n');
    const second = await until('the second run', () => lines().find((l) => l.startsWith('notes: [lint 2]')));
    expect(second).toMatch(/^notes: \[lint 2\] lint: 1 file linted; \d+ errors, \d+ warnings? in 2 of 2 files/);
    expect(stdout).toContain('content/clean.md');
    expect(stdout).toContain('encoding/mojibake');
    expect(stdout).not.toContain('content/aws.md');
    child.kill('SIGINT');
    expect(await exited).toBe(0);
  });
});
