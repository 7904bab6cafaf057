import { PRINTABLE_RANGES } from '../generated/printable.js';
import { lazy } from '@notes/core';

/** A character no bundled font can draw, with its UTF-16 index in the text. */
export interface Unrenderable {
  char: string;
  index: number;
}

/** Invisible format characters nobody needs to see: dropped when no font maps them, never reported. */
const IGNORABLE = lazy(() => /^[\p{Default_Ignorable_Code_Point}]$/u);
/** Text of ASCII characters only (U+0000–U+007E): nothing in it is reported. */
const ASCII = /^[\x00-\x7e]*$/;
/** White space and line breaks are laid out by pdfmake, not drawn. */
const LAYOUT = /^[\n\r\t ]$/;

/** First and last code point of each printable range, decoded on first use. */
let starts: Uint32Array | undefined;
let ends: Uint32Array | undefined;
/** The Basic Multilingual Plane as a table (1: printable), so most characters are one array read. */
let bmp: Uint8Array | undefined;
const BMP_END = 0x10000;

function decode(): void {
  const pieces = PRINTABLE_RANGES.split(',');
  starts = new Uint32Array(pieces.length);
  ends = new Uint32Array(pieces.length);
  let end = -1;
  pieces.forEach((piece, i) => {
    const dot = piece.indexOf('.');
    const first = end + 1 + Number.parseInt(piece.slice(0, dot), 36);
    end = first + Number.parseInt(piece.slice(dot + 1), 36);
    starts![i] = first;
    ends![i] = end;
  });
  bmp = new Uint8Array(BMP_END);
  for (let i = 0; i < starts.length && starts[i]! < BMP_END; i++)
    bmp.fill(1, starts[i], Math.min(ends[i]!, BMP_END - 1) + 1);
}

/** Whether some font of the cheat sheet draws a code point (a table below U+10000, a binary search above). */
export function isPrintable(point: number): boolean {
  if (!starts) decode();
  if (point < BMP_END) return bmp![point] === 1;
  let lo = 0;
  let hi = starts!.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (point < starts![mid]!) hi = mid - 1;
    else if (point > ends![mid]!) lo = mid + 1;
    else return true;
  }
  return false;
}

/**
 * Characters of `text` that no bundled font (IBM Plex Sans Condensed, Noto Emoji, DejaVu Sans Condensed, the Noto
 * Sans fonts of CJK, Arabic, Hebrew, Devanagari and Thai) can draw, with their UTF-16 index. Invisible format
 * characters and layout white space are not reported. Answered from a table generated from the fonts
 * (generated/printable.ts), so linting never reads a font file.
 */
export function unrenderableCharacters(text: string): Unrenderable[] {
  // Most lines are ASCII: controls are never reported and the rest is printable (a test checks the table).
  if (ASCII.test(text)) return [];
  const found: Unrenderable[] = [];
  let index = 0;
  for (const char of text) {
    const point = char.codePointAt(0)!;
    if (
      !(point < 0x20 || (point >= 0x7f && point < 0xa0)) &&
      !isPrintable(point) &&
      !LAYOUT.test(char) &&
      !IGNORABLE().test(char)
    )
      found.push({ char, index });
    index += char.length;
  }
  return found;
}
