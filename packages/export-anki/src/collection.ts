// The SQLite half of packing a deck: a schema-11 `collection.anki2` written by sql.js from rows already laid out
// as plain data (`PackRows`, made by pack.ts), zipped with the media into the `.apkg`. It needs no card, tree or
// model, so it runs as well in a thread of its own (pack-thread.ts) as in the caller's.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type initSqlJs from 'sql.js';
import type { Database } from 'sql.js';
import { copyIn, RawStatement, type Sqlite, type SqliteApi } from './sqlite-raw.js';
import { zipFiles, type ZipInput } from './zip.js';

/** Zip entry times are fixed; fflate writes local-time DOS fields, so a local-time date keeps them the same everywhere. */
const ZIP_MTIME = new Date(1980, 0, 1, 12, 0, 0);

/** How a collection starts: the `col` row (creation day, modification time in ms, its JSON columns) and the clock. */
export interface PackHead {
  col: { crt: number; mod: number; conf: string; models: string; decks: string; dconf: string };
  /** Seconds since the epoch: each note's and card's `mod`. */
  epoch: number;
}

/**
 * The rows of some notes and their cards, in order, as plain data (numbers in typed arrays, texts as UTF-8 in one
 * buffer): cheap to copy to another thread (a few buffers, not an object per row).
 */
export interface PackRows {
  /** Per note: id, note type id, field checksum. */
  notes: Float64Array;
  /** Per note: the UTF-8 of its GUID, tags, fields and sort field, one after another. */
  text: Uint8Array;
  /** Where each of those texts ends in `text` (four per note). */
  ends: Uint32Array;
  /** Texts that are not well-formed UTF-16 (a lone surrogate), by their index in `ends`: stored as they are. */
  odd: [index: number, text: string][];
  /** Per card of those notes: id, note id, deck id, ord, due. */
  cards: Float64Array;
}

/** How the package ends: the media files' bytes, in the order of the `media` map (`"0"`, `"1"`…), and its JSON. */
export interface PackTail {
  media: Uint8Array[];
  mediaMap: string;
}

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
  Memory: new (descriptor: { initial: number }) => object;
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
async function loadSqlJs(): Promise<Sqlite> {
  // A require of its own too: the module that requires keeps every module it loaded (`children`).
  const require = createRequire(import.meta.url);
  const path = require.resolve('sql.js');
  delete require.cache[path];
  const init = require(path) as typeof initSqlJs;
  delete require.cache[path];
  compiled ??= readFile(join(dirname(path), 'sql-wasm.wasm')).then((bytes) => wasm.compile(bytes));
  const module = await compiled;
  let memory: { buffer: ArrayBuffer } | undefined;
  const SQL = await init({
    instantiateWasm(imports, done) {
      const instance = new wasm.Instance(module, imports) as { exports: Record<string, unknown> };
      // SQLite's memory: the module's exported one (or the one it imports).
      memory = [
        ...Object.values(instance.exports),
        ...Object.values(imports as Record<string, object>).flatMap((m): unknown[] => Object.values(m)),
      ].find((value) => value instanceof wasm.Memory) as { buffer: ArrayBuffer } | undefined;
      done(instance);
      return {};
    },
  });
  if (!memory) throw new Error('sql.js: no WebAssembly memory found (an unknown sql.js version)');
  return { SQL, api: SQL as unknown as SqliteApi, memory };
}

/** An empty collection: the schema, ready for `writeApkg`. */
export interface Collection {
  sqlite: Sqlite;
  db: Database;
}

/** sql.js loaded and an empty collection made (the part of packing that does not depend on the deck). */
export async function openCollection(): Promise<Collection> {
  const sqlite = await loadSqlJs();
  const db = new sqlite.SQL.Database();
  try {
    // The whole collection stays in SQLite's page cache until commit: one pass over the in-memory file, not one per row.
    db.exec(
      'pragma page_size = 4096; pragma journal_mode = off; pragma synchronous = off; pragma cache_size = -262144;',
    );
    db.exec(SCHEMA);
  } catch (error) {
    db.close();
    throw error;
  }
  return { sqlite, db };
}

/**
 * Writes a deck into an empty collection: `begin` with the head, `add` the rows in order (in as many parts as
 * wanted), `end` with the tail gives the `.apkg` (zip of the collection and the `media` map) and closes the
 * collection (`close` does if the writing stops). Same rows, same bytes, however they are cut into parts.
 */
