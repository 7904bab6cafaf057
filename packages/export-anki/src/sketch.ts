// The id map's answer sketches: a bottom-k MinHash of an answer's words and word pairs, so that a renamed question
// is matched to its old note by its answer.
import { Buffer } from 'node:buffer';
import { idWords } from '@notes/core';
import { sha1Hex } from './ids.js';

/**
 * Two answers whose words and word pairs overlap at least this much (Jaccard) are the same answer. Measured on
 * the seed and a corpus: one word changed 0.67 or more, a sentence added 0.56 or more; two unrelated answers
 * 0.38 at most, two rows of one table 0.53 at most.
 */
export const RENAME_MIN_SIMILARITY = 0.55;

/** Hashes kept per answer: answers up to this many distinct words and word pairs are compared exactly. */
export const SKETCH_SIZE = 32;

/**
 * Feature hashes already computed in one export, so that a word or word pair common to many answers is hashed
 * once: words to a number each, word pairs by those numbers.
 */
export class SketchCache {
  readonly words = new Map<string, { id: number; hash: number }>();
  readonly pairs = new Map<number, number>();
}

/** Word ids below this make a pair key below 2^30, a small integer for the engine: no number object per look-up. */
const SMALL_ID = 2 ** 15;

/** Scratch space for one answer's feature hashes (grown as needed; sketches are made one at a time). */
let hashBuffer = new Uint32Array(256);

/** A sketch's text as bytes (one sketch at a time), and the hex digits' character codes. */
const sketchBytes = Buffer.alloc(SKETCH_SIZE * 8);
const HEX_DIGITS = Buffer.from('0123456789abcdef', 'latin1');

/** The first 32 bits of a feature's sha1, as an unsigned number (its first 8 hex digits). */
function featureHash(feature: string): number {
  return Number.parseInt(sha1Hex(feature).slice(0, 8), 16);
}

/**
 * A bottom-k MinHash sketch (Broder 1997) of a text's words and word pairs: the 32 smallest of their distinct 32-bit
 * hashes, as 8 hex digits each, concatenated in order. A cache shared by the answers of one export saves hashing a
 * feature twice (same sketch with or without it).
 */
export function answerSketch(text: string, cache: SketchCache = new SketchCache()): string {
  const words = idWords(text);
  if (words.length === 0) return '';
  if (hashBuffer.length < words.length * 2) hashBuffer = new Uint32Array(words.length * 4);
  const hashes = hashBuffer;
  let previous = -1;
  let n = 0;
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    let known = cache.words.get(word);
    if (known === undefined) {
      known = { id: cache.words.size, hash: featureHash(word) };
      cache.words.set(word, known);
    }
    hashes[n++] = known.hash;
    if (previous >= 0) {
      // A pair's key is exact while word ids stay below 2^26 (always, in practice); past that, no cache. Keys of
      // small ids (below SMALL_ID) and of larger ones cannot meet: a large key is at least 2^26 * SMALL_ID.
      const key =
        previous < SMALL_ID && known.id < SMALL_ID
          ? previous * SMALL_ID + known.id
          : known.id < 2 ** 26
            ? (previous + SMALL_ID) * 2 ** 26 + known.id
            : -1;
      let pair = key < 0 ? undefined : cache.pairs.get(key);
      if (pair === undefined) {
        pair = featureHash(`${words[i - 1]} ${word}`);
        if (key >= 0) cache.pairs.set(key, pair);
      }
      hashes[n++] = pair;
    }
    previous = known.id;
  }
  const sorted = hashes.subarray(0, n).sort();
  // The hex digits are written as bytes and read as one string: no string per hash.
  const out = sketchBytes;
  let length = 0;
  for (let i = 0; i < n && length < SKETCH_SIZE * 8; i++) {
    const h = sorted[i]!;
    if (i > 0 && h === sorted[i - 1]) continue;
    for (let shift = 28; shift >= 0; shift -= 4) out[length++] = HEX_DIGITS[(h >>> shift) & 15]!;
  }
  return out.toString('latin1', 0, length);
}

function sketchHashes(sketch: string): string[] {
  return sketch.match(/[0-9a-f]{8}/g) ?? [];
}

/** A sketch's hashes as numbers, ascending and distinct: what `similarity` compares. */
export function sketchNumbers(sketch: string): Float64Array {
  return Float64Array.from(new Set(sketchHashes(sketch).map((h) => Number.parseInt(h, 16)))).sort();
}

/** `sketchSimilarity` of two sketches as `sketchNumbers`: one merge of the two sorted lists. */
export function similarity(a: Float64Array, b: Float64Array): number {
  let i = 0;
  let j = 0;
  let union = 0;
  let both = 0;
  while (union < SKETCH_SIZE && (i < a.length || j < b.length)) {
    const x = i < a.length ? a[i]! : Infinity;
    const y = j < b.length ? b[j]! : Infinity;
    if (x === y) {
      both++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
    union++;
  }
  return union === 0 ? 1 : both / union;
}

/**
 * Estimated Jaccard similarity of two answers from their sketches: of the smallest hashes of both together, the
 * share both hold (1 the same, 0 nothing in common; exact for short answers).
 */
export function sketchSimilarity(a: string, b: string): number {
  return similarity(sketchNumbers(a), sketchNumbers(b));
}

/** Whether two answers count as the same for a rename (the threshold, inclusive). */
export function sameAnswer(a: string, b: string): boolean {
  return sketchSimilarity(a, b) >= RENAME_MIN_SIMILARITY;
}
