/**
 * Checks for bytes in the file that are not valid UTF-8, as found by core's strict decoder (each run of bad
 * bytes was read as one U+FFFD, located by byte offset, line and column).
 *
 * Rationale: the file is partly in another encoding or damaged, and what those bytes meant cannot be known
 * from UTF-8 alone.
 *
 * Fix: re-save the file as UTF-8 from its source, or retype the characters; there is no automatic fix.
 */
import { defineRule } from '@notes/core';

export default defineRule({
  id: 'encoding/invalid-utf8',
  description: 'Byte sequences in the file that are not valid UTF-8.',
  tags: ['encoding'],
  fixable: false,
  severity: 'error',
  check(ctx) {
    for (const bad of ctx.file.invalid) {
      // After a fix pass the text may have moved on; report only where the decoder's U+FFFD still stands.
      if (ctx.text[bad.offset] !== '\uFFFD') continue;
      ctx.report({
        place: { line: bad.line, column: bad.column, endLine: bad.line, endColumn: bad.column + 1 },
        message: `Unexpected invalid UTF-8 byte${bad.length > 1 ? 's' : ''} \`${bad.hex}\` at byte ${bad.byteOffset}, expected valid UTF-8 (re-save the file as UTF-8)`,
      });
    }
  },
});
