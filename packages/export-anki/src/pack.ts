import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type initSqlJs from 'sql.js';
import type { SqlJsStatic } from 'sql.js';
import type { AnkiCard, AnkiCardList } from './render.js';
import { fieldChecksum } from './ids.js';
import { CARD_CSS, CLOZE_TYPE, COMPARISON_TYPE, type NoteTypeSpec, QUESTION_TYPE, REVERSE_TYPE } from './notetypes.js';
import { stripHtmlPreservingMedia } from './strip.js';
import { zipFiles, type ZipInput } from './zip.js';

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
/** Zip entry times are fixed; fflate writes local-time DOS fields, so a local-time date keeps them the same everywhere. */
const ZIP_MTIME = new Date(1980, 0, 1, 12, 0, 0);

const SCHEMA = `
create table col (id integer primary key, crt integer not null, mod integer not null, scm integer not null,
  ver integer not null, dty integer not null, usn integer not null, ls integer not null, conf text not null,
  models text not null, decks text not null, dconf text not null, tags text not null);
create table notes (id integer primary key, guid text not null, mid integer not null, mod integer not null,
  usn integer not null, tags text not null, flds text not null, sfld integer not null, csum integer not null,
  flags integer not null, data text not null);
create table cards (id integer primary key, nid integer not null, did integer not null, ord integer not null,
  mod integer not null, usn integer not null, type integer not null, queue integer not null, due integer not null,
  ivl integer not null, factor integer not null, reps integer not null, lapses integer not null,
  left integer not null, odue integer not null, odid integer not null, flags integer not null, data text not null);
create table revlog (id integer primary key, cid integer not null, usn integer not null, ease integer not null,
  ivl integer not null, lastIvl integer not null, factor integer not null, time integer not null,
  type integer not null);
create table graves (usn integer not null, oid integer not null, type integer not null);
`;

/** Built after the rows are in (faster than keeping them up to date row by row). */
const INDEXES = `
create index ix_notes_usn on notes (usn);
create index ix_cards_usn on cards (usn);
create index ix_revlog_usn on revlog (usn);
create index ix_cards_nid on cards (nid);
create index ix_cards_sched on cards (did, queue, due);
create index ix_revlog_cid on revlog (cid);
create index ix_notes_csum on notes (csum);
`;

/** The part of the WebAssembly API used here (the project's TypeScript libraries leave the DOM's types out). */
interface Wasm {
  compile(bytes: Uint8Array): Promise<object>;
  Instance: new (module: object, imports: object) => object;
}
const wasm = (globalThis as unknown as { WebAssembly: Wasm }).WebAssembly;

/** sql.js's WebAssembly, compiled once: code only (each deck instantiates it with a memory of its own). */
let compiled: Promise<object> | undefined;

/**
 * A sql.js of its own for one deck. sql.js keeps the module its first `initSqlJs()` made for good, and with it the
 * WebAssembly memory SQLite grew to while it built the collection: memory never shrinks, so after the deck of
 * 3 MB of notes 22 MB stayed taken through every later export. A copy of the glue loaded for this deck (Node's
 * module cache is passed by) goes with the deck, memory and all; only the compiled code is shared.
 */
async function loadSqlJs(): Promise<SqlJsStatic> {
  // A require of its own too: the module that requires keeps every module it loaded (`children`).
  const require = createRequire(import.meta.url);
  const path = require.resolve('sql.js');
  delete require.cache[path];
  const init = require(path) as typeof initSqlJs;
  delete require.cache[path];
  compiled ??= readFile(join(dirname(path), 'sql-wasm.wasm')).then((bytes) => wasm.compile(bytes));
  const module = await compiled;
  return init({
    instantiateWasm(imports, done) {
      done(new wasm.Instance(module, imports));
      return {};
    },
  });
}

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

const encoder = new TextEncoder();

