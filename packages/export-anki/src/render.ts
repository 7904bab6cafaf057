import { basename, relative, resolve, sep } from 'node:path';
import {
  createEmbedLocator,
  hasRtl,
  detachedText,
  documentDir,
  findClozes,
  type CodeHighlighter,
  type ModelDocument,
  type ModelNote,
} from '@notes/core';
import { comparisonRows, isComparisonTable } from './comparison.js';
import { blocksToHtml, mayHoldMarkers, type HtmlContext, type MediaRef } from './html.js';
import { deckIdFromName, guidFrom } from './ids.js';
import { CLOZE_FIELDS, COMPARISON_FIELDS, QUESTION_FIELDS, REVERSE_FIELDS } from './notetypes.js';
import { cleanField, escapeHtml } from './strip.js';
import { tagsFor } from './tags.js';

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
  /** What the GUID is hashed from, readable (`q-…`, `q-…#row label`): the card's key in the id map. */
  key: string;
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
  key: string;
  noteId: string;
  deck: string;
  tags: string[];
  fields: Record<(typeof COMPARISON_FIELDS)[number], string>;
}

/** A cloze note: an answer or overview with clozes, one card per cloze group. */
export interface ClozeCard {
  kind: 'cloze';
  guid: string;
  key: string;
  noteId: string;
  deck: string;
  tags: string[];
  fields: Record<(typeof CLOZE_FIELDS)[number], string>;
  /** The cloze numbers in use, ascending: card `ord` is the number less one. */
  groups: number[];
}

/** A reverse note: a comparison row's values on the front, its label on the back (opt-in). */
export interface ReverseCard {
  kind: 'reverse';
  guid: string;
  key: string;
  noteId: string;
  deck: string;
  tags: string[];
  fields: Record<(typeof REVERSE_FIELDS)[number], string>;
}

/** One Anki note: one card, or one per cloze group for a cloze note. */
export type AnkiCard = QuestionCard | ComparisonCard | ClozeCard | ReverseCard;

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
  warn: (message: string) => void;
  /** Make cards from comparison-table rows (default true). */
  comparisons?: boolean;
  /** Colours fenced code (from core's `createCodeHighlighter`); without it code stays plain. */
  highlighter?: CodeHighlighter | undefined;
  /**
   * Reverse cards for comparison rows in every document (default false). A document opts in by front matter
   * `reverse: true` (or a list of its topics' titles), a topic or a question by `<!-- notes: reverse -->` in its
   * overview or answer.
   */
  reverse?: boolean;
  /**
   * Deck name pattern (default `{title}::{topic}`): `{title}` (the document's title, or its front-matter `deck`),
   * `{topic}`, `{folder}` (the file's folder below the notes' folder, `/` as `::`) and `{file}` (its name).
   * Empty parts are dropped, so a note outside any topic goes to the deck above. Front-matter `deck` holding a
   * `{` is the pattern for that document.
   */
  deck?: string;
}

/** The deck pattern when none is configured. */
export const DEFAULT_DECK_PATTERN = '{title}::{topic}';

/** The marker that opts a question, a topic (in its overview) or a document (before its first topic) into reverse cards. */
const REVERSE_MARKER = /^<!--\s*notes:\s*reverse\s*-->$/;

function hasReverseMarker(note: ModelNote): boolean {
  return note.body.some((b) => b.type === 'html' && REVERSE_MARKER.test(b.value.trim()));
}

/**
 * The overviews of a document that carry the reverse marker, by their topic id (null: the document's own, before
 * its first topic). Found once per document: asking every note's scope anew would be quadratic in the notes.
 */
function markedOverviews(doc: ModelDocument): Map<string | null, ModelNote[]> {
  const marked = new Map<string | null, ModelNote[]>();
  for (const n of doc.notes) {
    if (n.kind !== 'overview' || !hasReverseMarker(n)) continue;
    const list = marked.get(n.topicId) ?? [];
    list.push(n);
    marked.set(n.topicId, list);
  }
  return marked;
}

