import type { Nodes, Root } from 'mdast';

/** Nodes of a tree grouped by type, collected in one pass and shared by every rule (no per-rule walk). */
export interface NodeIndex {
  byType: ReadonlyMap<string, readonly Nodes[]>;
  /**
   * Parent of each paragraph and html node: the parents the rules ask for (an html node's decides whether it hides
   * its line). Every other node is most of a tree, and a map of them cost a tenth of the lint of a 10 MB file.
   */
  parent: ReadonlyMap<Nodes, Nodes>;
  /** Per line (1-based index): true when the line lies in code, HTML, front matter or a math block. */
  opaque: readonly boolean[];
  /** Per line: true when the line lies in a code block, front matter or math (html excluded). */
  code: readonly boolean[];
}

const cache = new WeakMap<Root, NodeIndex>();
const OPAQUE = new Set(['code', 'html', 'yaml', 'toml', 'math']);

/** The node index of a tree, built once (one traversal) and cached. */
export function indexTree(tree: Root, lineCount: number): NodeIndex {
  const hit = cache.get(tree);
  if (hit) return hit;
  const byType = new Map<string, Nodes[]>();
  const parent = new Map<Nodes, Nodes>();
  const opaque: boolean[] = new Array<boolean>(lineCount + 2).fill(false);
  const code: boolean[] = new Array<boolean>(lineCount + 2).fill(false);
  const stack: Nodes[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    let list = byType.get(node.type);
    if (!list) byType.set(node.type, (list = []));
    list.push(node);
    if (OPAQUE.has(node.type) && node.position) {
      // Inline html does not hide its line from line-based rules; block html does.
      if (node.type !== 'html' || node.position.start.column === 1 || parentIsBlock(parent.get(node))) {
        for (let l = node.position.start.line; l <= node.position.end.line; l++) opaque[l] = true;
      }
      if (node.type !== 'html') for (let l = node.position.start.line; l <= node.position.end.line; l++) code[l] = true;
    }
    if ('children' in node) {
      const children = node.children as Nodes[];
      for (let i = children.length - 1; i >= 0; i--) {
        const child = children[i]!;
        if (child.type === 'paragraph' || child.type === 'html') parent.set(child, node);
        stack.push(child);
      }
    }
  }
  const index = { byType, parent, opaque, code };
  cache.set(tree, index);
  return index;
}

function parentIsBlock(node: Nodes | undefined): boolean {
  return !node || node.type === 'root' || node.type === 'blockquote' || node.type === 'listItem';
}

/** The shared node index of a rule's tree. */
export function treeIndex(ctx: { tree: Root; lines: readonly string[] }): NodeIndex {
  return indexTree(ctx.tree, ctx.lines.length);
}

/** Every node of one type, in source order. */
export function nodesOf<T extends Nodes['type']>(index: NodeIndex, type: T): readonly Extract<Nodes, { type: T }>[] {
  return (index.byType.get(type) ?? []) as readonly Extract<Nodes, { type: T }>[];
}
