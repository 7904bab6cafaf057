import {
  loadDocumentImages,
  toDataset,
  type DatasetOptions,
  type Exporter,
  type ModelDocument,
  type NotesDataset,
} from '@notes/core';

/**
 * Render the dataset of SPEC §4 as plain data (validated against notes.schema.json by core). `options.images`
 * (from core's `loadDocumentImages`) gives image nodes their path, size and hash.
 */
export function renderDataset(documents: readonly ModelDocument[], options: DatasetOptions = {}): NotesDataset {
  return toDataset(documents, options);
}

/** Serialize a dataset: two-space indent, key order fixed by the renderer, one final newline, no clock. */
export function packDataset(dataset: NotesDataset): string {
  return `${JSON.stringify(dataset, null, 2)}\n`;
}

/** `notes export --json`: writes `notes.json`. Images are read (inside the notes' folder only) for their hash. */
export const jsonExporter: Exporter = {
  format: 'json',
  extension: 'json',
  binary: false,
  async export(documents, options) {
    const images = await loadDocumentImages(documents, options.baseDir, options.warn);
    return [{ path: 'notes.json', data: packDataset(renderDataset(documents, { images })) }];
  },
};
