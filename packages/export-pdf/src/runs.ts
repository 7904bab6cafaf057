import {
  coverage,
  fontFiles,
  isScriptFamily,
  SCRIPT_FONT_KEYS,
  scriptFontIndex,
  type BaseFamily,
  type FamilyName,
  type FontFiles,
  type ScriptFontKey,
} from './fonts.js';

/** A piece of text drawn with one font. */
export interface FontRun {
  text: string;
  font: FamilyName;
  /** Set when no font has the character: the run shows its code point instead of a glyph. */
  unrenderable?: true;
  /** Set when only a regular face has the character: draw it upright and regular. */
  plain?: true;
}

type Style = keyof FontFiles;

const CHAINS: Record<'Body' | 'Mono', readonly BaseFamily[]> = {
  Body: ['Body', 'Emoji', 'Fallback'],
  Mono: ['Mono', 'Emoji', 'FallbackMono', 'Fallback', 'Body'],
};

/** Made on first use: creating it loads ICU break data (about 25 ms), which `notes lint` never needs. */
let segmenter: Intl.Segmenter | undefined;

/** Emoji sequences (keycaps, VS16, ZWJ) must stay whole in the emoji font so its ligatures draw one glyph. */
const EMOJI_SEQUENCE = /[\uFE0F\u20E3\u200D]|\p{Extended_Pictographic}/u;
/** Invisible format characters nobody needs to see: dropped when no font maps them, never reported. */
const IGNORABLE = /^[\p{Default_Ignorable_Code_Point}]$/u;
/** White space and line breaks are laid out by pdfmake, not drawn. */
const LAYOUT = /^[\n\r\t ]$/;

function styleOf(bold: boolean, italics: boolean): Style {
  return bold ? (italics ? 'bolditalics' : 'bold') : italics ? 'italics' : 'normal';
}

function has(family: BaseFamily, style: Style, codePoint: number): boolean {
  return coverage(fontFiles()[family][style]).has(codePoint);
}

/**
 * Characters a script font draws before the body fonts: the letters of CJK, Arabic, Hebrew, Devanagari and Thai,
 * and the punctuation written with them (CJK symbols and full-width forms, Arabic comma and question mark, dandas).
 * DejaVu has some Arabic and Hebrew, but not shaped as well, and no CJK: these go to Noto first.
 */
const SCRIPT_FIRST =
  /^[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}\p{sc=Bopomofo}\p{sc=Arabic}\p{sc=Hebrew}\p{sc=Devanagari}\p{sc=Thai}\u3000-\u303F\u30FB\u30FC\uFF00-\uFFEF\u060C\u061B\u061F\u0640\u0964\u0965]/u;

const KEY_OF_SCRIPT: [RegExp, ScriptFontKey | 'cjk'][] = [
  [/^\p{sc=Hangul}/u, 'ko'],
  [/^[\p{sc=Arabic}\u060C\u061B\u061F\u0640]/u, 'ar'],
  [/^\p{sc=Hebrew}/u, 'he'],
  [/^[\p{sc=Devanagari}\u0964\u0965]/u, 'hi'],
  [/^\p{sc=Thai}/u, 'th'],
  [/^[\p{sc=Hiragana}\p{sc=Katakana}]/u, 'cjk'],
];

const CJK_KEYS: readonly ScriptFontKey[] = ['ja', 'ko', 'zh-Hans', 'zh-Hant'];

/**
 * The CJK font whose regional glyph forms suit a language: Japanese, Korean, Traditional Chinese (zh-Hant and the
 * regions that write it) or Simplified Chinese (other zh); null for a language that is not CJK.
 */
export function cjkFontFor(lang: string | undefined): ScriptFontKey | null {
  if (!lang) return null;
  const [language, ...rest] = lang.split('-');
  const primary = language!.toLowerCase();
  if (primary === 'ja') return 'ja';
  if (primary === 'ko') return 'ko';
  if (primary !== 'zh') return null;
  const subtags = rest.map((s) => s.toLowerCase());
  if (subtags.includes('hant') || subtags.some((s) => s === 'tw' || s === 'hk' || s === 'mo')) return 'zh-Hant';
  return 'zh-Hans';
}

/** Han in a document whose language is not CJK (a word quoted in English notes) takes the Japanese forms. */
const DEFAULT_CJK: ScriptFontKey = 'ja';

/** Script fonts to try for a character, best first. */
function scriptKeys(point: string, lang: string | undefined): readonly ScriptFontKey[] {
  const cjk = cjkFontFor(lang) ?? DEFAULT_CJK;
  let first: ScriptFontKey = cjk;
  for (const [pattern, key] of KEY_OF_SCRIPT) {
    if (pattern.test(point)) {
      // Kana: the document's CJK font has it in its own style; Japanese otherwise.
      first = key === 'cjk' ? (cjkFontFor(lang) ?? 'ja') : key;
      break;
    }
  }
  const cjkOrder = [cjk, ...CJK_KEYS.filter((k) => k !== cjk)];
  return [...new Set([first, ...cjkOrder, ...SCRIPT_FONT_KEYS])];
}

