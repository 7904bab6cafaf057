import { spawn } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  watch,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, crashLines, notes } from '../helpers/cli.js';
import { RAW_NOTES } from '../helpers/corpora.js';

// Every case goes through the real bin as a separate process: exit code of SPEC §3, one line naming the file and
// what to do, no stack trace, and never a half-written output.

let dir: string;
const put = (name: string, data: string | Uint8Array): string => {
  const path = join(dir, name);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, data);
  return path;
};

/** Every file below `folder` (relative paths), hidden temp files included. */
function listFiles(folder: string): string[] {
  if (!existsSync(folder)) return [];
  const out: string[] = [];
  const walk = (d: string, prefix: string): void => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p, `${prefix}${name}/`);
      else out.push(`${prefix}${name}`);
    }
  };
  walk(folder, '');
  return out;
}

const OUTPUTS = ['cheatsheet.pdf', 'notes.apkg', 'notes.json'];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'notes-bad-'));
  put('in/empty.md', '');
  put('in/fm-only.md', '---\ntitle: Only front matter\n---\n');
  put('in/fm-broken.md', '---\ntitle: [unclosed\n  : : :\n---\n# Topic\n\n## What is S3?\n\nObject storage.\n');
  put('in/bom.md', '\uFEFF# Topic\n\n## What is S3?\n\nObject storage.\n');
  put(
    'in/crlf.md',
    '# Topic\r\n\r\n## What is S3?\r\n\r\nObject storage.\r\n\r\n| A | B |\r\n|---|---|\r\n| 1 | 2 |\r\n',
  );
  put(
    'in/invalid-utf8.md',
    Buffer.concat([
      Buffer.from('# Topic\n\n## Q?\n\nCaf'),
      Buffer.from([0xe9, 0x20, 0xc3, 0x28, 0xff]),
      Buffer.from(' ok\n'),
    ]),
  );
  // 1,000 levels on one line each (`- - - … x`, `> > > … x`).
  put('deep/nested-lists.md', `# Deep\n\n## Q?\n\n${'- '.repeat(1000)}deepest\n`);
  put('deep/nested-quotes.md', `# Deep\n\n## Q?\n\n${'> '.repeat(1000)}deepest\n`);
  // A staircase: line n quoted n deep, 1,000 lines (500 KB).
  put(
    'deep/quote-staircase.md',
    `# Deep\n\n## Q?\n\n${Array.from({ length: 1000 }, (_, i) => `${'>'.repeat(i + 1)} level ${i + 1}`).join('\n')}\n`,
  );
  put(
    'binary/image.md',
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]),
  );
  put('a-file', 'not a folder\n');
  put('loop/notes.md', '# Topic\n\n## What is EC2?\n\nVirtual machines.\n');
  mkdirSync(join(dir, 'loop/sub'));
  symlinkSync('..', join(dir, 'loop/sub/up'));
  symlinkSync('self-b', join(dir, 'loop/self-a.md'));
  symlinkSync('self-a.md', join(dir, 'loop/self-b'));
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

interface Case {
  file: string;
  lint: number;
  exportCode: number;
  /** What stderr of lint / export must say (besides naming the file). */
  lintSays?: RegExp;
  exportSays?: RegExp;
  /** Export flags when not every format copes yet (see the issue 8 report). */
  formats?: string[];
}

const cases: Case[] = [
  { file: 'in/empty.md', lint: 0, exportCode: 0, exportSays: /no questions found/ },
  { file: 'in/fm-only.md', lint: 0, exportCode: 0, exportSays: /no questions found/ },
  {
    file: 'in/fm-broken.md',
    lint: 1,
    exportCode: 0,
    lintSays: /broken YAML front matter/,
    exportSays: /fm-broken\.md:2:1: warning: .*broken YAML front matter/,
  },
  { file: 'in/bom.md', lint: 0, exportCode: 0 },
  { file: 'in/crlf.md', lint: 0, exportCode: 0 },
  {
    file: 'in/invalid-utf8.md',
    lint: 1,
    exportCode: 0,
    lintSays: /invalid UTF-8 byte `e9`.*re-save the file as UTF-8/,
    exportSays: /invalid-utf8\.md:5:4: warning: .*re-save the file as UTF-8/,
  },
  { file: 'deep/nested-lists.md', lint: 0, exportCode: 0, exportSays: /nested too deeply to normalize/ },
  {
    file: 'deep/nested-quotes.md',
    lint: 0,
    exportCode: 0,
    exportSays: /nesting deeper than 64 levels: the deepest part is shown as plain text/,
  },
  {
    file: 'deep/quote-staircase.md',
    lint: 0,
    exportCode: 0,
    exportSays: /quote-staircase\.md: nested too deeply to normalize \(more than 64 quote or list levels\)/,
  },
];

