import MiniSearch from 'minisearch';
import type { SiteNote as Note } from '../src/site-data.js';
import { normalizeTerm, tokenize } from './tokenize.js';

/** One searchable note. */
interface Entry {
  id: string;
  title: string;
  text: string;
  cells: string;
}

/** A ranked result. */
export interface Hit {
  id: string;
  score: number;
}

/** Title words weigh most: a question about Kinesis ranks above an answer that mentions it. */
const BOOST = { title: 4, cells: 1.5, text: 1 };
/** Results shown at once (the rest are counted). */
export const MAX_RESULTS = 50;

/** The text of a note's tables, cell by cell (headers too), for the index. */
export function tableText(note: Note): string {
  return note.tables.map((t) => [t.columns.join(' '), ...t.rows.map((r) => r.join(' '))].join('\n')).join('\n');
}

/** Notes indexed per slice of work: the page stays responsive while a big index is built. */
const CHUNK = 250;

function entry(n: Note): Entry {
  return { id: n.id, title: n.title, text: n.text, cells: n.tables.length ? tableText(n) : '' };
}

/** Full-text search over titles, answers and table cells with MiniSearch, ranked by BM25. */
export class NotesIndex {
  private readonly index = new MiniSearch<Entry>({
    fields: ['title', 'text', 'cells'],
    storeFields: [],
    tokenize,
    processTerm: (term) => normalizeTerm(term),
    searchOptions: { boost: BOOST, prefix: true, combineWith: 'AND' },
  });

  /** Index the notes at once. */
  static of(notes: readonly Note[]): NotesIndex {
    const index = new NotesIndex();
    index.index.addAll(notes.map(entry));
    return index;
  }

  /** Index the notes a slice at a time, yielding to the page between slices. */
  static async build(notes: readonly Note[]): Promise<NotesIndex> {
    const index = new NotesIndex();
    await index.index.addAllAsync(notes.map(entry), { chunkSize: CHUNK });
    return index;
  }

  /** Notes matching every term of the query (prefixes count), best first; any term when none match all. */
  search(query: string): Hit[] {
    if (tokenize(query).length === 0) return [];
    let results = this.index.search(query);
    if (results.length === 0) results = this.index.search(query, { combineWith: 'OR' });
    return results.map((r) => ({ id: String(r.id), score: r.score }));
  }
}
