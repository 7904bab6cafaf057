import { coverage, fontFiles, type FamilyName, type FontFiles } from './fonts.js';

/** A piece of text drawn with one font. */
export interface FontRun {
  text: string;
  font: FamilyName;
  /** Set when no font has the character: the run shows its code point instead of a glyph. */
  unrenderable?: true;
  /** Set when only a regular face has the character: draw it upright and regular. */
  plain?: true;
}

/** A character no bundled font can draw, with its UTF-16 index in the text. */
export interface Unrenderable {
  char: string;
  index: number;
}

type Style = keyof FontFiles;

const CHAINS: Record<'Body' | 'Mono', readonly FamilyName[]> = {
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

function has(family: FamilyName, style: Style, codePoint: number): boolean {
  return coverage(fontFiles()[family][style]).has(codePoint);
}

function fontForCluster(cluster: string, chain: readonly FamilyName[], style: Style): FamilyName | null {
  const points = [...cluster].map((c) => c.codePointAt(0)!);
  const emojiFirst = EMOJI_SEQUENCE.test(cluster) && points.length > 1;
  const order = emojiFirst ? ['Emoji' as const, ...chain.filter((f) => f !== 'Emoji')] : chain;
  for (const family of order) if (points.every((p) => has(family, style, p))) return family;
  return null;
}

/** Per font and style, which ASCII characters (0–127) the font has: 1 yes, 0 no. */
const asciiCoverage = new Map<string, Uint8Array>();

/**
 * Whether every character of `text` is ASCII that `family` has in `style`, line feeds aside: then fontRuns'
 * answer is that font for the whole text (each character is its own grapheme, none is an emoji, and a line
 * feed takes the font of the run before it), found without segmenting graphemes.
 */
function allAsciiIn(text: string, family: FamilyName, style: Style): boolean {
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
 * then Noto Emoji, then DejaVu. Emoji sequences (`1️⃣`, `✔️`) go to the emoji font as one run.
 */
export function fontRuns(text: string, options: { mono?: boolean; bold?: boolean; italics?: boolean } = {}): FontRun[] {
  const chain = CHAINS[options.mono ? 'Mono' : 'Body'];
  const style = styleOf(options.bold ?? false, options.italics ?? false);
  // Most text is plain ASCII the first font has: one run, without the grapheme-by-grapheme walk.
  if (chain[0] !== 'Emoji' && allAsciiIn(text, chain[0]!, style)) return text ? [{ text, font: chain[0]! }] : [];
  return graphemeRuns(text, options);
}

/** fontRuns, grapheme by grapheme (exported for the test that checks fontRuns' shortcut against it). */
export function graphemeRuns(
  text: string,
  options: { mono?: boolean; bold?: boolean; italics?: boolean } = {},
): FontRun[] {
  const chain = CHAINS[options.mono ? 'Mono' : 'Body'];
  const style = styleOf(options.bold ?? false, options.italics ?? false);
  const runs: FontRun[] = [];
  const push = (piece: string, font: FamilyName, flag?: 'unrenderable' | 'plain') => {
    const last = runs[runs.length - 1];
    if (last && last.font === font && !last.unrenderable && !last.plain && !flag) last.text += piece;
    else runs.push(flag ? { text: piece, font, [flag]: true } : { text: piece, font });
  };
  const place = (piece: string): boolean => {
    const font = fontForCluster(piece, chain, style);
    if (font) push(piece, font);
    else {
      const regular = style === 'normal' ? null : fontForCluster(piece, chain, 'normal');
      if (!regular) return false;
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

/**
 * Characters of `text` that no bundled font (IBM Plex Sans Condensed, Noto Emoji, DejaVu Sans Condensed) can
 * draw, with their UTF-16 index. Invisible format characters and layout white space are not reported.
 */
export function unrenderableCharacters(text: string): Unrenderable[] {
  const found: Unrenderable[] = [];
  const chain = CHAINS.Body;
  let index = 0;
  for (const char of text) {
    const point = char.codePointAt(0)!;
    if (!LAYOUT.test(char) && !IGNORABLE.test(char) && !(point < 0x20 || (point >= 0x7f && point < 0xa0))) {
      if (!chain.some((family) => has(family, 'normal', point))) found.push({ char, index });
    }
    index += char.length;
  }
  return found;
}
