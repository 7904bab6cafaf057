// Prepared statements on SQLite's C API as sql.js exports it, for the deck's many inserts: sql.js's own Statement
// allocates and frees a copy of every bound text and dispatches every value through its JavaScript glue, where
// here a part's texts are copied into SQLite's memory once and bound where they lie.
import type { Database, SqlJsStatic } from 'sql.js';

/** The C functions and helpers sql.js exports on its module (`initSqlJs()`'s result). */
export interface SqliteApi {
  _malloc(bytes: number): number;
  _free(pointer: number): void;
  _sqlite3_prepare_v2(db: number, sql: number, bytes: number, statement: number, tail: number): number;
  _sqlite3_bind_text(statement: number, index: number, text: number, bytes: number, destructor: number): number;
  _sqlite3_bind_int(statement: number, index: number, value: number): number;
  _sqlite3_bind_double(statement: number, index: number, value: number): number;
  _sqlite3_step(statement: number): number;
  _sqlite3_reset(statement: number): number;
  _sqlite3_finalize(statement: number): number;
  _sqlite3_errmsg(db: number): number;
  UTF8ToString(pointer: number): string;
  stringToNewUTF8(text: string): number;
  lengthBytesUTF8(text: string): number;
}

const SQLITE_OK = 0;
const SQLITE_DONE = 101;
/** The destructor argument for memory that stays valid until the statement has run. */
const SQLITE_STATIC = 0;

/** sql.js's module with its C API, and the WebAssembly memory SQLite lives in. */
export interface Sqlite {
  SQL: SqlJsStatic;
  api: SqliteApi;
  memory: { buffer: ArrayBuffer };
}

/** The C handle of a sql.js database (its `db`). */
function handleOf(db: Database): number {
  const handle = (db as Database & { db?: unknown }).db;
  if (typeof handle !== 'number') throw new Error('sql.js: the database has no handle (an unknown sql.js version)');
  return handle;
}

/**
 * One prepared statement for inserts: bind every parameter (numbers as sql.js binds them: 32-bit integers as
 * integers, others as doubles; texts by pointer), then `run`. Same stored values as sql.js's `run`.
 */
export class RawStatement {
  private readonly statement: number;
  private readonly db: number;
  private readonly strings: number[] = [];

  constructor(
    private readonly sqlite: Sqlite,
    db: Database,
    sql: string,
  ) {
    const { api, memory } = sqlite;
    this.db = handleOf(db);
    const text = api.stringToNewUTF8(sql);
    const out = api._malloc(4);
    try {
      this.check(api._sqlite3_prepare_v2(this.db, text, -1, out, 0), SQLITE_OK);
      this.statement = new DataView(memory.buffer).getUint32(out, true);
    } finally {
      api._free(out);
      api._free(text);
    }
  }

  private check(code: number, expected: number): void {
    if (code !== expected) throw new Error(this.sqlite.api.UTF8ToString(this.sqlite.api._sqlite3_errmsg(this.db)));
  }

  number(index: number, value: number): void {
    const { api } = this.sqlite;
    this.check(
      (value | 0) === value
        ? api._sqlite3_bind_int(this.statement, index, value)
        : api._sqlite3_bind_double(this.statement, index, value),
      SQLITE_OK,
    );
  }

  /** Text already in SQLite's memory, valid until `run` returns. */
  text(index: number, pointer: number, bytes: number): void {
    this.check(this.sqlite.api._sqlite3_bind_text(this.statement, index, pointer, bytes, SQLITE_STATIC), SQLITE_OK);
  }

  /** A string, encoded as sql.js encodes a bound string (lone surrogates included). */
  string(index: number, value: string): void {
    const { api } = this.sqlite;
    const pointer = api.stringToNewUTF8(value);
    this.strings.push(pointer);
    this.text(index, pointer, api.lengthBytesUTF8(value));
  }

  run(): void {
    const { api } = this.sqlite;
    try {
      this.check(api._sqlite3_step(this.statement), SQLITE_DONE);
    } finally {
      api._sqlite3_reset(this.statement);
      for (const pointer of this.strings) api._free(pointer);
      this.strings.length = 0;
    }
  }

  free(): void {
    this.sqlite.api._sqlite3_finalize(this.statement);
  }
}

/** A part's texts copied into SQLite's memory (`free` them after the rows that bind them have run). */
export function copyIn({ api, memory }: Sqlite, bytes: Uint8Array): number {
  const pointer = api._malloc(Math.max(1, bytes.length));
  new Uint8Array(memory.buffer).set(bytes, pointer);
  return pointer;
}
