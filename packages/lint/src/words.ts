import { createRequire } from 'node:module';

let list: readonly string[] | undefined;
let set: ReadonlySet<string> | undefined;

function load(): readonly string[] {
  // ~275,000 lower-case English words, sorted; loaded only when a rule needs it.
  list ??= createRequire(import.meta.url)('an-array-of-english-words') as string[];
  return list;
}

/** Whether a lower-case word is an English dictionary word. */
export function isWord(word: string): boolean {
  set ??= new Set(load());
  return set.has(word);
}

/** The index of the first string in `sorted` (ascending) that is not below `key` (binary search). */
export function lowerBound(sorted: readonly string[], key: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Whether a lower-case string is the beginning of a longer dictionary word. */
export function isWordPrefix(prefix: string): boolean {
  const words = load();
  for (let i = lowerBound(words, prefix); i < words.length && words[i]!.startsWith(prefix); i++)
    if (words[i]!.length > prefix.length) return true;
  return false;
}
