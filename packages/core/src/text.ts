import type { Nodes, PhrasingContent, RootContent, TableCell } from 'mdast';

/** Plain text of inline content: code keeps its text, images their alt text, raw HTML is dropped. */
export function inlineText(node: Nodes | PhrasingContent | TableCell): string {
  switch (node.type) {
    case 'text':
    case 'inlineCode':
      return node.value;
    case 'break':
      return '\n';
    case 'image':
    case 'imageReference':
      return node.alt ?? '';
    case 'html':
      return '';
    case 'footnoteReference':
      return `[^${node.identifier}]`;
    default:
      if ('children' in node) return (node.children as PhrasingContent[]).map(inlineText).join('');
      if ('value' in node && typeof node.value === 'string') return node.value;
      return '';
  }
}

/** Collapse runs of white space to one space and trim: how titles and cells are compared and shown. */
export function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function blockText(node: RootContent, indent: string): string {
  switch (node.type) {
    case 'paragraph':
    case 'heading':
      return indent + inlineText(node).replace(/\n/g, `\n${indent}`);
    case 'code':
      return node.value
        .split('\n')
        .map((l) => indent + l)
        .join('\n');
    case 'html':
      return indent + node.value.replace(/<[^>]*>/g, '').trim();
    case 'blockquote':
      return blocksText(node.children, indent);
    case 'list': {
      let n = node.start ?? 1;
      return node.children
        .map((item) => {
          const marker = node.ordered ? `${n++}. ` : '- ';
          const inner = blocksText(item.children, indent + ' '.repeat(marker.length), '\n');
          return indent + marker + inner.slice(indent.length + marker.length);
        })
        .join('\n');
    }
    case 'table':
      return node.children.map((row) => indent + row.children.map((c) => squash(inlineText(c))).join(' | ')).join('\n');
    case 'thematicBreak':
    case 'yaml':
    case 'definition':
      return '';
    default:
      return 'children' in node ? indent + inlineText(node as Nodes) : 'value' in node ? indent + String(node.value) : '';
  }
}

/** Plain text of a run of blocks: one blank line between blocks, list items one per line with `- ` / `1. `. */
export function blocksText(nodes: readonly RootContent[], indent = '', separator = '\n\n'): string {
  return nodes
    .map((n) => blockText(n, indent))
    .filter((t) => t.trim() !== '')
    .join(separator);
}
