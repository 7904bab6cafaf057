/**
 * Is a repaired string plausible text where it stands? A repair of mojibake must give characters a person
 * would write in that context; clean text that merely looks like mojibake decodes to rare scripts, stray
 * combining marks, controls or letters whose case or script clashes with their neighbours.
 */
import { EXEMPLAR_SCRIPTS, isExemplarLetter } from '../../generated/exemplars.js';
import { inNoScript, lazy } from '@notes/core';

const LETTER = lazy(() => /\p{L}/u);
const MARK = lazy(() => /\p{M}/u);
const UPPER = lazy(() => /\p{Lu}/u);
const LOWER = lazy(() => /\p{Ll}/u);
const SPACE = /\s/u;
/** Private use, surrogates and controls; unassigned code points are `UNASSIGNED` (one class per pattern: V8 sorts
 * the ranges of a class that joins several properties one by one, about 0.3 ms for this one). */
const INVALID = lazy(() => /[\p{Co}\p{Cs}\p{Cc}]/u);
const EMOJI = lazy(() => /[\p{Emoji}\p{Emoji_Modifier}]/u);
const PICTO = lazy(() => /[\p{Extended_Pictographic}\p{Emoji_Modifier}\u{1F1E6}-\u{1F1FF}]/u);

/** Scripts whose letters are common in notes; a decoded letter of any other script is rejected. */
const SCRIPTS = [
  'Latin',
  'Greek',
  'Cyrillic',
  'Armenian',
  'Hebrew',
  'Arabic',
  'Devanagari',
  'Bengali',
  'Gurmukhi',
  'Gujarati',
  'Tamil',
  'Telugu',
  'Kannada',
  'Malayalam',
  'Sinhala',
  'Thai',
  'Lao',
  'Georgian',
  'Hangul',
  'Han',
  'Hiragana',
  'Katakana',
  'Ethiopic',
  'Khmer',
  'Myanmar',
  'Tibetan',
  'Oriya',
  'Syriac',
  'Thaana',
  'Canadian_Aboriginal',
  'Cherokee',
  'Mongolian',
  'Tifinagh',
  'Yi',
  'Bopomofo',
] as const;
/** A script by name (the list above) or ISO 15924 code (every other script a language writes, from CLDR). */
type Script = (typeof SCRIPTS)[number] | 'Other' | (string & {});
const SCRIPT_NAMES: readonly Script[] = [...SCRIPTS, ...EXEMPLAR_SCRIPTS];
/** Each script's pattern, compiled when first asked: compiling all 77 when the module loads cost every lint. */
const scriptPatterns: (RegExp | undefined)[] = [];
const inScript = (k: number, ch: string): boolean =>
  (scriptPatterns[k] ??= new RegExp(`[\\p{Script=${SCRIPT_NAMES[k]}}]`, 'u')).test(ch);
/** Scripts a single letter of may sit among letters of another script (technical Greek, Japanese mixing). */
const MIXABLE: Partial<Record<Script, readonly Script[]>> = {
  Latin: ['Greek'],
  Greek: ['Latin'],
  Han: ['Hiragana', 'Katakana'],
  Hiragana: ['Han', 'Katakana'],
  Katakana: ['Han', 'Hiragana'],
};
/** Scripts whose letters appear alone (a Greek μ, a CJK ideograph, the French word à). */
const SOLO: readonly Script[] = ['Latin', 'Greek', 'Han', 'Hiragana', 'Katakana', 'Hangul'];

/** Combining marks people use: accents, Vietnamese dot/hook, cedilla, ogonek, underline and strike overlays. */
const COMMON_COMBINING = /[\u0300-\u030C\u030F\u0311\u0323-\u0328\u0331\u0332\u0335-\u0338\u0342\u0345]/u;

const CJK: readonly Script[] = ['Han', 'Hiragana', 'Katakana', 'Hangul', 'Bopomofo', 'Yi'];

