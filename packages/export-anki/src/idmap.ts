// The id map: which GUID each Anki note got in the last export, so that a renamed question (new note id, same
// answer) keeps its GUID and its review history, and notes gone since are said out loud.
import { CLOZE_TYPE, COMPARISON_TYPE, QUESTION_TYPE, REVERSE_TYPE } from './notetypes.js';
import type { AnkiCard, AnkiCardList } from './render.js';
import { RENAME_MIN_SIMILARITY, SketchCache, answerSketch, similarity, sketchNumbers } from './sketch.js';
import { stripHtmlPreservingMedia } from './strip.js';

/** One Anki note of the last export. */
export interface IdMapEntry {
  guid: string;
  kind: AnkiCard['kind'];
  deck: string;
  /** How the note is named to a person (the question, the row…). */
  title: string;
  /** An Anki browser search that finds exactly this note. */
  search: string;
  /** MinHash sketch of the answer's words (`answerSketch`): compared, never read back as text. */
  sketch: string;
}

/** The id map: note keys (`q-…`, `q-…#row label`, `q-…#cloze`) to what the last export made of them. */
export interface IdMap {
  version: 1;
  notes: Record<string, IdMapEntry>;
}

/** A note that kept its old GUID under a new name. */
export interface Rename {
  from: string;
  to: string;
  guid: string;
}

/** A note of the last export that is gone, with an Anki browser search that finds exactly it. */
export interface Orphan {
  deck: string;
  title: string;
  guid: string;
  kind: AnkiCard['kind'];
  search: string;
}

/** What applying the map did. */
export interface IdMapResult {
  list: AnkiCardList;
  map: IdMap;
  renamed: Rename[];
  orphans: Orphan[];
}

/** The kind of each note type, for the search string. */
const NOTE_TYPE_NAME = {
  question: QUESTION_TYPE.name,
  comparison: COMPARISON_TYPE.name,
  cloze: CLOZE_TYPE.name,
  reverse: REVERSE_TYPE.name,
} as const;

/** The field whose text says what a note asks: its answer, or for a reverse card the clues on its front. */
function answerText(card: AnkiCard): string {
  const fields = card.fields as Record<string, string>;
  const html = card.kind === 'cloze' ? fields['Text'] : card.kind === 'reverse' ? fields['Front'] : fields['Back'];
  return stripHtmlPreservingMedia(html ?? '').replace(/\{\{c\d+::|\}\}/g, ' ');
}

