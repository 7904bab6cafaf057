// The id map: which GUID each Anki note got in the last export, so that a renamed question (new note id, same
// answer) keeps its GUID and its review history, and notes gone since are said out loud.
import { Buffer } from 'node:buffer';
import { idWords } from '@notes/core';
import { sha1Hex } from './ids.js';
import { CLOZE_TYPE, COMPARISON_TYPE, QUESTION_TYPE, REVERSE_TYPE } from './notetypes.js';
import type { AnkiCard, AnkiCardList } from './render.js';
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

/**
 * Two answers whose words and word pairs overlap at least this much (Jaccard) are the same answer. Measured on
 * the seed and a corpus: one word changed 0.67 or more, a sentence added 0.56 or more; two unrelated answers
 * 0.38 at most, two rows of one table 0.53 at most.
 */
export const RENAME_MIN_SIMILARITY = 0.55;

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

/** Hashes kept per answer: answers up to this many distinct words and word pairs are compared exactly. */
export const SKETCH_SIZE = 32;

/**
 * Feature hashes already computed in one export, so that a word or word pair common to many answers is hashed
 * once: words to a number each, word pairs by those numbers.
 */
export class SketchCache {
  readonly words = new Map<string, { id: number; hash: number }>();
  readonly pairs = new Map<number, number>();
}

/** Word ids below this make a pair key below 2^30, a small integer for the engine: no number object per look-up. */
const SMALL_ID = 2 ** 15;

/** Scratch space for one answer's feature hashes (grown as needed; sketches are made one at a time). */
let hashBuffer = new Uint32Array(256);

/** A sketch's text as bytes (one sketch at a time), and the hex digits' character codes. */
const sketchBytes = Buffer.alloc(SKETCH_SIZE * 8);
const HEX_DIGITS = Buffer.from('0123456789abcdef', 'latin1');

/** The first 32 bits of a feature's sha1, as an unsigned number (its first 8 hex digits). */
function featureHash(feature: string): number {
  return Number.parseInt(sha1Hex(feature).slice(0, 8), 16);
}

/**
 * A bottom-k MinHash sketch (Broder 1997) of a text's words and word pairs: the 32 smallest of their distinct 32-bit
 * hashes, as 8 hex digits each, concatenated in order. A cache shared by the answers of one export saves hashing a
 * feature twice (same sketch with or without it).
 */
export function answerSketch(text: string, cache: SketchCache = new SketchCache()): string {
  const words = idWords(text);
  if (words.length === 0) return '';
  if (hashBuffer.length < words.length * 2) hashBuffer = new Uint32Array(words.length * 4);
  const hashes = hashBuffer;
  let previous = -1;
  let n = 0;
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    let known = cache.words.get(word);
    if (known === undefined) {
      known = { id: cache.words.size, hash: featureHash(word) };
      cache.words.set(word, known);
    }
    hashes[n++] = known.hash;
    if (previous >= 0) {
      // A pair's key is exact while word ids stay below 2^26 (always, in practice); past that, no cache. Keys of
      // small ids (below SMALL_ID) and of larger ones cannot meet: a large key is at least 2^26 * SMALL_ID.
      const key =
        previous < SMALL_ID && known.id < SMALL_ID
          ? previous * SMALL_ID + known.id
          : known.id < 2 ** 26
            ? (previous + SMALL_ID) * 2 ** 26 + known.id
            : -1;
      let pair = key < 0 ? undefined : cache.pairs.get(key);
      if (pair === undefined) {
        pair = featureHash(`${words[i - 1]} ${word}`);
        if (key >= 0) cache.pairs.set(key, pair);
      }
      hashes[n++] = pair;
    }
    previous = known.id;
  }
  const sorted = hashes.subarray(0, n).sort();
  // The hex digits are written as bytes and read as one string: no string per hash.
  const out = sketchBytes;
  let length = 0;
  for (let i = 0; i < n && length < SKETCH_SIZE * 8; i++) {
    const h = sorted[i]!;
    if (i > 0 && h === sorted[i - 1]) continue;
    for (let shift = 28; shift >= 0; shift -= 4) out[length++] = HEX_DIGITS[(h >>> shift) & 15]!;
  }
  return out.toString('latin1', 0, length);
}

function sketchHashes(sketch: string): string[] {
  return sketch.match(/[0-9a-f]{8}/g) ?? [];
}

/** A sketch's hashes as numbers, ascending and distinct: what `similarity` compares. */
function sketchNumbers(sketch: string): Float64Array {
  return Float64Array.from(new Set(sketchHashes(sketch).map((h) => Number.parseInt(h, 16)))).sort();
}

/** `sketchSimilarity` of two sketches as `sketchNumbers`: one merge of the two sorted lists. */
function similarity(a: Float64Array, b: Float64Array): number {
  let i = 0;
  let j = 0;
  let union = 0;
  let both = 0;
  while (union < SKETCH_SIZE && (i < a.length || j < b.length)) {
    const x = i < a.length ? a[i]! : Infinity;
    const y = j < b.length ? b[j]! : Infinity;
    if (x === y) {
      both++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
    union++;
  }
  return union === 0 ? 1 : both / union;
}

/**
 * Estimated Jaccard similarity of two answers from their sketches: of the smallest hashes of both together, the
 * share both hold (1 the same, 0 nothing in common; exact for short answers).
 */
export function sketchSimilarity(a: string, b: string): number {
  return similarity(sketchNumbers(a), sketchNumbers(b));
}

/** Whether two answers count as the same for a rename (the threshold, inclusive). */
export function sameAnswer(a: string, b: string): boolean {
  return sketchSimilarity(a, b) >= RENAME_MIN_SIMILARITY;
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
  const old = previous?.notes ?? {};
  const keys = list.cards.map(cardKey);
  const present = new Set(keys);
  const gone = Object.keys(old)
    .filter((k) => !present.has(k))
    .sort();
  const cache = new SketchCache();
  const sketches = list.cards.map((card) => answerSketch(answerText(card), cache));
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
    const mine = sketchNumbers(sketches[i]!);
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
  const notes: Record<string, IdMapEntry> = {};
  const sortedKeys = keys.map((k, i) => [k, i] as const).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [key, i] of sortedKeys) {
    const card = cards[i]!;
    notes[key] = {
      guid: card.guid,
      kind: card.kind,
      deck: card.deck,
      title: titleOf(card),
      sketch: sketches[i]!,
      search: searchFor(card),
    };
  }
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
  return { list: { ...list, cards }, map: { version: 1, notes }, renamed, orphans };
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
