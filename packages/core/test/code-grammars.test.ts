import { readFileSync } from 'node:fs';
import type { Nodes, Root } from 'mdast';
import { describe, expect, it } from 'vitest';
import { codeGrammar, codeGrammars, parseMarkdown } from '../src/index.js';
import { markdownFiles, RAW_NOTES } from '../../../test/helpers/corpora.js';

/** Every node's code block, the whole tree walked: what `codeGrammars` must find without visiting inline nodes. */
function everyGrammar(tree: Root): Set<string> {
  const out = new Set<string>();
  const visit = (n: Nodes): void => {
    if (n.type === 'code') {
      const g = codeGrammar(n.lang);
      if (g) out.add(g);
    }
    if ('children' in n) for (const c of n.children as Nodes[]) visit(c);
  };
  visit(tree);
  return out;
}

describe('codeGrammars', () => {
  it('finds code blocks at the top, in quotes and in nested list items, not in inline code', () => {
    const text = [
      '# Notes',
      '',
      '```python',
      'x = 1',
      '```',
      '',
      '> ```sql',
      '> select 1',
      '> ```',
      '',
      '- item',
      '  - nested',
      '',
      '    ```bash',
      '    echo hi',
      '    ```',
      '',
      'A paragraph with `inline` code and a | table |.',
      '',
      '| a | b |',
      '| - | - |',
      '| `js` | **x** |',
    ].join('\n');
    expect([...codeGrammars([parseMarkdown(text)])].sort()).toEqual(['bash', 'python', 'sql']);
  });

  it('gives what a walk of every node gives, on the raw notes and corpora files with fences', () => {
    // The first 60 corpora files with a fence (parsing all of them is the differential test's work).
    const texts = [RAW_NOTES, ...markdownFiles()]
      .map((file) => [file, readFileSync(file, 'utf8')] as const)
      .filter(([file, text]) => file === RAW_NOTES || /^\s*(?:[-*+>]\s*)*(?:```|~~~)/m.test(text))
      .slice(0, 61);
    let withCode = 0;
    for (const [file, text] of texts) {
      const tree = parseMarkdown(text);
      const expected = everyGrammar(tree);
      if (expected.size > 0) withCode++;
      expect([...codeGrammars([tree])].sort(), file).toEqual([...expected].sort());
    }
    expect(withCode).toBeGreaterThan(0);
  });
});
