import type { ExportOptions, Exporter, ModelDocument } from '@notes/core';
import { printSheet } from './print-sheet.js';
import type { ShareHelper } from './share.js';
import { mayRedraw, NO_RICH, prepareRich } from './rich.js';
import { sheetGeometry } from './estimate.js';
import { cheatSheetOptions, planCheatSheet, PART_PAGES, type CheatSheetPlan } from './sheet.js';

/** Options of the PDF exporter: the shared ones and the paper and columns as the command line gives them. */
export interface PdfExportOptions extends ExportOptions {
  /** `a4` (default) or `letter`, any case. */
  paper?: unknown;
  /** Columns per page, 1 to 6 (default 3). */
  columns?: unknown;
  /**
   * Starts another thread that prints the later half of a big sheet's parts beside this one (share.ts); null or
   * absent: one thread prints them all.
   */
  helper?: (() => ShareHelper | null) | undefined;
}

/**
 * The cheat sheet's bytes. A sheet of up to `partPages` estimated pages is one pdfmake layout. A bigger one is
 * laid out a part at a time, so memory stays bounded (pdfmake holds a whole layout until it draws it), each part
 * drawn into the same PDF after the one before, and the footers, numbered `n / N` across the sheet, drawn last
 * (see print.ts).
 */
export async function cheatSheetPdf(
  documents: readonly ModelDocument[] | Iterable<ModelDocument>,
  options: PdfExportOptions,
  partPages = PART_PAGES,
): Promise<Uint8Array> {
  const checked = cheatSheetOptions(options);
  // The only reference to the models from here on (a sequence read once leaves the caller with none).
  let list: readonly ModelDocument[] | null = Array.isArray(documents) ? documents : [...documents];
  const rich = await prepareRich(list, options, sheetGeometry(checked.paper, checked.columns));
  const plan = planCheatSheet(list, options, partPages, rich);
  // The plan holds the flow of blocks, not the models. Unless the sheet may have to be printed again without its
  // pictures and formulas (below; highlighted code cannot fail to draw, so a sequence read once keeps nothing for
  // it), the models go before the layout, the longest and biggest step.
  const again = rich !== NO_RICH && (documents === list || mayRedraw(rich)) ? list : null;
  list = null;
  try {
    return await layoutSheet(plan, options);
  } catch (error) {
    if (again === null) throw error;
    // A picture or formula pdfmake could not draw must not cost the whole sheet: print it without them.
    options.warn(
      `cheat sheet: an image or formula could not be drawn (${(error as Error).message}): printed without them`,
    );
    return layoutSheet(planCheatSheet(again, options, partPages), options);
  }
}

function layoutSheet(plan: CheatSheetPlan, options: PdfExportOptions): Promise<Uint8Array> {
  return printSheet(plan, options.warn, options.betweenSteps, options.helper);
}

/** `notes export --pdf`: writes `cheatsheet.pdf`, a dense landscape cheat sheet of every document. */
export const pdfExporter: Exporter<PdfExportOptions> = {
  format: 'pdf',
  extension: 'pdf',
  binary: true,
  async export(documents: readonly ModelDocument[], options: PdfExportOptions) {
    return [{ path: 'cheatsheet.pdf', data: await cheatSheetPdf(documents, options) }];
  },
  // Reads the documents once, into the plan: while the sheet is laid out it holds only the flow of blocks.
  async exportOnce(documents: Iterable<ModelDocument>, options: PdfExportOptions) {
    return [{ path: 'cheatsheet.pdf', data: await cheatSheetPdf(documents, options) }];
  },
};
