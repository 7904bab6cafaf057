import { createRequire } from 'node:module';
import type { Root, RootContent, Table } from 'mdast';
import { fastParse, FastParseUnsupported } from './fastparse/parse.js';
import {
  ATX,
  BATCH,
  countLines,
  DEFINITION,
  headingStarts,
  insideRaw,
  openRaw,
  parseInSections,
  rootOf,
  shift,
  type RawState,
} from './sections.js';

interface Parser {
  parse(text: string): Root;
}

let cached: Parser | undefined;

/**
 * remark-parse + remark-gfm + remark-frontmatter, loaded on the first parse (Node ≥ 20.19 requires ES modules
 * synchronously): `notes lint` on small files uses its lean parse and never loads these ~40 modules.
 */
function processor(): Parser {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  const { unified } = require('unified') as typeof import('unified');
  const remarkParse = (require('remark-parse') as typeof import('remark-parse')).default;
  const remarkGfm = (require('remark-gfm') as typeof import('remark-gfm')).default;
  const remarkFrontmatter = (require('remark-frontmatter') as typeof import('remark-frontmatter')).default;
  cached = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml']).freeze();
  return cached;
}

/** Files at least this long are parsed section by section (see parseMarkdown). */
export const CHUNK_THRESHOLD = 256 * 1024;

/**
 * Offsets where a top-level ATX heading starts a new section (see headingStarts), or null when the file has link or
 * footnote definitions (they are document-wide: remark's batches would not see them).
 */
export function sectionStarts(text: string): number[] | null {
  return DEFINITION.test(text) ? null : headingStarts(text);
}

/** Tables with at least this many body rows are parsed in batches of rows (see parseMarkdown). */
export const BIG_TABLE_ROWS = 256;
/** Body rows per batch: micromark's table tokenizer is quadratic in rows, so a batch bounds the cost per row. */
const ROW_BATCH = 64;

