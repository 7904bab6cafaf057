import type { ExportOptions, ModelDocument, ModelNote } from '@notes/core';
import { blocksText, NotesError } from '@notes/core';
import type { List, ListItem, PhrasingContent, RootContent, Table, TableCell } from 'mdast';
import { fontRuns } from './runs.js';
import { PAPER, THEME, TOPIC_COLOURS, type Paper, type TopicColour } from './theme.js';

/** A pdfmake content node, kept as plain data. */
export type Content = string | ContentObject | Content[];
/** A pdfmake content object (`text`, `stack`, `table`, `ul`…). */
export interface ContentObject {
  [key: string]: unknown;
}

/** Dynamic header/footer content: pdfmake calls it per page. */
export type PageContent = (currentPage: number, pageCount: number) => Content;

/** A pdfmake document definition as the cheat sheet builds it (fonts are added when packing). */
export interface CheatSheetDefinition {
  pageSize: string;
  pageOrientation: 'landscape';
  pageMargins: [number, number, number, number];
  info: {
    title: string;
    subject: string;
    keywords: string;
    creator: string;
    producer: string;
    creationDate: Date;
    modDate: Date;
  };
  defaultStyle: ContentObject;
  header: PageContent;
  footer: PageContent;
  content: Content[];
}

/** Options of the cheat sheet (besides the CLI's `epoch`, `baseDir`, `warn`). */
export interface CheatSheetOptions {
  /** Seconds since the epoch: the date printed in the header and the PDF's creation date. */
  epoch: number;
  /** `a4` (default) or `letter`, always landscape. */
  paper?: Paper;
  /** Number of columns, 1 to 6 (default 3). */
  columns?: number;
}

interface Style {
  bold?: boolean;
  italics?: boolean;
  mono?: boolean;
  strike?: boolean;
  link?: string;
}

interface Geometry {
  columnWidth: number;
  columnHeight: number;
}

/** A block of the flow and its estimated height, so the layout can decide what to keep whole. */
interface Unit {
  content: ContentObject;
  height: number;
  /** A heading or bar that must not end a column: it is glued to the next unit. */
  glue?: boolean;
}

const LINE = 1.3 * THEME.lineHeight;
/** Average advance of a character in em: a little above IBM Plex Sans Condensed's, so estimates err high. */
const EM_PER_CHAR = { body: 0.5, bold: 0.53, mono: 0.6 };

function lineHeight(size: number): number {
  return size * LINE;
}

/** Lines `text` takes at `size` in `width` points (greedy word wrap on estimated advances). */
function estimateLines(text: string, width: number, size: number, em = EM_PER_CHAR.body): number {
  const perLine = Math.max(1, Math.floor(width / (size * em)));
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    let used = 0;
    let count = 1;
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const len = [...word].length;
      if (used === 0) used = len;
      else if (used + 1 + len <= perLine) used += 1 + len;
      else {
        count++;
        used = len;
      }
      while (used > perLine) {
        count++;
        used -= perLine;
      }
    }
    lines += count;
  }
  return lines;
}

// ---------------------------------------------------------------- inline text

/** The text of raw HTML: tags dropped, `<br>` as a line break, script and style bodies left out. */
function htmlText(html: string): string {
  return html
    .replace(/<(script|style)\b[\s\S]*?(<\/\1\s*>|$)/gi, '')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<[^>]*>/g, '');
}

interface Span {
  text: string;
  style: Style;
}

