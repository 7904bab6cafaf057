// The word-set format of packages/lint/src/encoding/lexicon.ts, shared by lexicon.mjs and vocabulary.mjs: a 12-byte
// header (the number of words n, the number of coded values, the remainder width r; big-endian 32-bit), then the
// sorted FNV-1a hashes of the words, each scaled into [0, n * 2^r), as gaps: the quotient in unary (1 bits ended by
// a 0), the remainder in r bits. A word not in the set is taken for one about once in 2^r lookups.
import { writeFileSync } from 'node:fs';

/** Bytes cp1252 leaves undefined: the lost bytes lint reads. Only a word holding a character whose UTF-8 has one
 * (or whose capital does, at the start) can have several readings, so only such words are kept. */
const LOST = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);
export const reachable = (c) => [...Buffer.from(c, 'utf8').subarray(1)].some((b) => LOST.has(b));
export const blurrable = (word) => [...word].some(reachable) || reachable(word[0].toUpperCase());

/** FNV-1a over the UTF-16 code units (lexicon.ts computes the same). */
export function hash(word) {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) {
    h ^= word.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** Write a set of (already lower-cased, NFC) words to `target`; returns the file's size in bytes. */
export function writeSet(words, target, bits) {
  const n = words.size;
  const range = n * 2 ** bits;
  const values = [...new Set([...words].map((w) => Math.floor((hash(w) / 2 ** 32) * range)))].sort((a, b) => a - b);
  let size = 0;
  for (let k = 0, prev = 0; k < values.length; prev = values[k++]) size += ((values[k] - prev) >>> bits) + 1 + bits;
  const body = Buffer.alloc(Math.ceil(size / 8));
  let at = 0;
  const put = (bit) => {
    if (bit) body[at >> 3] |= 0x80 >> (at & 7);
    at++;
  };
  for (let k = 0, prev = 0; k < values.length; prev = values[k++]) {
    const gap = values[k] - prev;
    for (let q = gap >>> bits; q > 0; q--) put(1);
    put(0);
    for (let b = bits - 1; b >= 0; b--) put((gap >>> b) & 1);
  }
  const header = Buffer.alloc(12);
  header.writeUInt32BE(n, 0);
  header.writeUInt32BE(values.length, 4);
  header.writeUInt32BE(bits, 8);
  writeFileSync(target, Buffer.concat([header, body]));
  return { hashes: values.length, bytes: header.length + body.length };
}
