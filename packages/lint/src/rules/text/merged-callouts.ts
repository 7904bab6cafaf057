/**
 * Checks for consecutive callout lines (`>> Note: …` on one line, `>> Note: …` on the next) that Markdown
 * joins into one paragraph, so two callouts read as one run-on sentence.
 *
 * Rationale: each `>>` line was written as its own callout; joined, the second loses its label and its card.
 *
 * Fix: put a blank line between the callouts.
 */
import { CALLOUT_LABEL, defineRule } from '@notes/core';
import { treeIndex } from '../../helpers/tree-index.js';

const NESTED = /^\s{0,3}>\s?>\s*\S/;
/** A quoted line that opens with a callout label (core's, as the model reads it) or an emoji. */
const LABELLED = new RegExp(`^\\s{0,3}>\\s*(?:${CALLOUT_LABEL.source.slice(1)}|[\\p{Extended_Pictographic}])`, 'u');

function callout(text: string): boolean {
  return NESTED.test(text) || LABELLED.test(text);
}

/** How many `>` markers open the line. */
function depth(text: string): number {
  const m = /^\s{0,3}((?:>[ \t]?)+)/.exec(text);
  return m ? m[1]!.replace(/[ \t]/g, '').length : 0;
}

/**
 * Markdown joins `next` to the paragraph of `line` only when it is not quoted deeper: a deeper `>` opens a
 * nested quote (a staircase `>> a`, `>>> b` is separate quotes), the same or a shallower one continues it.
 */
function joins(line: string, next: string): boolean {
  return depth(next) <= depth(line);
}

/** The line ends in a hard break (two spaces or a backslash): Markdown keeps the lines apart already. */
function hardBreak(text: string): boolean {
  return /(?: {2,}|\\)$/.test(text);
}

export default defineRule({
  id: 'text/merged-callouts',
  description: 'Consecutive `>>` callout lines that Markdown merges into one paragraph.',
  tags: ['text', 'callout'],
  fixable: true,
  severity: 'warning',
  check(ctx) {
    const { code } = treeIndex(ctx);
    const lines = ctx.lines;
    for (let i = 0; i < lines.length - 1; i++) {
      if (code[i + 1] || !callout(lines[i]!)) continue;
      let j = i;
      while (
        j + 1 < lines.length &&
        !code[j + 2] &&
        !hardBreak(lines[j]!) &&
        callout(lines[j + 1]!) &&
        joins(lines[j]!, lines[j + 1]!) &&
        NESTED.test(lines[j]!) === NESTED.test(lines[j + 1]!)
      )
        j++;
      if (j === i) continue;
      const fixes = [];
      for (let k = i; k < j; k++)
        fixes.push({ line: k + 1, column: lines[k]!.length + 1, deleteCount: 0, insert: '\n' });
      ctx.report({
        place: { line: i + 1, column: 1, endLine: j + 1, endColumn: lines[j]!.length + 1 },
        message: `Unexpected ${j - i + 1} callout lines joined into one paragraph, expected a blank line between callouts`,
        fix: fixes,
      });
      i = j;
    }
  },
});
