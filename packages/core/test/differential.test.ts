import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, resolve, sep } from 'node:path';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { fastParse, FastParseUnsupported } from '../src/fastparse/parse.js';
import { parseMarkdown } from '../src/parse.js';
import { CORPORA, markdownFiles } from '../../../test/helpers/corpora.js';

// The reference: remark-parse + remark-gfm + remark-frontmatter, as core configured it before the fast parse.
const remark = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml']).freeze();

const ROOT = resolve(import.meta.dirname, '../../..');

interface Case {
  id: string;
  text: string;
}

/** Markdown files of this repository below `dir`: its READMEs, build output and the copied GFM spec left out. */
function markdownBelow(dir: string): string[] {
  return markdownFiles(dir).filter((p) => {
    const parts = relative(dir, p).split(sep);
    return parts.at(-1) !== 'README.md' && !parts.some((d) => d === 'node_modules' || d === 'dist' || d === 'gfm-spec');
  });
}

const fileCase = (base: string, file: string): Case => ({
  id: relative(base, file),
  text: readFileSync(file, 'utf8'),
});

const commonmark = (
  createRequire(import.meta.url)('commonmark-spec') as { tests: { number: number; markdown: string }[] }
).tests;

/**
 * Inputs where the fast parse gives a tree different from remark's, each with why it is left so. A new
 * difference fails the test, and so does a listed one that no longer differs.
 */
const JUSTIFIED: Record<string, string> = {
  'commonmark 117':
    'an indented code block ending in a whitespace-only line: remark ends it on that line, after the last content',
  'commonmark 215': 'a definition then a setext heading: remark starts the heading at the definition (line 1)',
  'commonmark 260': 'a list item ended by a lazy `>>` line in nested quotes: remark ends the item a line later',
};

/**
 * Inputs the fast parse hands to remark, with the reason it gives (see `fastParse`): the tree is then remark's
 * own. The CommonMark examples fall back the same with CRLF and CR line ends (added below).
 */
const FALLBACK_LF: Record<string, string> = {
  'commonmark 44': 'unclosed front matter fence',
  'commonmark 278': 'empty list item',
  'commonmark 279': 'empty list item',
  'commonmark 280': 'empty list item',
  'commonmark 281': 'empty list item',
  'commonmark 282': 'empty list item',
  'commonmark 283': 'empty list item',
  'commonmark 284': 'empty list item',
  'commonmark 285': 'empty list item on a paragraph line',
  'commonmark 315': 'empty list item',
  'commonmark 367': 'empty list item on a paragraph line',
  'commonmark 512': 'undefined reference holding delimiters',
  'commonmark 523': 'undefined reference holding delimiters',
  'commonmark 528': 'undefined reference holding delimiters',
  'commonmark 545': 'undefined reference holding delimiters',
  'commonmark 547': 'undefined reference holding delimiters',
  'commonmark 548': 'undefined reference holding delimiters',
  'commonmark 569': 'undefined reference holding delimiters',
  'commonmark 571': 'undefined reference holding delimiters',
  'commonmark 590': 'undefined reference holding delimiters',
  'commonmark 606': 'literal autolink in text',
  'commonmark 612': 'literal autolink',
  'gfm autolink-624': 'literal autolink',
  'gfm autolink-625': 'literal autolink',
  'gfm autolink-626': 'literal autolink',
  'gfm autolink-628': 'literal autolink',
  'gfm autolink-629': 'literal autolink',
  'gfm autolink-631': 'literal autolink',
  'packages/lint/test/fixtures/encoding/misplaced-bom/ok.md': 'byte order mark',
  'packages/core/test/fixtures/fastparse/footnotes.md': 'footnote',
  'packages/core/test/fixtures/fastparse/unclosed-front-matter.md': 'unclosed front matter fence',
};
const FALLBACK: Record<string, string> = Object.fromEntries(
  Object.entries(FALLBACK_LF).flatMap(([id, why]) =>
    id.startsWith('commonmark ')
      ? [
          [id, why],
          [`${id} crlf`, why],
          [`${id} cr`, why],
        ]
      : [[id, why]],
  ),
);

const cases: Case[] = [
  ...commonmark.map((t) => ({ id: `commonmark ${t.number}`, text: t.markdown })),
  // Lezer ends lines at \n only, so CRLF and lone CR texts are parsed as LF and mapped back: every example again.
  ...commonmark.map((t) => ({ id: `commonmark ${t.number} crlf`, text: t.markdown.replace(/\n/g, '\r\n') })),
  ...commonmark.map((t) => ({ id: `commonmark ${t.number} cr`, text: t.markdown.replace(/\n/g, '\r') })),
  ...markdownBelow(join(import.meta.dirname, 'fixtures/gfm-spec')).map((f) => ({
    id: `gfm ${relative(join(import.meta.dirname, 'fixtures/gfm-spec'), f).replace(/\.md$/, '')}`,
    text: readFileSync(f, 'utf8'),
  })),
  fileCase(ROOT, join(ROOT, 'examples/raw/aws-prep-notes.raw.md')),
  ...markdownBelow(join(ROOT, 'content')).map((f) => fileCase(ROOT, f)),
  ...markdownBelow(join(ROOT, 'test/fixtures')).map((f) => fileCase(ROOT, f)),
  ...['core', 'lint', 'export-markdown', 'export-json', 'export-anki', 'export-pdf', 'cli'].flatMap((p) =>
    markdownBelow(join(ROOT, 'packages', p, 'test/fixtures')).map((f) => fileCase(ROOT, f)),
  ),
];

interface Outcome {
  same: string[];
  differ: string[];
  fallback: Map<string, string>;
}

function compare(list: Case[]): Outcome {
  const out: Outcome = { same: [], differ: [], fallback: new Map() };
  for (const c of list) {
    const reference = remark.parse(c.text);
    let tree;
    try {
      tree = fastParse(c.text);
    } catch (error) {
      if (!(error instanceof FastParseUnsupported)) throw error;
      out.fallback.set(c.id, error.message);
      // The fallback is remark itself.
      expect(JSON.stringify(parseMarkdown(c.text))).toBe(JSON.stringify(reference));
      continue;
    }
    // Key order too: exporters serialize nodes.
    if (JSON.stringify(tree) === JSON.stringify(reference)) out.same.push(c.id);
    else out.differ.push(c.id);
  }
  return out;
}

describe('the fast parse gives remark’s tree, positions included', () => {
  it('on the CommonMark spec, the GFM extension examples, the seed, content/ and the fixtures', () => {
    const { same, differ, fallback } = compare(cases);
    const justified = Object.keys(JUSTIFIED);
    expect(differ).toEqual([
      ...justified,
      ...justified.map((id) => `${id} crlf`),
      ...justified.map((id) => `${id} cr`),
    ]);
    // Constructs the fast parse leaves to remark: the tree is remark's own (checked in compare).
    expect(Object.fromEntries(fallback)).toEqual(FALLBACK);
    expect(same.length).toBeGreaterThan(700);
  });

  if (!existsSync(CORPORA)) console.log(`differential test: ${CORPORA} is absent, the corpora case does not run`);
  it.runIf(existsSync(CORPORA))('on every file of the shared corpora (other people’s notes)', () => {
    const files = markdownFiles(CORPORA);
    const { same, differ, fallback } = compare(files.map((f) => fileCase(CORPORA, f)));
    expect(differ).toEqual([]);
    // The fallback to remark stays rare on real notes.
    expect(fallback.size).toBeLessThanOrEqual(Math.ceil(files.length * 0.03));
    expect(same.length + fallback.size).toBe(files.length);
  });
});
