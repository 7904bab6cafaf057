/**
 * Checks for runs of pipe rows (`| a | b |`, or a grid of `a | b | c` rows) with no delimiter row under the first:
 * Markdown shows them as a paragraph of pipes instead of a table.
 *
 * Rationale: tables copied from chat or spreadsheets often lose the `| --- |` row, and the data is then lost to
 * every export.
 *
 * Fix: insert a delimiter row after the first row, one cell per header cell.
 */
import { defineRule } from '@notes/core';
import { pipeRows, type PipeRow } from '../../helpers/table-lines.js';

/** A list item or a heading: its pipes are the item's text, not a row. */
const BLOCK_START = /^\s*(?:[-*+]|\d{1,9}[.)]|#{1,6})(?:\s|$)/;

/**
 * Rows framed by pipes on both sides (`| a | b |`) are a table. Rows without the frame (`a | b | c`, as GFM also
 * allows) count only as a grid: every row holds the same number of cells, and there are three rows or three cells
 * at least, so two lines of prose that each hold a `|` are not taken for a table.
 */
function tableShaped(run: PipeRow[], lines: readonly string[]): boolean {
  if (!run.every((r) => r.cells.length >= 2)) return false;
  if (run.every((r) => r.leading && r.trailing)) return true;
  const width = run[0]!.cells.length;
  if (!run.every((r) => r.cells.length === width && !BLOCK_START.test(lines[r.line - 1]!))) return false;
  return run.length >= 3 || width >= 3;
}

export default defineRule({
  id: 'table/missing-delimiter',
  description: 'Consecutive pipe rows with no delimiter row, so no table is made.',
  tags: ['table'],
  fixable: true,
  severity: 'error',
  check(ctx) {
    const { rows, inTable } = pipeRows(ctx);
    const seen = new Set<number>();
    for (const row of rows.values()) {
      if (seen.has(row.line) || inTable.has(row.line)) continue;
      // Collect the run of framed pipe rows starting here.
      const run = [row];
      for (let l = row.line + 1; rows.has(l) && !inTable.has(l); l++) run.push(rows.get(l)!);
      for (const r of run) seen.add(r.line);
      if (rows.has(row.line - 1)) continue;
      if (run.length < 2 || run.some((r) => r.delimiter)) continue;
      if (!tableShaped(run, ctx.lines)) continue;
      const first = run[0]!;
      const text = ctx.lines[first.line - 1]!;
      const indent = /^\s*/.exec(text)![0];
      const delimiter = `${indent}${'| --- '.repeat(first.cells.length)}|`;
      // A second row of only pipes, dashes and colons (`|||`) is a broken delimiter row: replace it.
      const second = ctx.lines[first.line] ?? '';
      const broken = /^[\s|:-]+$/.test(second);
      const fix = broken
        ? { line: first.line + 1, column: 1, deleteCount: second.length, insert: delimiter }
        : { line: first.line, column: text.length + 1, deleteCount: 0, insert: `\n${delimiter}` };
      ctx.report({
        place: {
          line: first.line,
          column: indent.length + 1,
          endLine: run[run.length - 1]!.line,
          endColumn: run[run.length - 1]!.end,
        },
        message: broken
          ? `Unexpected delimiter row \`${second.trim()}\`, expected \`${delimiter.trim()}\``
          : `Unexpected ${run.length} pipe rows without a delimiter row, expected \`${delimiter.trim()}\` after the first row`,
        fix,
      });
    }
  },
});
