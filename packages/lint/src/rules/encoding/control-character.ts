/**
 * Checks for stray control characters: C0 controls other than tab and line breaks, DEL, and C1 controls
 * (U+0080-U+009F) that are not mojibake of a cp1252 character (those are `encoding/mojibake`).
 *
 * Rationale: controls are invisible in editors, break exporters and search, and never belong in notes.
 *
 * Fix: the character is deleted.
 */
import { defineRule } from '@notes/core';
import { findControlChars, lfText, locator, showChar } from '../../encoding/index.js';

export default defineRule({
  id: 'encoding/control-character',
  description: 'Stray C0/C1 control characters in the text.',
  tags: ['encoding'],
  fixable: true,
  severity: 'error',
  check(ctx) {
    const text = lfText(ctx);
    const at = locator(text);
    for (const { offset, char } of findControlChars(text)) {
      const { line, column } = at(offset);
      ctx.report({
        place: { line, column, endLine: line, endColumn: column + 1 },
        message: `Unexpected control character ${showChar(char)}, expected no control character`,
        fix: { line, column, deleteCount: 1, insert: '' },
      });
    }
  },
});
