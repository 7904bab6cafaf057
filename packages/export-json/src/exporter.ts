import {
  checkDataset,
  DATASET_HEAD,
  datasetDocument,
  datasetNotes,
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

/** One entry of a top-level array as `JSON.stringify(dataset, null, 2)` writes it (nested two levels deep). */
function entry(value: unknown, first: boolean): string {
  return `${first ? '\n' : ',\n'}    ${JSON.stringify(value, null, 2).replace(/\n/g, '\n    ')}`;
}

/**
 * The dataset's text a piece at a time, the same bytes as `packDataset(renderDataset(documents, options))`: the
 * head, each document's entry, then each document's notes, one document at a time, each piece checked against
 * the schema as it is made (the dataset never exists whole, as data or as text). The documents are read twice, in
 * order: once for `documents`, once for `notes`.
 */
export function* datasetText(documents: Iterable<ModelDocument>, options: DatasetOptions = {}): Generator<string> {
  const head = JSON.stringify(DATASET_HEAD, null, 2);
  // Everything but the closing brace: the two arrays follow.
  yield `${head.slice(0, -2)},\n  "documents": [`;
  let first = true;
  let count = 0;
  for (const document of documents) {
    const data = datasetDocument(document);
    checkDataset({ documents: [data], notes: [] }, { documents: count++, notes: 0 });
    yield entry(data, first);
    first = false;
  }
  yield `${first ? '' : '\n  '}],\n  "notes": [`;
  first = true;
  count = 0;
  for (const document of documents) {
    const notes = datasetNotes(document, options);
    checkDataset({ documents: [], notes }, { documents: 0, notes: count });
    count += notes.length;
    for (const note of notes) {
      yield entry(note, first);
      first = false;
    }
  }
  // The head on its own too, for a dataset of no document.
  checkDataset({ documents: [], notes: [] });
  yield `${first ? '' : '\n  '}]\n}\n`;
}

/**
 * `notes export --json`: writes `notes.json`, streamed (see datasetText) while it is written. Images are read
 * (inside the notes' folder only) for their hash first.
 */
export const jsonExporter: Exporter = {
  format: 'json',
  extension: 'json',
  binary: false,
  async export(documents, options) {
    const images = await loadDocumentImages(documents, options.baseDir, options.warn);
    return [{ path: 'notes.json', data: datasetText(documents, { images }) }];
  },
};
