export { cheatSheetPdf, pdfExporter, type PdfExportOptions } from './exporter.js';
export { countPdfPages, packPdf } from './print.js';
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
export { fontRuns, type FontRun } from './runs.js';
export { unrenderableCharacters, type Unrenderable } from './printable.js';
export type { Paper } from './theme.js';
