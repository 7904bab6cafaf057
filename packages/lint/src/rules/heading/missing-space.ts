/**
 * Checks for ATX heading markers glued to their text, as in `####**Title**`: Markdown sees a paragraph, not a
 * heading, so the question silently disappears from the structure.
 *
 * Rationale: notes pasted from chat often lose the space after the hashes, and the note model then merges
 * the question into the previous answer.
 *
 * Fix: insert one space after the hashes.
 */
import { defineRule } from '@notes/core';
import { gluedHeading } from '../../helpers/glued-heading.js';
import { treeIndex } from '../../helpers/tree-index.js';

export default defineRule({
  id: 'heading/missing-space',
  description: 'ATX heading markers followed directly by text (`####**Title**`), so no heading is made.',
  tags: ['heading', 'structure'],
  fixable: true,
  severity: 'error',
  check(ctx) {
    const { opaque } = treeIndex(ctx);
    ctx.lines.forEach((text, i) => {
      const line = i + 1;
      if (opaque[line]) return;
      const glued = gluedHeading(text);
      if (!glued) return;
      const { indent, hashes, column } = glued;
      const after = text.slice(column - 1);
      const shown = text.slice(indent, column + 1);
      ctx.report({
        place: { line, column: indent + 1, endLine: line, endColumn: text.length + 1 },
        message: `Unexpected \`${shown}\` (no space after the hashes), expected \`${hashes} ${after.slice(0, 2)}\``,
        fix: { line, column, deleteCount: 0, insert: ' ' },
      });
    });
  },
});
