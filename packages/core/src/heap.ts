import { runInNewContext } from 'node:vm';

const MB = 1024 * 1024;
let collector: (() => void) | undefined;
/** `node:v8`, once a collection loaded it. */
let v8: typeof import('node:v8') | undefined;
/** Live heap after the last collection. */
let live = 0;

/**
 * A forced collection waits for a heap of at least this much: on 3 MB of real notes (bench/memory) the cheat
 * sheet's parts then peak near 350 MB resident, where a 384 MB floor let them reach 650 MB; below it, collections
 * cost more time than the memory they return.
 */
const FLOOR = 160 * MB;

/** Growth over the live heap a forced collection allows at least (see collectionThreshold). */
const ALLOWANCE = 48 * MB;

/**
 * The heap a forced collection waits for, `live` bytes having been live after the last one: FLOOR, and 40% more
 * than was live, or ALLOWANCE more for a heap of less than 120 MB live. A fixed 64 MB on top of the 40% (as it
 * was) let the cheat sheet of 3 MB of Korean notes, with 140 MB live, reach 300 MB of heap between its parts'
 * collections, and `export --all` 430 MB resident; the 40% alone keeps the collections of big heaps as rare as
 * they were, relative to what each one costs.
 */
export function collectionThreshold(live: number): number {
  return Math.max(live + Math.max(live * 0.4, ALLOWANCE), FLOOR);
}

/**
 * Between big steps of a long run (a file read and modelled, a part of a cheat sheet laid out): a full garbage
 * collection once the heap holds collectionThreshold of what was live after the last one. V8 lets a heap that
 * allocates fast grow to several times what is live before it collects: on 2,272 real notes (21 MB) `export
 * --json` peaked at 1.85 GB with about 500 MB live, and a 2,000-file cheat sheet at 1.2 GB with 280 MB live.
 * `--expose-gc` is set at run time and `gc` taken from a new context, the way jest's leak detector does it.
 * Returns whether it collected.
 */
export function collectGarbageIfGrown(): boolean {
  const used = heapUsed();
  if (used < collectionThreshold(live)) return false;
  if (collector === undefined) {
    // `node:v8` loads only here: loading it cost every run about 3 ms, and most never collect.
    v8 = process.getBuiltinModule('node:v8');
    v8.setFlagsFromString('--expose-gc');
    collector = runInNewContext('gc') as () => void;
  }
  collector();
  live = heapUsed();
  return true;
}

/**
 * The heap's used size: `process.memoryUsage()`'s `heapUsed` until `node:v8` is loaded, then the same
 * `used_heap_size` from `v8.getHeapStatistics()`, which does not read the process's resident size as well (from
 * /proc, about 0.35 ms a call: a 10 MB sheet asks after each of its 3,334 pages).
 */
function heapUsed(): number {
  return v8 === undefined ? process.memoryUsage().heapUsed : v8.getHeapStatistics().used_heap_size;
}

/**
 * A copy of `text` that keeps no other string alive. V8 keeps a substring of 13 characters or more as a slice of
 * the string it was cut from, and a concatenation as its pieces: a short warning that quotes a note (an image's
 * path, a heading) holds the whole note's text for as long as it lives. For text kept long after the notes it
 * came from are let go (warnings printed at the end of a run, cache keys). The same characters, lone surrogates
 * included.
 */
export function detachedText(text: string): string {
  return text.length < 13 ? text : (JSON.parse(JSON.stringify(text)) as string);
}
