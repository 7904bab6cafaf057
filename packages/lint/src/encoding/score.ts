/**
 * How likely a run of characters is mojibake rather than clean text, from the statistics of character
 * classes: each character falls in one of a few classes (ASCII lower case, a Latin-1 capital, a C1 control, a
 * math symbol…), and two tables give how often each pair of neighbouring classes occurs in damaged and in clean
 * text. The score of a run is the log-likelihood ratio of its class pairs (with the character before and
 * after it) under the two tables: above `MOJIBAKE_THRESHOLD`, the run is damage whatever else is known.
 */
import { CLEAN_PAIRS, DAMAGED_PAIRS, MOJIBAKE_THRESHOLD } from '../../generated/score-table.js';
import { lazy } from '@notes/core';

export { MOJIBAKE_THRESHOLD };

/** The character classes, in table order. */
export const CLASSES = [
  'ascii-lower',
  'ascii-upper',
  'digit',
  'space',
  'ascii-punct',
  'latin1-invisible',
  'latin1-symbol',
  'latin1-upper',
  'latin1-lower',
  'c1-control',
  'general-punct',
  'latin-ext',
  'modifier',
  'mark',
  'greek',
  'cyrillic',
  'math',
  'symbol',
  'other-letter',
  'other',
  'edge',
] as const;

const EDGE = CLASSES.length - 1;
const MARK = lazy(() => /\p{M}/u);
const LETTER = lazy(() => /\p{L}/u);
const MATH = lazy(() => /\p{Sm}/u);
const SYMBOL = lazy(() => /[\p{S}\p{Co}]/u);
const cache = new Map<number, number>();

/** The class of one code point (index into `CLASSES`). */
export function classOf(cp: number): number {
  if (cp < 0x80) {
    if (cp >= 0x61 && cp <= 0x7a) return 0;
    if (cp >= 0x41 && cp <= 0x5a) return 1;
    if (cp >= 0x30 && cp <= 0x39) return 2;
    if (cp === 0x20 || cp === 0x09) return 3;
    return 4;
  }
  if (cp < 0xa0) return 9;
  if (cp === 0xa0 || cp === 0xad) return 5;
  if (cp < 0xc0) return 6;
  if (cp <= 0xde) return cp === 0xd7 ? 16 : 7;
  if (cp <= 0xff) return cp === 0xf7 ? 16 : 8;
  let c = cache.get(cp);
  if (c !== undefined) return c;
  const ch = String.fromCodePoint(cp);
  if (cp >= 0x2000 && cp <= 0x206f) c = 10;
  else if (cp >= 0x2b0 && cp <= 0x2ff) c = 12;
  else if (MARK().test(ch)) c = 13;
  else if ((cp >= 0x370 && cp <= 0x3ff) || (cp >= 0x1f00 && cp <= 0x1fff)) c = 14;
  else if (cp >= 0x400 && cp <= 0x52f) c = 15;
  else if (LETTER().test(ch)) c = (cp >= 0x100 && cp <= 0x24f) || (cp >= 0x1e00 && cp <= 0x1eff) ? 11 : 18;
  else if (MATH().test(ch)) c = 16;
  else if (SYMBOL().test(ch)) c = 17;
  else c = 19;
  cache.set(cp, c);
  return c;
}

/** Log-likelihood ratio, damaged over clean, of the class pair (a, b). */
const LLR = (() => {
  const n = CLASSES.length;
  const table = new Float64Array(n * n);
  const total = (t: readonly number[]): number => t.reduce((s, x) => s + x, 0) + 0.5 * n * n;
  const td = total(DAMAGED_PAIRS);
  const tc = total(CLEAN_PAIRS);
  for (let k = 0; k < n * n; k++)
    table[k] = Math.log((DAMAGED_PAIRS[k]! + 0.5) / td) - Math.log((CLEAN_PAIRS[k]! + 0.5) / tc);
  return table;
})();

/** Score of `line[start, end)`: the log-likelihood ratio of its class pairs, the neighbours included. */
export function mojibakeScore(line: string, start: number, end: number): number {
  const n = CLASSES.length;
  let prev = start > 0 ? classOf(line.charCodeAt(start - 1)) : EDGE;
  let score = 0;
  for (let i = start; ;) {
    let c = EDGE;
    let width = 1;
    if (i < line.length) {
      const cp = line.codePointAt(i)!;
      c = classOf(cp);
      width = cp > 0xffff ? 2 : 1;
    }
    score += LLR[prev * n + c]!;
    prev = c;
    if (i >= end) break;
    i += width;
  }
  return score;
}

/** Count the class pairs of a text into `counts` (the training script builds the tables with it). */
export function countPairs(text: string, counts: number[]): void {
  const n = CLASSES.length;
  for (const line of text.split('\n')) {
    let prev = EDGE;
    for (const ch of line) {
      const c = classOf(ch.codePointAt(0)!);
      counts[prev * n + c]!++;
      prev = c;
    }
    counts[prev * n + EDGE]!++;
  }
}