const scriptCache = new Map<number, Script>();
function scriptOf(cp: number): Script {
  let s = scriptCache.get(cp);
  if (s === undefined) {
    const ch = String.fromCodePoint(cp);
    // A character of no script (a digit, an emoji, the `️` of `1️⃣`) is asked first: it spares compiling every
    // script's pattern.
    s = inNoScript(ch) ? 'Other' : (SCRIPT_NAMES.find((_, k) => inScript(k, ch)) ?? 'Other');
    scriptCache.set(cp, s);
  }
  return s;
}

const scxCache = new Map<string, RegExp>();
/** Is `cp` used with `script` (its Script_Extensions property)? */
function servesScript(cp: number, script: Script): boolean {
  if (script === 'Other') return false;
  let re = scxCache.get(script);
  if (!re) scxCache.set(script, (re = new RegExp(`\\p{Script_Extensions=${script}}`, 'u')));
  return re.test(String.fromCodePoint(cp));
}

/** Letter-like symbols people write: ℝ ℃ ℹ, circled, mathematical and enclosed alphanumerics. */
function letterlikeSymbol(cp: number): boolean {
  return (
    (cp >= 0x2100 && cp <= 0x214f) ||
    (cp >= 0x2460 && cp <= 0x24ff) ||
    (cp >= 0x1d400 && cp <= 0x1d7ff) ||
    (cp >= 0x1f100 && cp <= 0x1f1ff)
  );
}

/**
 * Is a decoded letter one people write? Latin-1 and the spacing modifier letters (`ʼ`, `ˈ`) always; CJK
 * scripts whole; any other letter when some language's orthography uses it (CLDR's exemplar characters).
 */
function commonLetter(cp: number, script: Script): boolean {
  if (cp < 0x100 || (cp >= 0x2b0 && cp <= 0x2ff)) return true;
  if (CJK.includes(script)) return true;
  return isExemplarLetter(cp) || (script === 'Other' && letterlikeSymbol(cp));
}

/** Letters of the Common script (`ʼ`, `ª`) belong to no script: they sit among the letters of any. */
const COMMON_SCRIPT = lazy(() => /\p{Script=Common}/u);

const cpAt = (s: string, i: number): number | undefined => s.codePointAt(i);

/** Code points of context + candidate, and the index range the candidate occupies. */
function spread(before: string, text: string, after: string): { cps: number[]; from: number; to: number } {
  const b = Array.from(before.slice(-24), (c) => c.codePointAt(0)!);
  const t = Array.from(text, (c) => c.codePointAt(0)!);
  const a = Array.from(after.slice(0, 24), (c) => c.codePointAt(0)!);
  return { cps: [...b, ...t, ...a], from: b.length, to: b.length + t.length };
}

const isLetter = (cp: number | undefined): boolean => cp !== undefined && LETTER().test(String.fromCodePoint(cp));
const isMark = (cp: number | undefined): boolean => cp !== undefined && MARK().test(String.fromCodePoint(cp));
// ASCII answered directly: the first test of a Unicode property class compiles it (about 7 ms of `notes lint`'s
// start-up on the seed), and most text asked about is ASCII.
const isUpper = (cp: number): boolean =>
  cp < 0x80 ? cp >= 0x41 && cp <= 0x5a : UPPER().test(String.fromCodePoint(cp));
const isLower = (cp: number): boolean =>
  cp < 0x80 ? cp >= 0x61 && cp <= 0x7a : LOWER().test(String.fromCodePoint(cp));
const isWordy = (cp: number | undefined): boolean =>
  cp !== undefined && (isLetter(cp) || isMark(cp) || (cp >= 0x30 && cp <= 0x39));
const isRtl = (cp: number | undefined): boolean =>
  cp !== undefined && (scriptOf(cp) === 'Hebrew' || scriptOf(cp) === 'Arabic');

