import { describe, expect, it } from 'vitest';
import { decodeSet, hashWord, isLexiconWord } from '../../src/encoding/lexicon.js';

/** A Golomb-Rice coded set written the way bench/encoding/lexicon.mjs writes one. */
function encode(values: number[], words: number, bits: number): Uint8Array {
  const out: number[] = [];
  let prev = 0;
  for (const v of values) {
    const gap = v - prev;
    prev = v;
    for (let q = Math.floor(gap / 2 ** bits); q > 0; q--) out.push(1);
    out.push(0);
    for (let b = bits - 1; b >= 0; b--) out.push(Math.floor(gap / 2 ** b) & 1);
  }
  const bytes = new Uint8Array(12 + Math.ceil(out.length / 8));
  const view = new DataView(bytes.buffer);
  view.setUint32(0, words);
  view.setUint32(4, values.length);
  view.setUint32(8, bits);
  out.forEach((bit, i) => {
    if (bit) bytes[12 + (i >> 3)]! |= 0x80 >> (i & 7);
  });
  return bytes;
}

describe('lexicon', () => {
  it('decodes a Golomb-Rice coded set, long quotients and byte boundaries included', () => {
    const values = [0, 1, 5, 1023, 1024, 70000, 70001, 4_000_000];
    expect([...decodeSet(encode(values, 4000, 10)).values]).toEqual(values);
    expect([...decodeSet(encode([3, 9, 200], 100, 3)).values]).toEqual([3, 9, 200]);
  });

  it('hashes UTF-16 code units with FNV-1a', () => {
    expect(hashWord('')).toBe(0x811c9dc5);
    expect(hashWord('a')).toBe(0xe40c292c);
  });

  it('holds Russian word forms a lost byte can blur, in any case, and not their misreadings', () => {
    for (const word of ['использования', 'зависят', 'события', 'Основные', 'Африка'])
      expect(isLexiconWord(word), word).toBe(true);
    for (const word of ['ияпользования', 'зависэт', 'эобытия', 'Оэновные', 'Ёфрика'])
      expect(isLexiconWord(word), word).toBe(false);
  });

  it('holds words of CLDR text in scripts no dictionary covers, and not their misreadings', () => {
    // Hindi, Kannada, Tamil and Korean words of CLDR's time zone, currency and emoji names (vocabulary.mjs).
    for (const word of ['उरुग्वे', 'पुरानी', 'ಮತ್ತು', 'தீவுகள்', '및', 'Árabes']) expect(isLexiconWord(word), word).toBe(true);
    for (const word of ['उर्ग्वे', 'प्रानी', 'ಮತ್ತ್', 'தீவ்கள்', '밁', 'Írabes']) expect(isLexiconWord(word), word).toBe(false);
  });
});