/** Whether a note's comparison rows get reverse cards: config, front matter, or a marker in scope. */
function reverseWanted(
  doc: ModelDocument,
  note: ModelNote,
  option: boolean | undefined,
  marked: () => Map<string | null, ModelNote[]>,
): boolean {
  if (option === true) return true;
  const fm = doc.frontMatter?.['reverse'];
  if (fm === true) return true;
  if (Array.isArray(fm) && note.topic !== null && fm.some((t) => typeof t === 'string' && t.trim() === note.topic))
    return true;
  if (hasReverseMarker(note)) return true;
  const inScope = (list: ModelNote[] | undefined): boolean => (list ?? []).some((n) => n !== note);
  return inScope(marked().get(null)) || (note.topicId !== null && inScope(marked().get(note.topicId)));
}

/** The deck of a note from the pattern; every component cleaned by `deckPart`. */
function deckName(doc: ModelDocument, note: ModelNote, pattern: string | undefined, baseDir: string): string {
  const fmDeck = typeof doc.frontMatter?.['deck'] === 'string' ? doc.frontMatter['deck'].trim() : '';
  const chosen = fmDeck.includes('{') ? fmDeck : (pattern ?? DEFAULT_DECK_PATTERN);
  const title = fmDeck && !fmDeck.includes('{') ? fmDeck : doc.title;
  if (chosen === DEFAULT_DECK_PATTERN && !fmDeck) {
    return note.topic === null ? deckPart(doc.title) : `${deckPart(doc.title)}::${deckPart(note.topic)}`;
  }
  const rel = relative(baseDir, documentDir(doc, baseDir)).split(sep).filter(Boolean);
  const file = basename(doc.file.path).replace(/\.(?:md|markdown)$/i, '');
  const values: Record<string, string[]> = {
    title: title.split('::').map(deckPart),
    topic: note.topic === null ? [] : [deckPart(note.topic)],
    folder: rel.map(deckPart),
    file: [deckPart(file)],
  };
  const parts = chosen.split('::').flatMap((part) => {
    const whole = /^\s*\{(title|topic|folder|file)\}\s*$/.exec(part);
    if (whole) return values[whole[1]!]!;
    const text = part.replace(/\{(title|topic|folder|file)\}/g, (_m, key: string) => values[key]!.join(' '));
    return text.trim() === '' ? [] : [deckPart(text)];
  });
  return parts.length ? parts.join('::') : deckPart(doc.title);
}

/** `deckPart` of the texts seen lately (every note of a topic asks the same two): kept up to DECK_PARTS_KEPT. */
const deckParts = new Map<string, string>();
const DECK_PARTS_KEPT = 1024;

/** One deck-name component: no `::` (it would nest), no control characters, trimmed, never empty. */
function deckPart(text: string): string {
  let part = deckParts.get(text);
  if (part === undefined) {
    if (deckParts.size >= DECK_PARTS_KEPT) deckParts.clear();
    // Both kept past this export: copies, not slices of the note they were read from (detachedText).
    part = detachedText(cleanDeckPart(text));
    deckParts.set(detachedText(text), part);
  }
  return part;
}

