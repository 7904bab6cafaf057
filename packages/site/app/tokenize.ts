/**
 * Tokenizing for search in every script. Words are runs of letters, marks and digits. Scripts written without
 * spaces are split further: Han, kana and Hangul into overlapping character pairs (bigrams: `東京都` →
 * `東京`, `京都`; Korean too, where particles stick to the word: `서비스는` still matches `서비스`), and Thai,
 * Lao, Khmer and Myanmar into words by `Intl.Segmenter`.
 */

const WORD = /[\p{L}\p{M}\p{N}]+/gu;
/** Scripts searched by character pairs. */
const PAIRED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u30fc\u3005]/u;
/** Scripts without spaces that a dictionary segmenter splits into words. */
const SEGMENTED = /[\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
/** A run of paired-script characters, or a run of anything else. */
const RUNS =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u30fc\u3005]+|[^\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u30fc\u3005]+/gu;

let segmenter: Intl.Segmenter | null = null;

function segmentWords(text: string): string[] {
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'word' });
  const out: string[] = [];
  for (const s of segmenter.segment(text)) if (s.isWordLike) out.push(s.segment);
  return out;
}

function pairs(run: string, out: string[]): void {
  const chars = Array.from(run);
  if (chars.length === 1) {
    out.push(chars[0]!);
    return;
  }
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
}

/** The search terms of a text, in order (not normalized: see {@link normalizeTerm}). */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  for (const match of text.matchAll(WORD)) {
    const word = match[0];
    if (!PAIRED.test(word)) {
      if (SEGMENTED.test(word)) out.push(...segmentWords(word));
      else out.push(word);
      continue;
    }
    for (const run of word.matchAll(RUNS)) {
      const part = run[0];
      if (PAIRED.test(part)) pairs(part, out);
      else if (SEGMENTED.test(part)) out.push(...segmentWords(part));
      else out.push(part);
    }
  }
  return out;
}

/** One form for a term in the index and in queries: compatibility-folded (full-width `ＡＷＳ` is `aws`), lower case. */
export function normalizeTerm(term: string): string {
  return term.normalize('NFKC').toLowerCase();
}

/** A span of text to highlight, `[start, end)` in UTF-16 units. */
export type Range = [number, number];

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Where the query's terms occur in a text, merged into non-overlapping ranges. Occurrences may overlap (the
 * pairs `서비` and `비스` of `서비스`), so every start position is tried.
 */
export function matchRanges(text: string, terms: readonly string[]): Range[] {
  const ranges: Range[] = [];
  const unique = [...new Set(terms.filter((t) => t !== ''))];
  if (unique.length === 0 || text === '') return ranges;
  const pattern = new RegExp(unique.map(escapeRegExp).join('|'), 'giu');
  for (let i = 0; i < text.length;) {
    pattern.lastIndex = i;
    const m = pattern.exec(text);
    if (!m) break;
    ranges.push([m.index, m.index + m[0].length]);
    i = m.index + 1;
  }
  ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: Range[] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

/** What to mark for a query: its words as typed, and the search terms they were split into. */
export interface Highlight {
  words: string[];
  pieces: string[];
}

/** The words of a query (runs of letters and digits, unsplit) and its search terms. */
export function highlightOf(query: string): Highlight {
  return { words: [...query.matchAll(WORD)].map((m) => m[0]), pieces: tokenize(query) };
}

/**
 * Where to mark a query in a text: its whole words where they occur (`キュー`, not the `ュー` of `コンシューマー`),
 * else the pieces a match was made of (the pairs of a CJK word, the words of a Thai phrase).
 */
export function highlightRanges(text: string, highlight: Highlight): Range[] {
  const whole = matchRanges(text, highlight.words);
  return whole.length > 0 ? whole : matchRanges(text, highlight.pieces);
}
