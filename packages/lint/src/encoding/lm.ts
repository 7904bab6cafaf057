/**
 * A character model of written text, to choose among the repairs of lossy mojibake: when a byte was lost, each
 * byte that could have stood there gives another character (`Ñ?` is с, э, я, ѐ or ѝ), and the likeliest reading is
 * the one whose characters most often stand beside their neighbours in real text. Counts of characters and
 * neighbouring pairs and triples come from `generated/lm-table.txt` (made by bench/encoding/lm.mjs from CLDR text and
 * the words of the Russian, Bulgarian and Greek Hunspell dictionaries), read and parsed on first use: a file with no
 * lossy run never loads it.
 */
import { readFileSync } from 'node:fs';
import { generatedFile } from './data.js';

interface Model {
  chars: Map<string, number>;
  pairs: Map<string, number>;
  triples: Map<string, number>;
  total: number;
}

/** Weight of the single-character estimate against a pair's own count (a Dirichlet prior): small, since the
 * dictionary words make the counts large (tuned on the held-out benchmark's dev half, bench/encoding/calibrate.mjs). */
const PRIOR = 0.25;
/** How many distinct characters the model leaves room for: an unseen character is rare, not impossible. */
const ROOM = 0x10000;
/** The edge of a text and every space are one symbol, as in training. */
const EDGE = '\t';

let model: Model | null = null;

function load(): Model {
  if (model) return model;
  // Line 1 says what the file is; lines 2-4 are the characters, pairs and triples.
  const [, CHARS = '', PAIRS = '', TRIPLES = ''] = readFileSync(generatedFile('lm-table.txt'), 'utf8').split('\n');
  const chars = new Map<string, number>();
  let total = 0;
  for (const entry of CHARS.split(' ')) {
    const [c, ...count] = Array.from(entry);
    const n = parseInt(count.join(''), 36);
    chars.set(c!, n);
    total += n;
  }
  const pairs = new Map<string, number>();
  for (const entry of PAIRS.split(' ')) {
    const [a, b, ...count] = Array.from(entry);
    pairs.set(a! + b!, parseInt(count.join(''), 36));
  }
  const triples = new Map<string, number>();
  for (const entry of TRIPLES.split(' ')) {
    const [a, b, c, ...count] = Array.from(entry);
    triples.set(a! + b! + c!, parseInt(count.join(''), 36));
  }
  model = { chars, pairs, triples, total };
  return model;
}

const symbol = (c: string): string => (/\s/u.test(c) ? EDGE : c);

/** P(b | a): the pair's count, smoothed towards how common `b` is. */
function pPair(m: Model, a: string, b: string): number {
  const single = ((m.chars.get(b) ?? 0) + 0.5) / (m.total + 0.5 * ROOM);
  const pair = m.pairs.get(a + b) ?? 0;
  return (pair + PRIOR * single) / ((m.chars.get(a) ?? 0) + PRIOR);
}

/** log P(c | a b): the triple's count, smoothed towards P(c | b). */
function logTriple(m: Model, a: string, b: string, c: string): number {
  const pair = pPair(m, b, c);
  const triple = m.triples.get(a + b + c) ?? 0;
  return Math.log((triple + PRIOR * pair) / ((m.pairs.get(a + b) ?? 0) + PRIOR));
}

/**
 * Log-likelihood of `text` standing between `before` and `after` (only the pairs that touch `text`, so readings
 * of one run in the same context compare directly).
 */
export function logLikelihood(before: string, text: string, after: string): number {
  const m = load();
  const b = Array.from(before.slice(-4), symbol);
  const a = Array.from(after.slice(0, 4), symbol);
  const cs = [EDGE, EDGE, ...b.slice(-2), ...Array.from(text, symbol), ...a.slice(0, 2), EDGE, EDGE];
  // Every triple that holds a character of `text`: from two before its first to two after its last.
  const from = 2 + Math.min(2, b.length);
  const to = from + Array.from(text).length + 2;
  let score = 0;
  for (let i = from; i < Math.min(to, cs.length); i++) score += logTriple(m, cs[i - 2]!, cs[i - 1]!, cs[i]!);
  return score;
}
