export { cheatSheetPdf, pdfExporter, type PdfExportOptions } from './exporter.js';
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
