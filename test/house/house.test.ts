import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// The house rules of issue 15 that a reader checks by hand, kept as tests so they stay true.
const ROOT = new URL('../../', import.meta.url).pathname;
/** Hand-written source files stay small enough to read in one sitting; generated code lives outside `src/`. */
const MAX_SOURCE_LINES = 400;

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)],
  );
}

const sources = readdirSync(join(ROOT, 'packages')).flatMap((p) => {
  const src = join(ROOT, 'packages', p, 'src');
  try {
    return files(src);
  } catch {
    return [];
  }
});

describe('the house', () => {
  it('finds the sources of every package', () => {
    expect(sources.some((f) => f.endsWith('packages/core/src/index.ts'))).toBe(true);
    expect(sources.some((f) => f.endsWith('packages/cli/src/main.ts'))).toBe(true);
  });

  it(`keeps every file under packages/*/src at ${MAX_SOURCE_LINES} lines or fewer`, () => {
    const long = sources
      .map((f) => ({ file: relative(ROOT, f), lines: readFileSync(f, 'utf8').split('\n').length - 1 }))
      .filter((f) => f.lines > MAX_SOURCE_LINES);
    expect(long).toEqual([]);
  });

  it('keeps no module-level document text in core (buildDocument is re-entrant)', () => {
    const core = sources.filter((f) => f.includes('/packages/core/src/'));
    expect(core.filter((f) => readFileSync(f, 'utf8').includes('currentText'))).toEqual([]);
  });
});