function spans(nodes: readonly PhrasingContent[], style: Style, out: Span[] = []): Span[] {
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
        out.push({ text: node.value.replace(/[ \t]*\r?\n[ \t]*/g, ' '), style });
        break;
      case 'inlineCode':
        out.push({ text: node.value, style: { ...style, mono: true } });
        break;
      case 'break':
        out.push({ text: '\n', style });
        break;
      case 'strong':
        spans(node.children, { ...style, bold: true }, out);
        break;
      case 'emphasis':
        spans(node.children, { ...style, italics: true }, out);
        break;
      case 'delete':
        spans(node.children, { ...style, strike: true }, out);
        break;
      case 'link':
        // Only web and mail links become live: nothing in a note may point the reader's viewer at a local file.
        spans(node.children, /^(https?:|mailto:)/i.test(node.url) ? { ...style, link: node.url } : style, out);
        break;
      case 'linkReference':
        spans(node.children, style, out);
        break;
      case 'image':
      case 'imageReference':
        if (node.alt) out.push({ text: node.alt, style: { ...style, italics: true } });
        break;
      case 'html': {
        const text = htmlText(node.value);
        if (text) out.push({ text, style });
        break;
      }
      case 'footnoteReference':
        out.push({ text: `[^${node.identifier}]`, style });
        break;
      default:
        break;
    }
  }
  return out;
}

function spanText(list: readonly Span[]): string {
  return list.map((s) => s.text).join('');
}

/** Spans → pdfmake inline runs, each character on a font that has it. */
function inlines(list: readonly Span[], base: { color?: string; size?: number } = {}): ContentObject[] {
  const out: ContentObject[] = [];
  for (const span of list) {
    for (const run of fontRuns(span.text, {
      mono: span.style.mono ?? false,
      bold: span.style.bold ?? false,
      italics: span.style.italics ?? false,
    })) {
      const piece: ContentObject = { text: run.text, font: run.font };
      const bold = (span.style.bold ?? false) && !run.plain;
      const italics = (span.style.italics ?? false) && !run.plain;
      if (bold) piece.bold = true;
      if (italics) piece.italics = true;
      if (span.style.mono) {
        piece.background = THEME.codeFill;
        // Monospaced letters are wider: a size smaller keeps inline code level with the text around it.
        if (base.size) piece.fontSize = Math.round(base.size * 9) / 10;
      }
      if (span.style.strike) piece.decoration = 'lineThrough';
      if (span.style.link) {
        piece.link = span.style.link;
        piece.color = '#1d4e89';
      } else if (run.unrenderable) piece.color = '#b00020';
      else if (base.color) piece.color = base.color;
      out.push(piece);
    }
  }
  return merge(out);
}

/** Join neighbouring runs with the same attributes: fewer text objects, same output. */
function merge(pieces: ContentObject[]): ContentObject[] {
  const out: ContentObject[] = [];
  for (const piece of pieces) {
    const last = out[out.length - 1];
    if (last && sameAttributes(last, piece)) last.text = String(last.text) + String(piece.text);
    else out.push({ ...piece });
  }
  return out;
}

function sameAttributes(a: ContentObject, b: ContentObject): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  keys.delete('text');
  for (const key of keys) if (a[key] !== b[key]) return false;
  return true;
}

// ---------------------------------------------------------------- blocks

interface Context {
  width: number;
  colour: TopicColour;
  /** Inside a callout: nested quotes are not boxed again. */
  quoted: boolean;
  /** Font size of running text here. */
  size: number;
  /** Inside a list item: nested lists and paragraphs add no space of their own. */
  nested?: boolean;
  /** List nesting depth: past MAX_LIST_DEPTH lists stop indenting, so deep nesting cannot eat the column. */
  depth?: number;
  /** Block nesting of any kind (lists, quotes): past MAX_NESTING the rest is one plain paragraph. */
  level?: number;
}

const MAX_LIST_DEPTH = 5;
/** As the Anki export: notes nested deeper than this print their deepest part as plain text (no stack overflow). */
const MAX_NESTING = 64;

function paragraph(children: readonly PhrasingContent[], ctx: Context, extra: ContentObject = {}): Unit {
  const list = spans(children, {});
  const text = spanText(list);
  return {
    content: { text: inlines(list, { size: ctx.size }), fontSize: ctx.size, ...extra },
    height: estimateLines(text, ctx.width, ctx.size) * lineHeight(ctx.size) + 1.5,
  };
}

/**
 * A short line that introduces what follows (`**When to Use KMS**`, `Key Differences`, `Examples:`): it must not
 * end a column, so it is glued to the next block like a heading.
 */
