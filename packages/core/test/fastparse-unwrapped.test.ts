import { NodeProp, Tree } from '@lezer/common';
import { parser as commonmark } from '@lezer/markdown';
import { describe, expect, it } from 'vitest';
import { LEZER_EXTENSIONS } from '../src/fastparse/parse.js';

/** Every tree object under `tree` (not the node buffers), itself included. */
function trees(tree: Tree, out: Tree[] = []): Tree[] {
  out.push(tree);
  for (const child of tree.children) if (child instanceof Tree) trees(child, out);
  return out;
}

describe('the fast parse’s Lezer trees', () => {
  it('keep the children of container blocks as they are, without a context-hash wrapper each', () => {
    const sections = Array.from({ length: 50 }, (_, i) => `## Q${i}?\n\nAn *answer*.\n\n- one\n- two\n\n> quoted\n`);
    const tree = commonmark.configure([...LEZER_EXTENSIONS]).parse(`# T\n\n${sections.join('\n')}`);
    const all = trees(tree);
    // 50 sections of a heading, a paragraph, a list of two items and a quote: each a tree of its own.
    // (Lezer's balancing groups of a long child list, anonymous trees, keep theirs: there are few of them.)
    const named = all.filter((t) => t.type.name !== '');
    expect(named.length).toBeGreaterThan(250);
    expect(named.filter((t) => t.prop(NodeProp.contextHash) !== undefined).map((t) => t.type.name)).toEqual([]);
    // The same nodes as ever: the document's blocks, in order.
    const blocks: string[] = [];
    for (let c = tree.topNode.firstChild; c; c = c.nextSibling) blocks.push(c.name);
    expect(blocks.slice(0, 6)).toEqual([
      'ATXHeading1',
      'ATXHeading2',
      'Paragraph',
      'BulletList',
      'Blockquote',
      'ATXHeading2',
    ]);
    expect(blocks).toHaveLength(1 + 50 * 4);
  });
});
