/**
 * Checks that every body row of a table has as many cells as the header. GFM drops the extra cells of a long
 * row and pads a short one, so content silently disappears or shifts. One finding per table and kind (short
 * rows, long rows), so a table missing its last column everywhere is one problem, not fifty.
 *
 * Rationale: a stray or missing pipe moves every later cell into the wrong column.
 *
 * Fix: short rows are padded with empty cells; a long row needs a person (which pipe is wrong?).
 */
import type { Fix } from '@notes/core';
import { defineRule } from '@notes/core';
import { nodesOf, treeIndex } from '../../helpers/tree-index.js';

function lines(list: readonly number[]): string {
  return list.length === 1 ? `line ${list[0]}` : `lines ${list.slice(0, 5).join(', ')}${list.length > 5 ? ', …' : ''}`;
}

export default defineRule({
  id: 'table/row-cell-count',
  description: 'Table body rows with more or fewer cells than the header row.',
  tags: ['table'],
  fixable: true,
  severity: 'error',
  check(ctx) {
    for (const table of nodesOf(treeIndex(ctx), 'table')) {
      const [head, ...body] = table.children;
      if (!head) continue;
      const want = head.children.length;
      const short: number[] = [];
      const long: number[] = [];
      const fixes: Fix[] = [];
      let fixable = true;
      for (const row of body) {
        const got = row.children.length;
        if (got === want || !row.position) continue;
        const line = row.position.start.line;
        if (got > want) {
          long.push(line);
          continue;
        }
        short.push(line);
        const text = ctx.lines[line - 1] ?? '';
        const end = text.trimEnd();
        // Rows inside containers (`> |`) are left to a person: the column maths would not hold.
        if (row.position.start.column !== /^\s*/.exec(text)![0].length + 1) fixable = false;
        const framed = end.endsWith('|') && !end.endsWith('\\|');
        fixes.push({
          line,
          column: end.length + 1,
          deleteCount: 0,
          insert: framed ? '  |'.repeat(want - got) : ` |${'  |'.repeat(want - got)}`,
        });
      }
      const place = (line: number) => ({
        line,
        column: 1,
        endLine: line,
        endColumn: (ctx.lines[line - 1] ?? '').length + 1,
      });
      if (short.length > 0) {
        const report = {
          place: place(short[0]!),
          message: `Unexpected ${short.length === 1 ? 'row' : `${short.length} rows`} with fewer cells than the header (${lines(short)}), expected ${want} cells`,
        };
        ctx.report(fixable ? { ...report, fix: fixes } : report);
      }
      if (long.length > 0) {
        ctx.report({
          place: place(long[0]!),
          message: `Unexpected ${long.length === 1 ? 'row' : `${long.length} rows`} with more cells than the header (${lines(long)}), expected ${want} cells`,
        });
      }
    }
  },
});
