import type { AnkiCard, AnkiCardList } from './render.js';
import { Buffer } from 'node:buffer';
import { openCollection, writeApkg, type PackHead, type PackRows, type PackTail } from './collection.js';
import { fieldChecksum } from './ids.js';
import { CARD_CSS, CLOZE_TYPE, COMPARISON_TYPE, type NoteTypeSpec, QUESTION_TYPE, REVERSE_TYPE } from './notetypes.js';
import { stripHtmlPreservingMedia } from './strip.js';

/** What packing needs besides the cards. */
export interface PackOptions {
  /** Seconds since the epoch: every `mod`, and the base of note and card ids (which are never later than it). */
  epoch: number;
  /** Bytes of each media file, by its name in the deck (`AnkiCardList.media[].name`). Missing ones are skipped. */
  media?: ReadonlyMap<string, Uint8Array>;
  /** The user's own CSS, appended to every note type's (the ids stay, so Anki updates the note types). */
  css?: string;
}

const FIELD_SEPARATOR = '\x1f';
/** Ids count back from the epoch; an epoch before 2001 (tests, `SOURCE_DATE_EPOCH=0`) uses 2001 instead. */
const MIN_EPOCH = 1_000_000_000;

const LATEX_PRE =
  '\\documentclass[12pt]{article}\n\\special{papersize=3in,5in}\n\\usepackage[utf8]{inputenc}\n\\usepackage{amssymb,amsmath}\n\\pagestyle{empty}\n\\setlength{\\parindent}{0in}\n\\begin{document}\n';

/** A note type in Anki's schema-11 JSON, every key its importer decodes. */
function modelJson(type: NoteTypeSpec, mod: number, did: number, userCss: string): Record<string, unknown> {
  const cloze = type.type === 1;
  return {
    id: type.id,
    name: type.name,
    type: type.type ?? 0,
    mod,
    usn: -1,
    sortf: 0,
    did,
    tmpls: [
      {
        name: cloze ? 'Cloze' : 'Card 1',
        ord: 0,
        qfmt: type.qfmt,
        afmt: type.afmt,
        bqfmt: '',
        bafmt: '',
        did: null,
        bfont: '',
        bsize: 0,
      },
    ],
    flds: type.fields.map((name, ord) => ({
      name,
      ord,
      sticky: false,
      rtl: false,
      font: 'Arial',
      size: 20,
      description: '',
      plainText: false,
      collapsed: false,
      excludeFromSearch: false,
      media: [],
    })),
    css:
      CARD_CSS + (type.extraCss ?? '') + (userCss ? `\n/* notes: the user's own CSS */\n${userCss.trimEnd()}\n` : ''),
    latexPre: LATEX_PRE,
    latexPost: '\\end{document}',
    latexsvg: false,
    // Cloze types have no `req`: Anki makes a card for each cloze number.
    ...(cloze ? {} : { req: [[0, 'any', [0]]] }),
    tags: [],
    vers: [],
  };
}

/** A normal deck in schema-11 JSON. */
function deckJson(id: number, name: string, mod: number): Record<string, unknown> {
  return {
    id,
    mod,
    name,
    usn: -1,
    lrnToday: [0, 0],
    revToday: [0, 0],
    newToday: [0, 0],
    timeToday: [0, 0],
    collapsed: false,
    browserCollapsed: false,
    desc: '',
    dyn: 0,
    conf: 1,
    extendNew: 0,
    extendRev: 0,
  };
}

/** Anki's default deck options (schema 11). */
function dconfJson(mod: number): Record<string, unknown> {
  return {
    id: 1,
    mod,
    name: 'Default',
    usn: -1,
    maxTaken: 60,
    autoplay: true,
    timer: 0,
    replayq: true,
    dyn: false,
    new: { bury: false, delays: [1, 10], initialFactor: 2500, ints: [1, 4, 7], order: 1, perDay: 20, separate: true },
    rev: { bury: false, ease4: 1.3, fuzz: 0.05, ivlFct: 1, maxIvl: 36500, minSpace: 1, perDay: 200, hardFactor: 1.2 },
    lapse: { delays: [10], leechAction: 1, leechFails: 8, minInt: 1, mult: 0 },
  };
}

function confJson(curModel: number): Record<string, unknown> {
  return {
    activeDecks: [1],
    curDeck: 1,
    newSpread: 0,
    collapseTime: 1200,
    timeLim: 0,
    estTimes: true,
    dueCounts: true,
    curModel,
    nextPos: 1,
    sortType: 'noteFld',
    sortBackwards: false,
    addToCur: true,
  };
}

const TYPE_OF_KIND = {
  question: QUESTION_TYPE,
  comparison: COMPARISON_TYPE,
  cloze: CLOZE_TYPE,
  reverse: REVERSE_TYPE,
} as const;

function noteTypeOf(card: AnkiCard): NoteTypeSpec {
  return TYPE_OF_KIND[card.kind];
}

/** The card ords of a note: one per cloze group for a cloze note (`ord` is the number less one), else 0. */
function ordsOf(card: AnkiCard): number[] {
  return card.kind === 'cloze' ? card.groups.map((g) => g - 1) : [0];
}

function fieldList(card: AnkiCard): string[] {
  const fields = card.fields as Record<string, string>;
  return noteTypeOf(card).fields.map((name) => {
    const value = fields[name] ?? '';
    return value.includes(FIELD_SEPARATOR) ? value.replaceAll(FIELD_SEPARATOR, ' ') : value;
  });
}

