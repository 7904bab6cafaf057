import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { dictionaryWords, isWord, isWordPrefix, WordList, wordListPath } from '../src/helpers/english-words.js';

const array = createRequire(import.meta.url)('an-array-of-english-words') as string[];

describe('the compact word list', () => {
  it('holds exactly the package’s words, in order', () => {
    expect(array.every((w) => /^[\x20-\x7e]+$/.test(w) && !w.includes('"') && !w.includes('\\'))).toBe(true);
    expect(dictionaryWords()).toEqual(array);
  });

  it('answers isWord like a Set of the words', () => {
    const set = new Set(array);
    for (const w of ['a', 'zzzs', 'topic', 'topi', 'aardvark', 'aardvar', '', 'zzzz', 'kubernetes', 'the'])
      expect(isWord(w), w).toBe(set.has(w));
    for (let i = 0; i < array.length; i += 997) expect(isWord(array[i]!)).toBe(true);
  });

  it('answers isWordPrefix like a scan of the words', () => {
    for (const p of ['topi', 'aardvar', 'aardvark', 'zzz', 'zzzs', 'qqq', 'sched', 'a'])
      expect(isWordPrefix(p), p).toBe(array.some((w) => w.startsWith(p) && w.length > p.length));
  });

  it('reads only the pages its look-ups reach, with the same answers as the whole text', () => {
    const set = new Set(array);
    const paged = new WordList(wordListPath(), Infinity);
    const whole = new WordList(wordListPath(), 0);
    expect([paged.first, paged.end]).toEqual([whole.first, whole.end]);
    // A file's few look-ups (text/truncated asks about the last words of paragraphs) read a few pages of 4 KB.
    for (const w of ['topi', 'topic', 'kubernetes']) expect(paged.isWord(w), w).toBe(set.has(w));
    expect(paged.pagesRead).toBeGreaterThan(0);
    expect(paged.pagesRead).toBeLessThanOrEqual(30);
    // Words at page edges and everywhere else: the same answers as the whole text, and as the array.
    for (let i = 0; i < array.length; i += 331) {
      const w = array[i]!;
      for (const probe of [w, w.slice(0, -1), `${w}q`]) {
        expect(paged.isWord(probe), probe).toBe(set.has(probe));
        expect(paged.isWordPrefix(probe), probe).toBe(whole.isWordPrefix(probe));
      }
    }
    expect(whole.pagesRead).toBe(Math.ceil(statSync(wordListPath()).size / 4096));
    expect(paged.words()).toEqual(array);
  });
});
