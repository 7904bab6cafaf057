import { NodeProp, Tree } from '@lezer/common';
import { parser as commonmark } from '@lezer/markdown';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fastParse, FastParseUnsupported, LEZER_EXTENSIONS } from '../src/fastparse/parse.js';

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

  it('convert each top-level block as it is parsed into the tree a whole parse converts', () => {
    // A text without `]:` is converted block by block while Lezer parses; one with a definition is parsed whole
    // first (its references need every definition). A definition appended at the end changes nothing before it.
    const root = join(import.meta.dirname, '../../..');
    const files = [
      join(import.meta.dirname, 'fixtures/seed-repaired.md'),
      ...['test/fixtures', 'packages/lint/test/fixtures'].flatMap((dir) =>
        readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
          .filter((f) => f.endsWith('.md'))
          .map((f) => join(root, dir, f)),
      ),
    ];
    let compared = 0;
    for (const file of files) {
      const read = readFileSync(file, 'utf8');
      if (read.includes(']:') || read.includes('[zz-tail]') || read.includes('\r')) continue;
      // With carriage returns too: the blocks' offsets are moved back onto the text as they are converted.
      for (const eol of ['\n', '\r\n']) {
        const text = read.replace(/\n/g, eol);
        let streamed;
        try {
          streamed = fastParse(text);
        } catch (error) {
          if (error instanceof FastParseUnsupported) continue;
          throw error;
        }
        const whole = fastParse(`${text}${eol}${eol}[zz-tail]: /tail${eol}`);
        expect(whole.children.at(-1)!.type, file).toBe('definition');
        expect(streamed.children, file).toEqual(whole.children.slice(0, -1));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(60);
  });
});
