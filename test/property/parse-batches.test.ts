import { readFileSync } from 'node:fs';
import { parseMarkdown } from '@notes/core';
import fc from 'fast-check';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { markdownFiles, RAW_NOTES } from '../helpers/corpora.js';

// The reference: one whole parse with the same plugins as core.
const whole = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml']).freeze();

// Lowest thresholds: every table with a body row is parsed one row per batch, the most cuts there can be.
const tiny = { bigTableRows: 1, rowBatch: 1 };

const cell = fc.oneof(
  fc.constantFrom('', ' ', 'S3', '`code | pipe`', '**bold**', 'a \\| b', '[link](https://x.y)', 'é’', '<b>x</b>', '*'),
  fc.string({ maxLength: 12 }).map((s) => s.replace(/[\r\n|]/g, ' ')),
);
const row = fc.array(cell, { minLength: 0, maxLength: 5 }).map((cells) => `| ${cells.join(' | ')} |`);
const after = fc.constantFrom(
  '',
  '\n',
  '\nplain lazy line\n',
  '\n\nAfter.\n',
  '\n# Heading\n',
  '\n- a list\n\n  continued\n',
  '\n```\ncode\n\n```\n',
  '\n> quote\n',
);
const before = fc.constantFrom(
  '',
  'Intro.\n\n',
  '# Title\n',
  'Para\n',
  '---\ntitle: x\n---\n',
  '- item\n\n',
  '```\n',
  '<!--\n',
);
const table = fc
  .record({
    before,
    head: fc.array(cell, { minLength: 1, maxLength: 4 }),
    align: fc.constantFrom('---', ':--', '--:', ':-:'),
    rows: fc.array(row, { minLength: 0, maxLength: 12 }),
    after,
    crlf: fc.boolean(),
  })
  .map(({ before, head, align, rows, after, crlf }) => {
    const text = `${before}| ${head.join(' | ')} |\n|${head.map(() => align).join('|')}|\n${rows.join('\n')}${rows.length ? '\n' : ''}${after}`;
    return crlf ? text.replace(/\n/g, '\r\n') : text;
  });

describe('batched parsing gives the tree of a whole parse', () => {
  it('on generated tables, cut one body row per batch', () => {
    fc.assert(
      fc.property(table, (text) => {
        expect(parseMarkdown(text, tiny)).toEqual(whole.parse(text));
      }),
      { numRuns: 300 },
    );
  });

  it('on a 1,000-row table with the default batches', () => {
    const rows = Array.from({ length: 1000 }, (_, r) => `| r${r} | \`c|${r}\` | ${r % 3 ? '**b**' : ''} |`);
    const text = `# T\n\n| a | b | c |\n|---|:-:|--:|\n${rows.join('\n')}\nlazy\n\nAfter.\n`;
    const tree = parseMarkdown(text);
    expect(tree).toEqual(whole.parse(text));
    expect(tree.children[1]).toMatchObject({ type: 'table' });
    expect((tree.children[1] as { children: unknown[] }).children).toHaveLength(1002);
  });

  it('on the raw notes and every corpus file, cut at every table row', () => {
    const files = [RAW_NOTES, ...markdownFiles()];
    const differ = files.filter((file) => {
      const text = readFileSync(file, 'utf8');
      return JSON.stringify(parseMarkdown(text, tiny)) !== JSON.stringify(whole.parse(text));
    });
    expect(differ).toEqual([]);
    // Two whole parses of 5 MB of corpora: about 55 s on an idle 2-core machine, so the budget leaves room for load.
  }, 600_000);
});