/**
 * A text to bind: its UTF-8 bytes, for `cast(? as text)`. A string with a lone surrogate stays a string: sql.js
 * writes those as they are, where TextEncoder would write U+FFFD.
 */
function utf8(text: string): Uint8Array | string {
  // String.prototype.isWellFormed: Node 20 has it, the ES2022 library types do not.
  return (text as string & { isWellFormed(): boolean }).isWellFormed() ? encoder.encode(text) : text;
}

/** The card list → an `.apkg` (zip of a schema-11 `collection.anki2` and a `media` map). Same input, same bytes. */
export async function packApkg(list: AnkiCardList, options: PackOptions): Promise<Uint8Array> {
  const SQL = await loadSqlJs();
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

  const db = new SQL.Database();
  try {
    // The whole collection stays in SQLite's page cache until commit: one pass over the in-memory file, not one per row.
    db.exec(
      'pragma page_size = 4096; pragma journal_mode = off; pragma synchronous = off; pragma cache_size = -262144;',
    );
    db.exec(SCHEMA);
    db.run('insert into col values (1, ?, ?, ?, 11, 0, 0, 0, ?, ?, ?, ?, ?)', [
      crt,
      epoch * 1000,
      epoch * 1000,
      JSON.stringify(confJson(QUESTION_TYPE.id)),
      JSON.stringify(models),
      JSON.stringify(decks),
      JSON.stringify({ '1': dconfJson(epoch) }),
      '{}',
    ]);
    db.exec('begin');
    // Text goes in as UTF-8 bytes cast back to text (the same stored value): sql.js encodes a bound string in a
    // JavaScript loop, where TextEncoder and a blob copy are native.
    const insertNote = db.prepare(
      "insert into notes values (?, cast(? as text), ?, ?, -1, cast(? as text), cast(? as text), cast(? as text), ?, 0, '')",
    );
    const insertCard = db.prepare("insert into cards values (?, ?, ?, ?, ?, -1, 0, 0, ?, 0, 0, 0, 0, 0, 0, 0, 0, '')");
    // Ids are milliseconds counting up to the epoch: unique, in order, and never in the future.
    const count = list.cards.length;
    const cardCount = list.cards.reduce((n, card) => n + ordsOf(card).length, 0);
    let cardIndex = 0;
    list.cards.forEach((card, i) => {
      const id = base - count + i;
      const fields = fieldList(card);
      const first = stripHtmlPreservingMedia(fields[0] ?? '');
      const tags = card.tags.length ? ` ${card.tags.join(' ')} ` : '';
      insertNote.run([
        id,
        utf8(card.guid),
        noteTypeOf(card).id,
        epoch,
        utf8(tags),
        utf8(fields.join(FIELD_SEPARATOR)),
        utf8(first),
        fieldChecksum(first),
      ]);
      // A cloze note's cards are siblings: same deck, same position among new cards.
      for (const ord of ordsOf(card)) {
        insertCard.run([base - cardCount + cardIndex, id, deckIds.get(card.deck) ?? 1, ord, epoch, i + 1]);
        cardIndex++;
      }
    });
    insertNote.free();
    insertCard.free();
    db.exec(INDEXES);
    db.exec('commit');
    const collection = db.export();

    const mediaMap: Record<string, string> = {};
    const files: Record<string, ZipInput> = { 'collection.anki2': [collection, { mtime: ZIP_MTIME, level: 1 }] };
    let n = 0;
    const mediaFiles: Record<string, ZipInput> = {};
    for (const ref of list.media) {
      const bytes = options.media?.get(ref.name);
      if (!bytes) continue;
      mediaMap[String(n)] = ref.name;
      mediaFiles[String(n)] = [bytes, { mtime: ZIP_MTIME, level: 0 }];
      n++;
    }
    files['media'] = [new TextEncoder().encode(JSON.stringify(mediaMap)), { mtime: ZIP_MTIME, level: 6 }];
    Object.assign(files, mediaFiles);
    return zipFiles(files);
  } finally {
    db.close();
  }
}
