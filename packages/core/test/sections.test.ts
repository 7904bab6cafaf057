import type { Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { fastParse, FastParseUnsupported } from '../src/fastparse/parse.js';
import { CHUNK_THRESHOLD, parseMarkdown, parseWithRemark } from '../src/parse.js';
import { BATCH, parseInSections, shift } from '../src/sections.js';

// The reference: one parse of the whole text by remark-parse + remark-gfm + remark-frontmatter.
const remark = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml']).freeze();

/** The two parsers of parseInSections, counting what each took (the fast parse declining counts as a refusal). */
function counting() {
  const counts = {
    fast: 0,
    refused: 0,
    remark: 0,
    remarkChars: 0,
    fast_(text: string): Root | null {
      try {
        const tree = fastParse(text);
        counts.fast++;
        return tree;
      } catch (error) {
        if (!(error instanceof FastParseUnsupported)) throw error;
        counts.refused++;
        return null;
      }
    },
    slow(text: string): Root {
      counts.remark++;
      counts.remarkChars += text.length;
      return parseWithRemark(text);
    },
  };
  return counts;
}

/**
 * Real notes put together: front matter, sections with links by reference to definitions in other sections (the
 * same label defined twice: the first wins), footnotes defined far from their references, and one section the
 * fast parse leaves to remark (a reference to no definition holding emphasis delimiters).
 */
function notes(sections: number): string {
  const parts = ['---\ntitle: Joined notes\n---\n\n# Joined notes\n\n'];
  for (let i = 0; i < sections; i++) {
    parts.push(`## Question ${i}?\n\n`);
    parts.push(`See [the guide][guide], [docs] and ![a chart][chart]; more in [part 3][].\n\n`);
    const note = i === 7 ? '[^far]' : '';
    parts.push(
      `- a list item with **bold**, \`code\` and a note${note}\n- another with [a link](https://x.test/${i})\n\n`,
    );
    parts.push(`| a | b |\n| --- | --- |\n| ${i} | [docs] |\n\n`);
    if (i % 40 === 3) parts.push(`[guide]: https://guide.test/${i} "Guide ${i}"\n[part 3]: /parts/${i}\n\n`);
    if (i % 40 === 23) parts.push(`[docs]: <https://docs.test/${i}>\n[chart]: /charts/${i}.png\n\n`);
    if (i === sections - 20) parts.push(`[^far]: A footnote defined in section ${i}.\n\n`);
    if (i === Math.floor(sections / 2)) parts.push('A reference to nothing: [*not defined*] here.\n\n');
    parts.push('Some prose to fill the section, '.repeat(8) + 'and its end.\n\n');
  }
  return parts.join('');
}

describe('parsing a big text section by section', () => {
  it('gives the tree of one whole parse, definitions and footnotes from other batches included', () => {
    const text = notes(560);
    expect(text.length).toBeGreaterThan(CHUNK_THRESHOLD);
    expect(() => fastParse(text)).toThrow(FastParseUnsupported);
    const reference = remark.parse(text);
    const parsers = counting();
    const tree = parseInSections(text, parsers.fast_, parsers.slow);
    expect(tree).not.toBeNull();
    expect(JSON.stringify(tree)).toBe(JSON.stringify(reference));
    // Only the pieces the fast parse cannot take go to remark: the footnotes' sections and the undefined reference's.
    expect(parsers.refused).toBeGreaterThan(0);
    expect(parsers.fast).toBeGreaterThan(parsers.remark);
    expect(parsers.remarkChars).toBeLessThan(text.length / 2);
    expect(JSON.stringify(parseMarkdown(text))).toBe(JSON.stringify(reference));
  });

  it('gives the same tree when a later batch defines a label again', () => {
    const filler = `## Filler\n\n${'Words to fill a batch. '.repeat(60)}\n\n`.repeat(Math.ceil((BATCH * 5) / 1400));
    const text = `# Notes\n\n[site]: /first\n\n${filler}## Late\n\n[site]: /second\n\nGo to [site].\n\n${filler}`;
    const parsers = counting();
    const tree = parseInSections(text, parsers.fast_, parsers.slow);
    expect(tree).not.toBeNull();
    expect(JSON.stringify(tree)).toBe(JSON.stringify(remark.parse(text)));
    expect(JSON.stringify(tree)).toContain('"identifier":"site"');
  });

  it('declines a text whose definitions sit in a quote or list item, and the whole parse takes it', () => {
    const filler = `## Filler\n\n${'Words to fill a batch. '.repeat(60)}\n\n`.repeat(Math.ceil((BATCH * 5) / 1400));
    const text = `# Notes\n\n> [quoted]: /in-a-quote\n\n${filler}## Uses\n\nSee [quoted] and [*none*].\n\n${filler}`;
    const parsers = counting();
    expect(parseInSections(text, parsers.fast_, parsers.slow)).toBeNull();
    expect(JSON.stringify(parseMarkdown(text))).toBe(JSON.stringify(remark.parse(text)));
  });

  it('moves a point shared by two nodes once', () => {
    const end = { line: 1, column: 5, offset: 4 };
    const node = {
      type: 'heading',
      position: { start: { line: 1, column: 1, offset: 0 }, end },
      children: [{ type: 'text', position: { start: { line: 1, column: 3, offset: 2 }, end } }],
    };
    shift(node, 10, 100);
    expect(end).toEqual({ line: 11, column: 5, offset: 104 });
    expect(node.position.start).toEqual({ line: 11, column: 1, offset: 100 });
  });
});
