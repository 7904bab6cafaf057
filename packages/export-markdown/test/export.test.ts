import type { BlockContent, RootContent } from 'mdast';
import { describe, expect, it } from 'vitest';
import { buildDocument, sourceFromText } from '@notes/core';
import * as api from '@notes/export-markdown';
import { markdownExporter, outputPaths, renderMarkdown, wordCounts, wordDiff } from '@notes/export-markdown';

const render = (text: string, path = 'notes/a.md'): string => renderMarkdown(buildDocument(sourceFromText(text, path)));
const doc = (path: string, absolutePath = path) => ({
  ...buildDocument(sourceFromText('# T\n', path)),
  file: { ...sourceFromText('# T\n', path), absolutePath },
});

describe('the package', () => {
  it('exports exactly the documented API', () => {
    expect(Object.keys(api).sort()).toEqual([
      'LEVELS',
      'MARKDOWN_FOLDER',
      'MAX_SETTLE_PASSES',
      'cleanTree',
      'finish',
      'markdownExporter',
      'outputPaths',
      'renderMarkdown',
      'renderMarkdownReport',
      'serialize',
      'wordCounts',
      'wordDiff',
    ]);
  });

  it('describes itself as the md exporter writing text', () => {
    expect(markdownExporter.format).toBe('md');
    expect(markdownExporter.extension).toBe('md');
    expect(markdownExporter.binary).toBe(false);
  });

  it('returns one file per document, under markdown/, mirroring the input paths', async () => {
    const documents = [doc('notes/a.md', '/w/notes/a.md'), doc('notes/sub/b.md', '/w/notes/sub/b.md')];
    const files = await markdownExporter.export(documents, { epoch: 0, baseDir: '/w/notes', warn: () => {} });
    expect(files.map((f) => f.path)).toEqual(['markdown/a.md', 'markdown/sub/b.md']);
    expect(files.map((f) => f.data)).toEqual(['# T\n', '# T\n']);
  });
});

describe('output paths', () => {
  it('are relative to the folder the notes live in', () => {
    expect(outputPaths([doc('examples/raw/x.raw.md', '/r/examples/raw/x.raw.md')], '/r/examples/raw')).toEqual([
      'markdown/x.raw.md',
    ]);
  });

  it('fall back to the deepest folder common to the paths', () => {
    expect(outputPaths([doc('a/b/x.md'), doc('a/c/y.md')], 'relative')).toEqual(['markdown/b/x.md', 'markdown/c/y.md']);
    expect(outputPaths([doc('a/b/x.md')])).toEqual(['markdown/x.md']);
  });

  it('never leave the output folder', () => {
    expect(outputPaths([doc('../../etc/x.md', '/etc/x.md')], '/home/u')).toEqual(['markdown/x.md']);
    expect(outputPaths([doc('../up.md'), doc('down/x.md')])).toEqual(['markdown/up.md', 'markdown/down/x.md']);
  });

  it('number clashing names instead of overwriting', () => {
    expect(outputPaths([doc('n/a/x.md'), doc('n/a/x.md')])).toEqual(['markdown/x.md', 'markdown/x-2.md']);
  });
});

describe('structure', () => {
  it('writes the title as #, topics as ##, questions as ### and keeps the numbering emoji', () => {
    const out = render('### Notes\n#### 1️⃣ First\n#### Why?\nA.\n#### 2️⃣ Second\n#### How?\nB.\n');
    expect(out).toBe('# Notes\n\n## 1️⃣ First\n\n### Why?\n\nA.\n\n## 2️⃣ Second\n\n### How?\n\nB.\n');
  });

  it('re-levels sub-headings below their question, keeping nesting and closing skipped levels (no topics: questions at ##)', () => {
    const out = render('# T\n\n## Q1\n\n##### deep\n\n###### deeper\n\n##### deep again\n\n## Q2\n\nx\n\n## Q3\n\ny\n');
    expect(out).toBe('# T\n\n## Q1\n\n### deep\n\n#### deeper\n\n### deep again\n\n## Q2\n\nx\n\n## Q3\n\ny\n');
  });

  it('turns a stray heading at or above the question level inside a question into ####', () => {
    const seedLike =
      '### **Title**\n#### **1️⃣ Topic**\n#### **Question one**\ntext\n### **Stray**\nmore\n#### **Question two**\ny\n';
    const out = render(seedLike);
    expect(out.split('\n').filter((l) => l.startsWith('#'))).toEqual([
      '# **Title**',
      '## **1️⃣ Topic**',
      '### **Question one**',
      '#### **Stray**',
      '### **Question two**',
    ]);
  });

  it('keeps front matter as written, before the title', () => {
    const out = render('---\ntitle: AWS\ntags: [aws, exam]\n---\n# AWS\n\n## Q?\n\nA.\n');
    expect(out).toBe('---\ntitle: AWS\ntags: [aws, exam]\n---\n\n# AWS\n\n## Q?\n\nA.\n');
  });

  it('does not invent a title the notes do not have', () => {
    expect(render('### Q1?\n\nA.\n\n### Q2?\n\nB.\n')).toBe('## Q1?\n\nA.\n\n## Q2?\n\nB.\n');
  });
});

