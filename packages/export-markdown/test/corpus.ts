import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { markdownFiles, roundTrip } from './roundtrip.js';

/** Other people's notes (../shared/corpora from the repo root); the corpus tests skip when it is absent. */
export const CORPUS = new URL('../../../../shared/corpora/', import.meta.url).pathname;

/**
 * Files whose round trip is known not to be perfect, with the reason. Keep this list short and explained.
 */
export const EXCEPTIONS: Readonly<Record<string, string>> = {};

/** The corpus round trip for every `shards`-th file starting at `shard` (split so test files run in parallel). */
export function corpusShard(shard: number, shards: number): void {
  describe.skipIf(!existsSync(CORPUS))(`corpus round trip, shard ${shard + 1} of ${shards}`, () => {
    it('loses no word, adds no lint error, leaves nothing fixable and exports to the same bytes again', () => {
      const files = markdownFiles(CORPUS).filter((_, i) => i % shards === shard);
      expect(files.length).toBeGreaterThan(200);
      const problems: string[] = [];
      for (const file of files) {
        const r = roundTrip(file, CORPUS, false);
        if (r.path in EXCEPTIONS) continue;
        if (r.lost.size) problems.push(`${r.path}: lost ${[...r.lost.keys()].slice(0, 5).join(' ')}`);
        if (r.added.size) problems.push(`${r.path}: added ${[...r.added.keys()].slice(0, 5).join(' ')}`);
        if (!r.idempotent) problems.push(`${r.path}: not idempotent`);
        if (r.fixable.length) problems.push(`${r.path}: fixable ${r.fixable.map((m) => `${m.ruleId}@${m.line}`).join(', ')}`);
        for (const i of r.introduced) problems.push(`${r.path}: introduced ${i.ruleId} ×${i.extra} (${i.example.line}: ${i.example.message})`);
      }
      expect(problems).toEqual([]);
    });
  });
}
