import { describe, expect, it } from 'vitest';
import { reorderLine, restoreLogical, type LineInline } from '../src/bidi.js';

// Pieces as pdfmake's TextInlines makes them: a word with its trailing white space, measured here at one unit a
// character, with `trailingCut` the width of that white space.
function pieces(...texts: string[]): LineInline[] {
  let x = 0;
  return texts.map((text) => {
    const trailing = text.length - text.trimEnd().length;
    const inline = { text, width: text.length, x, leadingCut: 0, trailingCut: trailing };
    x += text.length;
    return inline;
  });
}

/** The line as drawn, left to right: each piece's text at its x, white space as the gaps between them. */
function drawn(inlines: LineInline[]): string {
  const chars: string[] = [];
  for (const inline of inlines) {
    [...inline.text].forEach((c, i) => (chars[inline.x + i] = c));
  }
  return Array.from(chars, (c) => c ?? '_').join('');
}

describe('reorderLine', () => {
  it('keeps the space inside a left-to-right phrase of a right-to-left line, and puts the next space on its left', () => {
    // Logical: "ما هو Amazon EC2 ؟" — the phrase reads left to right, the question mark ends the line on the left.
    const line = pieces('ما ', 'هو ', 'Amazon ', 'EC2 ', '؟');
    reorderLine(line, 'rtl', { leading: 0, trailing: 0 });
    expect(drawn(line)).toBe('؟_Amazon_EC2_هو_ما');
    expect(line.map((inline) => inline.text)).toEqual(['ما', 'هو', 'Amazon', 'EC2', '؟']);
  });

  it('separates a parenthesised English word from the Hebrew on both sides by one space each', () => {
    const line = pieces('שרתים ', '(serverless) ', 'שמריץ ', 'קוד');
    reorderLine(line, 'rtl', { leading: 0, trailing: 0 });
    expect(drawn(line)).toBe('קוד_שמריץ_(serverless)_שרתים');
  });

  it('leaves out the white space pdfmake trims at the line end, so the line starts at 0', () => {
    const line = pieces('خدمة ', 'سحابية ');
    reorderLine(line, 'rtl', { leading: 0, trailing: 1 });
    expect(drawn(line)).toBe('سحابية_خدمة');
    expect(Math.min(...line.map((inline) => inline.x))).toBe(0);
  });

  it('orders an Arabic phrase inside an English line right to left, spaces between its words', () => {
    const line = pieces('The ', 'word ', 'خدمة ', 'سحابية ', 'means ', 'cloud');
    reorderLine(line, 'ltr', { leading: 0, trailing: 0 });
    expect(drawn(line)).toBe('The_word_سحابية_خدمة_means_cloud');
  });

  it('puts the punctuation after a left-to-right word at the end of a right-to-left line on the line’s left', () => {
    // Logical: "מה זה UDP?" — by the bidi algorithm the `?` takes the line's direction: it is drawn left of `UDP`.
    const line = pieces('מה ', 'זה ', 'UDP?');
    reorderLine(line, 'rtl', { leading: 0, trailing: 0 });
    expect(drawn(line)).toBe('?UDP_זה_מה');
    // The split-off `?` is a piece of its own, right after `UDP` in logical order.
    expect(line.map((inline) => inline.text)).toEqual(['מה', 'זה', 'UDP', '?']);
  });

  it('mirrors a bracket split off a left-to-right word in a right-to-left line', () => {
    // Logical: "השירות (AWS Lambda)." — the brackets take the Hebrew's direction, so they are drawn mirrored.
    const line = pieces('השירות ', '(AWS ', 'Lambda).');
    reorderLine(line, 'rtl', { leading: 0, trailing: 0 });
    expect(drawn(line)).toBe('.(AWS_Lambda)_השירות');
  });

  it('puts the full stop after an Arabic word at the end of a left-to-right line on the right', () => {
    const line = pieces('The ', 'word ', 'خدمة.');
    reorderLine(line, 'ltr', { leading: 0, trailing: 0 });
    expect(drawn(line)).toBe('The_word_خدمة.');
    expect(line.map((inline) => inline.text)).toEqual(['The', 'word', 'خدمة', '.']);
  });

  it('gives a re-flowed line its inlines back as measured, split pieces joined again', () => {
    const line = pieces('מה ', 'זה ', 'UDP?');
    const before = structuredClone(line);
    reorderLine(line, 'rtl', { leading: 0, trailing: 0 });
    const rest = pieces('עוד');
    const queue = [...line, ...rest];
    restoreLogical(queue);
    expect(queue.slice(0, 3)).toEqual(before);
    expect(queue).toHaveLength(4);
  });

  it('leaves a line with no right-to-left letter as pdfmake laid it out', () => {
    const line = pieces('Amazon ', 'EC2 ', 'instances');
    const before = structuredClone(line);
    reorderLine(line, 'ltr', { leading: 0, trailing: 0 });
    expect(line).toEqual(before);
  });
});
