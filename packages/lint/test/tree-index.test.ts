import { parseMarkdown } from '@notes/core';
import type { Nodes } from 'mdast';
import { describe, expect, it } from 'vitest';
import { indexTree, nodesOf } from '../src/helpers/tree-index.js';

const TEXT = `# Title

- item paragraph with *emphasis* and <b>inline html</b>
- second

> quoted paragraph

<div>
block html
</div>

| a | b |
| - | - |
| 1 | 2 |
`;

describe('the shared node index', () => {
  const tree = parseMarkdown(TEXT);
  const index = indexTree(tree, TEXT.split('\n').length);

  it('groups every node by type, in source order', () => {
    expect(nodesOf(index, 'paragraph').map((p) => p.position?.start.line)).toEqual([3, 4, 6]);
    expect(nodesOf(index, 'html')).toHaveLength(3);
    expect(nodesOf(index, 'emphasis')).toHaveLength(1);
  });

  it('knows the parent of every paragraph and every html node, the parents rules ask for, and of no other node', () => {
    const [inList, second, quoted] = nodesOf(index, 'paragraph');
    expect(index.parent.get(inList!)?.type).toBe('listItem');
    expect(index.parent.get(second!)?.type).toBe('listItem');
    expect(index.parent.get(quoted!)?.type).toBe('blockquote');
    expect(nodesOf(index, 'html').map((h) => index.parent.get(h)?.type)).toEqual(['paragraph', 'paragraph', 'root']);
    expect(index.parent.size).toBe(3 + 3);
    for (const type of ['text', 'emphasis', 'list', 'listItem', 'heading', 'table'] as Nodes['type'][])
      for (const node of index.byType.get(type) ?? []) expect(index.parent.has(node)).toBe(false);
  });

  it('marks the lines of block html as opaque, not those of inline html', () => {
    expect(index.opaque[3]).toBe(false);
    expect([8, 9, 10].map((l) => index.opaque[l])).toEqual([true, true, true]);
    expect(index.code[8]).toBe(false);
  });
});
