import { createRequire } from 'node:module';

/**
 * Inline math as a piece of a line of text: the definition carries MathJax's SVG in ems (`notesMath` on a text
 * run whose text is the TeX), the adapter gives the run the formula's width when pdfmake measures it, keeps it
 * whole when lines are broken, grows the line for a tall formula, and draws the SVG's paths on the line's
 * baseline when the line is rendered, with the TeX as invisible text over it (so the formula can be found and
 * copied as it was written).
 */

/** A formula in a text run, in ems of the run's font size (MathJax's `MathSvg` at size 1). */
export interface InlineMath {
  svg: string;
  width: number;
  height: number;
  ascent: number;
  depth: number;
  /** The TeX in font runs, for the invisible text layer: every character on a font that has it. */
  text: { text: string; font: string }[];
}

/** A run of a line as pdfmake measured it (only what the math needs). */
export interface MeasuredInline {
  text: string;
  width: number;
  height: number;
  x: number;
  fontSize: number;
  color?: string;
  link?: string | null;
  leadingCut?: number;
  trailingCut?: number;
  font: { ascender: number };
  notesMath?: InlineMath;
  /** Points per em of the formula, set when measured (and lowered when it must shrink to fit a line). */
  notesMathScale?: number;
}

/**
 * MathJax's TeX fonts have an x-height of 0.442 em, IBM Plex Sans Condensed 0.516 em: inline math is scaled so
 * its x-height matches the text's (what MathJax does in a browser with `matchFontHeight`).
 */
export const INLINE_MATH_SCALE = 0.516 / 0.442;
/**
 * How far (em) a formula may reach above the baseline before its line grows: the line's ascender (1.025 em)
 * less where the descenders of the line above reach into it (0.22 em deep, 0.17 em of them below their own line).
 */
export const MATH_ROOM_ABOVE = 0.95;
/**
 * How far (em) a formula may reach below the baseline before its line grows: the line's descent (0.17 em at
 * line height 0.92) plus the room above the next line's tallest letters (0.74 em under its 1.025 em ascender).
 */
export const MATH_ROOM_BELOW = 0.42;

/** Give a measured math run the formula's size: its width, no white space to trim. */
export function measureMath(item: MeasuredInline): void {
  const math = item.notesMath;
  if (!math) return;
  item.notesMathScale = item.fontSize * INLINE_MATH_SCALE;
  item.width = math.width * item.notesMathScale;
  item.leadingCut = 0;
  item.trailingCut = 0;
}

/** A formula wider than the room a line has is scaled down to fit it (it cannot be broken). */
export function fitMath(item: MeasuredInline | undefined, available: number): void {
  if (!item?.notesMath || !item.notesMathScale || item.width <= available || available <= 0) return;
  item.notesMathScale *= available / item.width;
  item.width = available;
}

export function hasMath(inlines: readonly MeasuredInline[]): boolean {
  return inlines.some((inline) => inline.notesMath);
}

/**
 * The ascender (top of the line to its baseline) and height of a line with math: the text's, grown by whatever
 * a formula reaches past the room a normal line leaves it above and below the baseline.
 */
export function mathLineMetrics(inlines: readonly MeasuredInline[]): { ascender: number; height: number } {
  let ascender = 0;
  let descent = 0;
  for (const inline of inlines) {
    let up = (inline.font.ascender / 1000) * inline.fontSize;
    let down = (inline.height || 0) - up;
    const math = inline.notesMath;
    if (math && inline.notesMathScale) {
      up += Math.max(0, math.ascent * inline.notesMathScale - MATH_ROOM_ABOVE * inline.fontSize);
      down += Math.max(0, math.depth * inline.notesMathScale - MATH_ROOM_BELOW * inline.fontSize);
    }
    ascender = Math.max(ascender, up);
    descent = Math.max(descent, down);
  }
  return { ascender, height: ascender + descent };
}

