import { existsSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { markdownFiles, roundTrip } from './roundtrip.js';

/** Other people's notes (../shared/corpora from the repo root); the corpus tests skip when it is absent. */
export const CORPUS = new URL('../../../../shared/corpora/', import.meta.url).pathname;

/**
 * Files whose round trip is known not to be perfect: the problem allowed (a prefix of the reported line) and
 * why. Keep this list short and explained; bench/markdown-roundtrip.ts reports the same checks on every file.
 * Empty: on the 569 files of the corpus nothing is lost, nothing fixable is left and no lint error is added.
 */
export const EXCEPTIONS: Readonly<Record<string, { allow: string; reason: string }>> = {};

/** Files over this size are left to the bench script: micromark's table tokenizer makes them slow to parse. */
export const MAX_TEST_BYTES = 150_000;

/**
 * The corpus round trip for every `shards`-th file starting at `shard` (split so test files can run in
 * parallel). About 45 s of CPU for all shards together on the 565 files under MAX_TEST_BYTES.
 */
export function corpusShard(shard: number, shards: number): void {
  describe.skipIf(!existsSync(CORPUS))(`corpus round trip, shard ${shard + 1} of ${shards}`, () => {
    it('loses no word, adds no lint error, leaves nothing fixable and exports to the same bytes again', () => {
      const files = markdownFiles(CORPUS).filter((f, i) => i % shards === shard && statSync(f).size <= MAX_TEST_BYTES);
      expect(files.length).toBeGreaterThan(250);
      const problems: string[] = [];
      for (const file of files) {
        const r = roundTrip(file, CORPUS, false);
        const found: string[] = [];
        if (r.lost.size) found.push(`lost ${[...r.lost.keys()].slice(0, 5).join(' ')}`);
        if (r.added.size) found.push(`added ${[...r.added.keys()].slice(0, 5).join(' ')}`);
        if (!r.idempotent) found.push('not idempotent');
        if (r.fixable.length) found.push(`fixable ${r.fixable.map((m) => `${m.ruleId}@${m.line}`).join(', ')}`);
        for (const i of r.introduced)
          found.push(`introduced ${i.ruleId} ×${i.extra} (${i.example.line}: ${i.example.message})`);
        const allowed = EXCEPTIONS[r.path]?.allow;
        for (const f of found) if (!allowed || !f.startsWith(allowed)) problems.push(`${r.path}: ${f}`);
      }
      expect(problems).toEqual([]);
    }, 300_000);
  });
}
