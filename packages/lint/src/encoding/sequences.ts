import { logLikelihood } from './lm.js';
import { CODE_PAGES } from './codepages.js';
import { lettersClash, neverPlausible } from './plausible.js';
import { entityAt, type Table } from './tables.js';
import { lazy } from '@notes/core';

/** How a byte of a sequence was recovered: read exactly, or guessed for lossy damage. */
export type Guess = 'exact' | 'replacement' | 'question' | 'space' | 'drop' | 'lone' | 'a-grave';

export interface Sequence {
  end: number;
  text: string;
  bytes: number;
  guess: Guess;
  /** How many bytes were guessed (two only as the last two of a 3- or 4-byte sequence, both lost alike). */
  lost: number;
}

/**
 * Lead bytes whose pair with 0xA0 is common enough to restore when the 0xA0 became a space: NBSP, à, Š, Π,
 * Р, ٠ (the same set as ftfy's restore_byte_a0). Other 2-byte characters ending in 0xA0 are too rare to
 * outweigh the chance that the space is real.
 */
export const A0_PAIRS = new Set([0xc2, 0xc3, 0xc5, 0xce, 0xd0, 0xd9]);

export function contRange(b0: number, pos: number): [number, number] {
  if (pos === 1) {
    if (b0 === 0xe0) return [0xa0, 0xbf];
    if (b0 === 0xf0) return [0x90, 0xbf];
    if (b0 === 0xf4) return [0x80, 0x8f];
  }
  return [0x80, 0xbf];
}

export function decodeBytes(bytes: number[]): number {
  const b0 = bytes[0]!;
  if (bytes.length === 2) return ((b0 & 0x1f) << 6) | (bytes[1]! & 0x3f);
  if (bytes.length === 3) return ((b0 & 0x0f) << 12) | ((bytes[1]! & 0x3f) << 6) | (bytes[2]! & 0x3f);
  return ((b0 & 0x07) << 18) | ((bytes[1]! & 0x3f) << 12) | ((bytes[2]! & 0x3f) << 6) | (bytes[3]! & 0x3f);
}

/**
 * Every way the characters from `i` can be read as one UTF-8 sequence under table `t`: at most one guessed byte, or
 * two lost alike as the last two of a 3- or 4-byte sequence (`á` + two dropped bytes for Cherokee `Ꮝ`, E1 8F 8D;
 * `á??` for `ᐏ`). `early`: a lost second byte may be guessed too (cp1252, outermost reading only).
 */