describe('tables', () => {
  it('makes every row as wide as the header with a uniform delimiter row', () => {
    const out = render('| a | b | c |\n|---|:-|--:|\n| 1 |\n| 1 | 2 | 3 |\n');
    expect(out).toBe('| a | b | c |\n| --- | :-- | --: |\n| 1 |  |  |\n| 1 | 2 | 3 |\n');
  });

  it('keeps the words of cells past the header width in the last cell', () => {
    const out = render('| a | b |\n|---|---|\n| 1 | 2 | 3 |\n');
    expect(out).toBe('| a | b |\n| --- | --- |\n| 1 | 2 \\| 3 |\n');
    expect(wordDiff('1 2 3', out).lost.size).toBe(0);
  });

  it('keeps escaped pipes, code and emphasis in cells as written', () => {
    const out = render('| x | y |\n|-|-|\n| `a \\| b` | *e* __s__ |\n');
    expect(out).toBe('| x | y |\n| --- | --- |\n| `a \\| b` | *e* __s__ |\n');
  });
});

describe('inline content is copied, not re-escaped', () => {
  it('keeps escapes, entities, emphasis markers and bare URLs exactly', () => {
    const text =
      'snake_case and snake\\_case, 2 * 3 \\* 4, &amp; &copy;, _em_ *em* __strong__, www.example.com/“x” <https://a.b>\n';
    expect(render(text)).toBe(text);
  });

  it('writes hard breaks as a backslash instead of trailing spaces', () => {
    expect(render('one  \ntwo\\\nthree\n')).toBe('one\\\ntwo\\\nthree\n');
  });

  it('indents a continuation line that would otherwise start a new block', () => {
    const out = render('- item\n  text\n      # not a heading\n');
    expect(out).toBe('- item\n  text\n      # not a heading\n');
    expect(render(out)).toBe(out);
  });
});

describe('blocks', () => {
  it('keeps >> callouts in the user’s style, each separated', () => {
    const out = render('>> Note: one\n\n>> Note: two\n\n> plain\n');
    expect(out).toBe('>> Note: one\n\n>> Note: two\n\n> plain\n');
  });

  it('writes bullets as -, keeps ordered numbers and delimiters as written', () => {
    expect(render('* a\n* b\n\n+ c\n')).toBe('- a\n- b\n\n* c\n');
    expect(render('1. a\n1. b\n1. c\n')).toBe('1. a\n1. b\n1. c\n');
    expect(render('3) a\n4) b\n')).toBe('3) a\n4) b\n');
  });

  it('keeps task list boxes', () => {
    expect(render('- [ ] todo\n- [x] done\n')).toBe('- [ ] todo\n- [x] done\n');
  });

  it('keeps fences and indented code as in the source', () => {
    expect(render('~~~js\nlet a = 1;\n~~~\n')).toBe('~~~js\nlet a = 1;\n~~~\n');
    expect(render('```\nx\n```\n')).toBe('```\nx\n```\n');
    expect(render('para\n\n    indented\n')).toBe('para\n\n    indented\n');
  });

  it('removes trailing white space, ends with one newline, writes LF, drops the BOM', () => {
    expect(render('\uFEFF# T  \r\n\r\ntext   \r\n\r\n\r\n')).toBe('# T\n\ntext\n');
    expect(render('')).toBe('');
    expect(render('# T\r\r```\rcode\r```\r')).toBe('# T\n\n```\ncode\n```\n');
  });
});

