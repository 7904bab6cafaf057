import { spawn } from 'node:child_process';
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { ROOT, run, tempDir } from './helpers.js';
import { BIN } from './lsp-client.js';

const SEED = join(ROOT, 'examples/raw/aws-prep-notes.raw.md');
const SCRIPT = new URL('./fixtures/nvim-lsp.lua', import.meta.url).pathname;

interface Report {
  ok: boolean;
  log: string[];
  diagnostics: Diagnostic[];
  shown: number;
  target: Diagnostic;
  quickTitle: string;
  fixedLine: string;
  afterQuick: Diagnostic[];
}

/** Neovim from Debian (`apt-get install neovim`, see .ci/run), headless, with no user configuration. */
function nvim(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn('nvim', ['--headless', '--clean', '-n', '-c', `luafile ${SCRIPT}`], {
      env: { ...process.env, ...env },
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.stdout.resume();
    const timer = setTimeout(() => child.kill('SIGKILL'), 180_000);
    child.on('error', (error) => fail(new Error(`nvim did not start (${error.message}): apt-get install -y neovim`)));
    child.on('close', (code) => {
      clearTimeout(timer);
      done({ code, stderr });
    });
  });
}

describe('notes lsp in Neovim (its built-in LSP client, headless)', () => {
  it('shows the notes lint findings, applies a quick fix and fix all, and saves the --fix text', async () => {
    const dir = await tempDir();
    await mkdir(join(dir, 'content'));
    const file = join(dir, 'content/aws.md');
    await copyFile(SEED, file);
    const raw = await readFile(file, 'utf8');
    const expected = JSON.parse((await run(['lint', 'content/aws.md', '--format', 'json'], { cwd: dir })).stdout) as {
      files: { messages: { ruleId: string; line: number; column: number }[] }[];
    };
    const fixDir = await tempDir();
    await writeFile(join(fixDir, 'note.md'), raw);
    await run(['lint', 'note.md', '--fix'], { cwd: fixDir });
    const fixed = await readFile(join(fixDir, 'note.md'), 'utf8');

    const out = join(dir, 'report.json');
    const { code, stderr } = await nvim({
      NOTES_FILE: file,
      NOTES_ROOT: dir,
      NOTES_OUT: out,
      NOTES_CMD: JSON.stringify([process.execPath, BIN, 'lsp', '--stdio']),
    });
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    const report = JSON.parse(await readFile(out, 'utf8')) as Report;
    expect(report.log).toEqual([]);
    expect(report.ok).toBe(true);

    // The diagnostics Neovim received are notes lint's findings; Neovim shows every one of them.
    expect(
      report.diagnostics.map((d) => ({
        ruleId: d.code,
        line: d.range.start.line + 1,
        column: d.range.start.character + 1,
      })),
    ).toEqual(expected.files[0]!.messages.map(({ ruleId, line, column }) => ({ ruleId, line, column })));
    expect(report.shown).toBe(report.diagnostics.length);

    // The quick fix wrote the line as --fix writes it, and the finding went away.
    const line = report.target.range.start.line;
    expect(report.fixedLine).not.toBe(raw.split('\n')[line]);
    expect(fixed.split('\n')).toContain(report.fixedLine);
    expect(report.afterQuick.filter((d) => d.code === 'encoding/mojibake' && d.range.start.line === line)).toEqual([]);
    expect(report.afterQuick.length).toBe(report.diagnostics.length - 1);

    // Fix all, then :write — the file on disk is exactly what notes lint --fix makes of the seed.
    expect(await readFile(file, 'utf8')).toBe(fixed);
  });
});
