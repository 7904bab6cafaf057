import type { NotesDataset } from '@notes/core';

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
  /** The deck's back (HTML). */
  back: string;
  /** What the card is about when the front alone does not say (a comparison row's question). */
  context: string;
}

/** Everything the page reads: the JSON dataset as `notes export --json` writes it, plus its rendering. */
export interface SiteData {
  /** Format of this object (bumped on a breaking change). */
  version: 1;
  /** The site's title: the document title, or `Notes` with several documents. */
  title: string;
  /** The dataset, as in `notes.json`. */
  dataset: NotesDataset;
  /** Each note's answer as HTML, by note id (the deck's renderer and sanitizer). */
  html: Record<string, string>;
  /** The deck's cards, in deck order. */
  cards: SiteCard[];
}

/** The global the data script sets (a script, not `fetch`: browsers refuse `fetch` on `file://`). */
export const DATA_GLOBAL = 'NOTES_SITE_DATA';
