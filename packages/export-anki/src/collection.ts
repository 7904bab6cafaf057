// The SQLite half of packing a deck: a schema-11 `collection.anki2` written by sql.js from rows already laid out
// as plain data (`PackInput`, made by pack.ts), zipped with the media into the `.apkg`. It needs no card, tree or
// model, so it runs as well in a thread of its own (pack-thread.ts) as in the caller's.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type initSqlJs from 'sql.js';
import type { Database, SqlJsStatic } from 'sql.js';
import { zipFiles, type ZipInput } from './zip.js';

/** Zip entry times are fixed; fflate writes local-time DOS fields, so a local-time date keeps them the same everywhere. */
const ZIP_MTIME = new Date(1980, 0, 1, 12, 0, 0);

/**
 * A deck's rows as plain data (numbers in typed arrays, texts as UTF-8 in one buffer): what the collection is
 * written from, cheap to copy to another thread (a few buffers, not an object per row).
 */
export interface PackInput {
  /** The `col` row: creation day, modification time (ms), and its JSON columns. */
  col: { crt: number; mod: number; conf: string; models: string; decks: string; dconf: string };
  /** Seconds since the epoch: each note's and card's `mod`. */
  epoch: number;
  /** Per note: id, note type id, field checksum. */
  notes: Float64Array;
  /** Per note: the UTF-8 of its GUID, tags, fields and sort field, one after another in `text`. */
  text: Uint8Array;
  /** Where each of those texts ends in `text` (four per note). */
  ends: Uint32Array;
  /** Texts that are not well-formed UTF-16 (a lone surrogate), by their index in `ends`: stored as they are. */
  odd: [index: number, text: string][];
  /** Per card: id, note id, deck id, ord, due. */
  cards: Float64Array;
  /** The media files' bytes, in the order of the `media` map (`"0"`, `"1"`…), and the map's JSON. */
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

/** An empty collection: the schema, ready for `writeApkg`. */
export interface Collection {
  SQL: SqlJsStatic;
  db: Database;
}

/** sql.js loaded and an empty collection made (the part of packing that does not depend on the deck). */
export async function openCollection(): Promise<Collection> {
  const SQL = await loadSqlJs();
  const db = new SQL.Database();
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
  return { SQL, db };
}

/** The rows → the `.apkg` (zip of the collection and the `media` map). Closes the collection. Same input, same bytes. */
export function writeApkg({ db }: Collection, input: PackInput): Uint8Array {
  try {
    const { col, epoch, notes, text, ends, cards } = input;
    db.run('insert into col values (1, ?, ?, ?, 11, 0, 0, 0, ?, ?, ?, ?, ?)', [
      col.crt,
      col.mod,
      col.mod,
      col.conf,
      col.models,
      col.decks,
      col.dconf,
      '{}',
    ]);
    db.exec('begin');
    // Text goes in as UTF-8 bytes cast back to text (the same stored value): sql.js encodes a bound string in a
    // JavaScript loop, where TextEncoder and a blob copy are native.
    const insertNote = db.prepare(
      "insert into notes values (?, cast(? as text), ?, ?, -1, cast(? as text), cast(? as text), cast(? as text), ?, 0, '')",
    );
    const insertCard = db.prepare("insert into cards values (?, ?, ?, ?, ?, -1, 0, 0, ?, 0, 0, 0, 0, 0, 0, 0, 0, '')");
    const odd = new Map(input.odd);
    const textAt = (index: number): Uint8Array | string =>
      odd.get(index) ?? text.subarray(index === 0 ? 0 : ends[index - 1]!, ends[index]);
    const noteCount = notes.length / 3;
    let c = 0;
    for (let i = 0; i < noteCount; i++) {
      const id = notes[i * 3]!;
      insertNote.run([
        id,
        textAt(i * 4),
        notes[i * 3 + 1]!,
        epoch,
        textAt(i * 4 + 1),
        textAt(i * 4 + 2),
        textAt(i * 4 + 3),
        notes[i * 3 + 2]!,
      ]);
      // A cloze note's cards are siblings, right after their note: same deck, same position among new cards.
      for (; c < cards.length && cards[c + 1] === id; c += 5)
        insertCard.run([cards[c]!, id, cards[c + 2]!, cards[c + 3]!, epoch, cards[c + 4]!]);
    }
    insertNote.free();
    insertCard.free();
    db.exec(INDEXES);
    db.exec('commit');
    const collection = db.export();
    const files: Record<string, ZipInput> = { 'collection.anki2': [collection, { mtime: ZIP_MTIME, level: 1 }] };
    files['media'] = [new TextEncoder().encode(input.mediaMap), { mtime: ZIP_MTIME, level: 6 }];
    input.media.forEach((bytes, n) => (files[String(n)] = [bytes, { mtime: ZIP_MTIME, level: 0 }]));
    return zipFiles(files);
  } finally {
    db.close();
  }
}
