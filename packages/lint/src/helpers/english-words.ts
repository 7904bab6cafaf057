import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * ~275,000 lower-case English words, sorted, kept as the package's own JSON text (`["a","aa",…]`, 3.3 MB) with
 * an index of where each word starts: reading the text and indexing it takes a few milliseconds, where parsing
 * the JSON into an array took about 60 ms and building a Set of it about 120 ms. Loaded only when a rule needs it.
 */
interface WordList {
  text: string;
  /** Start of each word in `text`, and one more entry past the end (the start the next word would have). */
  starts: Int32Array;
}

let list: WordList | undefined;

function load(): WordList {
  if (list) return list;
  const path = createRequire(import.meta.url).resolve('an-array-of-english-words/index.json');
  // The words are printable ASCII without quotes or backslashes (a test checks the whole list), so each one is
  // the text between `"` and `","`.
  const text = readFileSync(path, 'latin1');
  const first = text.indexOf('"') + 1;
  const last = text.lastIndexOf('"');
  const starts: number[] = [first];
  for (let i = text.indexOf('","', first); i !== -1 && i < last; i = text.indexOf('","', i + 3)) starts.push(i + 3);
  starts.push(last + 3);
  list = { text, starts: Int32Array.from(starts) };
  return list;
}

/** The dictionary's word at `index` (0-based). */
function wordAt(words: WordList, index: number): string {
  return words.text.slice(words.starts[index], words.starts[index + 1]! - 3);
}

/** How many words the dictionary has. */
function size(words: WordList): number {
  return words.starts.length - 1;
}

/** The index of the first dictionary word that is not below `key` (binary search). */
function dictionaryLowerBound(words: WordList, key: string): number {
  let lo = 0;
  let hi = size(words);
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (wordAt(words, mid) < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Whether a lower-case word is an English dictionary word. */
export function isWord(word: string): boolean {
  const words = load();
  const i = dictionaryLowerBound(words, word);
  return i < size(words) && wordAt(words, i) === word;
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
  const n = size(words);
  for (let i = dictionaryLowerBound(words, prefix); i < n; i++) {
    const word = wordAt(words, i);
    if (!word.startsWith(prefix)) return false;
    if (word.length > prefix.length) return true;
  }
  return false;
}

/** Every dictionary word in order (for tests). */
export function dictionaryWords(): string[] {
  const words = load();
  return Array.from({ length: size(words) }, (_, i) => wordAt(words, i));
}