function leadIn(children: readonly PhrasingContent[]): boolean {
  const text = spanText(spans(children, {})).trim();
  if (text === '' || text.length > 400) return false;
  if (/:$/.test(text)) return true;
  if (text.length > 70 || text.includes('\n')) return false;
  const allStrong = children.every((c) => c.type === 'strong' || (c.type === 'text' && c.value.trim() === ''));
  return allStrong || !/[.!?)]$/.test(text);
}

function listUnit(node: List, ctx: Context): Unit {
  const depth = (ctx.depth ?? 0) + 1;
  if (depth > MAX_LIST_DEPTH) return flatList(node, ctx);
  const indent = node.ordered ? 10 : 7;
  const inner = { ...ctx, width: ctx.width - indent, nested: true, depth };
  const margin = ctx.nested ? [0, 0, 0, 0] : [0, 0, 0, 1.5];
  let height = 0;
  const items = node.children.map((item) => {
    const unit = listItem(item, inner);
    height += unit.height;
    return unit.content;
  });
  const content: ContentObject = node.ordered
    ? { ol: items, start: node.start ?? 1, margin, markerColor: ctx.colour.bar }
    : { ul: items, margin, markerColor: ctx.colour.bar };
  return { content, height: height + 1.5 };
}

/** A list nested too deep to indent further: its items as lines with a text marker, at the same indent. */
function flatList(node: List, ctx: Context): Unit {
  let n = node.start ?? 1;
  let height = 0;
  const stack = node.children.map((item) => {
    const marker = node.ordered ? `${n++}. ` : '– ';
    const unit = listItem(item, ctx);
    height += unit.height;
    return withMarker(unit.content, inlines([{ text: marker, style: {} }]));
  });
  return { content: { stack }, height };
}

/** Put a marker before the first line of a block (descending into stacks), or on a line of its own. */
function withMarker(content: ContentObject, marker: ContentObject[]): ContentObject {
  if (Array.isArray(content.text)) return { ...content, text: [...marker, ...(content.text as ContentObject[])] };
  if (Array.isArray(content.stack) && content.stack.length > 0) {
    const [first, ...rest] = content.stack as ContentObject[];
    return { ...content, stack: [withMarker(first!, marker), ...rest] };
  }
  return { stack: [{ text: marker }, content] };
}

function listItem(item: ListItem, ctx: Context): Unit {
  const blocks = item.children.map((child) => block(child, ctx));
  let height = blocks.reduce((sum, b) => sum + b.height, 0);
  const stack = blocks.map((b) => b.content);
  if (typeof item.checked === 'boolean' && stack[0] && Array.isArray(stack[0].text)) {
    stack[0] = {
      ...stack[0],
      text: [...inlines([{ text: item.checked ? '✓ ' : '○ ', style: {} }]), ...(stack[0].text as ContentObject[])],
    };
  }
  if (stack.length === 0) height = lineHeight(ctx.size);
  // Paragraph margins inside a tight list would open gaps between items.
  return {
    content: stack.length === 1 ? { ...stack[0]!, margin: [0, 0, 0, 0.4] } : { stack, margin: [0, 0, 0, 0.4] },
    height,
  };
}

function cellSpans(cell: TableCell | undefined): Span[] {
  return cell ? spans(cell.children, {}) : [];
}