const APOSTROPHE = new Set([0x27, 0x2019]);
/** Is the letter at `i` joined to a letter by an apostrophe right before or after it? */
function apostropheJoined(cps: number[], i: number): boolean {
  return (APOSTROPHE.has(cps[i - 1]!) && isLetter(cps[i - 2])) || (APOSTROPHE.has(cps[i + 1]!) && isLetter(cps[i + 2]));
}

/** Nearest letter before/after index i, skipping combining marks; undefined at a non-letter. */
function letterNeighbour(cps: number[], i: number, step: -1 | 1): number | undefined {
  let k = i + step;
  while (k >= 0 && k < cps.length && isMark(cps[k])) k += step;
  const cp = cps[k];
  return isLetter(cp) ? cp : undefined;
}

/** A joiner (ZWJ, ZWNJ) inside a word: after a letter or its mark (an Indic virama: `ක්‍ර`, `ಮ್‌ವ`), before a
 * letter or a mark of the same script. */
function joinsWord(prev: number | undefined, next: number | undefined): boolean {
  if (prev === undefined || next === undefined) return false;
  if (!(isLetter(prev) || isMark(prev)) || !(isLetter(next) || isMark(next))) return false;
  return scriptOf(prev) === scriptOf(next) && scriptOf(prev) !== 'Other';
}

/** The nearest letter before (step -1) or after (step 1) index i, across spaces and punctuation. */
function nearestLetter(cps: number[], i: number, step: -1 | 1): number | undefined {
  for (let k = i + step; k >= 0 && k < cps.length; k += step) if (isLetter(cps[k])) return cps[k];
  return undefined;
}

/** Characters no repair gives whatever stands around them: spaces and separators of typesetting, invisible
 * operators, control pictures, presentation forms, tags, phonetic extensions. */
function blocked(cp: number): boolean {
  return (
    cp === 0x2000 ||
    cp === 0x2001 ||
    (cp >= 0x2028 && cp <= 0x202e) ||
    (cp >= 0x2060 && cp <= 0x206f) ||
    cp === 0xfeff ||
    (cp >= 0x2400 && cp <= 0x243f) ||
    (cp >= 0xfe00 && cp <= 0xfe0d) ||
    (cp >= 0xfe10 && cp <= 0xfe4f) ||
    (cp >= 0xfff0 && cp <= 0xfffc) ||
    (cp >= 0xe0000 && cp <= 0xe007f) ||
    (cp >= 0x1d00 && cp <= 0x1dbf) ||
    (cp >= 0xa700 && cp <= 0xa71f)
  );
}

const UNASSIGNED = lazy(() => /\p{Cn}/u);
/**
 * Is a decoded character implausible wherever it stands (so `isPlausible` rejects every text holding it)? Unassigned
 * code points, noncharacters, the blocked ranges, and letters no language writes. `keep`: characters a further
 * layer of misreading may still decode (a code page's own letters, such as `ƒ` of `Äƒ` for `ă`).
 */
export function neverPlausible(cp: number, keep: ReadonlySet<number>): boolean {
  if (cp < 0x100 || keep.has(cp)) return false;
  if (UNASSIGNED().test(String.fromCodePoint(cp)) || (cp >= 0xfdd0 && cp <= 0xfdef) || (cp & 0xfffe) === 0xfffe)
    return true;
  if (blocked(cp)) return true;
  return isLetter(cp) && !commonLetter(cp, scriptOf(cp));
}

const NUMBER = lazy(() => /\p{N}/u);
const isLetterOrNumber = (cp: number): boolean => isLetter(cp) || NUMBER().test(String.fromCodePoint(cp));
/**
 * Do two adjacent letters or numbers belong to two scripts that do not mix (neither of the Common script)? For
 * letters, `isPlausible` rejects every text where they stand side by side; a number glued to a letter of another
 * script (`Ꭶ` + Ethiopic `፬`, `Ꮖ` + Myanmar `႐`) is no better.
 */