export function sequencesAt(line: string, i: number, t: Table, lowSurrogate = false, early = false): Sequence[] {
  const b0 = t.enc.get(line.charCodeAt(i));
  if (b0 === undefined || b0 < 0xc2 || b0 > 0xf4) return [];
  if (lowSurrogate && b0 !== 0xed) return [];
  const need = b0 < 0xe0 ? 1 : b0 < 0xf0 ? 2 : 3;
  const out: Sequence[] = [];
  const finish = (j: number, bytes: number[], guess: Guess, n: number): void => {
    const cp = decodeBytes(bytes);
    if (cp >= 0xdc00 && cp <= 0xdfff) {
      if (lowSurrogate) out.push({ end: j, text: String.fromCharCode(cp), bytes: 3, guess, lost: n });
      return;
    }
    if (lowSurrogate) return;
    if (cp >= 0xd800 && cp <= 0xdbff) {
      // CESU-8: a surrogate pair encoded as two 3-byte sequences.
      for (const low of sequencesAt(line, j, t, true)) {
        if (guess !== 'exact' && low.guess !== 'exact') continue;
        out.push({
          end: low.end,
          text: String.fromCharCode(cp) + low.text,
          bytes: 6,
          guess: guess === 'exact' ? low.guess : guess,
          lost: n + low.lost,
        });
      }
      return;
    }
    out.push({ end: j, text: String.fromCodePoint(cp), bytes: bytes.length, guess, lost: n });
  };
  const step = (j: number, bytes: number[], guess: Guess, n = 0): void => {
    if (bytes.length === need + 1) return finish(j, bytes, guess, n);
    const pos = bytes.length;
    const [lo, hi] = contRange(b0, pos);
    if (lowSurrogate && pos === 1) {
      if (hi < 0xb0) return;
    }
    const inRange = (b: number | undefined): b is number =>
      b !== undefined && b >= lo && b <= hi && !(lowSurrogate && pos === 1 && b < 0xb0);
    const c = j < line.length ? line.charCodeAt(j) : -1;
    const e = c >= 0x80 ? t.enc.get(c) : undefined;
    // A second byte lost (`Ñ?`, or a lone `Ñ`) is only read for cp1252, the code page SPEC §3.2 names for lossy
    // damage: other code pages leave so many bytes undefined that every accented letter would become a guess.
    const lost = pos >= 2 || (early && t.name === 'windows-1252');
    if (inRange(e)) {
      step(j + 1, [...bytes, e], guess, n);
      // A middle byte lost: this continuation byte is the next one (`é` + `ž` for 非, E9 9D 9E).
      if (lost && guess === 'exact' && pos < need)
        for (const w of t.lossy) if (inRange(w)) step(j, [...bytes, w], 'drop', 1);
      return;
    }
    if (c === 0x26) {
      const ent = entityAt(line, j);
      const eb = ent ? t.enc.get(ent.cp) : undefined;
      if (ent && inRange(eb)) step(j + ent.length, [...bytes, eb], guess, n);
    }
    // The last byte of a 3- or 4-byte sequence lost the same way as the one before it.
    const again = n === 1 && pos === need && need >= 2;
    if (guess !== 'exact' && !again) return;
    if (c === 0xfffd && (n === 0 || guess === 'replacement'))
      for (const w of t.lossy) if (inRange(w)) step(j + 1, [...bytes, w], 'replacement', n + 1);
    if (c === 0x3f && lost && (n === 0 || guess === 'question'))
      for (const w of t.lossy) if (inRange(w)) step(j + 1, [...bytes, w], 'question', n + 1);
    if (n > 0) {
      // Two dropped bytes: only where the next character starts something new.
      if (guess === 'drop' && (c === -1 || c < 0x80 || t.leads.has(c)) && (c !== 0x20 || early))
        for (const w of t.lossy) if (inRange(w)) step(j, [...bytes, w], 'drop', 2);
      return;
    }
    if ((c === 0x20 || c === -1) && inRange(0xa0)) {
      if (need === 1 && line.charCodeAt(i) === 0xc3 /* Ã */) {
        // `à` lost its 0xA0: usually dropped (French/Portuguese à stays a word), a space when one is doubled
        // or for the Portuguese contractions às, àquele, àquilo.
        const rest = line.slice(j + 1);
        if (c === 0x20 && (rest.startsWith(' ') || /^(?:s(?:\s|$)|quel|quil)/.test(rest)))
          step(j + 1, [...bytes, 0xa0], 'a-grave', 1);
        else step(j, [...bytes, 0xa0], 'a-grave', 1);
      } else if (c === 0x20 && (need > 1 || A0_PAIRS.has(b0))) step(j + 1, [...bytes, 0xa0], 'space', 1);
    }
    // A dropped byte: what follows starts the next character (ASCII, a lead byte, the end of the line).
    const next = pos >= 2 || c === -1 || c < 0x80 || t.leads.has(c);
    if (lost && next && c !== 0xfffd && c !== 0x3f && (c !== 0x20 || early))
      for (const w of t.lossy) if (inRange(w)) step(j, [...bytes, w], need === 1 ? 'lone' : 'drop', 1);
  };
  step(i + 1, [b0], 'exact');
  return out;
}