/** Column widths from content: each column gets room for its longest word and a share by its text length. */
function columnWidths(rows: readonly Span[][][], available: number, size: number): number[] {
  const n = rows[0]?.length ?? 0;
  const charW = size * EM_PER_CHAR.body;
  const need: number[] = [];
  const floor: number[] = [];
  for (let c = 0; c < n; c++) {
    let longest = 0;
    let word = 0;
    let total = 0;
    for (const row of rows) {
      const text = spanText(row[c] ?? []);
      longest = Math.max(longest, [...text].length);
      total += [...text].length;
      for (const w of text.split(/\s+/)) word = Math.max(word, [...w].length);
    }
    need.push(Math.max(4, Math.min(longest, 14 + Math.sqrt(total) * 3)) * charW);
    // Body cells of the first column and header cells are bold: room for their longest word in bold.
    floor.push(Math.min(Math.max(word, 3), 16) * size * EM_PER_CHAR.bold + 1.5);
  }
  const sumNeed = need.reduce((a, b) => a + b, 0);
  let widths = need.map((w) => (w / sumNeed) * available);
  // Raise columns below their floor, taking the room from the others in proportion.
  for (let pass = 0; pass < 3; pass++) {
    const low = widths.map((w, i) => w < floor[i]!);
    const deficit = widths.reduce((s, w, i) => s + (low[i] ? floor[i]! - w : 0), 0);
    if (deficit <= 0.01) break;
    const spare = widths.reduce((s, w, i) => s + (low[i] ? 0 : w - floor[i]!), 0);
    if (spare <= deficit) break;
    widths = widths.map((w, i) => (low[i] ? floor[i]! : w - ((w - floor[i]!) / spare) * deficit));
  }
  return widths.map((w) => Math.floor(w * 100) / 100);
}

const CELL_PAD_X = 2;
const CELL_PAD_Y = 1;

function tableUnit(node: Table, ctx: Context, keepWhole: (height: number) => boolean): Unit {
  const n = Math.max(...node.children.map((row) => row.children.length));
  const rows = node.children.map((row) => Array.from({ length: n }, (_, c) => cellSpans(row.children[c])));
  const size = THEME.table;
  const available = ctx.width - n * 2 * CELL_PAD_X - (n + 1) * 0.5;
  const widths = columnWidths(rows, available, size);
  let height = 2;
  const body = rows.map((row, r) => {
    let lines = 1;
    const cells = row.map((cell, c) => {
      const header = r === 0;
      const styled = header ? cell.map((s) => ({ ...s, style: { ...s.style, bold: true } })) : cell;
      lines = Math.max(
        lines,
        estimateLines(spanText(cell), widths[c]!, size, header ? EM_PER_CHAR.bold : EM_PER_CHAR.body),
      );
      const out: ContentObject = { text: inlines(styled, { size }) };
      if (header) out.fillColor = ctx.colour.head;
      else if (c === 0) out.bold = true;
      return out;
    });
    height += lines * lineHeight(size) + 2 * CELL_PAD_Y + 0.5;
    return cells;
  });
  const whole = keepWhole(height);
  const table: ContentObject = {
    table: { headerRows: 1, dontBreakRows: true, keepWithHeaderRows: 1, widths, body },
    layout: 'cheatsheet',
    fontSize: size,
    margin: [0, 0.5, 0, 2.5],
  };
  return { content: whole ? table : { ...table, _split: true }, height: height + 3 };
}

function codeUnit(value: string, ctx: Context): Unit {
  const lines = value.split('\n');
  const size = THEME.code;
  const wrapped = lines.reduce((sum, l) => sum + estimateLines(l || ' ', ctx.width - 6, size, EM_PER_CHAR.mono), 0);
  return {
    content: {
      table: {
        widths: ['*'],
        body: [
          [
            {
              text: inlines([{ text: value, style: { mono: true } }]).map(({ background: _, ...p }) => p),
              preserveLeadingSpaces: true,
            },
          ],
        ],
      },
      layout: 'code',
      fontSize: size,
      margin: [0, 0.5, 0, 2],
    },
    height: wrapped * lineHeight(size) + 6,
  };
}

function calloutUnit(children: readonly RootContent[], ctx: Context): Unit {
  if (ctx.quoted) {
    const inner = children.map((child) => block(child, ctx));
    return { content: { stack: inner.map((u) => u.content) }, height: inner.reduce((s, u) => s + u.height, 0) };
  }
  const inner = { ...ctx, width: ctx.width - 8, quoted: true };
  const blocks = children.map((child) => block(child, inner));
  return {
    content: {
      table: { widths: ['*'], body: [[{ stack: blocks.map((b) => b.content), fillColor: ctx.colour.tint }]] },
      layout: `callout-${TOPIC_COLOURS.indexOf(ctx.colour)}`,
      margin: [0, 0.5, 0, 2.5],
    },
    height: blocks.reduce((s, b) => s + b.height, 0) + 7,
  };
}

