import type { Root, RootContent } from 'mdast';
import { parseMarkdown, sectionStarts } from '@notes/core';
import { parseForLint } from './engine/parse.js';

/** A parse function that remembers what it parsed: give it one document's successive texts. */
export interface IncrementalParse {
  (text: string): Root;
  /** Sections parsed and sections reused, over every call so far. */
  readonly stats: { parsed: number; reused: number };
}

interface Point {
  line: number;
  column: number;
  offset?: number;
}

const FRONT_MATTER = /^(?:---|\+\+\+)[ \t]*\r?\n/;

/** Where front matter ends (its closing fence line included), or 0: a `#` comment in YAML is no heading. */
function frontMatterEnd(text: string): number {
  const open = FRONT_MATTER.exec(text);
  if (!open) return 0;
  const close = open[0].startsWith('+') ? /^\+\+\+[ \t]*\r?$/ : /^(?:---|\.\.\.)[ \t]*\r?$/;
  let pos = open[0].length;
  while (pos < text.length) {
    let end = text.indexOf('\n', pos);
    if (end === -1) end = text.length;
    if (close.test(text.slice(pos, end))) return Math.min(end + 1, text.length);
    pos = end + 1;
  }
  return text.length;
}

function countNewlines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** A copy of a parsed node with its positions moved down `lines` lines and on `offset` characters. */
function shifted<T>(value: T, lines: number, offset: number): T {
  if (Array.isArray(value)) return value.map((v: unknown) => shifted(v, lines, offset)) as T;
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (key === 'position' && v && typeof v === 'object') {
      const { start, end } = v as { start: Point; end: Point };
      out[key] = {
        start: { line: start.line + lines, column: start.column, offset: (start.offset ?? 0) + offset },
        end: { line: end.line + lines, column: end.column, offset: (end.offset ?? 0) + offset },
      };
    } else out[key] = shifted(v, lines, offset);
  }
  return out as T;
}

/** The two parses an incremental parser can stand in for. */
export type ParseKind = 'lint' | 'full';

const KINDS: Record<
  ParseKind,
  { whole: (text: string) => Root; piece: (text: string) => Root; sections: (text: string) => boolean }
> = {
  // parseForLint: core's parseMarkdown, the same parse as `full` (the kinds stay for callers).
  lint: { whole: parseForLint, piece: parseForLint, sections: () => true },
  // core's parseMarkdown, which parses big tables in row batches: a section holding one does the same alone.
  full: { whole: parseMarkdown, piece: parseMarkdown, sections: () => true },
};

/**
 * `parseForLint` (kind `lint`) or core's `parseMarkdown` (kind `full`) of successive versions of one document,
 * parsing again only the sections that changed. A document splits into sections at top-level ATX headings
 * (core's `sectionStarts`: outside code, HTML blocks and front matter), each of which parses the same alone as in
 * the whole text; a section whose text was seen in the last two calls reuses that parse, copied to its new place.
 * Documents with link or footnote definitions (document-wide) are parsed whole. The cache belongs to the
 * returned function: one per open document and kind.
 */
export function incrementalParser(kind: ParseKind = 'lint'): IncrementalParse {
  const { whole, piece: parsePiece, sections } = KINDS[kind];
  // Two generations: a rule may parse a variant of the text (the fix's) between two versions of it.
  let older = new Map<string, readonly RootContent[]>();
  let previous = new Map<string, readonly RootContent[]>();
  const stats = { parsed: 0, reused: 0 };
  const parse = (text: string): Root => {
    // micromark drops a leading BOM from its offsets: such a text (never one from a SourceFile) is parsed whole.
    const starts = sections(text) && !text.startsWith('\uFEFF') ? sectionStarts(text) : null;
    if (starts === null || starts.length === 0) return whole(text);
    const fm = frontMatterEnd(text);
    const bounds = [0, ...starts.filter((s) => s >= fm), text.length];
    const next = new Map<string, readonly RootContent[]>();
    const children: RootContent[] = [];
    let lines = 0;
    for (let i = 0; i + 1 < bounds.length; i++) {
      const from = bounds[i]!;
      const piece = text.slice(from, bounds[i + 1]);
      let parsed = next.get(piece) ?? previous.get(piece) ?? older.get(piece);
      if (parsed) stats.reused++;
      else {
        parsed = parsePiece(piece).children;
        stats.parsed++;
      }
      next.set(piece, parsed);
      for (const child of parsed) children.push(shifted(child, lines, from));
      lines += countNewlines(piece);
    }
    older = previous;
    previous = next;
    const lastLineStart = text.lastIndexOf('\n') + 1;
    return {
      type: 'root',
      children,
      position: {
        start: { line: 1, column: 1, offset: 0 },
        end: { line: lines + 1, column: text.length - lastLineStart + 1, offset: text.length },
      },
    };
  };
  return Object.assign(parse, { stats });
}
