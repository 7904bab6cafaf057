/**
 * Checks for runs of pipe rows (`| a | b |`) with no delimiter row under the first: Markdown shows them as a
 * paragraph of pipes instead of a table.
 *
 * Rationale: tables copied from chat or spreadsheets often lose the `| --- |` row, and the data is then lost to
 * every export.
 *
 * Fix: insert a delimiter row after the first row, one cell per header cell.
 */
import { defineRule } from '@notes/core';
import { pipeRows } from '../../helpers/table-lines.js';

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
      // Only rows framed by pipes on both sides count: prose with a `|` in it is not a table.
      if (!run.every((r) => r.leading && r.trailing && r.cells.length >= 2)) continue;
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
