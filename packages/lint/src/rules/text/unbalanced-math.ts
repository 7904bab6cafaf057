/**
 * Checks for a `$` or `$$` that opens TeX math and never closes in its paragraph, so the formula and the text after
 * it print as plain text with stray dollar signs. Prices (`$5`, `$1.2M`) are not math and are not reported
 * (pandoc's rule: an opening `$` has a non-space after it, a closing one a non-space before it and no digit after).
 *
 * Rationale: a lost closing `$` silently turns a formula into text on the card and the cheat sheet.
 *
 * Fix: add the closing `$` (or `$$`), or write `\$` for a dollar sign.
 */
import { defineRule, unpairedDollars } from '@notes/core';

export default defineRule({
  id: 'text/unbalanced-math',
  description: 'A `$` or `$$` that opens math and never closes.',
  tags: ['text', 'math'],
  fixable: false,
  severity: 'warning',
  check(ctx) {
    for (const { offset, mark } of unpairedDollars(ctx.tree, ctx.text)) {
      const before = ctx.text.lastIndexOf('\n', offset - 1);
      const line = ctx.text.slice(0, offset).split('\n').length;
      const column = offset - before;
      ctx.report({
        place: { line, column, endLine: line, endColumn: column + mark.length },
        message: `Unexpected unclosed \`${mark}\` math, expected a closing \`${mark}\` (or \`\\$\` for a dollar sign)`,
      });
    }
  },
});
