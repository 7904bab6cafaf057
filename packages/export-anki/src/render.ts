import { resolve } from 'node:path';
import { documentDir, type CodeHighlighter, type ModelDocument, type ModelNote } from '@notes/core';
import { comparisonRows, isComparisonTable } from './comparison.js';
import { blocksToHtml, type HtmlContext, type MediaRef } from './html.js';
import { deckIdFromName, guidFrom } from './ids.js';
import { COMPARISON_FIELDS, QUESTION_FIELDS } from './notetypes.js';
import { cleanField, escapeHtml } from './strip.js';

/** A deck of the package. */
export interface AnkiDeck {
  id: number;
  /** Full name, `Title::Topic`. */
  name: string;
}

/** A question note: one card, the question on the front, the answer on the back. */
export interface QuestionCard {
  kind: 'question';
  guid: string;
  /** The stable id of the model note it comes from. */
  noteId: string;
  /** Full deck name. */
  deck: string;
  tags: string[];
  fields: Record<(typeof QUESTION_FIELDS)[number], string>;
}

/** A comparison note: one row of a comparison table. */
export interface ComparisonCard {
  kind: 'comparison';
  guid: string;
  noteId: string;
  deck: string;
  tags: string[];
  fields: Record<(typeof COMPARISON_FIELDS)[number], string>;
}

/** One Anki note (each becomes exactly one card). */
export type AnkiCard = QuestionCard | ComparisonCard;

/** The middle step: everything the package will hold, as plain data. */
export interface AnkiCardList {
  decks: AnkiDeck[];
  cards: AnkiCard[];
  /** Images the cards refer to, all inside the notes' folder (not read yet). */
  media: MediaRef[];
}

/** What rendering needs: where the notes live, and where findings go. */
export interface RenderOptions {
  /** Absolute folder the notes live in: images are only taken from inside it. */
  baseDir: string;
  warn(message: string): void;
  /** Make cards from comparison-table rows (default true). */
  comparisons?: boolean;
  /** Colours fenced code (from core's `createCodeHighlighter`); without it code stays plain. */
  highlighter?: CodeHighlighter | undefined;
}

/** Tag for the kind of card, so a learner can filter or suspend one kind. */
const KIND_TAG = { question: 'notes::question', comparison: 'notes::comparison' } as const;

/** One deck-name component: no `::` (it would nest), no control characters, trimmed, never empty. */
function deckPart(text: string): string {
  const clean = text
    .replace(/[\u0000-\u001f\u007f]/g, ' ')
    .replace(/::+/g, ':')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^:+|:+$/g, '')
    .trim();
  return clean || 'Untitled';
}

/** Anki tags: no white space, no empty `::` parts. */
function ankiTag(tag: string): string {
  return tag
    .replace(/[\s\u3000]+/g, '-')
    .split('::')
    .filter((p) => p !== '')
    .join('::');
}

function tagsFor(note: ModelNote, kind: AnkiCard['kind']): string[] {
  return [...new Set([...note.tags.map(ankiTag), KIND_TAG[kind]].filter(Boolean))];
}

/**
 * Model → cards: one question card per question note (overviews are not questions and get no card) and one
 * comparison card per row of each comparison table, in a question or an overview. Pure apart from `warn`; reads
 * no file.
 */
export function renderCards(documents: readonly ModelDocument[], options: RenderOptions): AnkiCardList {
  const baseDir = resolve(options.baseDir);
  const media = new Map<string, MediaRef>();
  const decks = new Map<string, AnkiDeck>();
  const usedIds = new Set<number>([1]);
  const addDeck = (name: string): string => {
    // Parents first, so every sub-deck has its parent in the package; a parent's spelling, once chosen, is kept.
    let full = '';
    for (const part of name.split('::')) {
      const wanted = full ? `${full}::${part}` : part;
      const known = decks.get(wanted.toLowerCase());
      if (known) {
        full = known.name;
        continue;
      }
      if (wanted.toLowerCase() === 'default') {
        // Anki's own Default deck (id 1) already answers to this name.
        decks.set('default', { id: 1, name: 'Default' });
        full = 'Default';
        continue;
      }
      let id = deckIdFromName(wanted);
      while (usedIds.has(id)) id++;
      usedIds.add(id);
      decks.set(wanted.toLowerCase(), { id, name: wanted });
      full = wanted;
    }
    return full;
  };
  const cards: AnkiCard[] = [];
  const guids = new Set<string>();
  const uniqueGuid = (parts: string[]): string => {
    let guid = guidFrom(parts);
    for (let n = 2; guids.has(guid); n++) guid = guidFrom([...parts, String(n)]);
    guids.add(guid);
    return guid;
  };

  for (const doc of documents) {
    const docDir = documentDir(doc, baseDir);
    const title = deckPart(doc.title);
    for (const note of doc.notes) {
      const question = note.kind === 'question';
      // An overview is no question and gets no card, but the rows of a comparison table in it still do.
      const tables = options.comparisons === false ? [] : note.tables.filter(isComparisonTable);
      if (!question && tables.length === 0) continue;
      const deck = addDeck(note.topic === null ? title : `${title}::${deckPart(note.topic)}`);
      const where = `${note.source.path}:${note.source.line}`;
      const ctx: HtmlContext = { docDir, baseDir, where, warn: options.warn, media, highlighter: options.highlighter };
      const topic = escapeHtml(note.topic ?? doc.title);
      const source = escapeHtml(where);
      if (question) {
        cards.push({
          kind: 'question',
          guid: uniqueGuid([note.id]),
          noteId: note.id,
          deck,
          tags: tagsFor(note, 'question'),
          fields: {
            Front: escapeHtml(note.title || 'Untitled question'),
            Back: blocksToHtml(note.body, ctx),
            Topic: topic,
            Source: source,
          },
        });
      }
      for (const table of tables) {
        const tableWhere = `${note.source.path}:${table.line}`;
        const rows = comparisonRows(table, { ...ctx, where: tableWhere });
        for (const row of rows) {
          cards.push({
            kind: 'comparison',
            guid: uniqueGuid([note.id, row.label]),
            noteId: note.id,
            deck,
            tags: tagsFor(note, 'comparison'),
            fields: {
              Front: escapeHtml(row.front),
              Back: row.back,
              Context: escapeHtml(note.title),
              Topic: topic,
              Source: escapeHtml(tableWhere),
            },
          });
        }
      }
    }
  }
  for (const card of cards) {
    const fields = card.fields as Record<string, string>;
    for (const key of Object.keys(fields)) fields[key] = cleanField(fields[key]!);
  }
  return { decks: [...decks.values()], cards, media: [...media.values()] };
}
