// Arbitrary text through lint, the in-memory repair and every exporter, as the CLI does it.
import { buildDocument, sourceFromText } from '@notes/core';
import { ankiExporter } from '@notes/export-anki';
import { jsonExporter } from '@notes/export-json';
import { markdownExporter } from '@notes/export-markdown';
import { pdfExporter } from '@notes/export-pdf';
import { fixSource, lintSource } from '@notes/lint';

export const exporters = { json: jsonExporter, markdown: markdownExporter, anki: ankiExporter, pdf: pdfExporter };

/** Lint, repair and export `text` with the named exporters; throws only if one of them does. */
export async function throughEverything(text, formats = ['json', 'markdown', 'anki']) {
  const file = sourceFromText(text, 'notes/arbitrary.md');
  lintSource(file);
  const { output } = fixSource(file);
  const document = buildDocument({ ...sourceFromText(output, file.path), bom: file.bom });
  const options = { epoch: 1_700_000_000, baseDir: '/nonexistent-notes-dir', warn() {}, paper: 'a4', columns: 3 };
  for (const format of formats) {
    const files = await exporters[format].export([document], options);
    if (!Array.isArray(files)) throw new Error(`${format} returned no file list`);
  }
}
