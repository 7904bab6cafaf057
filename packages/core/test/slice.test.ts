import type { RootContent } from 'mdast';
import { describe, expect, it } from 'vitest';
import { sliceMarkdown } from '../src/slice.js';

/** The definition: the source of the blocks, each line without trailing spaces or tabs, lines joined by `\n`. */
function reference(text: string, from: number, to: number): string {
  return text
    .slice(from, to)
    .split(/\r?\n/)
    .map((l) => l.replace(/[ \t]+$/, ''))
    .join('\n');
}

const block = (from: number, to: number): RootContent => ({
  type: 'thematicBreak',
  position: { start: { line: 1, column: 1, offset: from }, end: { line: 1, column: 1, offset: to } },
});

describe('sliceMarkdown', () => {
  it('slices the blocks’ source and cleans line ends exactly as the definition', () => {
    const texts = [
      'plain\ntext\n',
      'trailing  \nspaces\t\nend ',
      'crlf\r\nlines\r\n',
      'lone\rcarriage \r',
      'tab\t\r\nmixed \n\n  indented\n',
      '',
    ];
    for (const text of texts) {
      for (let from = 0; from <= text.length; from++) {
        for (let to = from; to <= text.length; to++) {
          expect(sliceMarkdown(text, [block(from, to)]), JSON.stringify([text, from, to])).toBe(
            reference(text, from, to),
          );
        }
      }
    }
    expect(sliceMarkdown('a  \r\nb', [block(0, 2), block(5, 6)])).toBe('a\nb');
    expect(sliceMarkdown('abc', [])).toBe('');
  });
});
