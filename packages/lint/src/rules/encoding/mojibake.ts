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
import { findMojibake, lfText, locator, showText } from '../../encoding/index.js';

export default defineRule({
  id: 'encoding/mojibake',
  description: 'UTF-8 text misread with a single-byte code page (`â€™` for `’`), repaired exactly where possible.',
  tags: ['encoding'],
  fixable: true,
  severity: 'error',
  check(ctx) {
    const text = lfText(ctx);
    const at = locator(text);
    for (const span of findMojibake(text)) {
      const { line, column } = at(span.start);
      const place = { line, column, endLine: line, endColumn: column + span.end - span.start };
      // A repair that starts with a combining mark (the keycap's U+FE0F U+20E3) is shown on its base character.
      const base = /^\p{M}/u.test(span.candidates[0] ?? '')
        ? (Array.from(text.slice(Math.max(0, span.start - 2), span.start)).pop() ?? '')
        : '';
      const found = `Unexpected mojibake \`${showText(base + span.found)}\``;
      if (span.expected === null) {
        const options = span.candidates.map((c) => `\`${showText(base + c)}\``).join(', ');
        ctx.report({ place, message: `${found}, expected one of ${options} (bytes were lost: pick one)` });
      } else {
        ctx.report({
          place,
          message: `${found}, expected \`${showText(base + span.expected)}\``,
          fix: { line, column, deleteCount: span.end - span.start, insert: span.expected },
        });
      }
    }
  },
});
