import { createRequire } from 'node:module';
import type { Bidi } from 'bidi-js';

/** A laid-out piece of a line as pdfmake holds it: its text, width and x offset in the line. */
export interface LineInline {
  text: string;
  width: number;
  x: number;
}

/** Letters that are written right to left: only lines holding one of them need reordering. */
const RTL = /[\p{sc=Arabic}\p{sc=Hebrew}\p{sc=Syriac}\p{sc=Thaana}\p{sc=Nko}]/u;

let bidi: Bidi | null = null;

/**
 * The visual order of a line's pieces by the Unicode Bidirectional Algorithm (UAX #9, via bidi-js): each piece takes
 * the embedding level of its first non-space character, and rule L2 reverses every run at each level from the
 * highest down to the lowest odd one. Returns indices into `texts`, left to right.
 */
export function visualOrder(texts: readonly string[], direction: 'ltr' | 'rtl'): { order: number[]; levels: number[] } {
  // bidi-js's CommonJS build is the factory itself (its types describe the ES build's default export).
  bidi ??= (createRequire(import.meta.url)('bidi-js') as () => Bidi)();
  const text = texts.join('');
  const { levels: charLevels } = bidi.getEmbeddingLevels(text, direction);
  const levels: number[] = [];
  let offset = 0;
  for (const piece of texts) {
    const first = piece.search(/\S/);
    levels.push(charLevels[offset + (first < 0 ? 0 : first)] ?? (direction === 'rtl' ? 1 : 0));
    offset += piece.length;
  }
  const order = texts.map((_, i) => i);
  const max = Math.max(...levels);
  const minOdd = Math.min(...levels.map((l) => (l % 2 === 1 ? l : l + 1)));
  for (let level = max; level >= minOdd; level--) {
    for (let i = 0; i < order.length;) {
      if (levels[order[i]!]! < level) {
        i++;
        continue;
      }
      let j = i;
      while (j < order.length && levels[order[j]!]! >= level) j++;
      order.splice(i, j - i, ...order.slice(i, j).reverse());
      i = j;
    }
  }
  return { order, levels };
}

/**
 * Put a line with right-to-left text in visual order. pdfmake places pieces left to right in logical order; fontkit
 * already draws each right-to-left piece shaped and reversed. This sets each piece's `x` by the bidi visual order
 * (the array stays in logical order, so pdfmake can re-flow it), and moves the trailing space of a piece whose
 * direction is against the paragraph's to its front, where it separates it from the next word visually.
 * `cut` is the white space pdfmake trims at the line's start (its alignment ignores it).
 */
export function reorderLine(
  inlines: LineInline[],
  direction: 'ltr' | 'rtl',
  cut: { leading: number; trailing: number },
): void {
  if (inlines.length === 0 || !inlines.some((inline) => RTL.test(inline.text))) return;
  const { order, levels } = visualOrder(
    inlines.map((inline) => inline.text),
    direction,
  );
  const base = direction === 'rtl' ? 1 : 0;
  inlines.forEach((inline, i) => {
    if (levels[i]! % 2 === base % 2) return;
    const trailing = /\s+$/.exec(inline.text);
    if (trailing) inline.text = trailing[0] + inline.text.slice(0, trailing.index);
  });
  // pdfmake aligns the line as if its trimmed white space were at the logical ends: in a right-to-left line the
  // logical end is visually at the left.
  let x = -(direction === 'rtl' ? cut.trailing : cut.leading);
  for (const i of order) {
    inlines[i]!.x = x;
    x += inlines[i]!.width;
  }
}