function subheading(children: readonly PhrasingContent[], ctx: Context): Unit {
  const list = spans(children, { bold: true });
  return {
    content: { text: inlines(list, { color: ctx.colour.bar }), fontSize: THEME.subheading, margin: [0, 1, 0, 0.8] },
    height:
      estimateLines(spanText(list), ctx.width, THEME.subheading, EM_PER_CHAR.bold) * lineHeight(THEME.subheading) + 2,
    glue: true,
  };
}

function block(node: RootContent, outer: Context, keepWhole: (h: number) => boolean = () => true): Unit {
  const level = (outer.level ?? 0) + 1;
  if (level > MAX_NESTING && (node.type === 'list' || node.type === 'blockquote')) {
    return paragraph([{ type: 'text', value: blocksText([node]).replace(/\s+/g, ' ').trim() }], outer);
  }
  const ctx = { ...outer, level };
  switch (node.type) {
    case 'paragraph': {
      const unit = paragraph(node.children, ctx, { margin: [0, 0, 0, 1.5] });
      return leadIn(node.children) ? { ...unit, glue: true } : unit;
    }
    case 'heading':
      return subheading(node.children, ctx);
    case 'list':
      return listUnit(node, ctx);
    case 'table':
      return tableUnit(node, ctx, keepWhole);
    case 'code':
      return codeUnit(node.value, ctx);
    case 'blockquote':
      return calloutUnit(node.children, ctx);
    case 'html': {
      const text = htmlText(node.value).trim();
      return text ? paragraph([{ type: 'text', value: text }], ctx) : { content: { text: '' }, height: 0 };
    }
    case 'thematicBreak':
      return {
        content: {
          canvas: [{ type: 'line', x1: 0, y1: 2, x2: ctx.width, y2: 2, lineWidth: 0.4, lineColor: THEME.rule }],
          margin: [0, 0, 0, 3],
        },
        height: 5,
      };
    default:
      return { content: { text: '' }, height: 0 };
  }
}

// ---------------------------------------------------------------- the flow

function bar(text: string, colour: string, size: number, width: number, marginTop: number): Unit {
  const list = spans([{ type: 'text', value: text }], { bold: true });
  return {
    content: {
      table: {
        widths: ['*'],
        body: [[{ text: inlines(list, { color: '#ffffff' }), fillColor: colour, fontSize: size }]],
      },
      layout: 'bar',
      margin: [0, marginTop, 0, 2],
    },
    height: estimateLines(text, width - 8, size, EM_PER_CHAR.bold) * lineHeight(size) + 4 + marginTop + 2,
    glue: true,
  };
}

function noteUnits(
  note: ModelNote,
  geometry: Geometry,
  colour: TopicColour,
  keepWhole: (h: number) => boolean,
): Unit[] {
  const ctx: Context = { width: geometry.columnWidth, colour, quoted: false, size: THEME.body };
  const units: Unit[] = [];
  if (note.kind === 'question') {
    const title = note.heading
      ? spans(note.heading.children, { bold: true })
      : [{ text: note.title, style: { bold: true } }];
    units.push({
      content: { text: inlines(title, { color: colour.bar }), fontSize: THEME.question, margin: [0, 2.5, 0, 0.8] },
      height:
        estimateLines(spanText(title), ctx.width, THEME.question, EM_PER_CHAR.bold) * lineHeight(THEME.question) + 3.3,
      glue: true,
    });
  }
  for (const [index, node] of note.body.entries()) {
    const unit = block(node, ctx, keepWhole);
    if (unit.height === 0) continue;
    // A callout right under the question is its preamble: keep it with what it introduces.
    if (index === 0 && node.type === 'blockquote') unit.glue = true;
    // So is a one- or two-line opening sentence ("Amazon Elastic MapReduce."): the title stays with substance.
    if (index === 0 && node.type === 'paragraph' && note.body.length > 1 && unit.height <= 2 * lineHeight(ctx.size) + 2)
      unit.glue = true;
    // A list too tall for a column is split into its items so each can be kept whole.
    if (node.type === 'list' && !keepWhole(unit.height)) {
      let start = node.start ?? 1;
      for (const item of node.children) {
        units.push(listUnit({ ...node, start, children: [item] }, ctx));
        start++;
      }
      continue;
    }
    units.push(unit);
  }
  return units;
}

