import {
  buildDocument,
  clozeProblems,
  findClozes,
  inlineText,
  mapClozes,
  parseMarkdown,
  sourceFromText,
} from '@notes/core';
import type { RootContent } from 'mdast';
import { describe, expect, it } from 'vitest';

function blocks(markdown: string): RootContent[] {
  return parseMarkdown(markdown).children;
}

describe('cloze deletions', () => {
  it('finds both syntaxes and numbers unnumbered clozes around the explicit ones, in reading order', () => {
    const found = findClozes(
      blocks('SQS is ==pull-based== and {{c1::at-least-once::delivery}}; ==2:FIFO== keeps ==order==.\n'),
    );
    expect(found.map(({ group, explicit, syntax, text, hint }) => [group, explicit, syntax, text, hint])).toEqual([
      [3, false, 'highlight', 'pull-based', null],
      [1, true, 'anki', 'at-least-once', 'delivery'],
      [2, true, 'highlight', 'FIFO', null],
      [4, false, 'highlight', 'order', null],
    ]);
    expect(found[0]).toMatchObject({ line: 1, column: 8 });
  });

  it('reads a cloze whose text is formatted, and positions on later lines', () => {
    const found = findClozes(blocks('# T\n\nfirst line\nthen ==**bold** word== here\n'));
    expect(found).toEqual([
      { group: 1, explicit: false, syntax: 'highlight', text: 'bold word', hint: null, line: 4, column: 6 },
    ]);
  });

  it('leaves comparisons, code and longer runs of = alone', () => {
    expect(findClozes(blocks('a == b and `==x==` and x === y\n\n```\n==y==\n```\n'))).toEqual([]);
    expect(clozeProblems(blocks('a == b and `==x==` and x === y\n'))).toEqual([]);
  });

  it('reports unbalanced, empty and nested clozes', () => {
    const problems = clozeProblems(blocks('an ==open one\n\nan {{c1::}} empty\n\n{{c1::outer ==inner== text}}\n'));
    expect(problems.map((p) => [p.kind, p.found, p.line, p.column])).toEqual([
      ['unbalanced', '==', 1, 4],
      ['empty', '{{c1::', 3, 4],
      ['nested', '==', 5, 13],
    ]);
  });

  it('answers the same for the same blocks asked again, each answer a fresh list', () => {
    const body = blocks('an ==open one\n\n==2:two== and ==one==\n');
    const first = { found: findClozes(body), problems: clozeProblems(body) };
    const problems = clozeProblems(body);
    expect(problems).toEqual(first.problems);
    expect(problems).not.toBe(first.problems);
    problems.length = 0;
    expect(clozeProblems(body)).toEqual(first.problems);
    expect(findClozes(body)).toEqual(first.found);
    const marked = mapClozes(body, (content) => [{ type: 'emphasis', children: content }]);
    expect(marked).not.toBe(body);
    expect(findClozes(marked)).toEqual([]);
    // Another list with the same nodes is scanned on its own.
    expect(findClozes([...body])).toEqual(first.found);
  });

  it('rewrites each cloze with what the wrapper makes of it and leaves the input tree as it was', () => {
    const tree = blocks('keep ==1:this **bold**== and {{c2::that::hint}}\n');
    const before = JSON.stringify(tree);
    const out = mapClozes(tree, (content, c) => [
      { type: 'text', value: `[${c.group}${c.hint ? `/${c.hint}` : ''}:` },
      ...content,
      { type: 'text', value: ']' },
    ]);
    expect(inlineText({ type: 'paragraph', children: (out[0] as { children: never[] }).children })).toBe(
      'keep [1:this bold] and [2/hint:that]',
    );
    expect(JSON.stringify(tree)).toBe(before);
    const plain = blocks('no clozes here\n');
    expect(mapClozes(plain, () => [])[0]).toBe(plain[0]);
  });

  it('puts the clozes of an answer into the dataset note, and nothing when there are none', async () => {
    const { toDataset } = await import('@notes/core');
    const doc = buildDocument(
      sourceFromText('# T\n\n## Topic\n\n### Q1\n\nIt is ==pull==.\n\n### Q2\n\nNone.\n', 'a.md'),
    );
    const notes = toDataset([doc]).notes;
    expect(notes.find((n) => n.title === 'Q1')?.clozes).toEqual([
      { group: 1, explicit: false, syntax: 'highlight', text: 'pull', hint: null, line: 7, column: 7 },
    ]);
    expect(notes.find((n) => n.title === 'Q2')).not.toHaveProperty('clozes');
  });
});
