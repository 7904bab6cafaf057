/**
 * Checks for a byte order mark (U+FEFF) anywhere but at the very start of the file, typically left where two
 * files were concatenated or text was pasted from one that had a BOM.
 *
 * Rationale: inside the text it is an invisible zero-width character that breaks headings, table cells,
 * front matter and search.
 *
 * Fix: the character is deleted.
 */
import { defineRule } from '@notes/core';
import { findStrayBoms, lfText, locator } from '../../encoding/index.js';

export default defineRule({
  id: 'encoding/misplaced-bom',
  description: 'A byte order mark (U+FEFF) that is not at the start of the file.',
  tags: ['encoding'],
  fixable: true,
  severity: 'error',
  check(ctx) {
    const text = lfText(ctx);
    const at = locator(text);
    for (const { offset } of findStrayBoms(text)) {
      const { line, column } = at(offset);
      ctx.report({
        place: { line, column, endLine: line, endColumn: column + 1 },
        message: 'Unexpected byte order mark U+FEFF inside the text, expected none (only a file may start with one)',
        fix: { line, column, deleteCount: 1, insert: '' },
      });
    }
  },
});
