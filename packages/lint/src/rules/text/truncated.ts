/**
 * Checks for a paragraph cut off mid-word or mid-sentence, as in "…then publishes them to an SNS topi": the
 * paragraph ends in a letter with no closing punctuation, and its last word is either a word that cannot end
 * a sentence (`the`, `of`, `and`…), or a fragment: the start of a longer word used elsewhere in the file
 * (`topi` / `topic`) or of a dictionary word, found nowhere else in the file.
 *
 * Rationale: text pasted from a chat window is often cut at the end of the visible area, and a study note
 * that stops mid-sentence teaches the wrong thing.
 *
 * Fix: finish the sentence (a person must: the lost words are not in the file).
 */
import type { Paragraph } from 'mdast';
import { defineRule, type RuleContext } from '@notes/core';
import { nodesOf, treeIndex } from '../../walk.js';
import { isWord, isWordPrefix, lowerBound } from '../../words.js';

/** Words that cannot end an English sentence. */
const DANGLING = new Set([
  'the',
  'a',
  'an',
  'and',
  'or',
  'but',
  'nor',
  'which',
  'such',
  'than',
  'because',
  'whose',
  'its',
  'their',
  'your',
  'our',
  'my',
  'whether',
  'although',
  'unless',
]);
/** In a list, `…; or` and `…, and` close an enumeration. */
const LIST_OK = new Set(['and', 'or']);
/** Endings that turn a word into another form of itself (`scheduler` / `schedulers`): no sign of a cut. */
const INFLECTION = new Set([
  's',
  'es',
  'ed',
  'd',
  'er',
  'ers',
  'r',
  'rs',
  'ly',
  'ing',
  'ings',
  'est',
  'st',
  'al',
  'ity',
  'y',
  'n',
  'ness',
]);

interface Words {
  counts: Map<string, number>;
  /** The distinct words, sorted (prefix look-ups by binary search). */
  sorted: string[];
  /** The text reads as English (the dictionary signals only apply then). */
  english: boolean;
}

const COMMON = ['the', 'and', 'of', 'to', 'is', 'for', 'in', 'a', 'with', 'are'];

function documentWords(ctx: RuleContext): Words {
  const counts = new Map<string, number>();
  let total = 0;
  for (const m of ctx.text.toLowerCase().matchAll(/\p{L}+/gu)) {
    counts.set(m[0], (counts.get(m[0]) ?? 0) + 1);
    total++;
  }
  const common = COMMON.reduce((n, w) => n + (counts.get(w) ?? 0), 0);
  return { counts, sorted: [...counts.keys()].sort(), english: total > 0 && common / total >= 0.08 };
}

/** Why the last word looks cut, or null. */
function cutReason(word: string, paragraphWords: number, words: () => Words, inList: boolean): string | null {
  const lower = word.toLowerCase();
  if (paragraphWords < 6) return null;
  const { counts, sorted, english } = words();
  if (!english) return null;
  if (DANGLING.has(word) && !(inList && LIST_OK.has(word))) return `a sentence ending in \`${word}\``;
  if (word !== lower || lower.length < 3) return null;
  if ((counts.get(lower) ?? 0) > 1) return null;
  const known = isWord(lower);
  for (let i = lowerBound(sorted, lower); i < sorted.length && sorted[i]!.startsWith(lower); i++) {
    const other = sorted[i]!;
    if (other.length > lower.length && other.length <= lower.length + (known ? 1 : 3)) {
      const rest = other.slice(lower.length);
      if (!known || !INFLECTION.has(rest)) return `\`${word}\` (cut from \`${other}\`?)`;
    }
  }
  // List items are often fragments with informal abbreviations (`collab`): only long, sentence-like ones count.
  if ((!inList || paragraphWords >= 9) && !known && lower.length >= 4 && isWordPrefix(lower))
    return `\`${word}\` (a cut word?)`;
  return null;
}

export default defineRule({
  id: 'text/truncated',
  description: 'Paragraph cut off mid-word or mid-sentence.',
  tags: ['text'],
  fixable: false,
  severity: 'warning',
  check(ctx) {
    let words: Words | undefined;
    const lazyWords = (): Words => (words ??= documentWords(ctx));
    const index = treeIndex(ctx);
    for (const paragraph of nodesOf(index, 'paragraph') as readonly Paragraph[]) {
      const last = paragraph.children[paragraph.children.length - 1];
      if (!last || last.type !== 'text' || !last.position) continue;
      const value = last.value.trimEnd();
      const tail = value.slice(value.lastIndexOf('\n') + 1);
      const m = /(?:^|[\s(“"‘'])(\p{L}[\p{L}’']*)(-?)$/u.exec(tail);
      if (!m) continue;
      const word = m[1]!;
      const count = paragraph.children.reduce(
        (n, c) => n + (c.type === 'text' ? (c.value.match(/\p{L}+/gu) ?? []).length : 1),
        0,
      );
      const reason =
        m[2] === '-' && count >= 6
          ? `\`${word}-\` (a word cut at a hyphen)`
          : cutReason(word, count, lazyWords, index.parent.get(paragraph)?.type === 'listItem');
      if (!reason) continue;
      const line = last.position.end.line;
      const lineText = ctx.lines[line - 1] ?? '';
      const column = lineText.trimEnd().length - word.length - m[2]!.length + 1;
      ctx.report({
        place: { line, column: Math.max(1, column), endLine: line, endColumn: lineText.trimEnd().length + 1 },
        message: `Unexpected paragraph end ${reason}, expected a complete sentence`,
      });
    }
  },
});
