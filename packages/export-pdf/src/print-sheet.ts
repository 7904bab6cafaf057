// Printing a sheet's parts into one PDF, in this thread or in two (see share.ts and merge.ts).
import { pdfmakeAdapter } from './adapter.js';
import type { CheatSheetDefinition } from './definition.js';
import type { PrintedShare } from './merge.js';
import type { FooterLater } from './pdfkit.js';
import { SheetDocument, type PrintPlan } from './print.js';
import { shareFrom, type ShareHelper } from './share.js';

/**
 * Print a sheet's parts into one PDF. One part is laid out and drawn as pdfmake's `createPdf` would. Several are
 * each laid out once and drawn one after another into the same document, without their footers; once the last
 * part is drawn, the footers (`n / N` across the sheet) are laid out and drawn, each into a second content stream
 * of its page. Memory holds one part's layout and the bytes written so far. With a `helper` (another thread), a
 * big sheet's later parts are printed there, side by side with the first ones here, and their pages added after
 * these (see share.ts).
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
    const split = shareFrom(plan);
    const remote = split < plan.count ? (helper?.() ?? null) : null;
    const printing = remote?.print(plan.share!(split, plan.count));
    // Settled here, read below: a failure must not go unhandled while this thread prints its own parts.
    printing?.catch(() => undefined);
    const later = printParts(sheet, plan, 0, remote ? split : plan.count, warn, betweenSteps);
    let total = later.reduce((sum, pages) => sum + pages.length, 0);
    const here = total;
    let printed: Promise<PrintedShare> | undefined;
    if (remote) {
      try {
        const pages = await printing!;
        total += pages.reduce((sum, n) => sum + n, 0);
        printed = remote.finish(here, total);
        printed.catch(() => undefined);
      } catch {
        // The other thread failed (it ran out of memory, say): print its parts here, as without one.
        remote.stop();
        later.push(...printParts(sheet, plan, split, plan.count, warn, betweenSteps));
        total = later.reduce((sum, pages) => sum + pages.length, 0);
      }
    }
    drawFooters(sheet, plan, later, total);
    if (printed) {
      const share = await printed.finally(() => remote!.stop());
      for (const message of share.warnings) warn(message);
      sheet.adopt(share);
    }
    return sheet.end();
  });
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
    later.push(pages);
    sheet.forgetWords();
    betweenSteps?.();
  }
  return later;
}

/** Draw the footers of the first parts of `plan`, whose pages `later` holds, numbered from `before + 1` of `total`. */
function drawFooters(sheet: SheetDocument, plan: PrintPlan, later: FooterLater[][], total: number, before = 0): void {
  for (const [i, pages] of later.entries()) {
    const part = plan.part(i, before, total);
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
      drawFooters(sheet, plan, later, total, before);
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
