/**
 * A word lexicon, the second signal (beside the character model of `lm.ts`) for choosing among the repairs of
 * lossy mojibake: a reading that makes a known word beats one that does not (`испански`, not `ияпански`; Hindi
 * `स्वीडन`, not `सुवीडन`).
 *
 * Two sets, each of the lower-cased word forms that a lost byte can blur: `generated/lexicon-ru.bin` (made by
 * bench/encoding/lexicon.mjs from the Russian Hunspell dictionary) and `generated/lexicon-cldr.bin` (made by
 * bench/encoding/vocabulary.mjs from CLDR's date, time zone, unit, currency and emoji names in every language and
 * script). Each is a Golomb-Rice coded set of hashes: a 12-byte header (the
 * number of words n, the number of coded values, the remainder width r; big-endian 32-bit), then the sorted hash
 * values, each FNV-1a hash scaled into [0, n * 2^r), as gaps: the quotient in unary (1 bits ended by a 0), the
 * remainder in r bits. A word not in the set is taken for one about once in 2^r lookups. Read from disk and
 * decoded on the first lookup only, so a file with no lossy run never pays for it.
 */
import { readFileSync } from 'node:fs';
import { generatedFile } from './data.js';

interface Lexicon {
  values: Uint32Array;
  /** Words hashed (the hashes are scaled into [0, words * 2^r)). */
  words: number;
  bits: number;
}

/** The sets, by file name, decoded on first use. */
const loaded = new Map<string, Lexicon>();
const FILES = ['lexicon-ru.bin', 'lexicon-cldr.bin'];

/** Decode a Golomb-Rice coded set (the format above), 32 bits at a time (about 10 ms for 800,000 words). */
export function decodeSet(file: Uint8Array): Lexicon {
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  const words = view.getUint32(0);
  const count = view.getUint32(4);
  const bits = view.getUint32(8);
  // The body, with zero bytes after it so that reading 5 bytes past any bit stays in bounds.
  const body = new Uint8Array(file.byteLength - 12 + 8);
  body.set(file.subarray(12));
  /** The 32 bits from bit `at` on, most significant first. */
  const peek = (at: number): number => {
    const i = at >>> 3;
    const shift = at & 7;
    const hi = ((body[i]! << 24) | (body[i + 1]! << 16) | (body[i + 2]! << 8) | body[i + 3]!) >>> 0;
    return shift === 0 ? hi : ((hi << shift) | (body[i + 4]! >>> (8 - shift))) >>> 0;
  };
  const values = new Uint32Array(count);
  const unit = 2 ** bits;
  let at = 0;
  let value = 0;
  for (let k = 0; k < count; k++) {
    let q = 0;
    for (;;) {
      const ones = Math.clz32(~peek(at));
      q += ones;
      at += ones;
      if (ones < 32) break;
    }
    at++; // the 0 that ends the quotient
    const r = peek(at) >>> (32 - bits);
    at += bits;
    value += q * unit + r;
    values[k] = value;
  }
  return { values, words, bits };
}

/** FNV-1a over the UTF-16 code units (bench/encoding/lexicon.mjs computes the same). */
export function hashWord(word: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) {
    h ^= word.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** Is the word (any case) in one of the lexicons? Only words holding a letter a lost byte can blur are in them. */
export function isLexiconWord(word: string): boolean {
  const key = hashWord(word.normalize('NFC').toLowerCase()) / 2 ** 32;
  return FILES.some((name) => {
    let set = loaded.get(name);
    if (set === undefined) loaded.set(name, (set = decodeSet(readFileSync(generatedFile(name)))));
    return inSet(set, key);
  });
}

/** Binary search for a hash (scaled into [0, 1)) in one set. */
function inSet({ values, words, bits }: Lexicon, hash: number): boolean {
  const key = Math.floor(hash * words * 2 ** bits);
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo < values.length && values[lo] === key;
}
