import type { Exporter, ExportOptions, ModelDocument } from '@notes/core';
import { packPdf } from './pack.js';
import { renderCheatSheet } from './render.js';

export { packPdf } from './pack.js';
export { cheatSheetOptions, formatDate, renderCheatSheet, type CheatSheetDefinition, type CheatSheetOptions, type Content, type ContentObject } from './render.js';
export { lintRules, pdfRules, unprintable } from './rule.js';
export { fontRuns, unrenderableCharacters, type FontRun, type Unrenderable } from './runs.js';
export type { Paper } from './theme.js';

/** `notes export --pdf`: writes `cheatsheet.pdf`, a dense landscape cheat sheet of every document. */
export const pdfExporter: Exporter = {
  format: 'pdf',
  extension: 'pdf',
  binary: true,
  async export(documents: readonly ModelDocument[], options: ExportOptions) {
    const definition = renderCheatSheet(documents, options);
    return [{ path: 'cheatsheet.pdf', data: await packPdf(definition, options.warn) }];
  },
};
