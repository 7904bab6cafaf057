/**
 * Checks that YAML front matter parses as a mapping of keys to values.
 *
 * Rationale: broken front matter loses the title, tags and deck of every note in the file, silently.
 *
 * Fix: correct the YAML at the line given (quote values holding `:` or `#`).
 */
import { defineRule } from '@notes/core';

export default defineRule({
  id: 'fields/front-matter-syntax',
  description: 'YAML front matter that does not parse, or is not a mapping.',
  tags: ['schema', 'fields'],
  fixable: false,
  severity: 'error',
  check(ctx) {
    const first = ctx.tree.children[0];
    if (first?.type !== 'yaml') return;
    const error = ctx.document.frontMatterInfo?.error;
    if (!error) return;
    ctx.report({
      place: { line: error.line, column: 1 },
      message: `Unexpected broken YAML front matter (${error.message.replace(/\s+/g, ' ').slice(0, 120)}), expected a YAML mapping of keys to values`,
    });
  },
});