export class CollectionWriter {
  private readonly db: Database;
  private readonly sqlite: Sqlite;
  private epoch = 0;
  private insertNote: RawStatement | null = null;
  private insertCard: RawStatement | null = null;

  constructor({ db, sqlite }: Collection) {
    this.db = db;
    this.sqlite = sqlite;
  }

  begin({ col, epoch }: PackHead): void {
    this.epoch = epoch;
    this.db.run('insert into col values (1, ?, ?, ?, 11, 0, 0, 0, ?, ?, ?, ?, ?)', [
      col.crt,
      col.mod,
      col.mod,
      col.conf,
      col.models,
      col.decks,
      col.dconf,
      '{}',
    ]);
    this.db.exec('begin');
    this.insertNote = new RawStatement(
      this.sqlite,
      this.db,
      "insert into notes values (?, ?, ?, ?, -1, ?, ?, ?, ?, 0, '')",
    );
    this.insertCard = new RawStatement(
      this.sqlite,
      this.db,
      "insert into cards values (?, ?, ?, ?, ?, -1, 0, 0, ?, 0, 0, 0, 0, 0, 0, 0, 0, '')",
    );
  }

  add({ notes, text, ends, odd: oddTexts, cards }: PackRows): void {
    const insertNote = this.insertNote!;
    const insertCard = this.insertCard!;
    const epoch = this.epoch;
    const odd = new Map(oddTexts);
    // The part's texts go into SQLite's memory once; each is bound where it lies (UTF-8, the stored bytes).
    const at = copyIn(this.sqlite, text);
    const bindText = (index: number, k: number): void => {
      const string = odd.get(k);
      if (string !== undefined) return insertNote.string(index, string);
      const start = k === 0 ? 0 : ends[k - 1]!;
      insertNote.text(index, at + start, ends[k]! - start);
    };
    try {
      const noteCount = notes.length / 3;
      let c = 0;
      for (let i = 0; i < noteCount; i++) {
        const id = notes[i * 3]!;
        insertNote.number(1, id);
        bindText(2, i * 4);
        insertNote.number(3, notes[i * 3 + 1]!);
        insertNote.number(4, epoch);
        bindText(5, i * 4 + 1);
        bindText(6, i * 4 + 2);
        bindText(7, i * 4 + 3);
        insertNote.number(8, notes[i * 3 + 2]!);
        insertNote.run();
        // A cloze note's cards are siblings, right after their note: same deck, same position among new cards.
        for (; c < cards.length && cards[c + 1] === id; c += 5) {
          insertCard.number(1, cards[c]!);
          insertCard.number(2, id);
          insertCard.number(3, cards[c + 2]!);
          insertCard.number(4, cards[c + 3]!);
          insertCard.number(5, epoch);
          insertCard.number(6, cards[c + 4]!);
          insertCard.run();
        }
      }
    } finally {
      this.sqlite.api._free(at);
    }
  }

  end({ media, mediaMap }: PackTail): Uint8Array {
    try {
      this.finalize();
      this.db.exec(INDEXES);
      this.db.exec('commit');
      const collection = this.db.export();
      const files: Record<string, ZipInput> = { 'collection.anki2': [collection, { mtime: ZIP_MTIME, level: 1 }] };
      files['media'] = [new TextEncoder().encode(mediaMap), { mtime: ZIP_MTIME, level: 6 }];
      media.forEach((bytes, n) => (files[String(n)] = [bytes, { mtime: ZIP_MTIME, level: 0 }]));
      return zipFiles(files);
    } finally {
      this.close();
    }
  }

  private finalize(): void {
    this.insertNote?.free();
    this.insertCard?.free();
    this.insertNote = this.insertCard = null;
  }

  close(): void {
    this.finalize();
    this.db.close();
  }
}

/** A whole deck's rows → the `.apkg`, in this thread. Closes the collection. */
export function writeApkg(
  collection: Collection,
  head: PackHead,
  rows: Iterable<PackRows>,
  tail: PackTail,
): Uint8Array {
  const writer = new CollectionWriter(collection);
  try {
    writer.begin(head);
    for (const part of rows) writer.add(part);
  } catch (error) {
    writer.close();
    throw error;
  }
  return writer.end(tail);
}
