import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildDocument, sourceFromText, type ModelDocument } from '@notes/core';
import { unzipSync, strFromU8 } from 'fflate';
import initSqlJs from 'sql.js';

export const FIXTURES = resolve(import.meta.dirname, 'fixtures');

/** A fixture as a model document, its absolute path set so images resolve beside it. */
export function fixtureDocument(name: string, edit: (text: string) => string = (t) => t): ModelDocument {
  const absolute = resolve(FIXTURES, name);
  const source = sourceFromText(edit(readFileSync(absolute, 'utf8')), name);
  return buildDocument({ ...source, absolutePath: absolute });
}

export interface OpenedNote {
  id: number;
  guid: string;
  mid: number;
  mod: number;
  usn: number;
  tags: string;
  fields: string[];
  sfld: string | number;
  csum: number;
}

export interface OpenedCard {
  id: number;
  nid: number;
  did: number;
  ord: number;
  mod: number;
  due: number;
}

export interface OpenedApkg {
  members: string[];
  media: Record<string, string>;
  files: Record<string, Uint8Array>;
  ver: number;
  colMod: number;
  models: Record<
    string,
    {
      id: number;
      name: string;
      mod: number;
      sortf: number;
      flds: { name: string; ord: number }[];
      tmpls: { qfmt: string; afmt: string }[];
      css: string;
    }
  >;
  decks: Record<string, { id: number; name: string }>;
  dconf: Record<string, Record<string, unknown>>;
  notes: OpenedNote[];
  cards: OpenedCard[];
}

let sql: ReturnType<typeof initSqlJs> | undefined;

/** Unzip an .apkg with fflate and read its collection with sql.js: what the tests assert on. */
export async function openApkg(bytes: Uint8Array): Promise<OpenedApkg> {
  const files = unzipSync(bytes);
  const collection = files['collection.anki2'];
  if (!collection) throw new Error('no collection.anki2 member');
  sql ??= initSqlJs();
  const SQL = await sql;
  const db = new SQL.Database(collection);
  try {
    const rows = (query: string): Record<string, unknown>[] => {
      const [result] = db.exec(query);
      if (!result) return [];
      return result.values.map((values) => Object.fromEntries(result.columns.map((c, i) => [c, values[i]])));
    };
    const col = rows('select ver, mod, models, decks, dconf from col')[0]!;
    return {
      members: Object.keys(files),
      media: JSON.parse(strFromU8(files['media']!)) as Record<string, string>,
      files,
      ver: col['ver'] as number,
      colMod: col['mod'] as number,
      models: JSON.parse(col['models'] as string),
      decks: JSON.parse(col['decks'] as string),
      dconf: JSON.parse(col['dconf'] as string),
      notes: rows('select id, guid, mid, mod, usn, tags, flds, sfld, csum from notes order by id').map((r) => ({
        ...(r as unknown as OpenedNote),
        fields: (r['flds'] as string).split('\x1f'),
      })),
      cards: rows('select id, nid, did, ord, mod, due from cards order by id') as unknown as OpenedCard[],
    };
  } finally {
    db.close();
  }
}
