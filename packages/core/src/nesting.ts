import type { Nodes } from 'mdast';

/**
 * How deep quotes and lists (or any blocks) may nest before exporters stop following the structure and print
 * the deepest part as plain text: HTML and Markdown tools recurse, and a staircase of a thousand `>` levels
 * would exhaust the stack or take minutes.
 */
export const MAX_NESTING = 64;

/**
 * The nesting depth of a tree, walked without recursion: the most `counts` nodes on any path from `tree` down
 * (`tree` itself not counted). By default every node counts, so a root with one paragraph of text is 2 deep.
 */
export function nestingDepth(tree: Nodes, counts: (node: Nodes) => boolean = () => true): number {
  let max = 0;
  const stack: [Nodes, number][] = [[tree, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth > max) max = depth;
    if ('children' in node) {
      for (const child of node.children as Nodes[]) stack.push([child, counts(child) ? depth + 1 : depth]);
    }
  }
  return max;
}

/** The longest run of leading segments that every folder (given as its path segments) shares. */
export function commonFolder(folders: readonly (readonly string[])[]): string[] {
  let common = folders.length ? [...folders[0]!] : [];
  for (const folder of folders.slice(1)) {
    let i = 0;
    while (i < common.length && common[i] === folder[i]) i++;
    common = common.slice(0, i);
  }
  return common;
}
