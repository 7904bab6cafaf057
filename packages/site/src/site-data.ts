import type { Document, Note } from '@notes/core';

/** One review card: a card of the Anki deck, with its fields as the deck's sanitized HTML. */
export interface SiteCard {
  /**
   * Key of the card's review state in `localStorage`: the note id for a question card, `noteId#guid` for the
   * other cards of a note (a comparison row), so a rebuilt site keeps the schedule.
   */
  key: string;
  /** The stable id of the note the card comes from. */
  noteId: string;
  /** `question` or `comparison` (the kinds of the Anki deck). */
  kind: string;
  /** The deck's front (HTML). */
  front: string;
  /** The deck's back (HTML); absent when it is the note's answer (`html[noteId]`), as for a question card. */
  back?: string;
  /** What the card is about when the front alone does not say (a comparison row's question). */
  context: string;
}

/** A document of the dataset, with what the page shows of it. */
export type SiteDocument = Pick<Document, 'id' | 'title'> & {
  topics: { id: string; title: string }[];
  /** BCP 47 language of the document, when the dataset has one. */
  lang?: string;
};

/** A note of the dataset, with the fields the page shows and searches (ids, titles and text as in the dataset). */
export type SiteNote = Pick<Note, 'id' | 'kind' | 'title' | 'topic' | 'topicId' | 'document' | 'documentId'> & {
  /** The answer as plain text (`answer.text`). */
  text: string;
  /** The note's tables as plain text: header cells, then each row's cells (filled down as in the dataset). */
  tables: { columns: string[]; rows: string[][] }[];
};

/**
 * Everything the page reads: the dataset's documents and notes (what the page shows and searches of
 * `notes.json`), each answer rendered to HTML, and the deck's cards.
 */
export interface SiteData {
  /** Format of this object (bumped on a breaking change). */
  version: 1;
  /** The site's title: the document title, or `Notes` with several documents. */
  title: string;
  documents: SiteDocument[];
  notes: SiteNote[];
  /** Each note's answer as HTML, by note id (the deck's renderer and sanitizer). */
  html: Record<string, string>;
  /** The deck's cards, in deck order. */
  cards: SiteCard[];
}

/** The global the data script sets (a script, not `fetch`: browsers refuse `fetch` on `file://`). */
export const DATA_GLOBAL = 'NOTES_SITE_DATA';
