// Printing a sheet's parts into one PDF, in this thread or in two (see share.ts and merge.ts).
import { pdfmakeAdapter } from './adapter.js';
import type { CheatSheetDefinition } from './definition.js';
import type { PrintedShare } from './merge.js';
import type { FooterLater } from './pdfkit.js';
import { SheetDocument, type PrintPlan } from './print.js';
import { shareRanges, type ShareHelper } from './share.js';

/**
 * Print a sheet's parts into one PDF. One part is laid out and drawn as pdfmake's `createPdf` would. Several are
 * each laid out once and drawn one after another into the same document, without their footers; once the last
 * part is drawn, the footers (`n / N` across the sheet) are laid out and drawn, each into a second content stream
 * of its page. Memory holds one part's layout and the bytes written so far. With a `helper` (another thread), a
 * big sheet's second half is printed there, side by side with the first here, and its pages added after these
 * (see share.ts).
 */
export async function printSheet(
  plan: PrintPlan,
  warn: (message: string) => void = () => {},
  betweenSteps?: () => void,
  helper?: () => ShareHelper | null,
): Promise<Uint8Array> {
  return pdfmakeAdapter.exclusive(async () => {
    // What came before the layout (the models a sequence read once let go, the plan's own garbage) may go first.
    betweenSteps?.();
    const sheet = await SheetDocument.open(plan);
    if (plan.count === 1) {
      sheet.print(plan.part(0), warn, undefined, betweenSteps);
      return sheet.end();
    }
    // This thread prints the first half (or the whole sheet), a helper the second, after these pages.
    const ranges = shareRanges(plan).map(([from, to], i) => {
      const remote = i > 0 ? (helper?.() ?? null) : null;
      return { from, to, remote, warnings: [] as string[], count: 0, before: 0 };
    });
    type Range = (typeof ranges)[number] & { later?: FooterLater[][] };
    // A range printed here: its pages, for their footers. (Also what becomes of a range whose helper failed.)
    const here = (range: Range): FooterLater[][] => {
      range.remote?.stop();
      range.remote = null;
      range.later = printParts(sheet, plan, range.from, range.to, (m) => void range.warnings.push(m), betweenSteps);
      return range.later;
    };
    const printing = ranges.map((range) => settled(range.remote?.print(plan.share!(range.from, range.to))));
    for (const range of ranges as Range[]) if (!range.remote) here(range);
    for (const [i, range] of (ranges as Range[]).entries()) {
      if (range.remote) range.count = sum(await printing[i]!.catch(() => here(range).map((pages) => pages.length)));
      else range.count = sum(range.later!.map((pages) => pages.length));
    }
    let total = 0;
    for (const range of ranges) [range.before, total] = [total, total + range.count];
    const finishing = ranges.map((range) => settled(range.remote?.finish(range.before, total)));
    for (const range of ranges as Range[]) if (range.later) drawFooters(sheet, plan, range, total);
    for (const [i, range] of (ranges as Range[]).entries()) {
      if (!range.remote) continue;
      const share = await finishing[i]!.catch(() => null);
      if (share === null) {
        // The helper failed (it ran out of memory, say): its parts are printed here, as without one.
        here(range);
        drawFooters(sheet, plan, range, total);
        continue;
      }
      range.remote.stop();
      range.warnings.push(...share.warnings);
      sheet.adopt(share);
    }
    for (const range of ranges) for (const message of range.warnings) warn(message);
    return sheet.end();
  });
}

/** A promise whose failure is read later: it must not count as unhandled meanwhile. */
function settled<T>(promise: Promise<T> | undefined): Promise<T> | undefined {
  promise?.catch(() => undefined);
  return promise;
}

function sum(numbers: readonly number[]): number {
  return numbers.reduce((a, b) => a + b, 0);
}

/** Print parts `from` to `to - 1` after the pages drawn, without their footers: each part's pages (print). */
function printParts(
  sheet: SheetDocument,
  plan: PrintPlan,
  from: number,
  to: number,
  warn: (message: string) => void,
  betweenSteps?: () => void,
): FooterLater[][] {
  const later: FooterLater[][] = [];
  for (let i = from; i < to; i++) {
    const pages: FooterLater[] = [];
    sheet.print({ ...plan.part(i), footer: () => '' }, warn, pages, betweenSteps);
    plan.printed?.(i);
    later.push(pages);
    sheet.forgetWords();
    betweenSteps?.();
  }
  return later;
}

/**
 * Draw the footers of parts `from` on of `plan`, whose pages `later` holds (a part's pages each), numbered from
 * `before + 1` of `total`.
 */
function drawFooters(
  sheet: SheetDocument,
  plan: PrintPlan,
  { later, from, before }: { later?: FooterLater[][]; from: number; before: number },
  total: number,
): void {
  for (const [i, pages] of (later ?? []).entries()) {
    const part = plan.part(from + i, before, total);
    pages.forEach((page, n) => sheet.drawFooter(part, n + 1, pages.length, page));
    before += pages.length;
  }
}

/**
 * Print a share of a sheet's parts (in another thread: see printSheet), without their footers: `pages` gives
 * each part's page count. `finish` then draws the footers, numbered from `before + 1` of `total`, and ends the
 * share's PDF. It is the only job of its thread's, or runs within the job of the sheet it is part of.
 */
export function printShare(
  plan: PrintPlan,
  betweenSteps?: () => void,
): { pages: Promise<number[]>; finish(before: number, total: number): Promise<PrintedShare> } {
  const warnings: string[] = [];
  pdfmakeAdapter.ready();
  const printing = SheetDocument.open(plan, SHARE_FONT_IDS).then((sheet) => {
    const later = printParts(sheet, plan, 0, plan.count, (m) => void warnings.push(m), betweenSteps);
    return { sheet, later };
  });
  return {
    pages: printing.then(({ later }) => later.map((pages) => pages.length)),
    async finish(before, total) {
      const { sheet, later } = await printing;
      drawFooters(sheet, plan, { later, from: 0, before }, total);
      return sheet.endShare(warnings);
    },
  };
}

/** A share's fonts are numbered from here (see SheetDocument.open). */
const SHARE_FONT_IDS = 1000;

/**
 * Turn a document definition into PDF bytes: fonts embedded (subsets), no network, no file but the fonts.
 * `warn` hears when a block had to be laid out without being kept together.
 */
export function packPdf(
  definition: CheatSheetDefinition,
  warn: (message: string) => void = () => {},
): Promise<Uint8Array> {
  return printSheet({ count: 1, part: () => definition }, warn);
}
