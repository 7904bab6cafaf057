/**
 * Checks that a table's delimiter row (`| --- | --- |`) has as many cells as its header row. When the counts
 * differ GFM makes no table at all, so the whole table shows as pipes and dashes; found from the source lines.
 *
 * Rationale: a column added to the header but not to the delimiter row silently turns a table into text.
 *
 * Fix: rebuild the delimiter row with one cell per header cell, keeping the alignment of existing cells.
 */
import { defineRule } from '@notes/core';
import { pipeRows } from '../../helpers/table-lines.js';

export default defineRule({
  id: 'table/delimiter-mismatch',
  description: 'Table delimiter row whose cell count differs from the header row (GFM then sees no table).',
  tags: ['table'],
  fixable: true,
  severity: 'error',
  check(ctx) {
    const { rows, inTable } = pipeRows(ctx);
    for (const row of rows.values()) {
      if (!row.delimiter || inTable.has(row.line)) continue;
      const header = rows.get(row.line - 1);
      if (!header || header.delimiter || header.cells.length === row.cells.length) continue;
      const want = header.cells.length;
      const cells = row.cells.slice(0, want);
      const filler = cells[cells.length - 1]?.replace(/:/g, '') || '---';
      while (cells.length < want) cells.push(filler);
      const text = ctx.lines[row.line - 1]!;
      const indent = /^\s*/.exec(text)![0];
      const rebuilt = `${indent}${header.leading || row.leading ? '| ' : ''}${cells.join(' | ')}${header.trailing || row.trailing ? ' |' : ''}`;
      ctx.report({
        place: { line: row.line, column: indent.length + 1, endLine: row.line, endColumn: row.end },
        message: `Unexpected ${row.cells.length} cells in the delimiter row, expected ${want} (as in the header row)`,
        fix: { line: row.line, column: 1, deleteCount: text.length, insert: rebuilt },
      });
    }
  },
});
