import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { collectGarbageIfGrown, detachedText } from '@notes/core';
import { describe, expect, it, vi } from 'vitest';
import { collectionThreshold } from '../src/heap.js';

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

  it('waits for 40% more than was live, at least 48 MB more, and never for less than 160 MB', () => {
    expect(collectionThreshold(0)).toBe(160 * MB);
    expect(collectionThreshold(100 * MB)).toBe(160 * MB);
    expect(collectionThreshold(115 * MB)).toBe(163 * MB);
    expect(collectionThreshold(140 * MB)).toBe(196 * MB);
    expect(collectionThreshold(500 * MB)).toBe(700 * MB);
  });

  it('reads the heap without the resident size once it has collected (a call after every page of a sheet)', () => {
    const junk: number[][] = Array.from({ length: 600 }, (_, i) => new Array<number>(100_000).fill(i + 0.5));
    junk.length = 0;
    collectGarbageIfGrown();
    const memoryUsage = vi.spyOn(process, 'memoryUsage');
    try {
      expect(collectGarbageIfGrown()).toBe(false);
      expect(memoryUsage).not.toHaveBeenCalled();
    } finally {
      memoryUsage.mockRestore();
    }
  });
});

describe('detachedText', () => {
  it('keeps the characters, lone surrogates and astral ones included', () => {
    const note = `${'a'.repeat(40)}\ud800 héllo 😀 wörld \udfff${'b'.repeat(40)}`;
    for (const text of [note.slice(35, 70), note, 'short', '', `image ${note.slice(30, 60)} not found`])
      expect(detachedText(text)).toBe(text);
  });

  it('lets the note a warning was cut from go, where a slice of it keeps the whole note', () => {
    setFlagsFromString('--expose-gc');
    const collect = runInNewContext('gc') as () => void;
    const heldBy = (keep: (text: string) => string): number => {
      collect();
      const before = getHeapStatistics().used_heap_size;
      // A 32 MB note (flat: slicing a repeat flattens it), and 100 short messages quoting it.
      let note: string | null = 'x'.repeat(32 * MB).slice(1);
      const kept = Array.from({ length: 100 }, (_, i) => keep(`image ${note!.slice(1000 + i, 1040 + i)} not found`));
      note = null;
      collect();
      const held = getHeapStatistics().used_heap_size - before;
      expect(kept).toHaveLength(100);
      return held;
    };
    expect(heldBy((m) => m)).toBeGreaterThan(30 * MB);
    expect(heldBy(detachedText)).toBeLessThan(4 * MB);
  });
});
