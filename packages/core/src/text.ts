import type { Nodes, PhrasingContent, RootContent, TableCell } from 'mdast';
import { MAX_NESTING } from './nesting.js';

/** Plain text of inline content: code keeps its text, images their alt text, raw HTML is dropped. */
export function inlineText(node: Nodes | PhrasingContent | TableCell): string {
  if (!('children' in node)) return leafText(node);
  // Iterative: notes nested a thousand levels deep must not overflow the stack.
  const parts: string[] = [];
  const stack: Nodes[] = [node];
  for (let n = stack.pop(); n !== undefined; n = stack.pop()) {
    if (
      n.type === 'image' ||
      n.type === 'imageReference' ||
      n.type === 'html' ||
      n.type === 'footnoteReference' ||
      !('children' in n)
    ) {
      parts.push(leafText(n));
    } else {
      const children = n.children as Nodes[];
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
    }
  }
  return parts.join('');
}

function leafText(node: Nodes | PhrasingContent | TableCell): string {
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
      if ('value' in node && typeof node.value === 'string') return node.value;
      return '';
  }
}

/** Collapse runs of white space to one space and trim: how titles and cells are compared and shown. */
export function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Text of a subtree with its leaves joined by spaces (used past MAX_NESTING, iteratively). */
function flatText(node: RootContent): string {
  const parts: string[] = [];
  const stack: Nodes[] = [node];
  for (let n = stack.pop(); n !== undefined; n = stack.pop()) {
    if ('children' in n) {
      const children = n.children as Nodes[];
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
    } else parts.push(leafText(n));
  }
  return squash(parts.join(' '));
}

function blockText(node: RootContent, indent: string, depth: number): string {
  if (depth > MAX_NESTING) return indent + flatText(node);
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
      return blocksText(node.children, indent, '\n\n', depth + 1);
    case 'list': {
      let n = node.start ?? 1;
      return node.children
        .map((item) => {
          const marker = node.ordered ? `${n++}. ` : '- ';
          const inner = blocksText(item.children, indent + ' '.repeat(marker.length), '\n', depth + 1);
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
      return 'children' in node ? indent + inlineText(node) : 'value' in node ? indent + String(node.value) : '';
  }
}

/** Plain text of a run of blocks: one blank line between blocks, list items one per line with `- ` / `1. `. */
export function blocksText(nodes: readonly RootContent[], indent = '', separator = '\n\n', depth = 0): string {
  return nodes
    .map((n) => blockText(n, depth > MAX_NESTING ? '' : indent, depth))
    .filter((t) => t.trim() !== '')
    .join(separator);
}
