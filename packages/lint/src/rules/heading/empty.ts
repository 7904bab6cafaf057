/**
 * Checks for headings with no text (`###` alone, or only emphasis markers).
 *
 * Rationale: an empty heading makes a question or topic with no title, which no card or outline can show.
 *
 * Fix: give the heading its text, or remove it.
 */
import { defineRule, inlineText, squash } from '@notes/core';
import { nodesOf, treeIndex } from '../../helpers/tree-index.js';

export default defineRule({
  id: 'heading/empty',
  description: 'Heading with no text.',
  tags: ['heading'],
  fixable: false,
  severity: 'warning',
  check(ctx) {
    for (const heading of nodesOf(treeIndex(ctx), 'heading')) {
      const p = heading.position;
      if (
        !p ||
        squash(inlineText(heading)) !== '' ||
        heading.children.some((c) => c.type === 'image' || c.type === 'imageReference')
      )
        continue;
      ctx.report({
        place: { line: p.start.line, column: p.start.column, endLine: p.end.line, endColumn: p.end.column },
        message: `Unexpected empty level ${heading.depth} heading, expected heading text`,
      });
    }
  },
});
