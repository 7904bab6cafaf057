import { getHeapStatistics } from 'node:v8';
import { collectGarbageIfGrown } from '@notes/core';
import { describe, expect, it } from 'vitest';

const MB = 1024 * 1024;

describe('collectGarbageIfGrown', () => {
  it('collects once the heap holds much more than was live, then not again until it grows', () => {
    collectGarbageIfGrown(); // sets the baseline if the heap is already big
    // 480 MB of garbage (over the 160 MB floor) that V8 has had no reason to collect yet: dropped just before the call.
    const junk: number[][] = Array.from({ length: 600 }, (_, i) => new Array<number>(100_000).fill(i + 0.5));
    const before = getHeapStatistics().used_heap_size;
    junk.length = 0;
    expect(collectGarbageIfGrown()).toBe(true);
    expect(getHeapStatistics().used_heap_size).toBeLessThan(before - 300 * MB);
    expect(collectGarbageIfGrown()).toBe(false);
  });
});