describe('bad input through the real CLI', { timeout: 300_000 }, () => {
  for (const c of cases) {
    it(`lints ${c.file} with exit ${c.lint} and no crash`, async () => {
      const run = await notes(['lint', c.file], dir);
      expect(crashLines(run.stderr + run.stdout)).toEqual([]);
      expect(run.code).toBe(c.lint);
      if (c.lintSays) {
        expect(run.stdout).toMatch(c.lintSays);
        expect(run.stdout).toContain(c.file);
      }
    });

    it(`exports ${c.file} with ${c.formats?.join(' ') ?? '--all'}: exit ${c.exportCode}, every output complete, no temp file left`, async () => {
      const out = join(dir, 'out', c.file.replace(/\W/g, '_'));
      const run = await notes(['export', ...(c.formats ?? ['--all']), '--out', out, c.file], dir);
      expect(crashLines(run.stderr)).toEqual([]);
      expect(run.code).toBe(c.exportCode);
      if (c.exportSays) expect(run.stderr).toMatch(c.exportSays);
      const files = listFiles(out);
      expect(files.filter((f) => f.endsWith('.tmp'))).toEqual([]);
      const all = !c.formats;
      for (const name of OUTPUTS) if (all || name !== 'cheatsheet.pdf') expect(files).toContain(name);
      expect(files.some((f) => f.startsWith('markdown/'))).toBe(true);
      JSON.parse(readFileSync(join(out, 'notes.json'), 'utf8'));
      if (all) expect(readFileSync(join(out, 'cheatsheet.pdf')).subarray(-6).toString('latin1')).toMatch(/%%EOF\s*$/);
    });
  }

  it('keeps the BOM and CRLF out of the exported text', async () => {
    const out = join(dir, 'out/bom-crlf');
    const run = await notes(['export', '--json', '--md', '--out', out, 'in/bom.md', 'in/crlf.md'], dir);
    expect(run.code).toBe(0);
    const json = readFileSync(join(out, 'notes.json'), 'utf8');
    expect(json).not.toContain('\uFEFF');
    expect(json).not.toContain('\\r');
    expect(json).toContain('What is S3?');
  });

  it('refuses a binary file with exit 2 for lint and every export, and writes nothing', async () => {
    for (const args of [
      ['lint'],
      ['export', '--json'],
      ['export', '--md'],
      ['export', '--anki'],
      ['export', '--pdf'],
      ['build'],
    ]) {
      const out = join(dir, 'out', `binary-${args.join('-')}`);
      const run = await notes([...args, ...(args[0] === 'lint' ? [] : ['--out', out]), 'binary/image.md'], dir);
      expect(crashLines(run.stderr), args.join(' ')).toEqual([]);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr.trim()).toBe(
        'notes: binary/image.md: binary file (NUL byte at offset 8), not Markdown text: remove it or give it another extension',
      );
      expect(listFiles(out)).toEqual([]);
    }
  });

  it('exports every small bad file at once with each format flag', async () => {
    for (const flag of ['--json', '--md', '--anki', '--pdf']) {
      const out = join(dir, 'out', `each${flag}`);
      const run = await notes(['export', flag, '--out', out, 'in'], dir);
      expect(crashLines(run.stderr), flag).toEqual([]);
      expect(run.code, flag).toBe(0);
      const files = listFiles(out);
      expect(files.length, flag).toBeGreaterThan(0);
      expect(files.filter((f) => f.endsWith('.tmp'))).toEqual([]);
    }
  });

  it('reports a missing path with exit 2 and one line', async () => {
    for (const args of [
      ['lint', 'nope.md'],
      ['export', '--all', 'no/such/folder'],
      ['build', 'nope.md'],
    ]) {
      const run = await notes(args, dir);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(run.stderr).toMatch(/^notes: (nope\.md|no\/such\/folder): no such file or folder: check the path\n$/);
    }
  });

  it('reports an output folder below a regular file (ENOTDIR, which stops root too) with exit 2, nothing written', async () => {
    for (const args of [['export', '--json'], ['export', '--all'], ['build']]) {
      const run = await notes([...args, '--out', 'a-file/out', 'in/bom.md'], dir);
      expect(crashLines(run.stderr)).toEqual([]);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr).toMatch(
        /^notes: a-file\/out\/[\w./-]+: a part of this path is a file, not a folder: choose another path\n$/,
      );
      expect(readFileSync(join(dir, 'a-file'), 'utf8')).toBe('not a folder\n');
    }
  });

  it('reports an output folder the kernel refuses (/proc) with exit 2 instead of hanging', async () => {
    const run = await notes(['export', '--md', '--out', '/proc/notes-e2e-out', 'in/bom.md'], dir, 60_000);
    expect(run.signal).toBeNull();
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^notes: \/proc\/notes-e2e-out\/\S+: no such file or folder: check the path\n$/);
  });

  it('refuses to --fix a read-only file (even as root) with exit 2 and leaves it untouched', async () => {
    const damaged = '# Topic\n\n## What is S3?\n\nIt\u00e2\u20ac\u2122s object storage.\n';
    const path = put('ro/notes.md', damaged);
    chmodSync(path, 0o444);
    const run = await notes(['lint', '--fix', 'ro/notes.md'], dir);
    expect(crashLines(run.stderr)).toEqual([]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      'notes: ro/notes.md: file is read-only, so --fix cannot repair it: make it writable (chmod u+w) or fix it by hand',
    );
    expect(readFileSync(path, 'utf8')).toBe(damaged);
    expect(statSync(path).mode & 0o777).toBe(0o444);
    expect(readdirSync(join(dir, 'ro'))).toEqual(['notes.md']);
  });

  it('skips a symlink loop in the input folder with a warning naming the link, and still works', async () => {
    const lint = await notes(['lint', 'loop'], dir, 60_000);
    expect(lint.signal).toBeNull();
    expect(crashLines(lint.stderr)).toEqual([]);
    expect(lint.code).toBe(0);
    expect(lint.stderr).toContain('notes: loop/sub/up: symbolic link loop (back to loop), skipped: remove the link');
    expect(lint.stderr).toContain(
      'notes: loop/self-a.md: too many levels of symbolic links: remove the link loop; skipped',
    );
    const out = join(dir, 'out/loop');
    const run = await notes(['export', '--all', '--out', out, 'loop'], dir, 60_000);
    expect(run.code).toBe(0);
    expect(readFileSync(join(out, 'notes.json'), 'utf8')).toContain('What is EC2?');
    expect(readFileSync(join(out, 'notes.json'), 'utf8').match(/What is EC2\?/g)).toHaveLength(1);
  });

  it('leaves every old output intact when killed in the middle of writing', async () => {
    put('kill/notes.md', readFileSync(RAW_NOTES));
    const out = join(dir, 'out/kill');
    expect((await notes(['export', '--all', '--out', out, 'kill'], dir)).code).toBe(0);
    const names = listFiles(out);
    const old = new Map(names.map((n) => [n, readFileSync(join(out, n))]));
    copyFileSync(RAW_NOTES, join(dir, 'kill/notes.md'));
    writeFileSync(
      join(dir, 'kill/notes.md'),
      `${readFileSync(RAW_NOTES, 'utf8')}\n## What changed in the second run?\n\nEverything.\n`,
    );
    const ref = join(dir, 'out/kill-ref');
    // The new complete outputs are those made from the same history: the Anki id map of the first run.
    mkdirSync(ref, { recursive: true });
    for (const name of names.filter((n) => n.endsWith('anki-ids.json'))) copyFileSync(join(out, name), join(ref, name));
    expect((await notes(['export', '--all', '--out', ref, 'kill'], dir)).code).toBe(0);
    let killedMidWrite = false;
    for (let attempt = 0; attempt < 3 && !killedMidWrite; attempt++) {
      const child = spawn(process.execPath, [BIN, 'export', '--all', '--out', out, 'kill'], {
        cwd: dir,
        stdio: 'ignore',
      });
      // Kill at the first temporary file: the moment a non-atomic writer would leave half a file.
      const watcher = watch(out, { recursive: true }, (_event, name) => {
        if (String(name).endsWith('.tmp')) child.kill('SIGKILL');
      });
      const [code, signal] = await new Promise<[number | null, string | null]>((done) =>
        child.on('close', (c, s) => done([c, s])),
      );
      watcher.close();
      killedMidWrite = signal === 'SIGKILL';
      if (!killedMidWrite) expect(code).toBe(0);
      for (const name of names) {
        const now = readFileSync(join(out, name));
        const whole = now.equals(old.get(name)!) || now.equals(readFileSync(join(ref, name)));
        expect(whole, `${name} is neither the old nor the new complete file`).toBe(true);
      }
      // What a kill leaves is only hidden temporaries, never a damaged output under its real name.
      for (const name of listFiles(out))
        if (!names.includes(name)) expect(name).toMatch(/(^|\/)\.[^/]+\.\d+\.[0-9a-f]+\.tmp$/);
    }
    expect(killedMidWrite).toBe(true);
  });
});
