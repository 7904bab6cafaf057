import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

/** The real bin, spawned as a user would run it. */
export const BIN = resolve(import.meta.dirname, '../../packages/cli/bin/notes.js');

/** What a finished `notes` process left behind. */
export interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Run `node bin/notes.js …args` in `cwd` (stderr is a pipe, so no progress display). */
export function notes(args: string[], cwd: string, timeoutMs = 300_000): Promise<Run> {
  return new Promise((done, fail) => {
    const started = performance.now();
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd,
      env: { ...process.env, NOTES_DEBUG: '', FORCE_COLOR: '0' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', fail);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      done({ code, signal, stdout, stderr, ms: performance.now() - started });
    });
  });
}

/** Lines that give away an uncaught crash rather than a message for a person. */
export function crashLines(stderr: string): string[] {
  // A warning may quote a caught error (the Markdown export's fallback does); only uncaught ones count.
  return stderr
    .split('\n')
    .filter(
      (l) =>
        /^\s+at .+[:(]/.test(l) ||
        (!l.startsWith('notes: warning:') && /internal error|Error: |TypeError|RangeError|Maximum call stack/.test(l)),
    );
}