/** Notes per part of the rows: the pack thread starts writing once the first part is made. */
export const ROWS_PER_PART = 500;

/**
 * A deck as the collection is written from it: the head, the rows in parts (each part made when it is read) and
 * the tail (see `CollectionWriter`).
 */
export interface PackParts {
  head: PackHead;
  rows: Iterable<PackRows>;
  tail: PackTail;
}

/** The rows of `cards[from, to)`: numbers in typed arrays, texts as UTF-8 in one buffer. */
function rowsOf(
  cards: readonly AnkiCard[],
  from: number,
  to: number,
  { base, count, cardBase, deckIds }: { base: number; count: number; cardBase: number; deckIds: Map<string, number> },
  firstCard: number,
): PackRows {
  const notes = new Float64Array((to - from) * 3);
  const texts: string[] = [];
  const cardRows: number[] = [];
  let cardIndex = firstCard;
  for (let i = from; i < to; i++) {
    const card = cards[i]!;
    const id = base - count + i;
    const fields = fieldList(card);
    const first = stripHtmlPreservingMedia(fields[0] ?? '');
    const at = (i - from) * 3;
    notes[at] = id;
    notes[at + 1] = noteTypeOf(card).id;
    notes[at + 2] = fieldChecksum(first);
    texts.push(card.guid, card.tags.length ? ` ${card.tags.join(' ')} ` : '', fields.join(FIELD_SEPARATOR), first);
    // A cloze note's cards are siblings: same deck, same position among new cards.
    for (const ord of ordsOf(card)) cardRows.push(cardBase + cardIndex++, id, deckIds.get(card.deck) ?? 1, ord, i + 1);
  }
  // One buffer for the part's texts (at most 3 bytes a UTF-16 unit), written by Buffer's native UTF-8 encoder.
  const buffer = Buffer.allocUnsafe(texts.reduce((n, t) => n + t.length * 3, 0));
  const ends = new Uint32Array(texts.length);
  const odd: [number, string][] = [];
  let length = 0;
  texts.forEach((text, k) => {
    // String.prototype.isWellFormed: Node 20 has it, the ES2022 library types do not. A text with a lone
    // surrogate stays a string: sql.js stores those as they are, where an encoder would write U+FFFD.
    if ((text as string & { isWellFormed(): boolean }).isWellFormed()) length += buffer.write(text, length, 'utf8');
    else odd.push([k, text]);
    ends[k] = length;
  });
  return { notes, text: new Uint8Array(buffer.subarray(0, length)), ends, odd, cards: Float64Array.from(cardRows) };
}

/** The card list → the deck's head, rows (in parts of ROWS_PER_PART notes) and tail, for `writeApkg` or a thread. */
export function packParts(list: AnkiCardList, options: PackOptions): PackParts {
  const epoch = Math.floor(options.epoch);
  const base = Math.max(epoch, MIN_EPOCH) * 1000;
  const crt = Math.floor(Math.max(epoch, MIN_EPOCH) / 86400) * 86400;
  const deckIds = new Map(list.decks.map((d) => [d.name, d.id]));
  const firstDeck = list.decks[0]?.id ?? 1;

  const models: Record<string, unknown> = {};
  // Question and comparison types always (decks made before clozes keep their bytes), the others when used.
  const kinds = new Set(list.cards.map((c) => c.kind));
  const types = [QUESTION_TYPE, COMPARISON_TYPE, ...(kinds.has('cloze') ? [CLOZE_TYPE] : [])];
  if (kinds.has('reverse')) types.push(REVERSE_TYPE);
  for (const type of types) models[String(type.id)] = modelJson(type, epoch, firstDeck, options.css ?? '');
  const decks: Record<string, unknown> = { '1': deckJson(1, 'Default', epoch) };
  for (const d of list.decks) decks[String(d.id)] = deckJson(d.id, d.name, epoch);

  // Ids are milliseconds counting up to the epoch: unique, in order, and never in the future.
  const cards = list.cards;
  const count = cards.length;
  const cardCount = cards.reduce((n, card) => n + ordsOf(card).length, 0);
  const ids = { base, count, cardBase: base - cardCount, deckIds };
  function* rows(): Generator<PackRows> {
    let firstCard = 0;
    for (let from = 0; from < count; from += ROWS_PER_PART) {
      const to = Math.min(count, from + ROWS_PER_PART);
      const part = rowsOf(cards, from, to, ids, firstCard);
      firstCard += part.cards.length / 5;
      yield part;
    }
  }

  const mediaMap: Record<string, string> = {};
  const media: Uint8Array[] = [];
  for (const ref of list.media) {
    const bytes = options.media?.get(ref.name);
    if (!bytes) continue;
    mediaMap[String(media.length)] = ref.name;
    media.push(bytes);
  }
  return {
    head: {
      col: {
        crt,
        mod: epoch * 1000,
        conf: JSON.stringify(confJson(QUESTION_TYPE.id)),
        models: JSON.stringify(models),
        decks: JSON.stringify(decks),
        dconf: JSON.stringify({ '1': dconfJson(epoch) }),
      },
      epoch,
    },
    rows: { [Symbol.iterator]: rows },
    tail: { media, mediaMap: JSON.stringify(mediaMap) },
  };
}

/** The card list → an `.apkg` (zip of a schema-11 `collection.anki2` and a `media` map). Same input, same bytes. */
export async function packApkg(list: AnkiCardList, options: PackOptions): Promise<Uint8Array> {
  const collection = await openCollection();
  const { head, rows, tail } = packParts(list, options);
  return writeApkg(collection, head, rows, tail);
}
