/**
 * Checks for mojibake: UTF-8 text that was decoded with the wrong code page (cp1252, latin-1, mac-roman,
 * cp1250, cp1251 and a few more, once or twice), such as `â€™` for `’` or `1ï¸âƒ£` for `1️⃣`, including the
 * lossy kind where the misreading dropped a byte. Headings, tables, code spans and fences are all checked;
 * text that shows the damage on purpose (beside the intended character, or explaining it) is left alone.
 *
 * Rationale: once misread, every export and search carries the garbage, and only the original bytes say
 * what the text was, so the repair must be exact or not made at all.
 *
 * Fix: the damaged run is replaced by the one plausible restoration; when lost bytes leave several, the
 * finding names them and a person picks one.
 */
import { defineRule } from '@notes/core';
import { findMojibake, locator, showText } from '../../encoding/index.js';

export default defineRule({
  id: 'encoding/mojibake',
  description: 'UTF-8 text misread with a single-byte code page (`â€™` for `’`), repaired exactly where possible.',
  tags: ['encoding'],
  fixable: true,
  severity: 'error',
  check(ctx) {
    const text = ctx.lines.join('\n');
    const at = locator(text);
    for (const span of findMojibake(text)) {
      const { line, column } = at(span.start);
      const place = { line, column, endLine: line, endColumn: column + span.end - span.start };
      const found = `Unexpected mojibake \`${showText(span.found)}\``;
      if (span.expected === null) {
        const options = span.candidates.map((c) => `\`${showText(c)}\``).join(', ');
        ctx.report({ place, message: `${found}, expected one of ${options} (bytes were lost: pick one)` });
      } else {
        ctx.report({
          place,
          message: `${found}, expected \`${showText(span.expected)}\``,
          fix: { line, column, deleteCount: span.end - span.start, insert: span.expected },
        });
      }
    }
  },
});
