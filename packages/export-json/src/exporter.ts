import { toDataset, type Exporter, type ModelDocument, type NotesDataset } from '@notes/core';

/** Render the dataset of SPEC §4 as plain data (validated against notes.schema.json by core). */
export function renderDataset(documents: readonly ModelDocument[]): NotesDataset {
  return toDataset(documents);
}

/** Serialize a dataset: two-space indent, key order fixed by the renderer, one final newline, no clock. */
export function packDataset(dataset: NotesDataset): string {
  return `${JSON.stringify(dataset, null, 2)}\n`;
}

/** `notes export --json`: writes `notes.json`. */
export const jsonExporter: Exporter = {
  format: 'json',
  extension: 'json',
  binary: false,
  async export(documents) {
    return [{ path: 'notes.json', data: packDataset(renderDataset(documents)) }];
  },
};
