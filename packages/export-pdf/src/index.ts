export { cheatSheetPdf, pdfExporter, type PdfExportOptions } from './exporter.js';
export { countPdfPages } from './print.js';
export { packPdf, printShare } from './print-sheet.js';
export type { PrintedShare } from './merge.js';
export type { ShareHelper } from './share.js';
export {
  cheatSheetOptions,
  formatDate,
  PART_PAGES,
  planCheatSheet,
  planOfShare,
  renderCheatSheet,
  type CheatSheetDefinition,
  type CheatSheetOptions,
  type CheatSheetPlan,
  type SheetShare,
  type Content,
  type ContentObject,
} from './sheet.js';
export { lintRules, pdfRules, unprintable } from './rule.js';
export { fontRuns, type FontRun } from './runs.js';
export { unrenderableCharacters, type Unrenderable } from './printable.js';
export type { Paper } from './theme.js';