describe('words', () => {
  it('counts letters, digits and marks, not markup', () => {
    expect([...wordCounts('**AWS’s** `1️⃣` snake\\_case')]).toEqual([
      ['AWS', 1],
      ['s', 1],
      ['1️⃣', 1],
      ['snake', 1],
      ['case', 1],
    ]);
  });
});

describe('task lists', () => {
  it('writes the box once, as written, also before code', () => {
    const text = '- [x] `CreationPolicy` with a timeout.\n- [ ] `Other`.\n- [X] upper\n';
    expect(render(text)).toBe(text);
  });
});

describe('bad input', () => {
  it('writes a document nested too deeply to normalize as its text, with a warning', async () => {
    // Parsing hundreds of nested lists takes @notes/core many seconds, so the deep tree is built directly.
    const text = '> > > deep  \n';
    const document = buildDocument(sourceFromText(text, 'deep.md'));
    let node: RootContent = { type: 'paragraph', children: [{ type: 'text', value: 'x' }] };
    for (let i = 0; i < 20_000; i++) node = { type: 'blockquote', children: [node as BlockContent] };
    const deep = { ...document, tree: { type: 'root' as const, children: [node] } };
    const warnings: string[] = [];
    const options = { epoch: 0, baseDir: '/', warn: (m: string) => void warnings.push(m) };
    const [file] = await markdownExporter.export([deep], options);
    expect(file!.data).toBe('> > > deep\n');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^deep\.md: nested too deeply/);
  });

  it('normalizes 64 quote levels but writes 65 as the text, before serializing them (a staircase took 19 s and 2.4 GB)', async () => {
    const options = (warnings: string[]) => ({ epoch: 0, baseDir: '/', warn: (m: string) => void warnings.push(m) });
    for (const [levels, normalized] of [
      [64, true],
      [65, false],
    ] as const) {
      const text = `# T\n\n## Q?\n\n${'>'.repeat(levels)} deep\n`;
      const warnings: string[] = [];
      const [file] = await markdownExporter.export([buildDocument(sourceFromText(text, 'deep.md'))], options(warnings));
      if (normalized) {
        expect(file!.data).toContain(`${'>'.repeat(levels)} deep\n`);
        expect(warnings).toEqual([]);
      } else {
        expect(file!.data).toBe(text);
        expect(warnings).toEqual([
          'deep.md: nested too deeply to normalize (more than 64 quote or list levels); its clean copy is the repaired text as written',
        ]);
      }
    }
  });

  it('keeps front matter only, empty or broken front matter as written', () => {
    expect(render('---\ntitle: x\n---\n')).toBe('---\ntitle: x\n---\n');
    expect(render('---\n---\n')).toBe('---\n---\n');
    expect(render('---\ntitle: [x\n---\n# T\n')).toBe('---\ntitle: [x\n---\n\n# T\n');
  });
});

describe('comments', () => {
  it('keeps a comment directly above the block it applies to', () => {
    const text =
      '# T\n\n<!-- notes-disable-next-line text/chat-residue -->\nGreat question! Here it is.\n\n<!-- loose -->\n\ntext\n';
    expect(render(text)).toBe(text);
  });
});

describe('finish', () => {
  /** The rule as first written: split into lines, trim each, join, drop the blank lines at the ends. */
  const reference = (text: string): string => {
    const body = text
      .replace(/\r\n?/g, '\n')
      .split('\n')
      .map((l) => l.replace(/[ \t\r]+$/, ''))
      .join('\n')
      .replace(/^\n+/, '')
      .replace(/\n+$/, '');
    return body === '' ? '' : `${body}\n`;
  };

  it('gives the same text as splitting into lines and trimming each, on 3,000 random texts', () => {
    const pieces = ['a', 'b c', ' ', '  ', '\t', '\r', '\n', '\r\n', '\n\n', '\u2028', 'é', '\\'];
    let seed = 7;
    const next = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let k = 0; k < 3000; k++) {
      let text = '';
      const n = Math.floor(next() * 24);
      for (let i = 0; i < n; i++) text += pieces[Math.floor(next() * pieces.length)];
      expect(JSON.stringify(api.finish(text)), JSON.stringify(text)).toBe(JSON.stringify(reference(text)));
    }
    expect(api.finish(' \n\t\n')).toBe('');
    expect(api.finish('\n a  \n\nb\t\r\n\n')).toBe(' a\n\nb\n');
  });
});