/** How far (points) a formula at `size` grows its line, for the layout's height estimates. */
export function mathLineGrowth(math: Pick<InlineMath, 'ascent' | 'depth'>, size: number): number {
  const scale = size * INLINE_MATH_SCALE;
  return (
    Math.max(0, math.ascent * scale - MATH_ROOM_ABOVE * size) + Math.max(0, math.depth * scale - MATH_ROOM_BELOW * size)
  );
}

/** The narrowest horizontal scaling of the invisible TeX (below it the text is set smaller instead). */
export const MIN_TEXT_SQUEEZE = 0.6;

/** The part of pdfkit's document the drawing uses. */
export interface PdfKitDocument {
  save(): PdfKitDocument;
  restore(): PdfKitDocument;
  addContent(content: string): PdfKitDocument;
  fontSize(size: number): PdfKitDocument;
  link(x: number, y: number, w: number, h: number, url: string): PdfKitDocument;
  provideFont(
    name: string,
    bold: boolean,
    italics: boolean,
  ): { ascender: number; widthOfString(s: string, size: number): number };
  resolveColor(color: unknown, fallback: string): unknown;
  _font: unknown;
}

type SvgToPdf = (doc: unknown, svg: string, x: number, y: number, options: Record<string, unknown>) => void;
let svgToPdf: SvgToPdf | null = null;

/**
 * Draw a measured math run at `x` with its baseline at `baseline`: MathJax's paths, in the run's colour, then the
 * TeX as invisible text (render mode 3) squeezed to the formula's width, so text extraction and search find the
 * formula where it is drawn. `text` is pdfkit's own `text` (the adapter intercepts the document's).
 */
export function drawMath(
  doc: PdfKitDocument,
  inline: MeasuredInline,
  x: number,
  baseline: number,
  text: (this: PdfKitDocument, text: string, x: number, y: number, options: object) => unknown,
  fontCallback: (family: string, bold: boolean, italic: boolean) => string,
): void {
  const math = inline.notesMath!;
  const scale = inline.notesMathScale ?? inline.fontSize * INLINE_MATH_SCALE;
  const width = math.width * scale;
  const height = math.height * scale;
  const top = baseline - math.ascent * scale;
  const colour = typeof inline.color === 'string' ? inline.color : 'black';
  const svg = math.svg
    .replace(/ width="[^"]*"/, ` width="${width.toFixed(3)}"`)
    .replace(/ height="[^"]*"/, ` height="${height.toFixed(3)}"`)
    .replace(/currentColor/g, colour);
  svgToPdf ??= (createRequire(import.meta.url)('pdfmake/js/3rd-party/svg-to-pdfkit.js') as { default: SvgToPdf })
    .default;
  svgToPdf(doc, svg, x, top, { width, height, assumePt: true, fontCallback });
  if (inline.link) doc.link(x, top, width, height, inline.link);
  const runs = math.text.map((run) => {
    const font = doc.provideFont(run.font, false, false);
    return { run, font, natural: font.widthOfString(run.text, inline.fontSize) };
  });
  const natural = runs.reduce((sum, r) => sum + r.natural, 0);
  if (natural <= 0) return;
  // The TeX is mostly longer than its drawing: squeeze it, but no narrower than MIN_TEXT_SQUEEZE (text
  // extraction drops a character that starts within 0.1 em of an identical one, `}}`), then make it smaller.
  const fit = width / natural;
  const squeeze = Math.max(fit, MIN_TEXT_SQUEEZE);
  const size = inline.fontSize * (fit / squeeze);
  doc.save();
  doc.addContent('3 Tr');
  let at = x;
  for (const { run, font, natural: w } of runs) {
    doc._font = font;
    doc.fontSize(size);
    const y = baseline - (font.ascender / 1000) * size;
    const drawn = w * fit;
    text.call(doc, run.text, at, y, {
      lineBreak: false,
      textWidth: drawn,
      wordCount: 1,
      horizontalScaling: squeeze * 100,
    });
    at += drawn;
  }
  doc.restore();
}