const DELIMITER_ROW = /^\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;
const BLANK = /^[ \t]*$/;
/** Lines that open a construct which may run past the next blank line (or is not a table row). */
const UNSAFE_AFTER_TABLE = /^ {0,3}(?:`{3,}|~{3,}|<|[-*+](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$))/;
const FRONT_MATTER = /^(?:---|\+\+\+)[ \t]*\r?\n/;

/** A big top-level table: `start` (head row), `body` (first body row), each body row's start, and where it ends. */
export interface TableRegion {
  start: number;
  body: number;
  rows: number[];
  /** Offset of the first line after the table (and any lines that continue it up to the next blank line). */
  end: number;
}

/**
 * Top-level GFM tables with at least `minRows` body rows that can be parsed apart from the rest of the file:
 * a head row at column 0 starting with `|` after a blank line, a heading or the start of the file; body rows
 * starting with `|`. Lines after the last `|` row up to the next blank line stay with the table (they may be
 * rows too), unless one of them could open a list, fence or HTML block, in which case the table is left alone.
 * Outside fenced code, HTML comments, raw HTML blocks and front matter. Empty when the file has definitions.
 */
export function bigTables(text: string, minRows = BIG_TABLE_ROWS): TableRegion[] {
  if (DEFINITION.test(text)) return [];
  const lines: number[] = [];
  for (let pos = 0; pos <= text.length;) {
    lines.push(pos);
    const nl = text.indexOf('\n', pos);
    if (nl === -1) break;
    pos = nl + 1;
  }
  const lineAt = (i: number): string => {
    const from = lines[i]!;
    let to = i + 1 < lines.length ? lines[i + 1]! - 1 : text.length;
    if (to > from && text.charCodeAt(to - 1) === 13) to--;
    return text.slice(from, to);
  };
  const regions: TableRegion[] = [];
  let i = 0;
  const fm = FRONT_MATTER.exec(text);
  if (fm) {
    const close = fm[0].startsWith('-') ? /^(?:---|\.\.\.)[ \t]*$/ : /^\+\+\+[ \t]*$/;
    let j = 1;
    while (j < lines.length && !close.test(lineAt(j))) j++;
    i = j + 1;
  }
  const state: RawState = { fence: null, htmlEnd: null };
  let previousOpen = true; // the previous line was blank, a heading or the start
  for (; i < lines.length; i++) {
    const line = lineAt(i);
    if (insideRaw(state, line)) {
      previousOpen = false;
      continue;
    }
    if (
      previousOpen &&
      line.startsWith('|') &&
      i + 1 < lines.length &&
      lineAt(i + 1).includes('|') &&
      DELIMITER_ROW.test(lineAt(i + 1))
    ) {
      let j = i + 2;
      while (j < lines.length && text.charCodeAt(lines[j]!) === 124 /* | */) j++;
      const rowCount = j - (i + 2);
      if (rowCount >= minRows) {
        let k = j;
        let safe = true;
        while (k < lines.length && !BLANK.test(lineAt(k))) {
          if (UNSAFE_AFTER_TABLE.test(lineAt(k))) safe = false;
          k++;
        }
        if (k === lines.length - 1 && lines[k] === text.length) k = lines.length; // a final newline
        if (safe) {
          const rows: number[] = [];
          for (let r = i + 2; r < j; r++) rows.push(lines[r]!);
          regions.push({
            start: lines[i]!,
            body: lines[i + 2]!,
            rows,
            end: k < lines.length ? lines[k]! : text.length,
          });
          i = k - 1;
          previousOpen = true;
          continue;
        }
      }
    }
    if (ATX.test(line) || BLANK.test(line)) {
      previousOpen = true;
      continue;
    }
    previousOpen = false;
    openRaw(state, line);
  }
  return regions;
}

/** Parse text[from, to) (a run of whole top-level blocks) and push its blocks, shifted to file positions. */
function parseRun(text: string, from: number, to: number, line: number, out: RootContent[]): void {
  const run = text.slice(from, to);
  const starts = run.length >= CHUNK_THRESHOLD ? sectionStarts(run) : null;
  const cuts = [0];
  if (starts) for (const s of starts) if (s - cuts[cuts.length - 1]! >= BATCH) cuts.push(s);
  cuts.push(run.length);
  for (let i = 0; i + 1 < cuts.length; i++) {
    const chunk = run.slice(cuts[i], cuts[i + 1]);
    for (const child of processor().parse(chunk).children) {
      shift(child, line, from + cuts[i]!);
      out.push(child);
    }
    line += countLines(chunk, 0, chunk.length);
  }
}

/**
 * Parse a big table in batches (head row + delimiter row + up to ROW_BATCH body rows each) and merge the rows
 * into one table node with file positions. Returns false, pushing nothing, if a batch does not parse as the
 * expected table (then the caller parses the whole file at once).
 */
function parseTable(text: string, region: TableRegion, line: number, out: RootContent[], batch: number): boolean {
  const head = text.slice(region.start, region.body);
  const headLines = countLines(head, 0, head.length);
  let table: Table | undefined;
  const after: RootContent[] = [];
  let rowLine = line + headLines;
  for (let b = 0; b < region.rows.length; b += batch) {
    const last = b + batch >= region.rows.length;
    const from = region.rows[b]!;
    const to = last ? region.end : region.rows[b + batch]!;
    const tree = processor().parse(head + text.slice(from, to));
    const first = tree.children[0];
    const wanted = Math.min(batch, region.rows.length - b) + 1;
    if (first?.type !== 'table' || first.position?.start.offset !== 0) return false;
    if (last ? first.children.length < wanted : tree.children.length !== 1 || first.children.length !== wanted)
      return false;
    for (const child of tree.children) shift(child, rowLine - headLines, from - head.length);
    if (table === undefined) {
      table = first;
      // The head row was shifted with the body rows; put it back.
      shift(first.children[0]!, headLines - rowLine + line, head.length - from + region.start);
      first.position.start = { ...first.children[0]!.position!.start };
    } else {
      table.children.push(...first.children.slice(1));
      table.position!.end = first.position.end;
    }
    if (last) after.push(...tree.children.slice(1));
    rowLine += countLines(text, from, to);
  }
  out.push(table!, ...after);
  return true;
}

/**
 * Thresholds of remark's batched paths. Giving either selects remark (the reference parse) for this call: tests
 * lower them to compare the batches with a whole parse.
 */
export interface ParseOptions {
  /** Tables with at least this many body rows are parsed in batches (default BIG_TABLE_ROWS). */
  bigTableRows?: number;
  /** Body rows per batch (default 64). */
  rowBatch?: number;
}

/**
 * Parse Markdown (CommonMark + GFM, YAML/TOML front matter) into mdast with positions: the tree of remark-parse +
 * remark-gfm + remark-frontmatter, built by the Lezer parser (`fastParse`, linear time). A text holding a construct
 * whose Lezer tree does not convert exactly (see `fastParse`) goes to remark (`parseWithRemark`).
 */
export function parseMarkdown(text: string, options: ParseOptions = {}): Root {
  if (options.bigTableRows === undefined && options.rowBatch === undefined) {
    const fast = fastOrNull(text);
    if (fast) return fast;
    // A big text the fast parse cannot take whole: batch by batch of sections, only the batches it cannot take
    // going to remark (whose parse of a whole big file is slow, and held over 4 GB for 10 MB of real notes).
    const sections = text.length >= CHUNK_THRESHOLD ? parseInSections(text, fastOrNull, remarkBatch) : null;
    if (sections) return sections;
  }
  return parseWithRemark(text, options);
}

/** The fast parse, or null when the text holds a construct it leaves to remark. */
function fastOrNull(text: string): Root | null {
  try {
    return fastParse(text);
  } catch (error) {
    if (!(error instanceof FastParseUnsupported)) throw error;
    return null;
  }
}

/** A piece of parseInSections the fast parse declines: remark's parse (of a few sections). */
const remarkBatch = (text: string): Root => parseWithRemark(text);

/**
 * Parse Markdown with remark-parse + remark-gfm + remark-frontmatter (the reference tree).
 *
 * Two shortcuts give the same tree as one parse while keeping time and memory near-linear:
 * - big tables (BIG_TABLE_ROWS body rows or more) are parsed in batches of rows, because micromark's GFM table
 *   tokenizer is quadratic in rows (8,000 rows took 17 s);
 * - large files are parsed in batches of whole top-level sections, because micromark keeps every event of a
 *   document in memory (a 10 MB file needed over 4 GB).
 */
export function parseWithRemark(text: string, options: ParseOptions = {}): Root {
  const tables = bigTables(text, options.bigTableRows ?? BIG_TABLE_ROWS);
  if (tables.length === 0) {
    if (text.length < CHUNK_THRESHOLD) return processor().parse(text);
    const starts = sectionStarts(text);
    if (starts === null || starts.length === 0) return processor().parse(text);
  }
  const children: RootContent[] = [];
  let pos = 0;
  let line = 0;
  for (const region of tables) {
    if (region.start > pos) parseRun(text, pos, region.start, line, children);
    line += countLines(text, pos, region.start);
    if (!parseTable(text, region, line, children, options.rowBatch ?? ROW_BATCH)) return processor().parse(text);
    line += countLines(text, region.start, region.end);
    pos = region.end;
  }
  if (pos < text.length) parseRun(text, pos, text.length, line, children);
  return rootOf(text, children);
}
