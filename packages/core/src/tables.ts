import type { RootContent, Table } from 'mdast';
import type { ModelTable } from './model.js';
import { inlineText, squash } from './text.js';

/**
 * Every table among the blocks, in source order, first-column "same as above" cells filled down and marked. A table
 * is flow content: it sits in quotes, list items and footnote definitions, never in the phrasing content of a
 * paragraph or a heading, so those are not walked.
 */
export function collectTables(text: string, nodes: readonly RootContent[]): ModelTable[] {
  const out: ModelTable[] = [];
  const stack: RootContent[] = [];
  for (let i = nodes.length - 1; i >= 0; i--) stack.push(nodes[i]!);
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (node.type === 'table') out.push(tableModel(text, node));
    else if (node.type !== 'paragraph' && node.type !== 'heading' && 'children' in node) {
      const children = node.children as RootContent[];
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
    }
  }
  return out;
}

function cellMarkdown(text: string, cell: Table['children'][number]['children'][number]): string {
  return squash(inlineText(cell)) === '' ? '' : cellSource(text, cell);
}
function cellSource(text: string, cell: Table['children'][number]['children'][number]): string {
  const first = cell.children[0];
  const last = cell.children[cell.children.length - 1];
  if (!first?.position || !last?.position) return squash(inlineText(cell));
  return text.slice(first.position.start.offset, last.position.end.offset).trim();
}

function tableModel(text: string, node: Table): ModelTable {
  const [head, ...body] = node.children;
  const columns = (head?.children ?? []).map((c) => squash(inlineText(c)));
  const width = Math.max(columns.length, 1);
  const rows: ModelTable['rows'] = [];
  for (const row of body) {
    const cells = row.children.map((c) => ({
      text: squash(inlineText(c)),
      markdown: cellMarkdown(text, c),
      filled: false,
    }));
    while (cells.length < width) cells.push({ text: '', markdown: '', filled: false });
    if (cells.length > width) {
      // Keep extra cells rather than drop them: joined into the last column.
      const extra = cells.splice(width - 1);
      cells.push({
        text: extra
          .map((c) => c.text)
          .filter(Boolean)
          .join(' | '),
        markdown: extra
          .map((c) => c.markdown)
          .filter(Boolean)
          .join(' | '),
        filled: false,
      });
    }
    const above = rows[rows.length - 1]?.[0];
    const first = cells[0]!;
    if (first.text === '' && above && above.text !== '' && cells.some((c, i) => i > 0 && c.text !== '')) {
      cells[0] = { text: above.text, markdown: above.markdown, filled: true };
    }
    rows.push(cells);
  }
  return { columns, rows, line: node.position?.start.line ?? 1, node };
}
