import { buildDocument, sourceFromText } from '@notes/core';
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { cheatSheetPdf } from '../src/exporter.js';
import { EPOCH, openPdf, type PdfPage } from './helpers.js';

const NOTES = `# Inline math

## Layout

### How is inline math set?

Plain words before a fraction $\\frac{1}{N}\\displaystyle\\sum_{i=1}^{N} x_i^2$ in the middle of the line, and then enough words after it that the paragraph wraps onto several lines of the column, which lets the spacing of the lines be compared with and without the tall formula, ending with $p$ alone.

Plain words on the first line of this paragraph, long enough that it wraps onto a second line and then a third line of the column, with nothing tall in it anywhere at all, which gives the normal spacing of lines.

A sum too wide for any column: $a_1 + a_2 + a_3 + a_4 + a_5 + a_6 + a_7 + a_8 + a_9 + a_{10} + a_{11} + a_{12} + a_{13} + a_{14} + a_{15} + a_{16} + a_{17} + a_{18} + a_{19} + a_{20} + a_{21} + a_{22} + a_{23} + a_{24}$ ends here.
`;

let page: PdfPage;
let ops: number[];
let renderModes: number[];

beforeAll(async () => {
  const document = buildDocument(sourceFromText(NOTES, 'notes/math.md', EPOCH));
  const bytes = await cheatSheetPdf([document], { epoch: EPOCH, baseDir: 'notes', warn: () => {} });
  [page] = (await openPdf(bytes)) as [PdfPage];
  const pdf = await getDocument({ data: bytes.slice(), verbosity: 0, isEvalSupported: false }).promise;
  const list = await (await pdf.getPage(1)).getOperatorList();
  ops = list.fnArray;
  renderModes = list.fnArray.flatMap((fn, i) => (fn === OPS.setTextRenderingMode ? [list.argsArray[i][0]] : []));
  await pdf.destroy();
});

/** The text item holding `text` (the invisible TeX of a formula, or a word of the text). */
function item(text: string) {
  const found = page.items.find((i) => i.str.includes(text));
  expect(found, text).toBeDefined();
  return found!;
}

/** Baselines of the lines of text from `from` on, top to bottom (PDF y grows upwards). */
function baselines(from: string, count: number): number[] {
  const start = item(from).y;
  const ys = [...new Set(page.items.map((i) => Math.round(i.y * 100) / 100))].filter((y) => y <= start + 0.01);
  return ys.sort((a, b) => b - a).slice(0, count);
}

describe('inline math in the PDF', () => {
  it('draws each formula as vector paths, its TeX only as invisible text (render mode 3)', () => {
    const paths = ops.filter((op) => op === OPS.constructPath).length;
    // Three formulas: a fraction with a sum (a dozen glyphs and a rule), p, and 24 terms: well over 50 paths.
    expect(paths).toBeGreaterThan(50);
    expect(renderModes).toContain(3);
    expect(page.text).not.toContain('$');
    expect(item('\\frac{1}{N}').str).toContain('\\displaystyle\\sum_{i=1}^{N} x_i^2');
  });

  it('puts the formula on the baseline of the text around it', () => {
    expect(item('\\frac{1}{N}').y).toBeCloseTo(item('before').y, 2);
    expect(item('p').y).toBeDefined();
  });

  it('grows a line for a tall formula, and only that line', () => {
    const [withMath, next, after] = baselines('before', 3) as [number, number, number];
    const [a, b, c] = baselines('first', 3) as [number, number, number];
    const normal = a - b;
    expect(b - c).toBeCloseTo(normal, 1);
    // The sum's limits reach below the baseline further than a line leaves room for: the next line moves down.
    expect(withMath - next).toBeGreaterThan(normal + 0.5);
    expect(next - after).toBeCloseTo(normal, 1);
  });

  it('never breaks a formula, and scales one wider than the column down to it', () => {
    const wide = page.items.filter((i) => i.str.includes('a_'));
    expect(wide.map((i) => Math.round(i.y))).toEqual(wide.map(() => Math.round(wide[0]!.y)));
    expect(wide.map((i) => i.str).join('')).toContain('a_1 + a_2');
    expect(wide.map((i) => i.str).join('')).toContain('a_{24}');
    const left = Math.min(...page.items.map((i) => i.x));
    const columnWidth = (page.width - 32 - 20) / 3;
    const [first] = wide;
    const right = Math.max(...wide.map((i) => i.x + i.width));
    expect(right - first!.x).toBeGreaterThan(columnWidth * 0.9);
    expect(right - first!.x).toBeLessThanOrEqual(columnWidth + 0.01);
    expect(first!.x).toBeGreaterThanOrEqual(left - 0.01);
  });

  it("draws characters MathJax has no glyph for (`\\text{速度}`) in the sheet's font for them, display math too", async () => {
    const notes = '# Speed\n\n## Physics\n\n### What is speed?\n\n$$\n\\text{速度} = d / t\n$$\n';
    const document = buildDocument(sourceFromText(notes, 'notes/speed.md', EPOCH));
    const bytes = await cheatSheetPdf([document], { epoch: EPOCH, baseDir: 'notes', warn: () => {} });
    // Both 速 (drawn in the formula, and in its invisible TeX) are set in Noto Sans JP, none in a font without it.
    const pdf = await getDocument({ data: bytes.slice(), verbosity: 0, isEvalSupported: false }).promise;
    const page = await pdf.getPage(1);
    const { fnArray, argsArray } = await page.getOperatorList();
    const fonts: string[] = [];
    let font = '';
    fnArray.forEach((fn, i) => {
      const args = argsArray[i] as unknown[];
      if (fn === OPS.setFont) font = (page.commonObjs.get(args[0] as string) as { name: string }).name;
      if (fn === OPS.showText)
        for (const glyph of args[0] as { unicode?: string }[]) if (glyph.unicode === '速') fonts.push(font);
    });
    await pdf.destroy();
    expect(fonts).toHaveLength(2);
    for (const name of fonts) expect(name).toMatch(/NotoSansJP/);
  });
});
