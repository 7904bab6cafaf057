import { logLikelihood } from './lm.js';
import { isPlausible, letterAt } from './plausible.js';
import { MOJIBAKE_THRESHOLD, mojibakeScore } from './score.js';
import { guessWeight, pathsAt, type Path } from './sequences.js';
import { CP1252, LEAD_BITS, TABLES, type Table } from './tables.js';
import { lazy } from '@notes/core';

export type Level = 'strong' | 'weak' | 'boxes';

export const ONLY_MARKS = /^\p{M}+$/u;

export const SYMBOL = /\p{S}/u;
/** A non-ASCII symbol (math, modifier, currency, other) at `line[i]`. */
export const symbolAt = (line: string, i: number): boolean => {
  const c = line.charCodeAt(i);
  return c >= 0x80 && SYMBOL.test(line[i]!);
};

/**
 * How sure the damage is without looking at the rest of the document: a complete 3- or 4-byte sequence is
 * damage on its own, and so is an exactly read run whose character-class score (`mojibakeScore`, trained and calibrated on
 * the held-out benchmark's dev half) says damage is far likelier than clean text. The older signs below stay
 * for what the class statistics cannot see (cp1251 and cp1250 letter pairs, a single `Ã` + letter).
 */
export function levelOf(line: string, start: number, end: number, p: Path, t: Table, nearby = false): Level {
  if (p.long) return 'strong';
  if (t.name === 'cp437') return 'boxes';
  // A lone lead letter whose second byte was dropped (`Ñ` for `с`) is only read inside a run of exact pairs:
  // alone, it is any accented capital or `ß` before a comma, in any clean text of a damaged document. On the
  // second look at a repaired line it may also be a word of one letter (Russian `с`), which `isPlausible` then
  // accepts only beside repaired words of its script.
  // Inside a word, though, a capital between a letter and a lower-case letter (`SlonovaÄe`, `KÅhoro`) is no clean
  // spelling: there it is read as weak damage, repaired only where the document shows strong cp1252 damage.
  if (
    p.pairs.length === 0 &&
    p.guesses.includes('lone') &&
    !(nearby && oneLetterWord(line, start, end)) &&
    !capitalInsideWord(line, start, end)
  )
    return 'boxes';
  // Pairs amid other symbols (`≈ç√∫˜`, `«¬®¯`) are symbol soup, not a word that was misread.
  if (symbolAt(line, start - 1) || symbolAt(line, end)) return 'weak';
  if (p.pairs.length >= 2) return 'strong';
  if (p.pairs.length === 1) {
    const at = p.pairs[0]!;
    const lead = line[at];
    if (t === CP1252 && (lead === 'Ã' || lead === 'Â')) return 'strong';
    if (!letterAt(line, at + 1)) return 'strong'; // a symbol or modifier after a capital: `Ã©`, `Ĺˇ`
    if (/[A-Za-z]/.test(line[start - 1] ?? '') && /[A-Za-z]/.test(line[end] ?? '')) return 'strong'; // `NicolÃ¡s`
  }
  // `Â` + a space after a word or number: a NBSP whose 0xA0 byte became a space (`10Â km`); `Â` ends no word.
  if (
    p.guesses.length === 1 &&
    p.guesses[0] === 'space' &&
    p.pairs.length === 0 &&
    t === CP1252 &&
    line[start] === 'Â'
  ) {
    const before = line[start - 1] ?? ' ';
    if (!/[\s\p{Lu}]/u.test(before)) return 'strong';
  }
  if (p.guesses.length === 1 && p.guesses[0] === 'a-grave' && p.pairs.length === 0) {
    const before = line[start - 1];
    const after = line.slice(end).trimStart();
    if ((before === undefined || !/\p{Lu}/u.test(before)) && /^\p{Ll}/u.test(after)) return 'strong';
  }
  // A guessed byte (lossy damage) is no evidence of damage by itself, and a reading that gives only combining
  // marks has no character the statistics vouch for: the score judges exact readings of characters only.
  return p.guesses.length === 0 && !ONLY_MARKS.test(p.text) && mojibakeScore(line, start, end) >= MOJIBAKE_THRESHOLD
    ? 'strong'
    : 'weak';
}

const WORD_CHAR = lazy(() => /[\p{L}\p{M}\p{N}]/u);
const UPPER_LETTER = lazy(() => /\p{Lu}/u);
const LOWER_LETTER = lazy(() => /\p{Ll}/u);
const ANY_LETTER = lazy(() => /\p{L}/u);
/** `line[start, end)` is one capital letter with a letter before it and a lower-case letter after it. */
function capitalInsideWord(line: string, start: number, end: number): boolean {
  return (
    end - start === 1 &&
    UPPER_LETTER().test(line[start]!) &&
    ANY_LETTER().test(line[start - 1] ?? ' ') &&
    LOWER_LETTER().test(line[end] ?? ' ')
  );
}
/** `line[start, end)` stands alone as a word: no letter, mark or digit touches it on either side. */
function oneLetterWord(line: string, start: number, end: number): boolean {
  return !WORD_CHAR().test(line[start - 1] ?? ' ') && !WORD_CHAR().test(line[end] ?? ' ');
}

