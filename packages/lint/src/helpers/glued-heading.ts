/**
 * `####**Title**`: ATX heading markers glued to their text, so Markdown sees a paragraph. Shared by
 * `heading/missing-space` (which reports and fixes it) and `fields/missing-answer` (which judges the structure
 * the fix will give).
 */

/** Two to six hashes glued to text, or one hash glued to emphasis (a lone `#word` is a hashtag). */
const GLUED = /^( {0,3})(#{2,6}(?=[^#\s])|#(?=\*\*|__))/;

/** A glued heading marker found on a line. */
export interface GluedHeading {
  /** Spaces before the hashes. */
  indent: number;
  /** The hashes. */
  hashes: string;
  /** 1-based column just past the hashes, where the space belongs. */
  column: number;
}

/** The glued heading marker at the start of `text`, or null. */
export function gluedHeading(text: string): GluedHeading | null {
  // Most lines start with a printable ASCII character other than `#`: no heading marker, and no search.
  const first = text.charCodeAt(0);
  if (first > 32 && first < 127 && first !== 35) return null;
  if (text.charCodeAt(text.search(/\S/)) !== 35 /* # */) return null;
  const m = GLUED.exec(text);
  if (!m) return null;
  const hashes = m[2]!;
  const column = m[1]!.length + hashes.length + 1;
  const after = text.slice(column - 1);
  // `##` followed by a bare number or punctuation (`##1 more`, `##-`) is rarely meant as a heading.
  // A digit counts when it numbers a heading: a keycap (`1️⃣`, or its mojibake), `1.` or `1)`.
  if (!/^(?:[\p{L}*_[\p{Extended_Pictographic}]|\d(?:\uFE0F?\u20E3|[.)]\s|[^\x00-\x7F]))/u.test(after)) return null;
  return { indent: m[1]!.length, hashes, column };
}