function plain(html: string): string {
  return stripHtmlPreservingMedia(html.replace(/<[^>]*>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();
}

/** How a note is named to a person: its question, its row, or for cloze and reverse notes what they belong to. */
function titleOf(card: AnkiCard): string {
  switch (card.kind) {
    case 'question':
    case 'comparison':
      return plain(card.fields.Front);
    case 'cloze':
      return `${plain(card.fields.Context)} (cloze)`;
    case 'reverse':
      return `${plain(card.fields.Back)} (reverse, ${plain(card.fields.Context)})`;
  }
}

/** Text for an Anki search: quoted, with `"`, `\`, `*`, `_` escaped (Anki's search syntax). */
function searchValue(text: string): string {
  return `"${text.replace(/[\\"*_]/g, (c) => `\\${c}`)}"`;
}

/**
 * An Anki browser search that selects exactly this note: its deck, note type and the fields that name it, each
 * matched whole (`"Front:…"` is an exact match in Anki, against the field as stored). GUIDs cannot be searched
 * in Anki, and note ids change on import.
 */
export function searchFor(card: AnkiCard): string {
  const parts = [`deck:${card.deck}`, `note:${NOTE_TYPE_NAME[card.kind]}`];
  switch (card.kind) {
    case 'question':
    case 'comparison':
      parts.push(`Front:${card.fields.Front}`);
      break;
    case 'cloze':
      parts.push(`Context:${card.fields.Context}`, `Source:${card.fields.Source}`);
      break;
    case 'reverse':
      parts.push(`Back:${card.fields.Back}`, `Context:${card.fields.Context}`);
      break;
  }
  return parts.map(searchValue).join(' ');
}

/** The key of a card in the map: what its GUID is hashed from, readable. */
export function cardKey(card: AnkiCard & { key?: string }): string {
  return card.key ?? card.guid;
}

/**
 * Apply the last export's map to a fresh card list: a card whose key is new takes the GUID of a gone card of the
 * same kind whose answer is the same (best match first, each old card at most once). Returns the list with those
 * GUIDs, the new map, the renames and the orphans (gone cards nobody took), in a stable order.
 */
export function applyIdMap(list: AnkiCardList, previous: IdMap | null): IdMapResult {
  const matched = matchIdMap(list, previous);
  return { list: matched.list, map: matched.map(), renamed: matched.renamed, orphans: matched.orphans };
}

/**
 * `applyIdMap` in two steps: the GUIDs, renames and orphans now (all the deck needs), and the new map when `map` is
 * called (every note's answer sketch, title and search: the caller can pack the deck in another thread meanwhile).
 */
export function matchIdMap(list: AnkiCardList, previous: IdMap | null): Omit<IdMapResult, 'map'> & { map(): IdMap } {
  const old = previous?.notes ?? {};
  const keys = list.cards.map(cardKey);
  const present = new Set(keys);
  const gone = Object.keys(old)
    .filter((k) => !present.has(k))
    .sort();
  const cache = new SketchCache();
  // Made when needed: here only for the new notes a gone one may match (the map needs every one's).
  const sketches: (string | undefined)[] = new Array<string | undefined>(list.cards.length);
  const sketchOf = (i: number): string => (sketches[i] ??= answerSketch(answerText(list.cards[i]!), cache));
  const usedGuids = new Set(list.cards.map((c, i) => (old[keys[i]!] ? old[keys[i]!]!.guid : c.guid)));
  // Candidate pairs (new card, gone key), best first; ties broken by order so the result is deterministic.
  const pairs: { card: number; key: string; score: number }[] = [];
  // Two answers with no hash in common score 0: only gone notes sharing a hash with the new card are compared, so a
  // folder of renamed notes is not every new note against every gone one.
  // Two answers without a word (a card of images only) have empty sketches and count as the same (similarity 1).
  const postings = new Map<number, number[]>();
  const wordless: number[] = [];
  const goneNumbers = gone.map((key) => sketchNumbers(old[key]!.sketch));
  gone.forEach((_key, g) => {
    if (goneNumbers[g]!.length === 0) wordless.push(g);
    for (const h of goneNumbers[g]!) {
      const list = postings.get(h);
      if (list) list.push(g);
      else postings.set(h, [g]);
    }
  });
  list.cards.forEach((card, i) => {
    if (old[keys[i]!] || gone.length === 0) return;
    const mine = sketchNumbers(sketchOf(i));
    const candidates = new Set<number>(mine.length === 0 ? wordless : []);
    for (const h of mine) for (const g of postings.get(h) ?? []) candidates.add(g);
    // In the order of `gone`, as the pairs were found before.
    for (const g of [...candidates].sort((a, b) => a - b)) {
      const key = gone[g]!;
      const entry = old[key]!;
      if (entry.kind !== card.kind) continue;
      const score = similarity(mine, goneNumbers[g]!);
      if (score >= RENAME_MIN_SIMILARITY) pairs.push({ card: i, key, score });
    }
  });
  pairs.sort((a, b) => b.score - a.score || a.card - b.card || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const taken = new Map<number, string>();
  const claimed = new Set<string>();
  for (const pair of pairs) {
    if (taken.has(pair.card) || claimed.has(pair.key)) continue;
    // A GUID another card already holds stays with it.
    if (usedGuids.has(old[pair.key]!.guid)) continue;
    taken.set(pair.card, pair.key);
    claimed.add(pair.key);
  }
  const renamed: Rename[] = [];
  const cards = list.cards.map((card, i) => {
    const same = old[keys[i]!];
    if (same) return same.guid === card.guid ? card : { ...card, guid: same.guid };
    const from = taken.get(i);
    if (from === undefined) return card;
    const entry = old[from]!;
    const to = titleOf(card);
    renamed.push({
      from: entry.deck === card.deck ? entry.title : `${entry.deck} › ${entry.title}`,
      to: entry.deck === card.deck ? to : `${card.deck} › ${to}`,
      guid: entry.guid,
    });
    return { ...card, guid: entry.guid };
  });
  const map = (): IdMap => {
    const notes: Record<string, IdMapEntry> = {};
    const sortedKeys = keys.map((k, i) => [k, i] as const).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    for (const [key, i] of sortedKeys) {
      const card = cards[i]!;
      notes[key] = {
        guid: card.guid,
        kind: card.kind,
        deck: card.deck,
        title: titleOf(card),
        sketch: sketchOf(i),
        search: searchFor(card),
      };
    }
    return { version: 1, notes };
  };
  const orphans = gone
    .filter((k) => !claimed.has(k))
    .map((k) => {
      const entry = old[k]!;
      return {
        deck: entry.deck,
        title: entry.title,
        guid: entry.guid,
        kind: entry.kind,
        search: entry.search,
      };
    });
  return { list: { ...list, cards }, map, renamed, orphans };
}

/** Characters JSON.stringify writes other than as they are (controls, `"`, `\`; surrogates: lone ones are escaped). */
const JSON_ESCAPED = /[\u0000-\u001f"\\\ud800-\udfff]/;

/** JSON.stringify of a string, without the call for the common string that needs no escape. */
function quote(text: string): string {
  return JSON_ESCAPED.test(text) ? JSON.stringify(text) : `"${text}"`;
}

/** The map as text: one note a line, keys sorted, so a diff shows exactly the notes that changed. */
export function formatIdMap(map: IdMap): string {
  const lines = Object.entries(map.notes).map(
    ([key, entry]) =>
      `    ${quote(key)}: { "guid": ${quote(entry.guid)}, "kind": ${quote(entry.kind)}, "deck": ${quote(entry.deck)}, "title": ${quote(entry.title)}, "sketch": ${quote(entry.sketch)}, "search": ${quote(entry.search)} }`,
  );
  return `{\n  "version": 1,\n  "notes": {${lines.length ? `\n${lines.join(',\n')}\n  ` : ''}}\n}\n`;
}

const KINDS = new Set(['question', 'comparison', 'cloze', 'reverse']);

/** Read a map's text; throws an Error saying what is wrong (the CLI names the file). */
export function parseIdMap(text: string): IdMap {
  const data = JSON.parse(text) as unknown;
  if (typeof data !== 'object' || data === null || (data as IdMap).version !== 1)
    throw new Error('not a notes id map (version 1)');
  const notes = (data as { notes?: unknown }).notes;
  if (typeof notes !== 'object' || notes === null) throw new Error('no "notes" object');
  for (const [key, entry] of Object.entries(notes as Record<string, unknown>)) {
    const e = entry as Partial<IdMapEntry> | null;
    if (
      !e ||
      typeof e.guid !== 'string' ||
      !KINDS.has(String(e.kind)) ||
      typeof e.deck !== 'string' ||
      typeof e.title !== 'string' ||
      typeof e.sketch !== 'string' ||
      typeof e.search !== 'string' ||
      !/^(?:[0-9a-f]{8})*$/.test(e.sketch)
    )
      throw new Error(`entry ${JSON.stringify(key)} is malformed`);
  }
  return data as IdMap;
}
