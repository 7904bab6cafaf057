import type { RootContent } from 'mdast';

function startOffset(node: RootContent): number {
  return node.position?.start.offset ?? 0;
}
function endOffset(node: RootContent): number {
  return node.position?.end.offset ?? 0;
}

/** The Markdown of a run of blocks, sliced from the source so nothing is re-written. */
export function sliceMarkdown(text: string, nodes: readonly RootContent[]): string {
  const first = nodes[0];
  const last = nodes[nodes.length - 1];
  if (!first || !last) return '';
  return text
    .slice(startOffset(first), endOffset(last))
    .split(/\r?\n/)
    .map((l) => l.replace(/[ \t]+$/, ''))
    .join('\n');
}