/** One way to read a run of adjacent sequences. */
export interface Path {
  end: number;
  text: string;
  /** A complete multi-byte sequence read with no guess (3+ bytes), or U+FFFD standing for a lost byte. */
  long: boolean;
  /** Starts of exact 2-byte sequences. */
  pairs: number[];
  guesses: Guess[];
}

/** Readings of one run returned at most. */
export const MAX_PATHS = 96;
/** Readings kept per position of the run (see `pathsAt`). */
export const PER_POSITION = 32;

/** What a guessed byte assumes: twice as much for one lost without a trace (a `?` or U+FFFD shows where a byte was
 * lost; a dropped byte is only inferred, and so is a 0xA0 read into a space, since a space is most often a space). */
export function guessWeight(g: Guess): number {
  return g === 'exact' ? 0 : g === 'drop' || g === 'lone' || g === 'space' ? 2 : 1;
}

/** A partial reading in the lattice: the sequence it ends with, and the reading it extends. */
interface Node {
  end: number;
  seq: Sequence | null;
  /** Where `seq` starts. */
  at: number;
  parent: Node | null;
  text: string;
  /** The last characters of `before` and `text`: the context of the next sequence. */
  tail: string;
  cost: number;
  long: boolean;
  /** The character model's log-likelihood of `text` (without the edge after it), computed when needed. */
  score?: number;
}

/** Work done by `pathsAt` (extensions of a partial reading): bounded by `PER_POSITION` times the sequences that
 * start at each position of the run, whatever the damage. */
export const pathsWork = { extensions: 0 };

/**
 * Every way to read the run of sequences from `i` (`early`: lost second bytes too, see `sequencesAt`). A lattice
 * over positions: the readings that reach one position share every way to go on, so each position keeps the
 * `PER_POSITION` readings that assume least (`guessWeight`), the likeliest first by the character model (`lm.ts`)
 * when more reach it. A long run of 3-byte characters with several lost bytes keeps the right reading wherever its
 * guesses multiply, and the work stays linear in the run. A reading that guessed a byte and then stopped inside a
 * character others read on (`馬灴` + `„` for `馬約`) is a misparse and is left out.
 */
export function pathsAt(line: string, i: number, t: Table, early = false): Path[] {
  const before = line.slice(Math.max(0, i - 4), i);
  const buckets = new Map<number, Node[]>();
  buckets.set(i, [{ end: i, seq: null, at: i, parent: null, text: '', tail: before, cost: 0, long: false }]);
  const done: Node[] = [];
  let last = i;
  for (let pos = i; pos <= last; pos++) {
    let nodes = buckets.get(pos);
    if (nodes === undefined) continue;
    buckets.delete(pos);
    if (nodes.length > PER_POSITION) nodes = prune(nodes);
    const seqs = sequencesAt(line, pos, t, false, early);
    if (seqs.length === 0) {
      if (pos > i) done.push(...nodes);
      continue;
    }
    const fit = seqs.filter(possible);
    for (const p of nodes) {
      for (const s of fit) {
        if (clashes(p, s) || (s.lost > 1 && !(LETTER().test(s.text) && (p.text !== '' || s.guess !== 'drop'))))
          continue;
        pathsWork.extensions++;
        const exactish = s.guess === 'exact' || s.guess === 'replacement';
        // Three bytes read exactly are a long sequence whatever the fourth was (`ðŸ”` + a lost byte), and so are two
        // with a `?` where the third stood (`â€?`): no clean text holds a lead and its continuation bytes like that.
        const lostLate =
          s.lost === 1 && ((s.guess === 'question' && s.bytes >= 3) || (s.guess === 'drop' && s.bytes >= 4));
        const node: Node = {
          end: s.end,
          seq: s,
          at: pos,
          parent: p,
          text: p.text + s.text,
          tail: (p.tail + s.text).slice(-4),
          cost: p.cost + guessWeight(s.guess) * s.lost,
          long: p.long || ((exactish || lostLate) && s.bytes >= 3 && s.lost <= 1),
        };
        const b = buckets.get(s.end);
        if (b === undefined) buckets.set(s.end, [node]);
        else b.push(node);
        if (s.end > last) last = s.end;
      }
    }
  }
  const far = Math.max(...done.map((n) => n.end));
  const kept = done.filter((n) => n.cost === 0 || n.end === far || !continuationAt(line, n.end, t));
  const chosen = kept.length > MAX_PATHS ? prune(kept, MAX_PATHS) : kept;
  return chosen.map(toPath);
}

