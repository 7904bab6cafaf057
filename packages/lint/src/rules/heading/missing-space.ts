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
import { treeIndex } from '../../walk.js';

/** Two to six hashes glued to text, or one hash glued to emphasis (a lone `#word` is a hashtag). */
const GLUED = /^( {0,3})(#{2,6}(?=[^#\s])|#(?=\*\*|__))/;

export default defineRule({
  id: 'heading/missing-space',
  description: 'ATX heading markers followed directly by text (`####**Title**`), so no heading is made.',
  tags: ['heading', 'structure'],
  fixable: true,
  severity: 'error',
  check(ctx) {
    const { opaque } = treeIndex(ctx);
    ctx.lines.forEach((text, i) => {
      if (text.charCodeAt(text.search(/\S/)) !== 35 /* # */) return;
      const line = i + 1;
      if (opaque[line]) return;
      const m = GLUED.exec(text);
      if (!m) return;
      const hashes = m[2]!;
      const column = m[1]!.length + hashes.length + 1;
      const after = text.slice(column - 1);
      // `##` followed by a bare number or punctuation (`##1 more`, `##-`) is rarely meant as a heading.
      // A digit counts when it numbers a heading: a keycap (`1️⃣`, or its mojibake), `1.` or `1)`.
      if (!/^(?:[\p{L}*_[\p{Extended_Pictographic}]|\d(?:\uFE0F?\u20E3|[.)]\s|[^\x00-\x7F]))/u.test(after)) return;
      const shown = text.slice(m[1]!.length, column + 1);
      ctx.report({
        place: { line, column: m[1]!.length + 1, endLine: line, endColumn: text.length + 1 },
        message: `Unexpected \`${shown}\` (no space after the hashes), expected \`${hashes} ${after.slice(0, 2)}\``,
        fix: { line, column, deleteCount: 0, insert: ' ' },
      });
    });
  },
});