/** The script font slice that draws every code point of a cluster, trying `keys` in order. */
function scriptFamilyFor(points: readonly number[], keys: readonly ScriptFontKey[]): FamilyName | null {
  for (const key of keys) {
    const { families } = scriptFontIndex(key);
    const family = families.get(points[0]!);
    if (family && points.every((p) => families.get(p) === family)) return family;
  }
  return null;
}

function fontForCluster(
  cluster: string,
  chain: readonly BaseFamily[],
  style: Style,
  lang: string | undefined,
): FamilyName | null {
  const points = [...cluster].map((c) => c.codePointAt(0)!);
  if (SCRIPT_FIRST.test(cluster)) {
    const family = scriptFamilyFor(points, scriptKeys(cluster, lang));
    if (family) return family;
  }
  const emojiFirst = EMOJI_SEQUENCE.test(cluster) && points.length > 1;
  const order = emojiFirst ? ['Emoji' as const, ...chain.filter((f) => f !== 'Emoji')] : chain;
  for (const family of order) if (points.every((p) => has(family, style, p))) return family;
  // Script fonts have every style (italics drawn upright), so they come after the body fonts in any style.
  return points.some((p) => p >= 0x370) ? scriptFamilyFor(points, scriptKeys(cluster, lang)) : null;
}

/** Per font and style, which ASCII characters (0–127) the font has: 1 yes, 0 no. */
const asciiCoverage = new Map<string, Uint8Array>();

/**
 * Whether every character of `text` is ASCII that `family` has in `style`, line feeds aside: then fontRuns'
 * answer is that font for the whole text (each character is its own grapheme, none is an emoji, and a line
 * feed takes the font of the run before it), found without segmenting graphemes.
 */
function allAsciiIn(text: string, family: BaseFamily, style: Style): boolean {
  const key = `${family}/${style}`;
  let table = asciiCoverage.get(key);
  if (!table) {
    table = new Uint8Array(128);
    for (let c = 0; c < 128; c++) table[c] = has(family, style, c) ? 1 : 0;
    asciiCoverage.set(key, table);
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 10 && (c >= 128 || c === 13 || table[c] === 0)) return false;
  }
  return true;
}

/**
 * Split text into runs so that every character is drawn by a font that has it: the body (or mono) font first,
 * then Noto Emoji, then DejaVu, then the script fonts. Emoji sequences (`1️⃣`, `✔️`) go to the emoji font as one
 * run. CJK, Arabic, Hebrew, Devanagari and Thai go to their Noto Sans font first; Han takes the regional forms of
 * `lang` (the document's BCP 47 language).
 */
export function fontRuns(
  text: string,
  options: { mono?: boolean; bold?: boolean; italics?: boolean; lang?: string } = {},
): FontRun[] {
  const chain = CHAINS[options.mono ? 'Mono' : 'Body'];
  const style = styleOf(options.bold ?? false, options.italics ?? false);
  // Most text is plain ASCII the first font has: one run, without the grapheme-by-grapheme walk.
  if (chain[0] !== 'Emoji' && allAsciiIn(text, chain[0]!, style)) return text ? [{ text, font: chain[0]! }] : [];
  return graphemeRuns(text, options);
}

/** fontRuns, grapheme by grapheme (exported for the test that checks fontRuns' shortcut against it). */
export function graphemeRuns(
  text: string,
  options: { mono?: boolean; bold?: boolean; italics?: boolean; lang?: string } = {},
): FontRun[] {
  const chain = CHAINS[options.mono ? 'Mono' : 'Body'];
  const lang = options.lang;
  const style = styleOf(options.bold ?? false, options.italics ?? false);
  const runs: FontRun[] = [];
  const push = (piece: string, font: FamilyName, flag?: 'unrenderable' | 'plain') => {
    const last = runs[runs.length - 1];
    if (last && last.font === font && !last.unrenderable && !last.plain && !flag) last.text += piece;
    else runs.push(flag ? { text: piece, font, [flag]: true } : { text: piece, font });
  };
  const place = (piece: string): boolean => {
    const font = fontForCluster(piece, chain, style, lang);
    if (font) push(piece, font);
    else {
      const regular = style === 'normal' ? null : fontForCluster(piece, chain, 'normal', lang);
      if (!regular || isScriptFamily(regular)) return false;
      push(piece, regular, 'plain');
    }
    return true;
  };
  segmenter ??= new Intl.Segmenter('en', { granularity: 'grapheme' });
  for (const { segment } of segmenter.segment(text)) {
    if (LAYOUT.test(segment)) {
      // Spaces take the first text font that has them, so word spacing is the same everywhere; never the emoji
      // font, whose space is an emoji-wide gap.
      const point = segment.codePointAt(0)!;
      push(
        segment,
        segment === '\n'
          ? (runs[runs.length - 1]?.font ?? chain[0]!)
          : (chain.find((f) => f !== 'Emoji' && has(f, style, point)) ?? chain[0]!),
      );
      continue;
    }
    if (place(segment)) continue;
    // No single font has the whole cluster: place each character on its own.
    for (const char of segment) {
      if (place(char) || IGNORABLE.test(char)) continue;
      push(`[U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}]`, 'Fallback', 'unrenderable');
    }
  }
  return runs;
}
