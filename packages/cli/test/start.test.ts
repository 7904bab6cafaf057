import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bundledPlugins } from '@notes/lint';
import { BUNDLE, cachePathOf, PARAMETERS, readBundle, start } from '../dist/start.js';

const START = fileURLToPath(new URL('../dist/start.js', import.meta.url));

/** Start a bundle in a fresh process (V8 would reuse the first compilation of the same script) and ask for help. */
function startIn(bundle: string): { cached: boolean; code: number; text: string } {
  const script = `import { start } from ${JSON.stringify(pathToFileURL(START).href)};
    const started = start(${JSON.stringify(bundle)});
    let text = '';
    const out = { write: (chunk) => void (text += chunk) };
    const code = await started.main({ argv: ['--help'], cwd: process.cwd(), stdout: out, stderr: out, env: {} });
    console.log(JSON.stringify({ cached: started.cached, code, text }));`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout) as { cached: boolean; code: number; text: string };
}

describe('the bundle and its code cache (src/start.ts)', () => {
  it('ships the cache of its own build, and V8 takes it', () => {
    const source = readFileSync(BUNDLE, 'utf8');
    const cache = cachePathOf(source);
    expect(cache).not.toBeNull();
    // One cache beside the bundle: the one its last line names.
    const caches = readdirSync(join(BUNDLE, '..')).filter((name) => name.endsWith('.cache'));
    expect(caches).toEqual([cache!.split('/').pop()]);
    expect(start().cached).toBe(true);
  });

  it('is one function expression in ASCII, so that it is read as Latin-1 outside the heap', () => {
    const bytes = readFileSync(BUNDLE);
    expect(bytes.every((byte) => byte < 0x80)).toBe(true);
    expect(bytes.toString('latin1').startsWith(`(function (${PARAMETERS.join(', ')}) {`)).toBe(true);
    expect(readBundle()).toBe(bytes.toString('utf8'));
  });

  it('runs from source when the cache is missing or rejected, with the same behaviour', () => {
    // A copy beside the bundle's folder, so that it finds the same packages.
    const dir = mkdtempSync(join(BUNDLE, '..', '..', 'start-test-'));
    const runs = [];
    try {
      const copy = join(dir, 'notes.cjs');
      copyFileSync(BUNDLE, copy);
      for (const cache of [null, Buffer.from('not a V8 code cache')]) {
        if (cache) writeFileSync(cachePathOf(readFileSync(copy, 'utf8'), copy)!, cache);
        runs.push(startIn(copy));
      }
      // A bundle that is not ASCII (a build by other means) is read as UTF-8: the same behaviour.
      const text = readFileSync(copy, 'utf8');
      const at = text.lastIndexOf('\n// notes-build ');
      writeFileSync(copy, `${text.slice(0, at)}\n// naïve\n${text.slice(at + 1)}`);
      expect(readBundle(copy)).toContain('// naïve\n');
      runs.push(startIn(copy));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect(runs[0]).toMatchObject({ cached: false, code: 0, text: expect.stringMatching(/^Usage:/) });
    expect(runs[1]).toEqual(runs[0]);
    expect(runs[2]).toEqual(runs[0]);
  });

  it('resolves what the bundle resolves to the same files from bin/notes.js (CommonJS) as from an ES module', () => {
    // dist/start.cjs stands for `import.meta.resolve` with Node's CommonJS resolution: for the packages the bundle
    // resolves (named in its text, and the rule plugins worker threads import by URL), both must give the same file.
    const named = [...readBundle().matchAll(/__notesImportMetaResolve\("([^"]+)"\)/g)].map((m) => m[1]!);
    const specifiers = [...new Set([...named, ...bundledPlugins])];
    expect(specifiers).toEqual(expect.arrayContaining(['@notes/site', '@notes/export-pdf/rules']));
    const startCjs = fileURLToPath(new URL('../dist/start.cjs', import.meta.url));
    const script = `import { createRequire } from 'node:module';
      import { pathToFileURL } from 'node:url';
      const require = createRequire(${JSON.stringify(startCjs)});
      const both = ${JSON.stringify(specifiers)}.map((s) => [import.meta.resolve(s), pathToFileURL(require.resolve(s)).href]);
      console.log(JSON.stringify(both));`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: join(startCjs, '..'),
      encoding: 'utf8',
    });
    expect(r.stderr).toBe('');
    const both = JSON.parse(r.stdout) as [string, string][];
    expect(both).toHaveLength(specifiers.length);
    for (const [esm, cjs] of both) expect(cjs).toBe(esm);
  });

  it('names no cache for a bundle without its build line', () => {
    expect(cachePathOf('module.exports = {};\n')).toBeNull();
  });
});