/** What a reading assumes: each lost byte, and twice as much for one lost without a trace (a `?` or U+FFFD
 * shows where a byte was lost; a dropped byte is only inferred, and so is a 0xA0 read into a space, since a space
 * is most often just a space: `âŒ ` is `⌠` with its 0xA0 or `❌` with its 0x9D dropped, and the two must compete).
 * On the dev half, a space at 2 instead of 1 gave 3 more exact repairs and 6 fewer wrong ones, the other classes
 * unchanged. */
function guessCost(p: Path): number {
  return p.guesses.reduce((n, g) => n + guessWeight(g), 0);
}

export interface Segment {
  start: number;
  end: number;
  level: 'strong' | 'weak';
  candidates: string[];
  encoding: string;
  table: Table;
  /** A reading of the segment holds a complete 3- or 4-byte sequence (strong evidence on its own). */
  long: boolean;
  /** The readings assume no lost byte. */
  exact: boolean;
}

export const MAX_DEPTH = 3;

/** Repairs of `text` one layer further down (double or triple misreading), each a full string. `long`: a reading
 * of that layer holds a complete 3- or 4-byte sequence. `outerStrong`: `text` is itself the repair of strong damage,
 * so a layer the class statistics find only weakly (`Äƒ` for `ă`, `ÅŸ` for `ş`) is read too, when it assumes no lost
 * byte and the character model (`lm.ts`) finds its reading likelier than `text` by `DEEPER_MARGIN`. */
export function deeper(
  text: string,
  before: string,
  after: string,
  depth: number,
  nearby = false,
  outerStrong = false,
): { texts: string[]; names: string; long: boolean } {
  if (depth >= MAX_DEPTH || !hasLead(text)) return { texts: [text], names: '', long: false };
  const pre = before.slice(-24);
  const whole = pre + text + after.slice(0, 24);
  const inside = (s: Segment): boolean =>
    s.start >= pre.length && s.end <= pre.length + text.length && s.candidates.length > 0;
  // A further layer must show itself: a lone capital + lowercase pair (`Рі` in Ukrainian `Рівне`) is as
  // likely real text as a second misreading, whatever the outer code page was.
  const all = analyseLine(whole, depth + 1, nearby);
  let segs = chooseSegments(all, new Set()).filter(inside);
  let weak = false;
  if (segs.length === 0 && outerStrong) {
    segs = chooseSegments(
      all.filter((s) => s.exact),
      new Set(TABLES),
    ).filter(inside);
    weak = true;
  }
  if (segs.length === 0) return { texts: [text], names: '', long: false };
  let texts = [''];
  let at = pre.length;
  for (const s of segs) {
    const gap = whole.slice(at, s.start);
    texts = texts.flatMap((x) => s.candidates.map((c) => x + gap + c)).slice(0, 64);
    at = s.end;
  }
  const tail = whole.slice(at, pre.length + text.length);
  texts = texts.map((x) => x + tail);
  if (weak) {
    const here = logLikelihood(pre, text, after);
    texts = texts.filter((x) => logLikelihood(pre, x, after) - here >= DEEPER_MARGIN);
    if (texts.length === 0) return { texts: [text], names: '', long: false };
  }
  return { texts, names: segs[0]!.encoding, long: segs.some((s) => s.long) };
}

/** How much likelier (natural log) the character model must find a weakly shown further layer than the reading it
 * repairs: calibrated on the held-out benchmark's dev half (bench/encoding/diagnose.mjs). */
export const DEEPER_MARGIN = 16;

export function hasLead(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (LEAD_BITS[text.charCodeAt(i)] !== 0) return true;
  return false;
}

/** All candidate segments of one line, per code page, with their evidence level and plausible repairs.
 * `nearby`: the line is already partly repaired, so a lone letter may stand beside repaired words of its script
 * (`isPlausible`). */
