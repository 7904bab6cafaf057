import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '@notes/cli';

/** Run `notes` in-process with captured streams. */
export async function run(argv: string[], options: { cwd?: string; env?: Record<string, string>; tty?: boolean } = {}) {
  let stdout = '';
  let stderr = '';
  const code = await main({
    argv,
    cwd: options.cwd ?? process.cwd(),
    stdout: { write: (s: string) => (stdout += s), isTTY: options.tty ?? false },
    stderr: { write: (s: string) => (stderr += s), isTTY: options.tty ?? false },
    env: options.env ?? {},
  });
  return { code, stdout, stderr };
}

/** A fresh temporary folder. */
export function tempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'notes-cli-'));
}

/** The repository root (tests run from it). */
export const ROOT = new URL('../../../', import.meta.url).pathname.replace(/\/$/, '');
