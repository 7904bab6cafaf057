import type { ModelTable } from '@notes/core';
import { type HtmlContext, phrasingToHtml } from './html.js';
import { escapeHtml } from './strip.js';

/** One row of a comparison table, ready to become a card. */
export interface ComparisonRow {
  /** The row label (first cell, filled down when the source left it empty). */
  label: string;
  /** Plain-text front, e.g. `Failover — Amazon RDS vs Amazon Aurora`. */
  front: string;
  /** The row as a two-column HTML table: each column's header beside the row's value. */
  back: string;
  /** What a reverse card asks (`Which service?`) and shows: the asked columns' values, without the label. */
  reverseFront: string;
}

/** `Service` → `service`, but `AWS Service` stays: a word in capitals is a name. */
function noun(header: string): string {
  if (header === '') return 'one';
  return /^\p{Lu}\p{Ll}/u.test(header) ? header[0]!.toLowerCase() + header.slice(1) : header;
}

/**
 * Header words that say "the rows are features, the other columns are the things compared"
 * (`Feature | Amazon RDS | Amazon Aurora`), as opposed to tables whose rows are the things themselves
 * (`Service | Purpose | How It Works`).
 */
const FEATURE_HEADER =
  /^(?:features?|aspects?|criteri(?:a|on)|propert(?:y|ies)|attributes?|dimensions?|characteristics?|comparison|factors?|metrics?|parameters?|differences?|key differences|capabilit(?:y|ies)|)$/i;

/**
 * A table is a comparison table when it has at least three columns, a header cell over every column, and a
 * label in the first cell of every row: the first column names what a row is about, the others are compared.
 */
export function isComparisonTable(table: Pick<ModelTable, 'columns' | 'rows'>): boolean {
  if (table.columns.length < 3 || table.rows.length === 0) return false;
  if (table.columns.slice(1).some((c) => c.trim() === '')) return false;
  return table.rows.every(
    (row) => (row[0]?.text ?? '').trim() !== '' && row.slice(1).some((c) => c.text.trim() !== ''),
  );
}

/** The rows of a comparison table as cards (an empty list for any other table). */
export function comparisonRows(table: ModelTable, ctx: HtmlContext): ComparisonRow[] {
  if (!isComparisonTable(table)) return [];
  const compared = table.columns.slice(1);
  const featureRows = FEATURE_HEADER.test((table.columns[0] ?? '').trim());
  const labelCount = new Map<string, number>();
  for (const row of table.rows) labelCount.set(row[0]!.text, (labelCount.get(row[0]!.text) ?? 0) + 1);
  const cellsHtml = renderCells(table, ctx);
  return table.rows.map((row, r) => {
    let label = row[0]!.text;
    let asked = compared;
    // A label used by several rows (a filled-down group such as `Relational`) takes the next cell along to be a
    // question of its own; that column is then given, not asked.
    if ((labelCount.get(label) ?? 0) > 1 && row[1]?.text && compared.length > 1) {
      label = `${label}: ${row[1].text}`;
      asked = compared.slice(1);
    }
    const front = featureRows ? `${label} — ${asked.join(' vs ')}` : `${label} — ${asked.join(', ')}`;
    // The back holds the whole row: the label under the first column's header too (`Feature`, `Deployment
    // Type`), which no front shows and, for a table in an overview, no other card either.
    const corner = (table.columns[0] ?? '').trim();
    const head = corner ? `<tr><th>${escapeHtml(corner)}</th><td>${cellsHtml[r]?.[0] ?? ''}</td></tr>` : '';
    const rowsHtml = compared.map((name, i) => {
      const value = cellsHtml[r]?.[i + 1] ?? '';
      return `<tr><th>${escapeHtml(name)}</th><td>${value}</td></tr>`;
    });
    const body = head + rowsHtml.join('');
    const clues = rowsHtml.slice(compared.length - asked.length).join('');
    const reverseFront =
      `Which ${escapeHtml(noun(corner))}?` + `<table class="comparison"><tbody>${clues}</tbody></table>`;
    return { label, front, back: `<table class="comparison"><tbody>${body}</tbody></table>`, reverseFront };
  });
}

/** Cell HTML per body row from the mdast (emphasis and code kept); filled-down cells repeat the cell above. */
function renderCells(table: ModelTable, ctx: HtmlContext): string[][] {
  const width = table.columns.length;
  const out: string[][] = [];
  table.rows.forEach((row, r) => {
    const nodeRow = table.node.children[r + 1];
    const cells = row.map((cell, c) => {
      if (cell.filled) return out[r - 1]?.[c] ?? escapeHtml(cell.text);
      const nodeCell = nodeRow?.children[c];
      // Extra source cells were joined into the last column: use the joined text there.
      const joined = nodeRow !== undefined && nodeRow.children.length > width && c === width - 1;
      if (!nodeCell || joined) return escapeHtml(cell.text);
      return phrasingToHtml(nodeCell.children, ctx);
    });
    out.push(cells);
  });
  return out;
}
