import type { Nodes, RootContent } from 'mdast';
import { lazy } from './lazy.js';

/** A letter of a script written right to left (Hebrew, Arabic, Syriac, Thaana, N'Ko). */
const RTL_LETTER = lazy(() => /[\p{sc=Hebrew}\p{sc=Arabic}\p{sc=Syriac}\p{sc=Thaana}\p{sc=Nko}]/u);

/** The text holds a right-to-left letter. */
export function hasRtl(text: string): boolean {
  return RTL_LETTER().test(text);
}

/** Blocks that become HTML block elements: each finds its own direction, as GitHub marks them. */
const BLOCKS = new Set(['paragraph', 'heading', 'blockquote', 'list', 'listItem', 'table', 'tableCell']);

function holdsRtl(node: Nodes): boolean {
  if ('value' in node && typeof node.value === 'string' && node.type !== 'code' && node.type !== 'inlineCode')
    return RTL_LETTER().test(node.value);
  return 'children' in node && (node.children as Nodes[]).some(holdsRtl);
}

function marked<T extends Nodes>(node: T): T {
  if (!('children' in node)) return node;
  const children = (node.children as Nodes[]).map(marked);
  if (!BLOCKS.has(node.type)) return { ...node, children };
  const data = {
    ...node.data,
    hProperties: { ...(node.data as { hProperties?: object } | undefined)?.hProperties, dir: 'auto' },
  };
  return { ...node, children, data };
}

/**
 * Blocks for HTML (the Anki deck, the study site) with `dir="auto"` on every paragraph, heading, quote, list, list
 * item, table and cell when the blocks hold right-to-left text: each then takes its direction from its first strong
 * letter, as the bidi algorithm's paragraph rule does (a Hebrew paragraph reads right to left, its `?` after an
 * English word at the left end; an English one beside it stays left to right). Blocks without a right-to-left
 * letter are returned as they are (the same array), so their HTML does not change.
 */
export function withTextDirection<T extends readonly RootContent[]>(blocks: T): T {
  if (!blocks.some(holdsRtl)) return blocks;
  return blocks.map(marked) as unknown as T;
}