export function analyseLine(line: string, depth: number, nearby = false): Segment[] {
  const found: Segment[] = [];
  const leads: number[] = [];
  for (let i = 0; i < line.length; i++) if (LEAD_BITS[line.charCodeAt(i)] !== 0) leads.push(i);
  TABLES.forEach((t, k) => {
    const bit = 1 << k;
    for (let n = 0, i = 0; n < leads.length; n++) {
      if (leads[n]! < i || (LEAD_BITS[line.charCodeAt(leads[n]!)]! & bit) === 0) continue;
      i = leads[n]!;
      const paths = pathsAt(line, i, t, depth === 1);
      if (paths.length === 0) {
        i++;
        continue;
      }
      const end = Math.max(...paths.map((p) => p.end));
      const before = line.slice(Math.max(0, i - 24), i);
      const after = line.slice(end, end + 24);
      // The readings that assume least (`guessCost`): one that needs no lost byte wins over one that does.
      const byLevel: Record<'strong' | 'weak', Map<string, number>> = { strong: new Map(), weak: new Map() };
      const longOf: Record<'strong' | 'weak', boolean> = { strong: false, weak: false };
      let names = '';
      for (const p of paths) {
        const text = p.text + line.slice(p.end, end);
        const level = levelOf(line, i, end, p, t, nearby);
        if (level === 'boxes') continue;
        const down = deeper(text, before, after, depth, nearby, level === 'strong');
        for (const final of down.texts) {
          // A complete 3- or 4-byte sequence in either layer lets a letter of a common script stand alone.
          if (isPlausible(final, before, after, p.long || down.long, nearby && line)) {
            const had = byLevel[level].get(final);
            const cost = guessCost(p);
            if (had === undefined || cost < had) byLevel[level].set(final, cost);
            if (p.long || down.long) longOf[level] = true;
            if (down.names && !names) names = down.names;
          }
        }
      }
      const level = byLevel.strong.size > 0 ? 'strong' : 'weak';
      const fewest = Math.min(...byLevel[level].values());
      const candidates = [...byLevel[level]].filter(([, g]) => g === fewest).map(([c]) => c);
      if (candidates.length > 0)
        found.push({
          start: i,
          end,
          level,
          candidates,
          encoding: names ? `${t.name}, then ${names}` : t.name,
          table: t,
          long: longOf[level],
          exact: fewest === 0,
        });
      i = end;
    }
  });
  return found;
}

/**
 * Pick non-overlapping segments, code pages in `order` (most evidence in the document first). Weak
 * segments are kept only where the document shows strong damage of the same code page (`corroborated`).
 */
export function chooseSegments(segs: Segment[], corroborated: Set<Table>, order = TABLES): Segment[] {
  const chosen: Segment[] = [];
  const rank = (t: Table): number => order.indexOf(t);
  // The reading that explains the longest run wins; among equals, the code page with most evidence.
  const ranked = segs
    .filter((s) => s.level === 'strong' || corroborated.has(s.table))
    .sort((a, b) => b.end - b.start - (a.end - a.start) || rank(a.table) - rank(b.table));
  for (const s of ranked) {
    if (chosen.some((c) => c.start < s.end && s.start < c.end)) continue;
    chosen.push(s);
  }
  return chosen.sort((a, b) => a.start - b.start);
}

/** Words that show a line explains encoding damage on purpose. */
export const EXPLAINS =
  /mojibake|mis-?(?:en|de)cod|garbled|wrong(?:ly)? (?:en|de)cod|code ?page|\bcp-?125\d|windows-?125\d|latin-?1\b|iso-?8859|mac-?roman|\b(?:de|en)coded (?:as|with)\b|\bread as (?:utf|cp|windows|latin|iso)/i;
/** Does the line explain encoding damage? A rule id (`encoding/mojibake` in a marker or a disable comment) does not. */
export const explains = (line: string): boolean => EXPLAINS.test(line.replace(/\bencoding\/[a-z0-9-]+/g, ''));
export const DELIM = /[\s`|"(){}[\]<>=,;:→⇒]/u;

export function tokenBounds(line: string, start: number, end: number): [number, number] {
  let s = start;
  while (s > 0 && !DELIM.test(line[s - 1]!)) s--;
  let e = end;
  while (e < line.length && !DELIM.test(line[e]!)) e++;
  return [s, e];
}

/** Does the line show this damage on purpose: explained, or beside the character it stands for? */
export function quotedOnPurpose(line: string, seg: Segment, all: Segment[]): boolean {
  if (explains(line)) return true;
  const [ts, te] = tokenBounds(line, seg.start, seg.end);
  let repaired = '';
  let at = ts;
  for (const s of all) {
    if (s.start < ts || s.end > te) continue;
    repaired += line.slice(at, s.start) + (s.candidates[0] ?? line.slice(s.start, s.end));
    at = s.end;
  }
  repaired += line.slice(at, te);
  const strip = (x: string): string => x.replace(/^[\p{Ps}\p{Pi}'*_~]+|[\p{Pe}\p{Pf}'*_~.!?]+$/gu, '') || x;
  const want = strip(repaired);
  if (!want.includes(seg.candidates[0] ?? '\u0000')) return false;
  for (let from = 0; ;) {
    const k = line.indexOf(want, from);
    if (k === -1) return false;
    const [os, oe] = tokenBounds(line, k, k + want.length);
    if ((oe <= ts || os >= te) && strip(line.slice(os, oe)) === want) return true;
    from = k + 1;
  }
}