/** A block of the packed flow: its content, estimated height, and whether it opens a document or topic. */
interface FlowBlock {
  content: ContentObject;
  height: number;
  opensSection: boolean;
}

/** Glue headings to what follows and make each group unbreakable when it fits a column. */
function pack(units: readonly Unit[], keepWhole: (h: number) => boolean): FlowBlock[] {
  const out: FlowBlock[] = [];
  let group: Unit[] = [];
  const flush = () => {
    if (group.length === 0) return;
    const height = group.reduce((s, u) => s + u.height, 0);
    const split = group.some((u) => u.content._split);
    const contents = group.map((u) => stripMarks(u.content));
    const opensSection = group[0]!.content.layout === 'bar';
    if (!split && keepWhole(height))
      out.push({ content: { stack: contents, unbreakable: true }, height, opensSection });
    else if (group.length > 1 && keepWhole(group.slice(0, -1).reduce((s, u) => s + u.height, 0) + 30)) {
      // The last block is too tall to keep whole: keep the headings with its start instead.
      const last = group[group.length - 1]!;
      out.push({
        content: { stack: contents.slice(0, -1), unbreakable: true },
        height: height - last.height,
        opensSection,
      });
      out.push({ content: contents[contents.length - 1]!, height: last.height, opensSection: false });
    } else
      group.forEach((u, i) =>
        out.push({ content: contents[i]!, height: u.height, opensSection: i === 0 && opensSection }),
      );
    group = [];
  };
  for (const unit of units) {
    group.push(unit);
    if (!unit.glue) flush();
  }
  flush();
  return out;
}

function stripMarks(content: ContentObject): ContentObject {
  if (!('_split' in content)) return content;
  const { _split: _, ...rest } = content;
  return rest;
}

/**
 * Check the cheat sheet's options as they come from the command line (`--paper Letter`, `--columns 4`): paper
 * `a4` or `letter` (any case), columns a whole number from 1 to 6. Throws `Unexpected …, expected …`.
 */
export function cheatSheetOptions(options: { epoch: number; paper?: unknown; columns?: unknown }): CheatSheetOptions {
  if (!Number.isFinite(options.epoch))
    throw new NotesError(`Unexpected epoch \`${String(options.epoch)}\`, expected seconds since 1970`);
  const out: CheatSheetOptions = { epoch: options.epoch };
  if (options.paper !== undefined) {
    const paper = String(options.paper).toLowerCase();
    if (!Object.hasOwn(PAPER, paper))
      throw new NotesError(`Unexpected paper \`${String(options.paper)}\`, expected \`a4\` or \`letter\``);
    out.paper = paper as Paper;
  }
  if (options.columns !== undefined) {
    const columns = Number(options.columns);
    if (!Number.isInteger(columns) || columns < 1 || columns > 6) {
      throw new NotesError(`Unexpected columns \`${String(options.columns)}\`, expected a whole number from 1 to 6`);
    }
    out.columns = columns;
  }
  return out;
}

/** UTC calendar date of an epoch in seconds, `YYYY-MM-DD`. */
export function formatDate(epoch: number): string {
  return new Date(epoch * 1000).toISOString().slice(0, 10);
}

/** Document titles named in the sheet title before the rest are counted ("+ 12 more"). */
const TITLES_NAMED = 3;