export function lettersClash(a: number, b: number): boolean {
  if (!isLetterOrNumber(a) || !isLetterOrNumber(b)) return false;
  const sa = scriptOf(a);
  const sb = scriptOf(b);
  if (sa === sb || sa === 'Other' || sb === 'Other') return false;
  return !(MIXABLE[sa] ?? []).includes(sb) && !(MIXABLE[sb] ?? []).includes(sa);
}

/**
 * Is `text`, standing between `before` and `after`, text a person would plausibly have written? `lenient`
 * (the damage is a complete 3- or 4-byte sequence, strong evidence on its own) lets a letter of any common
 * script stand alone, as in the kaomoji `(ง'̀⌣'́)ง`. `nearby` (the context is already repaired text) lets a
 * letter stand alone as a word when the nearest word on either side is written in its script (Russian `и`, `в`,
 * Armenian `և`, Persian `و` between repaired words); given as the whole line so far, also when a word of its script
 * stands anywhere in the line (`Web и Express`, `Vault и т.д.` in a line of repaired Russian).
 */
export function isPlausible(
  text: string,
  before: string,
  after: string,
  lenient = false,
  nearby: boolean | string = false,
): boolean {
  const { cps, from, to } = spread(before, text, after);
  for (let i = from; i < to; i++) {
    const cp = cps[i]!;
    const ch = String.fromCodePoint(cp);
    const prev = cps[i - 1];
    const next = cps[i + 1];
    if (cp < 0x80) continue;
    if (UNASSIGNED().test(ch) || INVALID().test(ch) || (cp >= 0xfdd0 && cp <= 0xfdef) || (cp & 0xfffe) === 0xfffe)
      return false;
    if (cp === 0xfe0f || cp === 0xfe0e) {
      if (prev === undefined || !EMOJI().test(String.fromCodePoint(prev))) return false;
      continue;
    }
    if (cp === 0x20e3) {
      const base = prev === 0xfe0f ? cps[i - 2] : prev;
      if (base === undefined || !/[0-9#*]/.test(String.fromCodePoint(base))) return false;
      continue;
    }
    if (cp === 0x200d) {
      const p = prev === 0xfe0f ? cps[i - 2] : prev;
      if (
        p === undefined ||
        next === undefined ||
        !PICTO().test(String.fromCodePoint(p)) ||
        !PICTO().test(String.fromCodePoint(next))
      ) {
        if (!joinsWord(prev, next)) return false;
      }
      continue;
    }
    if (cp === 0x200c) {
      if (!joinsWord(prev, next)) return false;
      continue;
    }
    if (cp === 0x200e || cp === 0x200f) {
      if (!isRtl(prev) && !isRtl(next)) return false;
      continue;
    }
    if (cp === 0x2010 || cp === 0xad) {
      if (!isWordy(prev) || !isWordy(next)) return false;
      continue;
    }
    if (blocked(cp)) return false;
    if (isMark(cp)) {
      if (prev === undefined || SPACE.test(String.fromCodePoint(prev))) return false;
      if (cp >= 0x300 && cp <= 0x36f) {
        if (!COMMON_COMBINING.test(ch)) return false;
        continue; // common diacritics and overlays go on anything (`$̶6̶3̶`, kaomoji)
      }
      if (cp >= 0x1ab0 && cp <= 0x1aff) return false;
      const base = letterNeighbour(cps, i, -1) ?? prev;
      if (scriptOf(cp) !== 'Other' && scriptOf(base) !== scriptOf(cp)) return false;
      // Marks shared by scripts (Arabic harakat are Inherited) go on a letter of a script they serve.
      if (scriptOf(cp) === 'Other' && !(cp >= 0x20d0 && cp <= 0x20ff) && !servesScript(cp, scriptOf(base)))
        return false;
      continue;
    }
    if (!isLetter(cp)) continue; // symbols, punctuation, digits: fine once the blocks above are excluded
    const script = scriptOf(cp);
    if (!commonLetter(cp, script)) return false;
    const left = letterNeighbour(cps, i, -1);
    const right = letterNeighbour(cps, i, 1);
    const neutral = script === 'Other' && COMMON_SCRIPT().test(ch);
    for (const n of neutral ? [] : [left, right]) {
      if (n === undefined || n < 0x80) {
        if (n !== undefined && script !== 'Latin' && !(MIXABLE[script] ?? []).includes('Latin')) return false;
        continue;
      }
      const ns = scriptOf(n);
      if (ns !== script && ns !== 'Other' && !(MIXABLE[script] ?? []).includes(ns)) return false;
    }
    // An apostrophe inside a word joins its letters (Guarani `avañe’ẽ`, `l’été`).
    const alone = left === undefined && right === undefined && !apostropheJoined(cps, i);
    // One ideograph or syllable alone amid other writing is a coincidence unless CJK text is near.
    if (alone && CJK.includes(script) && !cps.some((c, k) => k !== i && c >= 0x2e80 && CJK.includes(scriptOf(c))))
      return false;
    if (alone && !lenient && !SOLO.includes(script)) {
      const near = nearby ? [nearestLetter(cps, i, -1), nearestLetter(cps, i, 1)] : [];
      if (
        !near.some((n) => n !== undefined && scriptOf(n) === script) &&
        !(typeof nearby === 'string' && hasScript(nearby, script))
      )
        return false;
    }
    if (alone && script === 'Latin' && !(cp >= 0xc0 && cp <= 0xff)) return false;
    if (script === 'Latin' && isLower(cp) && !wordAllowsLower(cps, i, from, to)) return false;
  }
  return true;
}

/** Does `line` hold a letter of `script`? */
function hasScript(line: string, script: Script): boolean {
  for (const ch of line) {
    const cp = ch.codePointAt(0)!;
    if (cp >= 0x80 && isLetter(cp) && scriptOf(cp) === script) return true;
  }
  return false;
}

/**
 * Do the letters of `text` belong to another script than the nearest letters on both sides (`Ðº` between Russian
 * words)? Then a reading of it is no word of its surroundings, and one more layer of repair may be tried.
 */
export function clashesWithNeighbours(text: string, before: string, after: string): boolean {
  const { cps, from, to } = spread(before, text, after);
  const near: number[] = [];
  for (const n of [nearestLetter(cps, from, -1), nearestLetter(cps, to - 1, 1)])
    if (n !== undefined && n >= 0x80) near.push(n);
  if (near.length === 0) return false;
  const scripts = new Set(near.map(scriptOf));
  for (let i = from; i < to; i++) if (isLetter(cps[i]) && scripts.has(scriptOf(cps[i]!))) return false;
  return true;
}

/** A lowercase letter in a word that is otherwise all capitals (`AHř`, `NICIODATà`) is not a repair. */
function wordAllowsLower(cps: number[], i: number, from: number, to: number): boolean {
  let s = i;
  while (s > 0 && (isLetter(cps[s - 1]) || isMark(cps[s - 1]))) s--;
  let e = i;
  while (e + 1 < cps.length && (isLetter(cps[e + 1]) || isMark(cps[e + 1]))) e++;
  let upper = 0;
  let lower = 0;
  for (let k = s; k <= e; k++) {
    if (k >= from && k < to) continue;
    const cp = cps[k]!;
    if (isUpper(cp)) upper++;
    else if (isLower(cp)) lower++;
  }
  return !(upper >= 2 && lower === 0);
}

const MODIFIER_LETTER = lazy(() => /\p{Lm}/u);
/** Is there a letter at `s[i]` (modifier letters such as `ˇ` count as symbols)? */
export const letterAt = (s: string, i: number): boolean => {
  const cp = cpAt(s, i);
  return cp !== undefined && isLetter(cp) && !MODIFIER_LETTER().test(String.fromCodePoint(cp));
};
