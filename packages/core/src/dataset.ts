import type { ErrorObject } from 'ajv';
import { findClozes } from './cloze.js';
import { NotesError } from './errors.js';
import { notesSchema, type NotesDataset, type Note } from './generated/notes-schema.js';
import { validate } from './generated/validate-dataset.js';
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

function noteData(note: ModelNote): Note {
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
  };
}

/** The plain-data dataset of SPEC §4 (no mdast, no clock), validated; throws NotesError when invalid. */
export function toDataset(documents: readonly ModelDocument[]): NotesDataset {
  const dataset: NotesDataset = {
    $schema: notesSchema.$id,
    schemaVersion: 1,
    documents: documents.map((d) => ({
      id: d.id,
      title: d.title,
      lang: d.lang,
      frontMatter: d.frontMatter,
      tags: d.tags,
      topics: d.topics.map(({ id, title, tags, line }) => ({ id, title, tags, line })),
      source: d.source,
    })),
    notes: documents.flatMap((d) => d.notes.map(noteData)),
  };
  const errors = validateDataset(dataset);
  if (errors.length)
    throw new NotesError(
      `internal error: the dataset does not match notes.schema.json (${errors[0]}); please report it`,
    );
  return dataset;
}
