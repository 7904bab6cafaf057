/**
 * Checks for the same question asked twice in one topic (compared case-insensitively, white space and
 * punctuation ignored).
 *
 * Rationale: duplicate questions make duplicate Anki cards and split one answer over two places.
 *
 * Fix: merge the two answers under one question.
 */
import type { Heading } from 'mdast';
import { defineRule, headingText } from '@notes/core';
import { nodesOf, treeIndex } from '../../helpers/tree-index.js';

function key(title: string): string {
  return title
    .toLowerCase()
    .normalize('NFKC')
    .replace(/[\p{P}\p{S}\s]+/gu, ' ')
    .trim();
}

export default defineRule({
  id: 'heading/duplicate-question',
  description: 'The same question heading twice in one topic.',
  tags: ['heading', 'structure'],
  fixable: false,
  severity: 'warning',
  check(ctx) {
    // The parent of each heading in the outline: the nearest heading above it with a smaller level.
    const parentOf = new Map<Heading, string>();
    const stack: Heading[] = [];
    for (const heading of nodesOf(treeIndex(ctx), 'heading')) {
      while (stack.length > 0 && stack[stack.length - 1]!.depth >= heading.depth) stack.pop();
      parentOf.set(heading, stack.length > 0 ? key(headingText(stack[stack.length - 1]!)) : '');
      stack.push(heading);
    }
    const seen = new Map<string, number>();
    for (const note of ctx.document.notes) {
      if (!note.heading?.position) continue;
      const title = key(note.title);
      // Short labels (`Explanation`, `Steps:`) repeat under every section by design; questions do not.
      // Short labels (`Explanation`, `Steps:`) that repeat under every section have different parents, so the
      // key below keeps them apart; under one parent, a repeated short heading is a duplicate card like any other
      // (on the 569 files of ../shared/corpora it finds one: two `## Conclusion` sections in a row).
      if (title === '') continue;
      const k = `${note.topicId ?? ''}\u0000${parentOf.get(note.heading) ?? ''}\u0000${title}`;
      const first = seen.get(k);
      const p = note.heading.position;
      if (first === undefined) {
        seen.set(k, p.start.line);
        continue;
      }
      ctx.report({
        place: { line: p.start.line, column: p.start.column, endLine: p.end.line, endColumn: p.end.column },
        message: `Unexpected duplicate question \`${note.title.slice(0, 60)}\` (first on line ${first}), expected each question once per topic`,
      });
    }
  },
});
