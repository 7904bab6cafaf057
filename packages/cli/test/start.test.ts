import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BUNDLE, cachePathOf, start } from '../dist/start.js';

const START = fileURLToPath(new URL('../dist/start.js', import.meta.url));

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

  it('runs from source when the cache is missing or rejected, with the same behaviour', () => {
    // A copy beside the bundle's folder, so that it finds the same packages; each start in a fresh process (V8
    // would reuse the first compilation of the same script).
    const dir = mkdtempSync(join(BUNDLE, '..', '..', 'start-test-'));
    const runs = [];
    try {
      const copy = join(dir, 'notes.cjs');
      copyFileSync(BUNDLE, copy);
      for (const cache of [null, Buffer.from('not a V8 code cache')]) {
        if (cache) writeFileSync(cachePathOf(readFileSync(copy, 'utf8'), copy)!, cache);
        const script = `import { start } from ${JSON.stringify(pathToFileURL(START).href)};
          const started = start(${JSON.stringify(copy)});
          let text = '';
          const out = { write: (chunk) => void (text += chunk) };
          const code = await started.main({ argv: ['--help'], cwd: process.cwd(), stdout: out, stderr: out, env: {} });
          console.log(JSON.stringify({ cached: started.cached, code, text }));`;
        const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
        expect(r.stderr).toBe('');
        runs.push(JSON.parse(r.stdout) as { cached: boolean; code: number; text: string });
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect(runs[0]).toMatchObject({ cached: false, code: 0, text: expect.stringMatching(/^Usage:/) });
    expect(runs[1]).toEqual(runs[0]);
  });

  it('names no cache for a bundle without its build line', () => {
    expect(cachePathOf('module.exports = {};\n')).toBeNull();
  });
});
