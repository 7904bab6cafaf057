import { spawn } from 'node:child_process';
import { mkdir, readFile, readdir, stat, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, run, tempDir } from './helpers.js';

/** Every file below `dir` (outside node_modules) with its bytes and modification time. */
async function tree(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name);
    if (!entry.isFile() || path.includes('node_modules')) continue;
    out[path.slice(dir.length + 1)] = `${(await stat(path)).mtimeMs} ${await readFile(path, 'utf8')}`;
  }
  return out;
}

function npx(args: string[], cwd: string): Promise<{ code: number | null; stderr: string }> {
  return new Promise((done) => {
    const child = spawn('npx', ['--no', ...args], { cwd, env: { ...process.env, NOTES_DEBUG: '' } });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.stdout.resume();
    child.on('close', (code) => done({ code, stderr }));
  });
}

describe('notes init', () => {
  it('sets up an empty folder where npx notes build then works, and a second run changes nothing', async () => {
    const dir = await tempDir();
    const first = await run(['init'], { cwd: dir });
    expect(first.code).toBe(0);
    expect(first.stdout).toBe(
      [
        'notes: created notes.config.json',
        'notes: created content/example.md',
        'notes: created .github/workflows/notes.yml',
        'notes: created .gitignore (ignores dist/)',
        'notes: next: npx notes lint, then npx notes build (writes dist/)',
        '',
      ].join('\n'),
    );
    const config = JSON.parse(await readFile(join(dir, 'notes.config.json'), 'utf8')) as Record<string, unknown>;
    expect(config['$schema']).toBe('https://notes.dev/schemas/config.schema.json');
    expect(await readFile(join(dir, '.gitignore'), 'utf8')).toBe('dist/\n');
    const workflow = await readFile(join(dir, '.github/workflows/notes.yml'), 'utf8');
    expect(workflow).toContain('npx notes lint --format github');
    expect(workflow).toContain('npm install --no-save @notes/cli');

    // The example note lints clean.
    expect(await run(['lint'], { cwd: dir })).toMatchObject({ code: 0, stdout: '' });

    // `npx notes build` with @notes/cli installed (linked, as npm links a local package).
    await mkdir(join(dir, 'node_modules/@notes'), { recursive: true });
    await mkdir(join(dir, 'node_modules/.bin'));
    await symlink(join(ROOT, 'packages/cli'), join(dir, 'node_modules/@notes/cli'));
    await symlink('../@notes/cli/bin/notes.js', join(dir, 'node_modules/.bin/notes'));
    const built = await npx(['notes', 'build'], dir);
    expect(built).toMatchObject({ code: 0 });
    const dataset = JSON.parse(await readFile(join(dir, 'dist/notes.json'), 'utf8')) as object;
    expect(JSON.stringify(dataset)).toContain('How do I make flash cards?');
    expect((await readdir(join(dir, 'dist'))).sort()).toEqual([
      'cheatsheet.pdf',
      'markdown',
      'notes.apkg',
      'notes.json',
      'site',
    ]);

    const before = await tree(dir);
    const second = await run(['init'], { cwd: dir });
    expect(second.code).toBe(0);
    expect(second.stdout).toBe(
      'notes: nothing changed: notes.config.json (already up to date), content/example.md (already up to date), .github/workflows/notes.yml (already up to date), .gitignore (already ignores dist/)\n',
    );
    expect(await tree(dir)).toEqual(before);
  });

  it('never overwrites a file without --force, and adds to an existing .gitignore', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'notes.config.json'), '{ "rules": { "text/truncated": "off" } }\n');
    await writeFile(join(dir, '.gitignore'), 'node_modules/');
    await writeFile(join(dir, 'package.json'), '{ "private": true }\n');
    await mkdir(join(dir, 'content'));
    await writeFile(join(dir, 'content/mine.md'), '# Mine\n');
    const result = await run(['init'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('notes: kept notes.config.json (exists; --force overwrites it)');
    expect(result.stdout).toContain('notes: updated .gitignore (ignores dist/)');
    expect(await readFile(join(dir, 'notes.config.json'), 'utf8')).toBe('{ "rules": { "text/truncated": "off" } }\n');
    expect(await readFile(join(dir, '.gitignore'), 'utf8')).toBe('node_modules/\ndist/\n');
    // Notes are there already: no example is added; the workflow installs from package.json.
    expect(await readdir(join(dir, 'content'))).toEqual(['mine.md']);
    expect(await readFile(join(dir, '.github/workflows/notes.yml'), 'utf8')).toContain('- run: npm ci');

    const forced = await run(['init', '--force'], { cwd: dir });
    expect(forced.stdout).toContain('notes: overwrote notes.config.json');
    expect(JSON.parse(await readFile(join(dir, 'notes.config.json'), 'utf8'))).toEqual({
      $schema: 'https://notes.dev/schemas/config.schema.json',
      rules: {},
    });
  });
});
