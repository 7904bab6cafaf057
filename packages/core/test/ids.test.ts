import { idWords, normalizeForId, stableId } from '@notes/core';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';

/** The definition: NFKC, lower case, words of letters (with their marks) and digits, joined by one space. */
const WORD = /(?:\p{L}(?:(?![\uFE00-\uFE0F\u{E0100}-\u{E01EF}])[\p{Mn}\p{Mc}])*|\p{N})+/gu;
const reference = (text: string) => (text.normalize('NFKC').toLowerCase().match(WORD) ?? []).join(' ');

describe('ids', () => {
  it('normalizes ASCII text exactly as the general definition does', () => {
    const texts = ['', '   ', 'What is SQS? (FIFO_queue) -- 2x, 3.5 GB/s!', 'a\tb\nc\u007fd', 'API-1234 v2.0'];
    for (let c = 0; c < 128; c++) texts.push(`x${String.fromCharCode(c)}Y${c}z`);
    for (const text of texts) expect(normalizeForId(text), JSON.stringify(text)).toBe(reference(text));
  });

  it('normalizes other text by NFKC, case and Unicode words', () => {
    for (const text of [
      'Ünïcode Wörds',
      'ｆｕｌｌｗｉｄｔｈ ＡＢＣ',
      'Kelvin \u212a',
      'हिन्दी भाषा',
      '1️⃣ ⚠️ ok',
      'İstanbul',
    ])
      expect(normalizeForId(text)).toBe(reference(text));
    expect(normalizeForId('ｆｕｌｌｗｉｄｔｈ ＡＢＣ')).toBe('fullwidth abc');
  });

  it('drops emoji, symbols and typographic punctuation around ASCII words exactly as the definition does', () => {
    // Every character of the basic, supplementary and tag planes between ASCII letters and digits: the fast path
    // for emoji and symbols must never keep, split or join a word differently from NFKC and Unicode's letters.
    const differs: string[] = [];
    for (const plane of [0, 1, 14])
      for (let cp = plane * 0x10000; cp < (plane + 1) * 0x10000; cp++) {
        if (cp >= 0xd800 && cp <= 0xdfff) continue;
        const ch = String.fromCodePoint(cp);
        const text = `Ab${ch}c 1${ch}2 ${ch}x ${ch}`;
        if (idWords(text).join(' ') !== reference(text)) differs.push(cp.toString(16));
      }
    expect(differs).toEqual([]);
    expect(idWords('📌 AWS “Prep” Notes — 1️⃣ ✅ ➜ done')).toEqual(['aws', 'prep', 'notes', '1', 'done']);
  });

  it('gives the words of the normalized text as a list, none empty', () => {
    const texts = ['', '   ', 'What is SQS? (FIFO_queue) -- 2x', 'Ünïcode Wörds ｆｕｌｌ', '  a  b  ', '⚠️ 1️⃣ x'];
    for (const text of texts) {
      const words = idWords(text);
      expect(words.join(' '), JSON.stringify(text)).toBe(reference(text));
      expect(words.every((w) => w !== '' && !w.includes(' '))).toBe(true);
    }
    expect(idWords('Ünïcode Wörds, twice')).toEqual(['ünïcode', 'wörds', 'twice']);
  });

  it('hashes the kind and the normalized parts, each after a NUL', () => {
    const expected = createHash('sha256').update('notes/v1\u0000q').update('\u0000aws').update('\u0000what is sqs');
    expect(stableId('q', ['AWS', 'What is SQS?'])).toBe(`q-${expected.digest('hex').slice(0, 16)}`);
  });
});