function cleanDeckPart(text: string): string {
  const clean = text
    .replace(/[\u0000-\u001f\u007f]/g, ' ')
    .replace(/::+/g, ':')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^:+|:+$/g, '')
    .trim();
  return clean || 'Untitled';
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
  // The deck each name became (every note of a topic asks for the same one).
  const added = new Map<string, string>();
  const addDeck = (name: string): string => {
    let full = added.get(name);
    if (full === undefined) added.set(name, (full = addDeckParts(name)));
    return full;
  };
  const addDeckParts = (name: string): string => {
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
  const uniqueGuid = (parts: string[]): { guid: string; key: string } => {
    let guid = guidFrom(parts);
    let key = parts.join('#');
    for (let n = 2; guids.has(guid); n++) {
      guid = guidFrom([...parts, String(n)]);
      key = [...parts, String(n)].join('#');
    }
    guids.add(guid);
    return { guid, key };
  };

  const locateEmbed = createEmbedLocator(baseDir);
  for (const doc of documents) {
    const docDir = documentDir(doc, baseDir);
    let marked: Map<string | null, ModelNote[]> | undefined;
    const markedOf = (): Map<string | null, ModelNote[]> => (marked ??= markedOverviews(doc));
    // A file with right-to-left text: its cards' fields and blocks find their own direction (`dir="auto"`).
    const rtl = hasRtl(doc.file.text);
    const markers = mayHoldMarkers(doc.file.text);
    const firstCard = cards.length;
    for (const note of doc.notes) {
      const clozes = findClozes(note.body);
      // A question or overview with clozes becomes a cloze note; it gets no question card besides.
      const question = note.kind === 'question' && clozes.length === 0;
      // An overview is no question and gets no card, but the rows of a comparison table in it still do.
      const tables = options.comparisons === false ? [] : note.tables.filter(isComparisonTable);
      if (!question && tables.length === 0 && clozes.length === 0) continue;
      const deck = addDeck(deckName(doc, note, options.deck, baseDir));
      const where = `${note.source.path}:${note.source.line}`;
      const ctx: HtmlContext = {
        docDir,
        baseDir,
        where,
        warn: options.warn,
        media,
        highlighter: options.highlighter,
        locateEmbed,
        rtl,
        markers,
      };
      const topic = escapeHtml(note.topic ?? doc.title);
      const source = escapeHtml(where);
      if (question) {
        cards.push({
          kind: 'question',
          ...uniqueGuid([note.id]),
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
      if (clozes.length > 0) {
        cards.push({
          kind: 'cloze',
          // Not the question card's GUID: a note cannot change its note type on re-import.
          ...uniqueGuid([note.id, 'cloze']),
          noteId: note.id,
          deck,
          tags: tagsFor(note, 'cloze'),
          fields: {
            Text: blocksToHtml(note.body, ctx, 'anki'),
            Context: escapeHtml(note.title || 'Untitled question'),
            Topic: topic,
            Source: source,
          },
          groups: [...new Set(clozes.map((c) => c.group))].sort((a, b) => a - b),
        });
      }
      const reverse = tables.length > 0 && reverseWanted(doc, note, options.reverse, markedOf);
      for (const table of tables) {
        const tableWhere = `${note.source.path}:${table.line}`;
        const rows = comparisonRows(table, { ...ctx, where: tableWhere });
        for (const row of rows) {
          if (reverse) {
            cards.push({
              kind: 'reverse',
              ...uniqueGuid([note.id, row.label, 'reverse']),
              noteId: note.id,
              deck,
              tags: tagsFor(note, 'reverse'),
              fields: {
                Front: row.reverseFront,
                Back: escapeHtml(row.label),
                Context: escapeHtml(note.title),
                Topic: topic,
                Source: escapeHtml(tableWhere),
              },
            });
          }
          cards.push({
            kind: 'comparison',
            ...uniqueGuid([note.id, row.label]),
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
    if (rtl) for (let i = firstCard; i < cards.length; i++) directFields(cards[i]!);
  }
  for (const card of cards) {
    const fields = card.fields as Record<string, string>;
    for (const key of Object.keys(fields)) fields[key] = cleanField(fields[key]!);
  }
  return { decks: [...decks.values()], cards, media: [...media.values()] };
}

/**
 * Each field of a card from a file with right-to-left text that holds such text sits in a `<div dir="auto">`: it
 * takes its direction from its first strong letter (a Hebrew question reads right to left, its final `?` at the
 * left end). The source path stays as it is.
 */
function directFields(card: AnkiCard): void {
  const fields = card.fields as Record<string, string>;
  for (const key of Object.keys(fields)) {
    if (key !== 'Source' && hasRtl(fields[key]!)) fields[key] = `<div dir="auto">${fields[key]}</div>`;
  }
}
