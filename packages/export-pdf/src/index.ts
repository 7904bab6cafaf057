import { collectGarbageIfGrown, type Exporter, type ExportOptions, type ModelDocument } from '@notes/core';
import { mergePdfs } from './merge.js';
import { countPdfPages, packPdf } from './pack.js';
import { NO_RICH, prepareRich } from './rich.js';
import { planCheatSheet, PART_PAGES, type CheatSheetPlan } from './sheet.js';

export { countPdfPages, packPdf } from './pack.js';
export { mergePdfs } from './merge.js';
export {
  cheatSheetOptions,
  formatDate,
  PART_PAGES,
  planCheatSheet,
  renderCheatSheet,
  type CheatSheetDefinition,
  type CheatSheetOptions,
  type CheatSheetPlan,
  type Content,
  type ContentObject,
} from './sheet.js';
export { lintRules, pdfRules, unprintable } from './rule.js';
export { fontRuns, unrenderableCharacters, type FontRun, type Unrenderable } from './runs.js';
export type { Paper } from './theme.js';

/**
 * The cheat sheet's bytes. A sheet of up to `partPages` estimated pages is one pdfmake layout. A bigger one is
 * laid out a part at a time, so memory stays bounded (pdfmake holds a whole layout until it writes it): once
 * (body only) to count each part's pages, then in full numbered `n / N` across the sheet; the parts are joined.
 */
export async function cheatSheetPdf(
  documents: readonly ModelDocument[],
  options: ExportOptions,
  partPages = PART_PAGES,
): Promise<Uint8Array> {
  const rich = await prepareRich(documents, options);
  try {
    return await layoutSheet(planCheatSheet(documents, options, partPages, rich), options);
  } catch (error) {
    if (rich === NO_RICH) throw error;
    // A picture or formula pdfmake could not draw must not cost the whole sheet: print it without them.
    options.warn(
      `cheat sheet: an image or formula could not be drawn (${(error as Error).message}): printed without them`,
    );
    return layoutSheet(planCheatSheet(documents, options, partPages), options);
  }
}

async function layoutSheet(plan: CheatSheetPlan, options: ExportOptions): Promise<Uint8Array> {
  if (plan.count === 1) return packPdf(plan.part(0), options.warn);
  const counts: number[] = [];
  for (let i = 0; i < plan.count; i++) {
    counts.push(await countPdfPages(plan.part(i)));
    collectGarbageIfGrown();
  }
  const total = counts.reduce((a, b) => a + b, 0);
  const parts: Uint8Array[] = [];
  let before = 0;
  for (let i = 0; i < plan.count; i++) {
    parts.push(await packPdf(plan.part(i, before, total), options.warn));
    before += counts[i]!;
    collectGarbageIfGrown();
  }
  return mergePdfs(parts, plan.part(0).info);
}

/** `notes export --pdf`: writes `cheatsheet.pdf`, a dense landscape cheat sheet of every document. */
export const pdfExporter: Exporter = {
  format: 'pdf',
  extension: 'pdf',
  binary: true,
  async export(documents: readonly ModelDocument[], options: ExportOptions) {
    return [{ path: 'cheatsheet.pdf', data: await cheatSheetPdf(documents, options) }];
  },
};
