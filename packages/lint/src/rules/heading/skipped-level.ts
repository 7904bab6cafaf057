/**
 * Checks that heading levels go down one at a time (`##` then `###`, not `##` then `####`).
 *
 * Rationale: a skipped level makes the outline ambiguous: is the `####` a question or a detail of one?
 *
 * Fix: use the next level down.
 */
import { defineRule } from '@notes/core';
import { nodesOf, treeIndex } from '../../helpers/tree-index.js';

export default defineRule({
  id: 'heading/skipped-level',
  description: 'Heading more than one level deeper than the heading before it.',
  tags: ['heading', 'structure'],
  fixable: false,
  severity: 'warning',
  check(ctx) {
    let previous = 0;
    for (const heading of nodesOf(treeIndex(ctx), 'heading')) {
      const p = heading.position;
      if (previous > 0 && heading.depth > previous + 1 && p) {
        ctx.report({
          place: { line: p.start.line, column: p.start.column, endLine: p.end.line, endColumn: p.end.column },
          message: `Unexpected level ${heading.depth} heading after level ${previous}, expected level ${previous + 1}`,
        });
      }
      previous = heading.depth;
    }
  },
});
