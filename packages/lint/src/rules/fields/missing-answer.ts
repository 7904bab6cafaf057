/**
 * Checks that every question heading has an answer: some content before the next heading of its level or
 * above.
 *
 * Rationale: a question with no answer makes an empty card and an empty entry in every export.
 *
 * Fix: write the answer, or remove the question.
 */
import { defineRule, headingText } from '@notes/core';

/** A numbered heading (`1. Registry`, `1️⃣ Messaging`, `Part 2`) opens a list of sections the heading above introduces. */
const NUMBERED = /^(?:[0-9#*]\uFE0F?\u20E3|\d{1,3}[.)]\s|(?:part|step|section|chapter)\s+\d)/iu;

export default defineRule({
  id: 'fields/missing-answer',
  description: 'Question heading with no answer before the next question.',
  tags: ['fields'],
  fixable: false,
  severity: 'error',
  check(ctx) {
    const doc = ctx.document;
    const blocks = ctx.tree.children;
    const firstContent = blocks.find((b) => b.type !== 'yaml' && b.type !== 'html' && (b.type as string) !== 'toml');
    const topics = new Set(doc.topics.map((t) => t.heading));
    for (const note of doc.notes) {
      if (note.kind !== 'question' || !note.heading?.position) continue;
      const heading = note.heading;
      // A heading made only of an image (`![x](y)` over `---`: a setext heading by accident) asks nothing.
      if (
        heading.children.every(
          (c) => c.type === 'image' || c.type === 'imageReference' || (c.type === 'text' && c.value.trim() === ''),
        )
      )
        continue;
      // The document's first heading works as its title; a heading right before a topic introduces it.
      if (heading === firstContent) continue;
      const next = blocks[blocks.indexOf(heading) + 1];
      if (
        next &&
        next.type === 'heading' &&
        (topics.has(next) || next.depth > heading.depth || NUMBERED.test(headingText(next)))
      )
        continue;
      if (note.body.some((b) => b.type !== 'html' && b.type !== 'thematicBreak' && b.type !== 'definition')) continue;
      const p = note.heading.position;
      ctx.report({
        place: { line: p.start.line, column: p.start.column, endLine: p.end.line, endColumn: p.end.column },
        message: `Unexpected question \`${note.title.slice(0, 60)}\` with no answer, expected an answer below it`,
      });
    }
  },
});
