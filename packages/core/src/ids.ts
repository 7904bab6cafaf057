import { createHash } from 'node:crypto';

/** Normalize text for ids: NFKC, lower case, emoji and punctuation dropped, white space collapsed. */
export function normalizeForId(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** A stable id: a kind letter and 16 hex digits of sha-256 over the normalized parts. */
export function stableId(kind: 'd' | 't' | 'q' | 'o', parts: readonly string[]): string {
  const hash = createHash('sha256');
  hash.update(`notes/v1\u0000${kind}`);
  for (const part of parts) hash.update(`\u0000${normalizeForId(part)}`);
  return `${kind}-${hash.digest('hex').slice(0, 16)}`;
}

/** A tag from free text: lower case, letters and digits joined by `-` (Anki tags cannot hold spaces). */
export function slugTag(text: string): string {
  return normalizeForId(text).replace(/ /g, '-');
}
