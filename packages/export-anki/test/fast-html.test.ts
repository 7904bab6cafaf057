import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, resolve } from 'node:path';
import {
  buildDocument,
  codeGrammars,
  createCodeHighlighter,
  parseMarkdown,
  sourceFromText,
  type CodeHighlighter,
} from '@notes/core';
import type { Root, RootContent } from 'mdast';
import { describe, expect, it } from 'vitest';
import { fastHtml } from '../src/fast-html.js';
import { blocksToHtml, mayHoldMarkers, referenceBlocksToHtml, type ClozeMode, type HtmlContext } from '../src/html.js';
import { CORPORA, markdownFiles as markdownBelow } from '../../../test/helpers/corpora.js';
import { FIXTURES } from './helpers.js';

const ROOT = resolve(import.meta.dirname, '../../..');

function context(highlighter: CodeHighlighter | undefined): HtmlContext {
  return { docDir: FIXTURES, baseDir: FIXTURES, where: 'x.md:1', warn: () => {}, media: new Map(), highlighter };
}

interface Tally {
  cases: number;
  fast: number;
  mismatches: string[];
  /** Renderings that also ran without looking for wiki links and alerts (their file has none: `mayHoldMarkers`). */
  unmarked?: number;
}

/**
 * Both ways on one list of blocks, in both cloze modes: the fast one must give the reference's string. Blocks from
 * a file that cannot hold a wiki link or an alert (`source`, see `mayHoldMarkers`) give the same string again
 * without looking for them, as the export renders them.
 */
function compare(
  id: string,
  blocks: RootContent[],
  highlighter: CodeHighlighter | undefined,
  tally: Tally,
  source?: string,
): void {
  for (const mode of ['mark', 'anki'] as ClozeMode[]) {
    tally.cases++;
    if (fastHtml({ type: 'root', children: blocks }) !== null) tally.fast++;
    const fast = blocksToHtml(blocks, context(highlighter), mode);
    const reference = referenceBlocksToHtml(blocks, context(highlighter), mode);
    if (fast !== reference && tally.mismatches.length < 5)
      tally.mismatches.push(
        `${id} (${mode}):\n  fast:      ${JSON.stringify(fast)}\n  reference: ${JSON.stringify(reference)}`,
      );
    if (source === undefined || mayHoldMarkers(source)) continue;
    tally.unmarked = (tally.unmarked ?? 0) + 1;
    const unmarked = blocksToHtml(blocks, { ...context(highlighter), markers: false }, mode);
    if (unmarked !== fast && tally.mismatches.length < 5)
      tally.mismatches.push(`${id} (${mode}, no markers looked for):\n  ${JSON.stringify(unmarked)}`);
  }
}

/** Every note body and every table cell of some files, as the Anki export renders them (one highlighter for all). */
async function compareFiles(inputs: { id: string; file: string }[], tally: Tally): Promise<void> {
  const docs = inputs.map(({ id, file }) => {
    const text = readFileSync(file, 'utf8');
    return { id, text, doc: buildDocument(sourceFromText(text, 'notes.md')) };
  });
  const highlighter = await createCodeHighlighter(codeGrammars(docs.map(({ doc }) => doc.tree)));
  for (const { id, text, doc } of docs) {
    for (const note of doc.notes) {
      compare(`${id} ${note.title}`, note.body, highlighter, tally, text);
      for (const table of note.tables)
        for (const row of table.node.children)
          for (const cell of row.children)
            compare(
              `${id} ${note.title} cell`,
              [{ type: 'paragraph', children: cell.children }],
              highlighter,
              tally,
              text,
            );
    }
  }
}

const files = (dir: string) => markdownBelow(dir).map((file) => ({ id: relative(ROOT, file), file }));

