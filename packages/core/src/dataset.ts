import type { ErrorObject } from 'ajv';
import { findClozes } from './cloze.js';
import { NotesError } from './errors.js';
import type { Image as MdImage, Nodes } from 'mdast';
import { notesSchema, type Image, type Math, type NotesDataset, type Note } from '../generated/notes-schema.js';
import { validate } from '../generated/validate-dataset.js';
import type { ImageResult } from './images.js';
import { isDisplayMath } from './math.js';
import type { ModelDocument, ModelNote } from './model.js';

/** Describe an ajv error as `at /notes/3/title: must be string`. */
export function formatAjvError(error: ErrorObject): string {
  return `at ${error.instancePath || '/'}: ${error.message ?? 'is invalid'}`;
}

/** Check a value against schemas/notes.schema.json; returns the error messages (empty when valid). */
export function validateDataset(value: unknown): string[] {
  // Compiled at build time from notes.schema.json (ajv standalone code, allErrors off, strict).
  return validate(value) ? [] : (validate.errors ?? []).map(formatAjvError);
}

/** What the dataset needs besides the model: what became of each image node (from core's image loader). */
export interface DatasetOptions {
  images?: ReadonlyMap<MdImage, ImageResult>;
}

/** The math and image nodes of a note's answer, in source order. */
function richNodes(note: ModelNote, options: DatasetOptions): { math: Math[]; images: Image[] } {
  const math: Math[] = [];
  const images: Image[] = [];
  const stack: Nodes[] = [...note.body].reverse();
  for (let n = stack.pop(); n !== undefined; n = stack.pop()) {
    const line = n.position?.start.line ?? note.source.line;
    if (n.type === 'math' || n.type === 'inlineMath') {
      math.push({ type: 'math', display: isDisplayMath(n), tex: n.value, line });
    } else if (n.type === 'image') {
      const image: Image = { type: 'image', alt: n.alt ?? '', url: n.url, line };
      const result = options.images?.get(n);
      if (result?.ok) {
        const { path, size, sha256, type, width, height } = result.image;
        Object.assign(image, { path, size, sha256, format: type, width, height });
      } else if (result) image.problem = result.reason;
      images.push(image);
    } else if ('children' in n) for (let k = n.children.length - 1; k >= 0; k--) stack.push(n.children[k] as Nodes);
  }
  return { math, images };
}

function noteData(note: ModelNote, options: DatasetOptions): Note {
  const { math, images } = richNodes(note, options);
  const clozes = findClozes(note.body);
  return {
    id: note.id,
    kind: note.kind,
    title: note.title,
    topic: note.topic,
    topicId: note.topicId,
    document: note.document,
    documentId: note.documentId,
    answer: { markdown: note.answer.markdown, text: note.answer.text },
    tables: note.tables.map(({ columns, rows, line }) => ({ columns, rows, line })),
    callouts: note.callouts.map(({ label, markdown, text, line }) => ({ label, markdown, text, line })),
    // Only when there are clozes: a dataset without them keeps its bytes.
    ...(clozes.length ? { clozes } : {}),
    tags: note.tags,
    source: note.source,
    // Only notes that have math or images carry the lists, so notes without them keep their exact bytes.
    ...(math.length > 0 ? { math: math as [Math, ...Math[]] } : {}),
    ...(images.length > 0 ? { images: images as [Image, ...Image[]] } : {}),
  };
}

/** A dataset's own fields, before its two arrays (SPEC §4). */
export const DATASET_HEAD = { $schema: notesSchema.$id, schemaVersion: 1 } as const;

/** A document's entry in the dataset's `documents`. */
export function datasetDocument(d: ModelDocument): NotesDataset['documents'][number] {
  return {
    id: d.id,
    title: d.title,
    lang: d.lang,
    frontMatter: d.frontMatter,
    tags: d.tags,
    topics: d.topics.map(({ id, title, tags, line }) => ({ id, title, tags, line })),
    source: d.source,
  };
}

/** The entries of a document's notes in the dataset's `notes`. */
export function datasetNotes(d: ModelDocument, options: DatasetOptions = {}): Note[] {
  return d.notes.map((n) => noteData(n, options));
}

/**
 * Check a dataset, or some of its entries as they are written (the schema has no rule across entries, so entries
 * valid one document at a time make a valid dataset); throws NotesError when invalid. `at` is where the entries
 * sit in the whole dataset, so the message points at the entry as it is in the file.
 */
export function checkDataset(
  part: Pick<NotesDataset, 'documents' | 'notes'>,
  at: { documents: number; notes: number } = { documents: 0, notes: 0 },
): void {
  const errors = validateDataset({ ...DATASET_HEAD, documents: part.documents, notes: part.notes });
  if (errors.length === 0) return;
  const where = errors[0]!.replace(
    /^at \/(documents|notes)\/(\d+)/,
    (_, array: 'documents' | 'notes', index: string) => `at /${array}/${at[array] + Number(index)}`,
  );
  throw new NotesError(`internal error: the dataset does not match notes.schema.json (${where}); please report it`);
}

/** The plain-data dataset of SPEC §4 (no mdast, no clock), validated; throws NotesError when invalid. */
export function toDataset(documents: readonly ModelDocument[], options: DatasetOptions = {}): NotesDataset {
  const dataset: NotesDataset = {
    ...DATASET_HEAD,
    documents: documents.map(datasetDocument),
    notes: documents.flatMap((d) => datasetNotes(d, options)),
  };
  checkDataset(dataset);
  return dataset;
}
