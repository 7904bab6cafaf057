import { createRequire } from 'node:module';
import { cheatSheetPdf, planCheatSheet, printShare, type ContentObject } from '@notes/export-pdf';
import { describe, expect, it, vi } from 'vitest';
import { EPOCH, fixtureDocument, openPdf, type PdfPage } from './helpers.js';

const require = createRequire(import.meta.url);
const { default: LayoutBuilder } = require('pdfmake/js/LayoutBuilder.js') as {
  default: { prototype: { layoutDocument(content: unknown): unknown } };
};

/** The footer's words on a page (the lowest line): the title's at the left, `page n / N` at the right. */
function footer(page: PdfPage) {
  const y = Math.min(...page.items.map((i) => i.y));
  const words = page.items.filter((i) => Math.abs(i.y - y) < 0.01);
  return { text: words.map((w) => w.str).join(' '), first: words[0]!, last: words.at(-1)! };
}

describe('a sheet printed in parts', () => {
  it('lays each part out once and draws its footers, numbered across the sheet, where pdfmake draws them', async () => {
    const documents = [fixtureDocument('aws-prep-notes.md'), fixtureDocument('features.md')];
    const plan = planCheatSheet(documents, { epoch: EPOCH }, 1);
    expect(plan.count).toBeGreaterThan(2);
    const options = { epoch: EPOCH, baseDir: '/nonexistent', warn: () => {} };
    const layout = vi.spyOn(LayoutBuilder.prototype, 'layoutDocument');
    let bytes: Uint8Array;
    let calls: unknown[];
    try {
      bytes = await cheatSheetPdf(documents, options, 1);
      calls = layout.mock.calls.map(([content]) => content);
    } finally {
      layout.mockRestore();
    }
    const footers = calls.filter((content) => Array.isArray(content) && content.length === 0).length;
    const pages = await openPdf(bytes);
    // One layout per part (there were two: one to count its pages), and one small one per footer.
    expect(calls.length - footers).toBe(plan.count);
    expect(footers).toBe(pages.length);

    // Each footer is where the sheet laid out whole puts it: the title at the left margin, the number ending at
    // the right margin, on the same baseline.
    const whole = footer((await openPdf(await cheatSheetPdf(documents, options)))[0]!);
    expect(whole.text).toMatch(/^📌 AWS Prep Notes · 🧪 Feature Sampler page 1 \/ \d+$/);
    pages.forEach((page, i) => {
      const { text, first, last } = footer(page);
      expect(text).toBe(whole.text.replace(/page .*/, `page ${i + 1} / ${pages.length}`));
      expect([first.x, first.y]).toEqual([whole.first.x, whole.first.y]);
      expect(last.y).toBe(whole.last.y);
      expect(last.x + last.width).toBeCloseTo(whole.last.x + whole.last.width, 2);
      // The footer starts a line of the page's text, not glued to the body's last word (as it is when drawn in a
      // form XObject, which text extraction reads apart from the page).
      expect(page.text).toContain(`\n${first.str}`);
    });
  });

  it("lets each part's blocks go once it is drawn, and still draws every footer", async () => {
    const documents = [fixtureDocument('aws-prep-notes.md'), fixtureDocument('features.md')];
    const plan = planCheatSheet(documents, { epoch: EPOCH }, 1);
    const blocks = (i: number) =>
      ((plan.part(i).content as ContentObject[])[0] as { columns: { stack?: unknown[] }[] }).columns[0]!.stack!;
    expect(blocks(0).length).toBeGreaterThan(0);
    const printing = printShare(plan);
    const pages = await printing.pages;
    for (let i = 0; i < plan.count; i++) expect(blocks(i)).toEqual([]);
    const total = pages.reduce((a, b) => a + b, 0);
    const pdf = await openPdf((await printing.finish(0, total)).pdf);
    expect(pdf.length).toBe(total);
    expect(pdf.at(-1)!.text).toContain(`page ${total} / ${total}`);
  });
});
