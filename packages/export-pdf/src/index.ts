import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { Exporter, ExportOptions, ModelDocument } from '@notes/core';
import { mergePdfs } from './merge.js';
import { countPdfPages, packPdf } from './pack.js';
import { planCheatSheet, PART_PAGES } from './render.js';

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
} from './render.js';
export { lintRules, pdfRules, unprintable } from './rule.js';
export { fontRuns, unrenderableCharacters, type FontRun, type Unrenderable } from './runs.js';
export type { Paper } from './theme.js';

let collector: (() => void) | undefined;
/** Live heap after the last collection. */
let live = 0;
/**
 * A full garbage collection between the parts of a big sheet, once the heap holds 30% + 96 MB more than was live.
 * V8 lets a heap that allocates fast grow to several times what is live: without it the parts' garbage added
 * up to 1.2 GB on 2,000 files where 280 MB was live. Exposed the way jest's leak detector does it
 * (`--expose-gc` set at run time, `gc` taken from a new context).
 */
function collectGarbage(): void {
  const used = getHeapStatistics().used_heap_size;
  if (used < live * 1.3 + 96 * 1024 * 1024) return;
  if (collector === undefined) {
    setFlagsFromString('--expose-gc');
    collector = runInNewContext('gc') as () => void;
  }
  collector();
  live = getHeapStatistics().used_heap_size;
}

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
  const plan = planCheatSheet(documents, options, partPages);
  if (plan.count === 1) return packPdf(plan.part(0), options.warn);
  const counts: number[] = [];
  for (let i = 0; i < plan.count; i++) {
    counts.push(await countPdfPages(plan.part(i)));
    collectGarbage();
  }
  const total = counts.reduce((a, b) => a + b, 0);
  const parts: Uint8Array[] = [];
  let before = 0;
  for (let i = 0; i < plan.count; i++) {
    parts.push(await packPdf(plan.part(i, before, total), options.warn));
    before += counts[i]!;
    collectGarbage();
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