/**
 * The cheat sheet's title: the document's title, or the first titles of several joined and the rest counted.
 * It is printed on every page, so it must not grow with the number of documents (2,000 titles on each of
 * 1,500 pages made the layout quadratic).
 */
export function sheetTitle(documents: readonly ModelDocument[]): string {
  if (documents.length === 0) return 'Cheat sheet';
  const titles = [...new Set(documents.map((d) => d.title))];
  const named = titles.length > TITLES_NAMED + 1 ? titles.slice(0, TITLES_NAMED) : titles;
  const rest = documents.length - named.length;
  return named.join(' · ') + (titles.length > named.length ? ` + ${rest} more` : '');
}

/** A cheat sheet laid out in parts: very big sheets are laid out a part at a time to bound memory. */
export interface CheatSheetPlan {
  /** How many parts (1 unless the sheet is estimated to be longer than `partPages`). */
  count: number;
  /**
   * The definition of part `index`. Its pages are numbered from `before + 1` of `total` in the footer;
   * `total` null numbers them as pdfmake counts them (the whole sheet when there is one part).
   */
  part(index: number, before?: number, total?: number | null): CheatSheetDefinition;
}

/** Estimated pages in one part of a big sheet (pdfmake keeps a whole layout in memory until it is written). */
export const PART_PAGES = 25;

/**
 * Plan the cheat sheet of `documents`: the flow of blocks, cut into parts of about `partPages` estimated pages
 * (at a document or topic bar where one is near). Each part starts on a new page; only the first has the header.
 */
