import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * ~275,000 lower-case English words, sorted, kept as the package's own JSON text (`["a","aa",…]`, 3.3 MB) and
 * searched in place: a lookup bisects the text by offset and reads the word at each step, so loading is only
 * reading the file. (Parsing the JSON into an array took about 60 ms, building a Set of it about 120 ms, and
 * indexing where each word starts about 15 ms.) Loaded only when a rule needs it.
 */
interface WordList {
  text: string;
  /** Offset of the first word. */
  first: number;
  /** Where a word after the last one would start (the end of the search range). */
  end: number;
}

/** Between two words: the closing quote, the comma and the opening quote. */
const SEPARATOR = '","';

let list: WordList | undefined;

function load(): WordList {
  if (list) return list;
  const path = createRequire(import.meta.url).resolve('an-array-of-english-words/index.json');
  // The words are printable ASCII without quotes or backslashes (a test checks the whole list), so each one is
  // the text between `"` and `","`.
  const text = readFileSync(path, 'latin1');
  list = { text, first: text.indexOf('"') + 1, end: text.lastIndexOf('"') + SEPARATOR.length };
  return list;
}

/** The word starting at `start`. */
function wordAt(words: WordList, start: number): string {
  return words.text.slice(start, words.text.indexOf('"', start));
}

/** Where the word after the one starting at `start` starts (`end` after the last word). */
function nextStart(words: WordList, start: number): number {
  return words.text.indexOf('"', start) + SEPARATOR.length;
}

/** The start of the first dictionary word that is not below `key` (or `end`): binary search over offsets. */
function dictionaryLowerBound(words: WordList, key: string): number {
  let lo = words.first;
  let hi = words.end;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    // The last word starting at or before `mid` (mid may fall in the separator after it).
    const before = words.text.lastIndexOf(SEPARATOR, mid - SEPARATOR.length);
    const start = Math.max(lo, before === -1 ? words.first : before + SEPARATOR.length);
    if (wordAt(words, start) < key) lo = nextStart(words, start);
    else hi = start;
  }
  return lo;
}

/** Whether a lower-case word is an English dictionary word. */
export function isWord(word: string): boolean {
  const words = load();
  const start = dictionaryLowerBound(words, word);
  return start < words.end && wordAt(words, start) === word;
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
  for (let at = dictionaryLowerBound(words, prefix); at < words.end; at = nextStart(words, at)) {
    const word = wordAt(words, at);
    if (!word.startsWith(prefix)) return false;
    if (word.length > prefix.length) return true;
  }
  return false;
}

/** Every dictionary word in order (for tests). */
export function dictionaryWords(): string[] {
  const words = load();
  const out: string[] = [];
  for (let at = words.first; at < words.end; at = nextStart(words, at)) out.push(wordAt(words, at));
  return out;
}
