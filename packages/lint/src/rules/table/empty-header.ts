/**
 * Checks for empty header cells (other than the top-left corner of a matrix table): a column without a name
 * cannot be exported as a field, shown on a card, or read aloud.
 *
 * Rationale: every column of a comparison table needs a name for the JSON dataset and the Anki cards.
 *
 * Fix: name the column.
 */
import { defineRule, inlineText, squash } from '@notes/core';
import { nodesOf, treeIndex } from '../../helpers/tree-index.js';

export default defineRule({
  id: 'table/empty-header',
  description: 'Empty header cell (the first cell, a matrix corner, is allowed).',
  tags: ['table'],
  fixable: false,
  severity: 'error',
  check(ctx) {
    for (const table of nodesOf(treeIndex(ctx), 'table')) {
      const head = table.children[0];
      if (!head) continue;
      head.children.forEach((cell, i) => {
        if (
          i === 0 ||
          squash(inlineText(cell)) !== '' ||
          (cell.children.length > 0 && cell.children.some((c) => c.type !== 'text' && c.type !== 'html'))
        )
          return;
        const p = cell.position ?? head.position;
        if (!p) return;
        ctx.report({
          place: { line: p.start.line, column: p.start.column, endLine: p.end.line, endColumn: p.end.column },
          message: `Unexpected empty header cell ${i + 1}, expected a column name`,
        });
      });
    }
  },
});
