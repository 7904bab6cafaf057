import { closeSync, openSync, readFileSync, readSync, fstatSync } from 'node:fs';
import { createRequire } from 'node:module';

/** Between two words: the closing quote, the comma and the opening quote. */
const SEPARATOR = '","';
/** The file is read in pages of this many bytes, each once, as a look-up reaches it. */
const PAGE = 1 << 12;
/** Past this many pages (a long run with many look-ups), the rest of the file is read at once. */
const MAX_PAGES = 128;

/**
 * ~275,000 lower-case English words, sorted, kept as the package's own JSON text (`["a","aa",…]`, 3.3 MB) and
 * searched in place: a look-up bisects the text by offset and reads the word at each step. (Parsing the JSON
 * into an array took about 60 ms, building a Set of it about 120 ms, and indexing where each word starts about
 * 15 ms.) The text is read page by page as the look-ups reach it: a file's few look-ups read a few dozen
 * kilobytes instead of the whole 3.3 MB (about 5 ms of every `notes lint`); after `maxPages` pages the rest is
 * read at once. The words are printable ASCII without quotes or backslashes (a test checks the whole list), so
 * each one is the text between `"` and `","`, and a byte is a character.
 */
export class WordList {
  readonly #path: string;
  readonly #maxPages: number;
  #fd: number | undefined;
  readonly #size: number;
  readonly #pages = new Map<number, string>();
  #whole: string | undefined;
  /** Offset of the first word. */
  readonly first: number;
  /** Where a word after the last one would start (the end of the search range). */
  readonly end: number;

  constructor(path: string, maxPages = MAX_PAGES) {
    this.#path = path;
    this.#maxPages = maxPages;
    this.#fd = openSync(path, 'r');
    this.#size = fstatSync(this.#fd).size;
    this.first = this.#indexOfQuote(0) + 1;
    let last = -1;
    for (let n = 64; last === -1 && n < 2 * this.#size; n *= 2) {
      const from = Math.max(0, this.#size - n);
      const k = this.#slice(from, this.#size).lastIndexOf('"');
      if (k !== -1) last = from + k;
    }
    this.end = last + SEPARATOR.length;
  }

  /** Pages read so far (the whole file counts as all of them). */
  get pagesRead(): number {
    return this.#whole === undefined ? this.#pages.size : Math.ceil(this.#size / PAGE);
  }

  /** The text from `from` to `to` (clamped to the file). */
  #slice(from: number, to: number): string {
    if (this.#whole !== undefined) return this.#whole.slice(from, to);
    from = Math.max(0, from);
    to = Math.min(this.#size, to);
    let out = '';
    for (let p = Math.floor(from / PAGE); p * PAGE < to; p++) {
      let page = this.#pages.get(p);
      if (page === undefined) {
        if (this.#pages.size >= this.#maxPages) {
          this.#whole = readFileSync(this.#path, 'latin1');
          closeSync(this.#fd!);
          this.#fd = undefined;
          this.#pages.clear();
          return this.#whole.slice(from, to);
        }
        const bytes = Buffer.allocUnsafe(Math.min(PAGE, this.#size - p * PAGE));
        for (let got = 0; got < bytes.length;) {
          const n = readSync(this.#fd!, bytes, got, bytes.length - got, p * PAGE + got);
          if (n === 0) throw new Error(`${this.#path} ended early at byte ${p * PAGE + got}`);
          got += n;
        }
        page = bytes.toString('latin1');
        this.#pages.set(p, page);
      }
      out += page.slice(Math.max(0, from - p * PAGE), to - p * PAGE);
    }
    return out;
  }

  /** The offset of the first `"` at or after `at` (-1 when there is none), like `text.indexOf('"', at)`. */
  #indexOfQuote(at: number): number {
    for (let n = 64; ; n *= 2) {
      const k = this.#slice(at, at + n).indexOf('"');
      if (k !== -1) return at + k;
      if (at + n >= this.#size) return -1;
    }
  }

  /** The offset of the last separator starting at or before `at`, like `text.lastIndexOf(SEPARATOR, at)`. */
  #lastIndexOfSeparator(at: number): number {
    at = Math.max(0, at);
    for (let n = 64; ; n *= 2) {
      const from = Math.max(0, at - n);
      const k = this.#slice(from, at + SEPARATOR.length).lastIndexOf(SEPARATOR, at - from);
      if (k !== -1) return from + k;
      if (from === 0) return -1;
    }
  }

  /** The word starting at `start`. */
  wordAt(start: number): string {
    return this.#slice(start, this.#indexOfQuote(start));
  }

  /** Where the word after the one starting at `start` starts (`end` after the last word). */
  nextStart(start: number): number {
    return this.#indexOfQuote(start) + SEPARATOR.length;
  }

  /** The start of the first dictionary word that is not below `key` (or `end`): binary search over offsets. */
  lowerBound(key: string): number {
    let lo = this.first;
    let hi = this.end;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      // The last word starting at or before `mid` (mid may fall in the separator after it).
      const before = this.#lastIndexOfSeparator(mid - SEPARATOR.length);
      const start = Math.max(lo, before === -1 ? this.first : before + SEPARATOR.length);
      if (this.wordAt(start) < key) lo = this.nextStart(start);
      else hi = start;
    }
    return lo;
  }

  /** Whether a lower-case word is a dictionary word. */
  isWord(word: string): boolean {
    const start = this.lowerBound(word);
    return start < this.end && this.wordAt(start) === word;
  }

  /** Whether a lower-case string is the beginning of a longer dictionary word. */
  isWordPrefix(prefix: string): boolean {
    for (let at = this.lowerBound(prefix); at < this.end; at = this.nextStart(at)) {
      const word = this.wordAt(at);
      if (!word.startsWith(prefix)) return false;
      if (word.length > prefix.length) return true;
    }
    return false;
  }

  /** Every word in order. */
  words(): string[] {
    const out: string[] = [];
    for (let at = this.first; at < this.end; at = this.nextStart(at)) out.push(this.wordAt(at));
    return out;
  }
}

/** Where the package's list is. */
export function wordListPath(): string {
  return createRequire(import.meta.url).resolve('an-array-of-english-words/index.json');
}

let list: WordList | undefined;

/** The one list of the process, opened when a rule first needs it. */
function load(): WordList {
  return (list ??= new WordList(wordListPath()));
}

/** Whether a lower-case word is an English dictionary word. */
export function isWord(word: string): boolean {
  return load().isWord(word);
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
  return load().isWordPrefix(prefix);
}

/** Every dictionary word in order (for tests). */
export function dictionaryWords(): string[] {
  return load().words();
}
