#!/usr/bin/env node
// Trains the mojibake score (packages/lint/src/encoding/score.ts) on the DEV half of the held-out benchmark
// only: counts the character-class pairs of the damaged cases and of the clean ones (twins and look-alikes)
// and writes packages/lint/generated/score-table.ts. The test half is never read.
//   node bench/encoding/generate.mjs /tmp/cases.jsonl && node bench/encoding/train.mjs /tmp/cases.jsonl [THRESHOLD]
import { readFileSync, writeFileSync } from 'node:fs';
import { CLASSES, countPairs } from '../../packages/lint/dist/src/encoding/score.js';

const file = process.argv[2] ?? new URL('./cases.jsonl', import.meta.url).pathname;
/** Calibrated on the dev half (see README: the sweep and why this value). */
const threshold = Number(process.argv[3] ?? 0);
const n = CLASSES.length;
const damaged = new Array(n * n).fill(0);
const clean = new Array(n * n).fill(0);
let cases = 0;
for (const line of readFileSync(file, 'utf8').split('\n')) {
  if (!line.startsWith('{"id":"dev-')) continue;
  const c = JSON.parse(line);
  countPairs(c.text, c.damaged ? damaged : clean);
  cases++;
}
const target = new URL('../../packages/lint/generated/score-table.ts', import.meta.url).pathname;
writeFileSync(
  target,
  `/**
 * Character-class pair counts for the mojibake score, ${CLASSES.length} × ${CLASSES.length} in the order of
 * \`CLASSES\` (row: first character, column: second). Trained by bench/encoding/train.mjs on the ${cases} cases
 * of the held-out benchmark's dev half; do not edit by hand.
 */

/** Pair counts in damaged text. */
export const DAMAGED_PAIRS: readonly number[] = [${damaged.join(', ')}];

/** Pair counts in clean text (clean twins and look-alikes). */
export const CLEAN_PAIRS: readonly number[] = [${clean.join(', ')}];

/** Log-likelihood ratio above which a run is damage on its own: calibrated on the dev half. */
export const MOJIBAKE_THRESHOLD = ${threshold};
`,
);
console.log(`${cases} dev cases -> ${target}`);
