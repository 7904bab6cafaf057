import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { dictionaryWords, isWord, isWordPrefix } from '../src/helpers/english-words.js';

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
});