export function planCheatSheet(
  documents: readonly ModelDocument[],
  options: CheatSheetOptions | Pick<ExportOptions, 'epoch' | 'paper' | 'columns'>,
  partPages = PART_PAGES,
): CheatSheetPlan {
  const checked = cheatSheetOptions(options);
  const paper = PAPER[checked.paper ?? 'a4'];
  const columns = checked.columns ?? 3;
  const { margins } = THEME;
  const columnWidth = (paper.width - margins.left - margins.right - (columns - 1) * THEME.columnGap) / columns;
  const geometry: Geometry = { columnWidth, columnHeight: paper.height - margins.top - margins.bottom };
  const keepWhole = (height: number) => height <= geometry.columnHeight * 0.9;
  const title = sheetTitle(documents);
  const date = formatDate(checked.epoch);

  const units: Unit[] = [];
  let topicIndex = 0;
  for (const document of documents) {
    if (documents.length > 1)
      units.push(bar(document.title, '#222222', THEME.documentTitle, columnWidth, units.length ? 4 : 0));
    const colours = new Map<string | null, TopicColour>();
    for (const topic of document.topics) colours.set(topic.title, TOPIC_COLOURS[topicIndex++ % TOPIC_COLOURS.length]!);
    const topicBar = (title: string) => {
      const topic = document.topics.find((t) => t.title === title);
      const text = topic ? spanText(spans(topic.heading.children, {})) : title;
      const colour = colours.get(title) ?? TOPIC_COLOURS[TOPIC_COLOURS.length - 1]!;
      units.push(bar(text.trim() || title, colour.bar, THEME.topic, columnWidth, units.length ? 3 : 0));
    };
    // A topic with no note under it still gets its bar, in its place among the others: its heading is content.
    const order = new Map(document.topics.map((t, i) => [t.title, i]));
    const withNotes = new Set(document.notes.map((n) => n.topic));
    const empty = document.topics.filter((t) => !withNotes.has(t.title));
    let nextEmpty = 0;
    const emptyBefore = (position: number) => {
      while (nextEmpty < empty.length && order.get(empty[nextEmpty]!.title)! < position)
        topicBar(empty[nextEmpty++]!.title);
    };
    let current: string | null | undefined;
    for (const note of document.notes) {
      const colour = colours.get(note.topic) ?? TOPIC_COLOURS[TOPIC_COLOURS.length - 1]!;
      if (note.topic !== current) {
        current = note.topic;
        if (note.topic !== null) {
          emptyBefore(order.get(note.topic) ?? Infinity);
          topicBar(note.topic);
        }
      }
      units.push(...noteUnits(note, geometry, colour, keepWhole));
    }
    emptyBefore(Infinity);
  }
  const flow = pack(units, keepWhole);
  const parts = cutParts(flow, partPages * columns * geometry.columnHeight);
  const emptyColumns = Array.from({ length: columns - 1 }, () => ({ text: '' }));
  const headerContent = {
    columns: [
      { text: inlines([{ text: title, style: { bold: true } }]), fontSize: THEME.header, width: '*' },
      {
        text: inlines([{ text: `notes as of ${date}`, style: {} }], { color: THEME.muted }),
        fontSize: THEME.footer + 0.5,
        width: 'auto',
        margin: [0, 3, 0, 0],
      },
    ],
    margin: [margins.left, 9, margins.right, 0],
  };

  return {
    count: parts.length,
    part(index, before = 0, total = null) {
      const blocks = parts[index];
      if (blocks === undefined) throw new RangeError(`no part ${index} of ${parts.length}`);
      return {
        pageSize: paper.name,
        pageOrientation: 'landscape',
        pageMargins: [margins.left, margins.top, margins.right, margins.bottom],
        info: {
          title,
          subject: 'Cheat sheet',
          keywords: [...new Set(documents.flatMap((d) => d.tags))].join(', '),
          creator: 'notes',
          producer: 'notes (pdfmake)',
          creationDate: new Date(checked.epoch * 1000),
          modDate: new Date(checked.epoch * 1000),
        },
        defaultStyle: { font: 'Body', fontSize: THEME.body, lineHeight: THEME.lineHeight, color: THEME.text },
        header: (currentPage: number) => (index === 0 && currentPage === 1 ? headerContent : { text: '' }),
        footer: (currentPage: number, pageCount: number) => ({
          columns: [
            { text: inlines([{ text: title, style: {} }], { color: THEME.muted }), width: '*' },
            {
              text: inlines([{ text: `page ${before + currentPage} / ${total ?? pageCount}`, style: {} }], {
                color: THEME.muted,
              }),
              width: 'auto',
            },
          ],
          fontSize: THEME.footer,
          margin: [margins.left, 6, margins.right, 0],
        }),
        content: [
          {
            columns: [
              { stack: blocks.map((b) => b.content), width: columnWidth },
              ...emptyColumns.map((c) => ({ ...c, width: columnWidth })),
            ],
            columnGap: THEME.columnGap,
            snakingColumns: true,
          },
        ],
      };
    },
  };
}

/**
 * Cut the flow into parts of at most about `height` points of estimated content. A part ends before the last
 * document or topic bar in its final fifth when there is one, else at the block that reaches `height`.
 */
function cutParts(flow: readonly FlowBlock[], height: number): FlowBlock[][] {
  const total = flow.reduce((s, b) => s + b.height, 0);
  if (total <= height) return [flow.slice()];
  const parts: FlowBlock[][] = [];
  let start = 0;
  while (start < flow.length) {
    let sum = 0;
    let end = start;
    let bar = -1;
    while (end < flow.length && (end === start || sum + flow[end]!.height <= height)) {
      if (end > start && flow[end]!.opensSection && sum >= height * 0.8) bar = end;
      sum += flow[end]!.height;
      end++;
    }
    if (end < flow.length && bar > start) end = bar;
    parts.push(flow.slice(start, end));
    start = end;
  }
  return parts;
}

/**
 * Render documents to one pdfmake document definition: pure data (plus header/footer functions of the page
 * number), no fonts, no clock, no files. `packPdf` turns it into bytes. (The exporter lays very big sheets out
 * in parts: see planCheatSheet.)
 */
export function renderCheatSheet(
  documents: readonly ModelDocument[],
  options: CheatSheetOptions | Pick<ExportOptions, 'epoch' | 'paper' | 'columns'>,
): CheatSheetDefinition {
  return planCheatSheet(documents, options, Infinity).part(0);
}
