import { createRequire } from 'node:module';
import type { Bidi } from 'bidi-js';

/**
 * A laid-out piece of a line as pdfmake holds it: its text, width and x offset in the line, and the widths of its
 * leading and trailing white space (pdfmake's `leadingCut` and `trailingCut`).
 */
export interface LineInline {
  text: string;
  width: number;
  x: number;
  leadingCut?: number;
  trailingCut?: number;
}

/** Letters that are written right to left: only lines holding one of them need reordering. */
const RTL = /[\p{sc=Arabic}\p{sc=Hebrew}\p{sc=Syriac}\p{sc=Thaana}\p{sc=Nko}]/u;

let bidi: Bidi | null = null;

/**
 * The visual order of a line's pieces by the Unicode Bidirectional Algorithm (UAX #9, via bidi-js): each piece takes
 * the embedding level of its first character (pass white space and words as separate pieces: white space takes the
 * level of the text around it), and rule L2 reverses every run at each level from the highest down to the lowest
 * odd one. Returns indices into `texts`, left to right.
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

/** One part of a piece for reordering: its leading white space, its words, or its trailing white space. */
interface Part {
  inline: number;
  text: string;
  width: number;
  body: boolean;
}

/**
 * Put a line with right-to-left text in visual order. pdfmake places pieces left to right in logical order; fontkit
 * already draws each right-to-left piece shaped and reversed. Each piece is split into its white space and its words,
 * which the bidi algorithm orders separately: the space between two right-to-left words stays between them, and the
 * space after the last word of a left-to-right phrase in a right-to-left line goes to the phrase's left, where the
 * next word is. Each piece then keeps only its words (white space draws nothing: its width stays in the line as a
 * gap where the algorithm puts it), at the `x` of its words; the array stays in logical order, so pdfmake can
 * re-flow it. `cut` is the white space pdfmake trims at the line's logical ends (its alignment ignores it).
 */
export function reorderLine(
  inlines: LineInline[],
  direction: 'ltr' | 'rtl',
  cut: { leading: number; trailing: number },
): void {
  if (inlines.length === 0 || !inlines.some((inline) => RTL.test(inline.text))) return;
  const parts: Part[] = [];
  inlines.forEach((inline, i) => {
    const words = inline.text.trim();
    if (words === '') {
      parts.push({ inline: i, text: inline.text, width: inline.width, body: false });
      return;
    }
    const start = inline.text.indexOf(words);
    const lead = inline.text.slice(0, start);
    const trail = inline.text.slice(start + words.length);
    const leadWidth = lead ? Math.max(0, inline.leadingCut ?? 0) : 0;
    const trailWidth = trail ? Math.max(0, inline.trailingCut ?? 0) : 0;
    if (lead) parts.push({ inline: i, text: lead, width: leadWidth, body: false });
    parts.push({ inline: i, text: words, width: Math.max(0, inline.width - leadWidth - trailWidth), body: true });
    if (trail) parts.push({ inline: i, text: trail, width: trailWidth, body: false });
  });
  const { order } = visualOrder(
    parts.map((part) => part.text),
    direction,
  );
  // The white space trimmed at the line's logical start and end lies outside the aligned line: leave it out.
  const first = parts[0]!;
  const last = parts[parts.length - 1]!;
  const trimmed = new Set<Part>();
  if (!first.body && cut.leading > 0) trimmed.add(first);
  if (!last.body && cut.trailing > 0) trimmed.add(last);
  let x = 0;
  for (const index of order) {
    const part = parts[index]!;
    if (trimmed.has(part)) continue;
    const inline = inlines[part.inline]!;
    if (part.body) {
      inline.text = part.text;
      inline.width = part.width;
      inline.x = x;
    } else if (inline.text.trim() === '') {
      inline.x = x;
    }
    x += part.width;
  }
}