/** Does a continuation byte stand at `line[k]`: a reading that stops there stopped inside a character? */
function continuationAt(line: string, k: number, t: Table): boolean {
  const b = t.enc.get(line.charCodeAt(k));
  return b !== undefined && b >= 0x80 && b <= 0xbf;
}

/** The characters of every code page: a further layer of misreading may read them. */
const PAGE_CHARS = new Set(CODE_PAGES.flatMap((p) => Array.from(p.high, (c) => c.charCodeAt(0))));

/** A sequence whose character no repair gives (`neverPlausible`) leads to no reading worth keeping. */
function possible(s: Sequence): boolean {
  for (const c of s.text) if (neverPlausible(c.codePointAt(0)!, PAGE_CHARS)) return false;
  return true;
}

/** Two bytes lost in one sequence are read only for a letter, and when both were dropped without a trace, only where
 * it goes on a run (`á` alone is no `၍`). Such a reading is never strong damage on its own. */
const LETTER = lazy(() => /^\p{L}/u);

/** Does the sequence give a letter of another script right after the reading's last letter (`Ꮖ` + Myanmar `႐`)? Only
 * for characters no further layer of misreading reads (`PAGE_CHARS`), which stay in the repair as they are. */
function clashes(p: Node, s: Sequence): boolean {
  if (p.text === '') return false;
  const a = p.tail.codePointAt(p.tail.length - 1)!;
  const last = a >= 0xdc00 && a <= 0xdfff ? p.tail.codePointAt(p.tail.length - 2)! : a;
  const b = s.text.codePointAt(0)!;
  return last >= 0x100 && b >= 0x100 && !PAGE_CHARS.has(last) && !PAGE_CHARS.has(b) && lettersClash(last, b);
}

/** The `keep` readings that assume least, the likeliest first among equals. */
function prune(nodes: Node[], keep = PER_POSITION): Node[] {
  for (const n of nodes) scoreOf(n);
  return nodes.sort((a, b) => a.cost - b.cost || b.score! - a.score!).slice(0, keep);
}

/** The character model's score of a reading, one sequence at a time from the nearest scored ancestor. */
function scoreOf(n: Node): number {
  const chain: Node[] = [];
  let x: Node | null = n;
  while (x !== null && x.score === undefined) {
    chain.push(x);
    x = x.parent;
  }
  let score = x?.score ?? 0;
  for (let k = chain.length - 1; k >= 0; k--) {
    const y = chain[k]!;
    if (y.seq !== null) {
      // The triples that end on the new characters: the score of the text with them, less the edge after the text.
      const ctx = y.parent!.tail;
      score += logLikelihood(ctx, y.seq.text, '') - logLikelihood(ctx + y.seq.text, '', '');
    }
    y.score = score;
  }
  return score;
}

function toPath(n: Node): Path {
  const pairs: number[] = [];
  const guesses: Guess[] = [];
  for (let x: Node | null = n; x !== null && x.seq !== null; x = x.parent) {
    if (x.seq.guess === 'exact' && x.seq.bytes === 2) pairs.push(x.at);
    for (let k = 0; k < x.seq.lost; k++) guesses.push(x.seq.guess);
  }
  return { end: n.end, text: n.text, long: n.long, pairs: pairs.reverse(), guesses: guesses.reverse() };
}