describe('card HTML straight from the mdast', () => {
  it('gives the reference string for every note of the seed, the examples and the fixtures, mostly the fast way', async () => {
    const tally: Tally = { cases: 0, fast: 0, mismatches: [] };
    const inputs = [...files(FIXTURES), ...files(join(ROOT, 'examples')), ...files(join(ROOT, 'content'))];
    expect(inputs.length).toBeGreaterThan(3);
    await compareFiles(inputs, tally);
    expect(tally.mismatches).toEqual([]);
    // The fast path is what the export mostly takes: a test that declined everything would prove nothing.
    expect(tally.fast / tally.cases).toBeGreaterThan(0.8);
  });

  it('gives the reference string for every CommonMark spec example', () => {
    const examples = (
      createRequire(import.meta.url)('commonmark-spec') as { tests: { number: number; markdown: string }[] }
    ).tests;
    const tally: Tally = { cases: 0, fast: 0, mismatches: [] };
    for (const example of examples) {
      const tree: Root = parseMarkdown(example.markdown);
      compare(`commonmark ${example.number}`, tree.children, undefined, tally, example.markdown);
    }
    expect(tally.mismatches).toEqual([]);
    expect(tally.unmarked).toBeGreaterThan(200);
    expect(tally.fast).toBeGreaterThan(200);
  });

  it('escapes text and attributes, drops raw HTML and unsafe links, and keeps loose and tight lists apart', () => {
    const tally: Tally = { cases: 0, fast: 0, mismatches: [] };
    const samples: string[] = [
      'a < b & c > d "q" \'s\' `t`',
      '[x](https://e.com/a?b=1&c="2" \'t & "u"\') [y](javascript:alert(1)) [z](/rel:x) [m](mailto:a@b.c) [w](ftp://x)',
      '[sp](<a b> "t") [u](https://e.com/ä%20%zz)',
      '<b>bold</b> text <!-- c -->\n\n<div>\nblock\n</div>',
      '- a\n- b\n\n  c\n- d',
      '- a\n- b\n  - c\n    - d',
      '3. x\n4. y',
      '0. zero',
      '> quote\n>\n> - item\n\n***',
      '| a | b | c |\n| :- | :-: | -: |\n| 1 | 2 |\n| 4 | 5 | 6 | 7 |',
      '# H1\n\n###### H6 *em* **strong** ~~del~~ `co\nde`',
      'line  \t\n  next\t\n\tlast',
      '==cloze== and {{c2::other::hint}}',
      '- [ ] task\n- [x] done',
      'hard  \nbreak',
    ];
    // Around the nesting limit (64 below the root): quotes, a list and a table at the deepest levels.
    for (const k of [60, 61, 62, 63, 64])
      samples.push(
        `${'>'.repeat(k)} deep *text*`,
        `${'>'.repeat(k - 1)} - item`,
        `${'> '.repeat(k - 2)}| a | b |\n${'> '.repeat(k - 2)}| - | - |\n${'> '.repeat(k - 2)}| 1 | *2* |`,
      );
    for (const [i, text] of samples.entries())
      compare(`sample ${i}`, parseMarkdown(text).children, undefined, tally, text);
    expect(tally.mismatches).toEqual([]);
    expect(tally.fast).toBeGreaterThan(20);
  });

  it('looks for wiki links and alerts only in files whose text can hold them', () => {
    // A text node's `[[` or `[!` is in the file as it is, behind a backslash, or as a character reference.
    for (const text of ['[[Page]]', '![[a.png]]', '> [!note] x', '\\[\\[x]]', '[\\!tip]', '&#91;[x]]', '&lsqb;!note]'])
      expect([text, mayHoldMarkers(text)]).toEqual([text, true]);
    for (const text of ['plain [link](x) and ![img](a.png)', 'a & b, x \\ y', '- [ ] task'])
      expect([text, mayHoldMarkers(text)]).toEqual([text, false]);
    // And where they are, they are found: a wiki link becomes its text, an alert's marker its title.
    const blocks = parseMarkdown('See [[Other page]].\n\n> [!warning] Careful\n> text').children;
    const html = blocksToHtml(blocks, context(undefined));
    expect(html).toContain('See Other page.');
    expect(html).toContain('<strong>Careful</strong>');
  });

  it.runIf(existsSync(CORPORA))('gives the reference string for every note of the shared corpora', async () => {
    const tally: Tally = { cases: 0, fast: 0, mismatches: [] };
    await compareFiles(files(CORPORA), tally);
    expect(tally.mismatches).toEqual([]);
    console.log(`fast card HTML: ${tally.fast} of ${tally.cases} renderings of the corpora`);
  });
});
