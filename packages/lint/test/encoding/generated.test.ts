import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// Generated tables are committed; CI regenerates them from the CLDR dev dependencies and fails on a diff.
const bench = new URL('../../../../bench/encoding/', import.meta.url).pathname;
const src = new URL('../../generated/', import.meta.url).pathname;
const tmp = mkdtempSync(join(tmpdir(), 'notes-generated-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function regenerate(
  script: string,
  table: string,
  encoding: 'utf8' | 'hex' = 'utf8',
): { fresh: string; committed: string } {
  const out = join(tmp, table);
  execFileSync(process.execPath, [join(bench, script), out], { stdio: 'ignore' });
  return { fresh: readFileSync(out, encoding), committed: readFileSync(join(src, table), encoding) };
}

describe('generated encoding tables', () => {
  it('regenerates the exemplar-letter table exactly as committed', () => {
    const { fresh, committed } = regenerate('exemplars.mjs', 'exemplars.ts');
    expect(fresh.length).toBeGreaterThan(1000);
    expect(fresh).toBe(committed);
  }, 60_000);

  it('regenerates the character model of lossy repairs exactly as committed', () => {
    const { fresh, committed } = regenerate('lm.mjs', 'lm-table.txt');
    expect(fresh.split('\n')).toHaveLength(5);
    expect(fresh).toBe(committed);
    // lm.mjs reads 1.1 million dictionary words: about 25 s of CPU, several times that on a busy machine.
  }, 360_000);

  it('regenerates the Russian lexicon of lossy repairs exactly as committed', () => {
    const { fresh, committed } = regenerate('lexicon.mjs', 'lexicon-ru.bin', 'hex');
    expect(fresh.length).toBeGreaterThan(1_000_000);
    expect(fresh === committed).toBe(true);
    // lexicon.mjs expands 146,000 Hunspell stems into 1.4 million forms: about 10 s of CPU.
  }, 360_000);

  it('regenerates the CLDR word lexicon of lossy repairs exactly as committed', () => {
    const { fresh, committed } = regenerate('vocabulary.mjs', 'lexicon-cldr.bin', 'hex');
    expect(fresh.length).toBeGreaterThan(100_000);
    expect(fresh === committed).toBe(true);
    // vocabulary.mjs reads 1.9 million CLDR strings: about 9 s of CPU.
  }, 360_000);
});
