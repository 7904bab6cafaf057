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
    levels.push(levelAt(piece, charLevels, offset, direction));
    offset += piece.length;
  }
  return { order: reorderByLevels(levels), levels };
}

/** The level of a piece starting at `offset`: its first character that is not white space, else its first. */
function levelAt(piece: string, charLevels: Uint8Array, offset: number, direction: 'ltr' | 'rtl'): number {
  const first = piece.search(/\S/);
  return charLevels[offset + (first < 0 ? 0 : first)] ?? (direction === 'rtl' ? 1 : 0);
}

/** Rule L2: reverse every run at each level, from the highest down to the lowest odd one. Indices, left to right. */
function reorderByLevels(levels: readonly number[]): number[] {
  const order = levels.map((_, i) => i);
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
  return order;
}

/** One part of a piece for reordering: its leading white space, a run of its words at one level, or its trailing white space. */
interface Part {
  inline: number;
  text: string;
  width: number;
  body: boolean;
  level: number;
}

/** The width of a piece of an inline's text, in the inline's font (pdfmake's `widthOfText`). */
export type Measure = (text: string, inline: LineInline) => number;

/** Without a measure (in tests), a run takes its share of the words' width by its number of characters. */
const proportional =
  (words: string, width: number): ((run: string) => number) =>
  (run) =>
    (width * run.length) / words.length;

/**
 * Put a line with right-to-left text in visual order. pdfmake places pieces left to right in logical order; fontkit
 * already draws each right-to-left piece shaped and reversed. Each piece is split into its white space and its words,
 * which the bidi algorithm orders separately: the space between two right-to-left words stays between them, and the
 * space after the last word of a left-to-right phrase in a right-to-left line goes to the phrase's left, where the
 * next word is. A piece whose characters the algorithm puts at different levels (`UDP?` ending a Hebrew sentence:
 * the `?` goes to the line's left end, not after `UDP`; `(AWS)` in Arabic) is split into one inline per level, each
 * measured with `measure`; a split-off run of punctuation at a right-to-left level is reversed and mirrored (rules L2
 * and L4), since fontkit draws it as left-to-right text. Each piece then keeps only its words (white space draws
 * nothing: its width stays in the line as a gap where the algorithm puts it), at the `x` of its words; the array
 * stays in logical order, so pdfmake can re-flow it. `cut` is the white space pdfmake trims at the line's logical
 * ends (its alignment ignores it).
 */
export function reorderLine(
  inlines: LineInline[],
  direction: 'ltr' | 'rtl',
  cut: { leading: number; trailing: number },
  measure?: Measure,
): void {
  if (inlines.length === 0 || !inlines.some((inline) => RTL.test(inline.text))) return;
  bidi ??= (createRequire(import.meta.url)('bidi-js') as () => Bidi)();
  const { levels: charLevels } = bidi.getEmbeddingLevels(inlines.map((inline) => inline.text).join(''), direction);
  for (const inline of inlines) if (!logical.has(inline)) logical.set(inline, { ...inline });
  const pieces: LineInline[] = [];
  const clones = new Map<LineInline, LineInline[]>();
  const parts: Part[] = [];
  let offset = 0;
  for (const inline of inlines) {
    const words = inline.text.trim();
    const index = pieces.push(inline) - 1;
    if (words === '') {
      parts.push({
        inline: index,
        text: inline.text,
        width: inline.width,
        body: false,
        level: levelAt(inline.text, charLevels, offset, direction),
      });
      offset += inline.text.length;
      continue;
    }
    const start = inline.text.indexOf(words);
    const lead = inline.text.slice(0, start);
    const trail = inline.text.slice(start + words.length);
    const leadWidth = lead ? Math.max(0, inline.leadingCut ?? 0) : 0;
    const trailWidth = trail ? Math.max(0, inline.trailingCut ?? 0) : 0;
    const width = Math.max(0, inline.width - leadWidth - trailWidth);
    if (lead)
      parts.push({
        inline: index,
        text: lead,
        width: leadWidth,
        body: false,
        level: levelAt(lead, charLevels, offset, direction),
      });
    const runs = levelRuns(words, charLevels, offset + start);
    if (runs.length === 1) {
      parts.push({ inline: index, text: words, width, body: true, level: runs[0]!.level });
    } else {
      const widthOf = measure ? (run: string) => measure(run, inline) : proportional(words, width);
      runs.forEach(({ text, level }, r) => {
        const drawnText = level % 2 === 1 && !RTL.test(text) ? mirrored(text) : text;
        let at = index;
        if (r > 0) {
          const clone = { ...inline, text: drawnText, leadingCut: 0, trailingCut: 0 };
          splitOff.add(clone);
          clones.set(inline, [...(clones.get(inline) ?? []), clone]);
          at = pieces.push(clone) - 1;
        }
        parts.push({ inline: at, text: drawnText, width: widthOf(text), body: true, level });
      });
    }
    if (trail)
      parts.push({
        inline: index,
        text: trail,
        width: trailWidth,
        body: false,
        level: levelAt(trail, charLevels, offset + start + words.length, direction),
      });
    offset += inline.text.length;
  }
  const order = reorderByLevels(parts.map((part) => part.level));
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
    const inline = pieces[part.inline]!;
    if (part.body) {
      inline.text = part.text;
      inline.width = part.width;
      inline.x = x;
    } else if (inline.text.trim() === '') {
      inline.x = x;
    }
    x += part.width;
  }
  if (clones.size > 0) {
    // Split pieces go right after the piece they came from, keeping the array in logical order.
    inlines.splice(0, inlines.length, ...inlines.flatMap((inline) => [inline, ...(clones.get(inline) ?? [])]));
  }
}

/** Each reordered inline as pdfmake measured it, and the inlines split off from one. */
const logical = new WeakMap<LineInline, LineInline>();
const splitOff = new WeakSet<LineInline>();

/**
 * pdfmake re-flows a line that does not fit under a column break: it puts the line's inlines back in front of the
 * paragraph's rest and builds the line again. Undo `reorderLine` on those first: each inline gets back its text,
 * width and cuts as measured, and the pieces split off from it go. Only the front of the list can have been laid out.
 */
export function restoreLogical(inlines: LineInline[]): void {
  let i = 0;
  while (i < inlines.length) {
    const inline = inlines[i]!;
    if (splitOff.has(inline)) {
      inlines.splice(i, 1);
      continue;
    }
    const saved = logical.get(inline);
    if (!saved) break;
    Object.assign(inline, saved);
    logical.delete(inline);
    i++;
  }
}

/** The runs of one level in `words`, which starts at `from` in the line's text. */
function levelRuns(words: string, levels: Uint8Array, from: number): { text: string; level: number }[] {
  const runs: { text: string; level: number }[] = [];
  let begin = 0;
  for (let i = 1; i <= words.length; i++) {
    if (i < words.length && levels[from + i] === levels[from + begin]) continue;
    // A surrogate pair or a combining mark never starts a run: it stays with the character before it.
    if (i < words.length && /[\p{M}\uDC00-\uDFFF]/u.test(words[i]!)) continue;
    runs.push({ text: words.slice(begin, i), level: levels[from + begin] ?? 0 });
    begin = i;
  }
  return runs;
}

/** A run of punctuation at a right-to-left level, as drawn left to right: reversed, each bracket mirrored. */
function mirrored(text: string): string {
  return [...text]
    .reverse()
    .map((c) => bidi!.getMirroredCharacter(c) ?? c)
    .join('');
}
