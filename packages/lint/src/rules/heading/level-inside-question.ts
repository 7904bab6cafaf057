/**
 * Checks for headings at or above the document title's level inside a question's answer (the seed's `###`
 * sub-heading under a `####` question when the title is `###`). The note model treats them as part of the
 * answer, but every other Markdown tool sees a new section.
 *
 * Rationale: a sub-heading that outranks its question breaks the outline, the table of contents and exports
 * that trust heading levels.
 *
 * Fix: demote the heading below the question's level.
 */
import { defineRule, headingText } from '@notes/core';

function short(text: string): string {
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

export default defineRule({
  id: 'heading/level-inside-question',
  description: "Heading at or above the title's level inside a question's answer.",
  tags: ['heading', 'structure'],
  fixable: false,
  severity: 'warning',
  check(ctx) {
    const doc = ctx.document;
    const title = doc.titleHeading;
    // A later `#` after a `#` title is a new top-level section (many documents do that on purpose); the
    // defect is a title written at a deeper level, as pasted notes do, with sub-headings at that level.
    if (!title || title.depth < 2) return;
    for (const note of doc.notes) {
      if (!note.heading) continue;
      const question = note.heading.depth;
      for (const block of note.body) {
        if (block.type !== 'heading' || block.depth > title.depth || !block.position) continue;
        const p = block.position;
        ctx.report({
          place: { line: p.start.line, column: p.start.column, endLine: p.end.line, endColumn: p.end.column },
          message: `Unexpected level ${block.depth} heading \`${short(headingText(block))}\` inside question \`${short(note.title)}\` (title is level ${title.depth}), expected level ${Math.min(6, question + 1)} or deeper`,
        });
      }
    }
  },
});
