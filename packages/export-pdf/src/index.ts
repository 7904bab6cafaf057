import type { Exporter, ExportOptions, ModelDocument } from '@notes/core';
import { packPdf } from './pack.js';
import { renderCheatSheet, type CheatSheetOptions } from './render.js';
import { PAPER, type Paper } from './theme.js';

export { packPdf } from './pack.js';
export { formatDate, renderCheatSheet, type CheatSheetDefinition, type CheatSheetOptions, type Content, type ContentObject } from './render.js';
export { pdfRules, unprintable } from './rule.js';
export { fontRuns, unrenderableCharacters, type FontRun, type Unrenderable } from './runs.js';
export type { Paper } from './theme.js';

/** Options of `notes export --pdf`, read from the CLI's `ExportOptions`. */
export function cheatSheetOptions(options: ExportOptions): CheatSheetOptions {
  const out: CheatSheetOptions = { epoch: options.epoch };
  const paper = typeof options.paper === 'string' ? options.paper.toLowerCase() : undefined;
  if (paper !== undefined) {
    if (!(paper in PAPER)) throw new Error(`Unexpected paper \`${String(options.paper)}\`, expected \`a4\` or \`letter\``);
    out.paper = paper as Paper;
  }
  if (options.columns !== undefined) {
    const columns = Number(options.columns);
    if (!Number.isInteger(columns) || columns < 1 || columns > 6) {
      throw new Error(`Unexpected columns \`${String(options.columns)}\`, expected a whole number from 1 to 6`);
    }
    out.columns = columns;
  }
  return out;
}

/** `notes export --pdf`: writes `cheatsheet.pdf`, a dense landscape cheat sheet of every document. */
export const pdfExporter: Exporter = {
  format: 'pdf',
  extension: 'pdf',
  binary: true,
  async export(documents: readonly ModelDocument[], options: ExportOptions) {
    const definition = renderCheatSheet(documents, cheatSheetOptions(options));
    return [{ path: 'cheatsheet.pdf', data: await packPdf(definition, options.warn) }];
  },
};
