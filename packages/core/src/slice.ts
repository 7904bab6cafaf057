import type { RootContent } from 'mdast';

function startOffset(node: RootContent): number {
  return node.position?.start.offset ?? 0;
}
function endOffset(node: RootContent): number {
  return node.position?.end.offset ?? 0;
}

/** What the line clean-up of `sliceMarkdown` changes: a CRLF, or spaces or tabs ending a line. */
const NEEDS_CLEANING = /\r\n|[ \t](?:\n|$)/;

/** The Markdown of a run of blocks, sliced from the source so nothing is re-written. */
export function sliceMarkdown(text: string, nodes: readonly RootContent[]): string {
  const first = nodes[0];
  const last = nodes[nodes.length - 1];
  if (!first || !last) return '';
  const slice = text.slice(startOffset(first), endOffset(last));
  // Most slices have no CRLF and no white space at a line end: they are their own result.
  if (!NEEDS_CLEANING.test(slice)) return slice;
  return slice
    .split(/\r?\n/)
    .map((l) => l.replace(/[ \t]+$/, ''))
    .join('\n');
}
