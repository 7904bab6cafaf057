/**
 * Checks for U+FFFD (`�`), the replacement character a decoder leaves where it could not read a byte, that no
 * mojibake repair accounts for (invalid bytes in the file itself are `encoding/invalid-utf8`).
 *
 * Rationale: the character it replaced is gone, so the note silently says less than it did.
 *
 * Fix: retype the missing character from the original source; there is no automatic fix.
 */
import { defineRule } from '@notes/core';
import { findReplacementChars, lfText, locator } from '../../encoding/index.js';

export default defineRule({
  id: 'encoding/replacement-character',
  description: 'U+FFFD replacement characters left in the text where a character was lost.',
  tags: ['encoding'],
  fixable: false,
  severity: 'error',
  check(ctx) {
    const text = lfText(ctx);
    const at = locator(text);
    // Invalid bytes decode to U+FFFD too; encoding/invalid-utf8 reports those with their bytes.
    const fromBytes = new Set(
      ctx.file.invalid.filter((b) => ctx.text[b.offset] === '\uFFFD').map((b) => `${b.line}:${b.column}`),
    );
    for (const { offset } of findReplacementChars(text)) {
      const { line, column } = at(offset);
      if (fromBytes.has(`${line}:${column}`)) continue;
      ctx.report({
        place: { line, column, endLine: line, endColumn: column + 1 },
        message: 'Unexpected replacement character `\uFFFD`, expected the character it replaced (retype it)',
      });
    }
  },
});
