/**
 * The other kinds of encoding damage, found in decoded text: U+FFFD, stray control characters and a byte order
 * mark inside the text. Positions are UTF-16 offsets; `locate` turns them into lines and columns.
 */
import { findMojibake, type MojibakeSpan } from './mojibake.js';

/** A single damaged character. */
export interface CharFinding {
  /** UTF-16 offset of the character. */
  offset: number;
  /** The character. */
  char: string;
}

function findAll(text: string, re: RegExp, skip: readonly MojibakeSpan[] = []): CharFinding[] {
  const out: CharFinding[] = [];
  let k = 0;
  for (const m of text.matchAll(re)) {
    const offset = m.index;
    while (k < skip.length && skip[k]!.end <= offset) k++;
    const inside = k < skip.length && skip[k]!.start <= offset;
    if (!inside) out.push({ offset, char: m[0] });
  }
  return out;
}

/** U+FFFD characters that no mojibake run accounts for (pass the runs already found, sorted). */
export function findReplacementChars(
  text: string,
  mojibake: readonly MojibakeSpan[] = findMojibake(text),
): CharFinding[] {
  return text.includes('\uFFFD') ? findAll(text, /\uFFFD/g, mojibake) : [];
}

/** C0 controls other than tab, line feed and carriage return, DEL, and C1 controls no mojibake run accounts for. */
export function findControlChars(text: string, mojibake: readonly MojibakeSpan[] = findMojibake(text)): CharFinding[] {
  return findAll(text, /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g, mojibake);
}

/** Byte order marks (U+FEFF) in the text; the decoder has already dropped the one a file may start with. */
export function findStrayBoms(text: string): CharFinding[] {
  return text.includes('\uFEFF') ? findAll(text, /\uFEFF/g) : [];
}

/** Show a character in a message: controls and invisible characters as their code point. */
export function showChar(char: string): string {
  const cp = char.codePointAt(0)!;
  return /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u.test(char)
    ? `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`
    : `\`${char}\``;
}

/** Show a string in a message, with invisible characters escaped as `\u{…}`. */
export function showText(text: string): string {
  return text.replace(
    /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\u00A0]/gu,
    (c) => `\\u{${c.codePointAt(0)!.toString(16).toUpperCase()}}`,
  );
}

/** A function from UTF-16 offset to 1-based line and column, for a text split on `\n`. */
export function locator(text: string): (offset: number) => { line: number; column: number } {
  // Built on the first look-up: a clean file (the common case) never asks.
  let starts: number[] | undefined;
  return (offset) => {
    if (starts === undefined) {
      starts = [0];
      for (let k = text.indexOf('\n'); k !== -1; k = text.indexOf('\n', k + 1)) starts.push(k + 1);
    }
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo]! + 1 };
  };
}

/**
 * Repair everything that has one right answer: mojibake with a single plausible restoration, stray BOMs and
 * stray control characters (deleted). What needs a person (U+FFFD, ambiguous mojibake) stays as it is. The
 * rules' fixes do the same edits.
 */
export function repairText(text: string): string {
  const mojibake = findMojibake(text);
  const edits: { start: number; end: number; insert: string }[] = [];
  for (const s of mojibake) if (s.expected !== null) edits.push({ start: s.start, end: s.end, insert: s.expected });
  for (const f of findControlChars(text, mojibake)) edits.push({ start: f.offset, end: f.offset + 1, insert: '' });
  for (const f of findStrayBoms(text)) edits.push({ start: f.offset, end: f.offset + 1, insert: '' });
  if (edits.length === 0) return text;
  edits.sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const e of edits) {
    if (e.start < at) continue;
    out += text.slice(at, e.start) + e.insert;
    at = e.end;
  }
  return out + text.slice(at);
}

/** The texts with LF line ends made so far, by their lines (the encoding rules of one run share one). */
const lfTexts = new WeakMap<readonly string[], string>();

/**
 * A file's lines joined with `\n` (what the encoding rules scan, without the `\r` of CRLF files): the text itself
 * when it has no `\r`, else joined once for every rule of the run.
 */
export function lfText(ctx: { readonly text: string; readonly lines: readonly string[] }): string {
  if (!ctx.text.includes('\r')) return ctx.text;
  let text = lfTexts.get(ctx.lines);
  if (text === undefined) {
    text = ctx.lines.join('\n');
    lfTexts.set(ctx.lines, text);
  }
  return text;
}
