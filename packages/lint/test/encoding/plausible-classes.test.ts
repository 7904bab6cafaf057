import { describe, expect, it } from 'vitest';
import { letterAt } from '../../src/encoding/plausible.js';

describe('letterAt', () => {
  it('is true exactly for the letters that are not modifier letters (Ll, Lu, Lt, Lo), over every code point', () => {
    const WORD_LETTER = /[\p{Ll}\p{Lu}\p{Lt}\p{Lo}]/u;
    const wrong: number[] = [];
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const ch = String.fromCodePoint(cp);
      if (letterAt(ch, 0) !== WORD_LETTER.test(ch)) wrong.push(cp);
    }
    expect(wrong).toEqual([]);
  });
});
