/**
 * Checks for a paragraph cut off mid-word or mid-sentence, as in "…then publishes them to an SNS topi": the
 * paragraph ends in a letter with no closing punctuation, and its last word is either a word that cannot end
 * a sentence (`the`, `of`, `and`…), or a fragment: the start of a longer word used elsewhere in the file
 * (`topi` / `topic`) or of a dictionary word, found nowhere else in the file. A paragraph written in sentences
 * (its earlier sentences end in full stops) whose last sentence stops with no punctuation after a few words is
 * cut too, whatever its last word: "…on a schedule. The second region keeps a Cop".
 *
 * Rationale: text pasted from a chat window is often cut at the end of the visible area, and a study note
 * that stops mid-sentence teaches the wrong thing.
 *
 * Fix: finish the sentence (a person must: the lost words are not in the file).
 */
import type { Paragraph } from 'mdast';
import { defineRule, mayBeEnglish, type RuleContext } from '@notes/core';
import { nodesOf, treeIndex } from '../../helpers/tree-index.js';
import { isWord, isWordPrefix, lowerBound } from '../../helpers/english-words.js';
import { lazy } from '@notes/core';

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

/** Sentences the paragraph must finish before its last one: one shows it is prose written in sentences. */
const MIN_FINISHED_SENTENCES = 1;
/** Words the unfinished last sentence must have: a shorter tail is more often a label than a cut sentence. */
const MIN_LAST_SENTENCE_WORDS = 3;
/** A sentence end followed by the start of the next sentence. */
const SENTENCE_END = lazy(() => /[\p{L}\p{N}\p{Pe}\p{Pf}"'`*_][.!?。！？]["'”’)*_]*\s+(?=["“‘'*_(`]*[\p{Lu}\p{N}])/gu);

/** Does a prose paragraph (raw Markdown) stop inside its last sentence? */
function unfinishedLastSentence(raw: string, paragraph: Paragraph): boolean {
  if (!isEnglish(paragraph)) return false;
  let ends = 0;
  let last = 0;
  for (const m of raw.matchAll(SENTENCE_END())) {
    ends++;
    last = m.index + m[0].length;
  }
  if (ends < MIN_FINISHED_SENTENCES) return false;
  const tail = raw.slice(last);
  // The last sentence starts with a capital and has words only: no label (`Note:`), list or code.
  if (!/^["“‘'*_]*\p{Lu}/u.test(tail) || /[:;|`<>\[\]{}=\n]/.test(tail)) return false;
  const words = tail.match(/\p{L}+/gu) ?? [];
  // Title Case (`How Amazon AppFlow Works`) is a heading that lost its hashes, not a cut sentence.
  if (words.every((w) => w.length < 4 || /^\p{Lu}/u.test(w))) return false;
  return words.length >= MIN_LAST_SENTENCE_WORDS;
}

interface Words {
  counts: Map<string, number>;
  /** The distinct words, sorted (prefix look-ups by binary search). */
  sorted: string[];
  /** The text reads as English (the dictionary signals only apply then). */
  english: boolean;
}

const COMMON = new Set(['the', 'and', 'of', 'to', 'is', 'for', 'in', 'a', 'with', 'are']);
/** Share of the ten most common English words among all words above which text reads as English. */
const MIN_COMMON_SHARE = 0.08;

/** Does the paragraph itself read as English (a German paragraph in an English file does not)? */
function isEnglish(paragraph: Paragraph): boolean {
  const words = paragraph.children.flatMap((c) =>
    c.type === 'text' ? (c.value.toLowerCase().match(/\p{L}+/gu) ?? []) : [],
  );
  const common = words.filter((w) => COMMON.has(w)).length;
  return words.length > 0 && common / words.length >= MIN_COMMON_SHARE;
}

function documentWords(ctx: RuleContext): Words {
  const counts = new Map<string, number>();
  // Links and code are not prose: their words (`https`, `amazonaws`, identifiers) would make an English file
  // look foreign. Every word still counts as used in the file. (`match` lists the words in one call, where a
  // `matchAll` loop cost a result object per word: about 2 ms of every lint.)
  const prose = ctx.text
    .replace(/^(\s{0,3})(`{3,}|~{3,})[^]*?^\1\2/gm, ' ')
    .replace(/\bhttps?:\/\/\S+|`[^`\n]*`/g, ' ');
  for (const word of ctx.text.toLowerCase().match(/\p{L}+/gu) ?? []) counts.set(word, (counts.get(word) ?? 0) + 1);
  const proseWords = prose.toLowerCase().match(/\p{L}+/gu) ?? [];
  let common = 0;
  for (const word of proseWords) if (COMMON.has(word)) common++;
  const total = proseWords.length;
  return { counts, sorted: [...counts.keys()].sort(), english: total > 0 && common / total >= MIN_COMMON_SHARE };
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

/** How many words (runs of letters, `\p{L}+`) a text has; ASCII text is counted without building the list. */
function letterRuns(text: string): number {
  let runs = 0;
  let inRun = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128) return (text.match(/\p{L}+/gu) ?? []).length;
    const letter = (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
    if (letter && !inRun) runs++;
    inRun = letter;
  }
  return runs;
}

const rawOf = (text: string, node: Paragraph): string =>
  text.slice(node.position!.start.offset, node.position!.end.offset).trimEnd();

export default defineRule({
  id: 'text/truncated',
  description: 'Paragraph cut off mid-word or mid-sentence.',
  tags: ['text'],
  fixable: false,
  severity: 'warning',
  check(ctx) {
    // The word list and sentence shapes are English: a document in another language gets no guesses.
    if (!mayBeEnglish(ctx.document.lang)) return;
    let words: Words | undefined;
    const lazyWords = (): Words => (words ??= documentWords(ctx));
    const index = treeIndex(ctx);
    for (const paragraph of nodesOf(index, 'paragraph')) {
      const last = paragraph.children[paragraph.children.length - 1];
      if (!last || last.type !== 'text' || !last.position) continue;
      const value = last.value.trimEnd();
      const tail = value.slice(value.lastIndexOf('\n') + 1);
      // The last word may end in digits (`EC2`, `S3`): a sentence cut after it is still cut.
      const m = /(?:^|[\s(“"‘'])(\p{L}[\p{L}\p{N}’']*)(-?)$/u.exec(tail);
      if (!m) continue;
      const word = m[1]!;
      const count = paragraph.children.reduce((n, c) => n + (c.type === 'text' ? letterRuns(c.value) : 1), 0);
      const inList = index.parent.get(paragraph)?.type === 'listItem';
      const reason =
        m[2] === '-' && count >= 6
          ? `\`${word}-\` (a word cut at a hyphen)`
          : (cutReason(word, count, lazyWords, inList) ??
            (!inList && lazyWords().english && unfinishedLastSentence(rawOf(ctx.text, paragraph), paragraph)
              ? `\`${word}\` (a sentence with no end)`
              : null));
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
