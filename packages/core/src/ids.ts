import { hash } from 'node:crypto';
import { lazy } from './lazy.js';

/**
 * A word for ids: letters with the combining marks that belong to them (Devanagari and Thai vowel signs, Hebrew
 * points, Arabic harakat), and digits. Variation selectors (`1️⃣`, `⚠️`) and enclosing marks are not part of it.
 */
const ASCII = /^[\x00-\x7f]*$/;
const ASCII_WORD = /[a-z0-9]+/g;
const ID_WORD = lazy(() => /(?:\p{L}(?:(?![\uFE00-\uFE0F\u{E0100}-\u{E01EF}])[\p{Mn}\p{Mc}])*|\p{N})+/gu);

/**
 * Characters that are in no word, before or after NFKC, and join nothing: × and ÷, general punctuation (’ “ — …),
 * the enclosing marks of keycaps, arrows, mathematical and technical symbols, box drawing, shapes, dingbats (not the
 * circled digits ❶–➓), regional indicators, emoji, variation selectors and tag characters. English notes with emoji
 * and typographic quotes are ASCII once these are spaces, and keep the fast path: the general pattern compiles
 * Unicode's tables of letters and marks, about 2 ms of a `notes lint` of one file.
 */
const IN_NO_WORD =
  /[\u00d7\u00f7\u2000-\u206f\u20dd-\u20e0\u20e2-\u20e4\u2190-\u245f\u2500-\u2775\u2794-\u2bff\ufe00-\ufe0f\u{1f1e6}-\u{1f1ff}\u{1f300}-\u{1faff}\u{e0020}-\u{e007f}]/gu;

/**
 * Normalize text for ids: NFKC, lower case, words of any script (with their combining marks) joined by one space;
 * emoji and punctuation dropped.
 */
export function normalizeForId(text: string): string {
  return idWords(text).join(' ');
}

/** The words of `normalizeForId(text)`, as a list (none is empty or holds a space). */
export function idWords(text: string): string[] {
  // ASCII text is its own NFKC form, and its words are runs of letters and digits: the same words, found faster.
  if (ASCII.test(text)) return text.toLowerCase().match(ASCII_WORD) ?? [];
  const rest = text.replace(IN_NO_WORD, ' ');
  if (ASCII.test(rest)) return rest.toLowerCase().match(ASCII_WORD) ?? [];
  return text.normalize('NFKC').toLowerCase().match(ID_WORD()) ?? [];
}

/** A stable id: a kind letter and 16 hex digits of sha-256 over the normalized parts. */
export function stableId(kind: 'd' | 't' | 'q' | 'o', parts: readonly string[]): string {
  // One-shot over the joined text: the same bytes as hashing the pieces one by one, without a Hash object per note.
  let text = `notes/v1\u0000${kind}`;
  for (const part of parts) text += `\u0000${normalizeForId(part)}`;
  return `${kind}-${hash('sha256', text, 'hex').slice(0, 16)}`;
}

/** A tag from free text: lower case, letters and digits joined by `-` (Anki tags cannot hold spaces). */
export function slugTag(text: string): string {
  return normalizeForId(text).replace(/ /g, '-');
}
