/**
 * Checks table rows whose first (label) cell is empty while other cells are not, and no row above has a label
 * to fill down ("same as above" only works below a labelled row).
 *
 * Rationale: the first column names each row in the dataset and on comparison cards; a row without one is
 * an answer with no question.
 *
 * Fix: write the label in the first cell.
 */
import { defineRule, inlineText, squash } from '@notes/core';
import { nodesOf, treeIndex } from '../../helpers/tree-index.js';

export default defineRule({
  id: 'fields/missing-label',
  description: 'Table row with an empty first (label) cell that cannot be filled down from a row above.',
  tags: ['fields', 'table'],
  fixable: false,
  severity: 'error',
  check(ctx) {
    for (const table of nodesOf(treeIndex(ctx), 'table')) {
      const [head, ...body] = table.children;
      if (!head || head.children.length < 2) continue;
      let label = false;
      for (const row of body) {
        const [first, ...rest] = row.children;
        const empty = !first || squash(inlineText(first)) === '';
        if (!empty) {
          label = true;
          continue;
        }
        if (label || !rest.some((c) => squash(inlineText(c)) !== '') || !row.position) continue;
        const p = row.position;
        ctx.report({
          place: { line: p.start.line, column: p.start.column, endLine: p.end.line, endColumn: p.end.column },
          message: 'Unexpected row without a label in its first cell and no labelled row above, expected a label',
        });
      }
    }
  },
});
