import type { RuleContext } from '@notes/core';
import { nodesOf, treeIndex } from './tree-index.js';

/** One source line that looks like a GFM table row. */
export interface PipeRow {
  line: number;
  /** Cell texts, trimmed. */
  cells: string[];
  /** The row starts / ends with a pipe. */
  leading: boolean;
  trailing: boolean;
  /** Column (1-based) just after the row's last non-space character. */
  end: number;
  delimiter: boolean;
}

const DELIMITER_CELL = /^:?-+:?$/;

/** Split a table row into cells as GFM does: on pipes not escaped with a backslash. */
export function splitRow(text: string): Omit<PipeRow, 'line' | 'delimiter'> & { delimiter: boolean } {
  const trimmed = text.trim();
  const end = text.trimEnd().length + 1;
  const cells: string[] = [];
  let current = '';
  for (let i = 0; i < trimmed.length; i++) {
    const c = trimmed[i]!;
    if (c === '\\' && i + 1 < trimmed.length) {
      current += c + trimmed[i + 1];
      i++;
    } else if (c === '|') {
      cells.push(current);
      current = '';
    } else current += c;
  }
  cells.push(current);
  const leading = trimmed.startsWith('|');
  const trailing = trimmed.length > 1 && trimmed.endsWith('|') && !trimmed.endsWith('\\|');
  if (leading) cells.shift();
  if (trailing) cells.pop();
  const out = cells.map((c) => c.trim());
  const delimiter = out.length > 0 && out.every((c) => DELIMITER_CELL.test(c)) && trimmed.includes('-');
  return { cells: out, leading, trailing, end, delimiter };
}

/** Strip block-quote markers and list indentation is not attempted: rows are lines that start with a pipe or hold one. */
function looksLikeRow(text: string): boolean {
  const t = text.trim();
  if (!t.includes('|')) return false;
  return t.startsWith('|') || /^[^|]*[^\\|]\|/.test(t);
}

interface PipeInfo {
  /** Pipe rows outside tables, code and html, by line. */
  rows: Map<number, PipeRow>;
  /** Lines covered by a parsed GFM table. */
  inTable: Set<number>;
}

const cache = new WeakMap<object, PipeInfo>();

/** Rows that look like table rows, found from the source lines once per file and shared by the table rules. */
export function pipeRows(ctx: RuleContext): PipeInfo {
  const hit = cache.get(ctx.tree);
  if (hit) return hit;
  const index = treeIndex(ctx);
  const inTable = new Set<number>();
  for (const table of nodesOf(index, 'table')) {
    const p = table.position;
    if (p) for (let l = p.start.line; l <= p.end.line; l++) inTable.add(l);
  }
  const rows = new Map<number, PipeRow>();
  ctx.lines.forEach((text, i) => {
    const line = i + 1;
    if (text.indexOf('|') === -1 || index.opaque[line] || !looksLikeRow(text)) return;
    // Lines inside a block quote or indented code are left to the parser.
    if (/^\s*>/.test(text) || /^(?: {4}|\t)/.test(text)) return;
    rows.set(line, { line, ...splitRow(text) });
  });
  const info = { rows, inTable };
  cache.set(ctx.tree, info);
  return info;
}
