/** A word: a run of letters, digits and combining marks (so `1️⃣` and `AWS’s` parts count, markup does not). */
const WORD = /[\p{L}\p{N}\p{M}]+/gu;

/** How often each word occurs in a text (Markdown markup, escapes and punctuation are not words). */
export function wordCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const m of text.normalize('NFC').matchAll(WORD)) counts.set(m[0], (counts.get(m[0]) ?? 0) + 1);
  return counts;
}

/** Words of `before` missing from `after` (`lost`) and words only in `after` (`added`), with counts. */
export function wordDiff(before: string, after: string): { lost: Map<string, number>; added: Map<string, number> } {
  const a = wordCounts(before);
  const b = wordCounts(after);
  const lost = new Map<string, number>();
  const added = new Map<string, number>();
  for (const [w, n] of a) if ((b.get(w) ?? 0) < n) lost.set(w, n - (b.get(w) ?? 0));
  for (const [w, n] of b) if ((a.get(w) ?? 0) < n) added.set(w, n - (a.get(w) ?? 0));
  return { lost, added };
}
