import type { SyntaxNode } from '@lezer/common';
import { Autolink, parser as commonmark, Table as LezerTable, TaskList, type MarkdownConfig } from '@lezer/markdown';
import type {
  Blockquote,
  Code,
  Definition,
  Heading,
  Html,
  List,
  ListItem,
  Nodes,
  Paragraph,
  PhrasingContent,
  Root,
  RootContent,
  Table,
  TableCell,
  TableRow,
} from 'mdast';
import { decodeString } from 'micromark-util-decode-string';
import type { Point, Position } from 'unist';

const PUNCTUATION = /[\p{P}\p{S}]/u;
const WHITESPACE = /\s/u;

/** micromark's classifyCharacter: 1 whitespace (or none), 2 punctuation, 0 other. */
function classify(ch: string): number {
  if (ch === '' || WHITESPACE.test(ch)) return 1;
  return PUNCTUATION.test(ch) ? 2 : 0;
}

const tilde1 = { resolve: 'Strikethrough', mark: 'StrikethroughMark' };
const tilde2 = { resolve: 'Strikethrough', mark: 'StrikethroughMark' };

/**
 * GFM strikethrough as micromark-extension-gfm-strikethrough parses it (remark-gfm's default): runs of one or
 * two tildes, an opener closing only a run of its own length. Lezer's own extension takes only `~~`.
 */
const Strikethrough: MarkdownConfig = {
  defineNodes: [{ name: 'Strikethrough' }, { name: 'StrikethroughMark' }],
  parseInline: [
    {
      name: 'Strikethrough',
      parse(cx, next, pos) {
        if (next !== 126 || cx.char(pos - 1) === 126) return -1;
        let end = pos + 1;
        while (cx.char(end) === 126) end++;
        if (end - pos > 2) return -1;
        const before = classify(cx.slice(pos - 1, pos));
        const after = classify(cx.slice(end, end + 1));
        const open = after === 0 || (after === 2 && before !== 0);
        const close = before === 0 || (before === 2 && after !== 0);
        return cx.addDelimiter(end - pos === 1 ? tilde1 : tilde2, pos, end, open, close);
      },
      after: 'Emphasis',
    },
  ],
};

const markdown = commonmark.configure([LezerTable, TaskList, Strikethrough, Autolink]);

/** A container a line passes through: a block quote, or a list item whose content starts at column `indent`. */
type Container = { quote: true } | { quote: false; indent: number; firstLine: number; firstContent: number };

/**
 * Why a text cannot take the fast parse: it holds a construct whose Lezer tree does not convert to remark's mdast
 * exactly (see `fastParseBlocker`). The caller then parses it with remark.
 */
export class FastParseUnsupported extends Error {}

const isSpace = (c: number): boolean => c === 32 || c === 9;
const isEol = (c: number): boolean => c === 10 || c === 13;

function normalizeIdentifier(value: string): string {
  return value
    .replace(/[\t\n\r ]+/g, ' ')
    .replace(/^ | $/g, '')
    .toLowerCase()
    .toUpperCase();
}

/** A Markdown text with its line starts, turning offsets into unist points. */
class Source {
  readonly lineStarts: number[] = [0];
  private last = 0;

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) this.lineStarts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        this.lineStarts.push(i + 1);
      }
    }
  }

  /** The index of the line holding `offset`. */
  lineIndex(offset: number): number {
    const starts = this.lineStarts;
    let i = this.last;
    if (starts[i]! <= offset && (i + 1 >= starts.length || starts[i + 1]! > offset)) return i;
    if (i + 1 < starts.length && starts[i + 1]! <= offset && (i + 2 >= starts.length || starts[i + 2]! > offset))
      return (this.last = i + 1);
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return (this.last = lo);
  }

  point(offset: number): Point {
    const i = this.lineIndex(offset);
    return { line: i + 1, column: offset - this.lineStarts[i]! + 1, offset };
  }

  position(from: number, to: number): Position {
    return { start: this.point(from), end: this.point(to) };
  }

  /** Offset of the end of the line holding `offset` (before its line ending). */
  lineEnd(offset: number): number {
    let i = offset;
    while (i < this.text.length && !isEol(this.text.charCodeAt(i))) i++;
    return i;
  }
}

function children(node: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (let c = node.firstChild; c; c = c.nextSibling) out.push(c);
  return out;
}

/** Converts a Lezer Markdown tree to mdast as remark-parse + remark-gfm + remark-frontmatter build it. */
class Converter {
  readonly text: string;
  readonly definitions = new Set<string>();
  /** Converting a table cell, where `\|` is a pipe even inside code (GFM). */
  inCell = false;

  constructor(readonly src: Source) {
    this.text = src.text;
  }

  /** Skip the prefixes of `containers` on the line starting at `pos`; lenient (lazy lines lack them). */
  skipPrefix(pos: number, containers: readonly Container[], end: number): number {
    const t = this.text;
    let col = 0;
    for (const c of containers) {
      if (c.quote) {
        let n = 0;
        while (n < 3 && pos < end && t.charCodeAt(pos) === 32) {
          pos++;
          col++;
          n++;
        }
        if (pos < end && t.charCodeAt(pos) === 62) {
          pos++;
          col++;
          if (pos < end && isSpace(t.charCodeAt(pos))) {
            const tab = t.charCodeAt(pos) === 9;
            pos++;
            col = tab ? col + 4 - (col % 4) : col + 1;
          }
        }
      } else if (this.src.lineIndex(pos) === c.firstLine) {
        pos = Math.max(pos, Math.min(end, c.firstContent));
        col = c.indent;
      } else {
        while (col < c.indent && pos < end && isSpace(t.charCodeAt(pos))) {
          col = t.charCodeAt(pos) === 9 ? col + 4 - (col % 4) : col + 1;
          pos++;
        }
      }
    }
    return pos;
  }

  // ---- blocks ----

  blocks(node: SyntaxNode, containers: Container[], out: RootContent[]): void {
    for (let c = node.firstChild; c; c = c.nextSibling) this.block(c, containers, out);
  }

  block(node: SyntaxNode, containers: Container[], out: RootContent[]): void {
    const name = node.name;
    switch (name) {
      case 'Paragraph':
        out.push(this.paragraph(node, node.from, containers));
        return;
      case 'ATXHeading1':
      case 'ATXHeading2':
      case 'ATXHeading3':
      case 'ATXHeading4':
      case 'ATXHeading5':
      case 'ATXHeading6':
        out.push(this.atxHeading(node, Number(name.slice(-1)) as Heading['depth'], containers));
        return;
      case 'SetextHeading1':
      case 'SetextHeading2':
        out.push(this.setextHeading(node, name === 'SetextHeading1' ? 1 : 2, containers));
        return;
      case 'HorizontalRule':
        out.push({ type: 'thematicBreak', position: this.src.position(node.from, this.extendEnd(node.to)) });
        return;
      case 'Blockquote': {
        const q: Blockquote = { type: 'blockquote', children: [], position: this.src.position(node.from, node.to) };
        const inner = [...containers, { quote: true } as const];
        this.blocks(node, inner, q.children as RootContent[]);
        this.fixEnd(q, node.to);
        out.push(q);
        return;
      }
      case 'BulletList':
      case 'OrderedList':
        out.push(this.list(node, name === 'OrderedList', containers));
        return;
      case 'FencedCode':
        out.push(this.fencedCode(node, containers));
        return;
      case 'CodeBlock':
        out.push(this.indentedCode(node, containers));
        return;
      case 'HTMLBlock':
      case 'CommentBlock':
      case 'ProcessingInstructionBlock': {
        const from = this.contentStart(node.from, containers);
        const to = this.extendEnd(node.to);
        const h: Html = {
          type: 'html',
          value: this.lines(from, to, containers, 0),
          position: this.src.position(from, to),
        };
        out.push(h);
        return;
      }
      case 'LinkReference':
        out.push(this.definition(node));
        return;
      case 'Table':
        out.push(this.table(node, containers));
        return;
      case 'QuoteMark':
      case 'ListMark':
        return;
      default:
        throw new FastParseUnsupported(`block ${name}`);
    }
  }

  /** Blocks end before trailing whitespace; keep `node`'s end where its last child ends if that is later. */
  fixEnd(node: Blockquote | List | ListItem, to: number): void {
    const last = node.children[node.children.length - 1];
    let end = this.extendEnd(this.trimEnd(node.position!.start.offset!, to));
    if (last?.position && last.position.end.offset! > end) end = last.position.end.offset!;
    node.position!.end = this.src.point(end);
  }

  /** Block ends take the trailing whitespace of their last line. */
  extendEnd(to: number): number {
    while (to < this.text.length && isSpace(this.text.charCodeAt(to))) to++;
    return to;
  }

  /** Where the line holding `pos` starts its content, after the prefixes of `containers`. */
  contentStart(pos: number, containers: readonly Container[]): number {
    const ls = this.src.lineStarts[this.src.lineIndex(pos)]!;
    return Math.min(pos, this.skipPrefix(ls, containers, pos));
  }

  trimEnd(from: number, to: number): number {
    while (to > from && isSpace(this.text.charCodeAt(to - 1))) to--;
    return to;
  }

  paragraph(node: SyntaxNode, from: number, containers: readonly Container[], inlineFrom = from): Paragraph {
    const to = this.trimEnd(from, node.to);
    return {
      type: 'paragraph',
      children: this.inline(node, inlineFrom, to, containers),
      position: this.src.position(from, this.extendEnd(to)),
    };
  }

  atxHeading(node: SyntaxNode, depth: Heading['depth'], containers: readonly Container[]): Heading {
    const t = this.text;
    const marks = children(node).filter((c) => c.name === 'HeaderMark');
    let from = marks[0]!.to;
    let to = node.to;
    const close = marks.length > 1 ? marks[marks.length - 1]! : undefined;
    if (close && close.from > marks[0]!.from) to = close.from;
    while (from < to && isSpace(t.charCodeAt(from))) from++;
    to = this.trimEnd(from, to);
    const end = this.extendEnd(node.to);
    return {
      type: 'heading',
      depth,
      children: from < to ? this.inline(node, from, to, containers) : [],
      position: this.src.position(node.from, end),
    };
  }

  setextHeading(node: SyntaxNode, depth: 1 | 2, containers: readonly Container[]): Heading {
    const mark = children(node).find((c) => c.name === 'HeaderMark')!;
    // Content: from the node's start to the end of the line before the underline.
    const underlineLine = this.src.lineIndex(mark.from);
    let to = this.src.lineStarts[underlineLine]! - 1;
    if (this.text.charCodeAt(to) === 10 && this.text.charCodeAt(to - 1) === 13) to--;
    to = this.trimEnd(node.from, to);
    return {
      type: 'heading',
      depth,
      children: this.inline(node, node.from, to, containers),
      position: this.src.position(node.from, this.extendEnd(mark.to)),
    };
  }

  list(node: SyntaxNode, ordered: boolean, containers: Container[]): List {
    const items: ListItem[] = [];
    let start: number | null = null;
    for (let c = node.firstChild; c; c = c.nextSibling) {
      if (c.name !== 'ListItem') continue;
      if (ordered && start === null) {
        const mark = c.getChild('ListMark')!;
        start = Number.parseInt(this.text.slice(mark.from, mark.to - 1), 10);
      }
      items.push(this.listItem(c, containers));
    }
    const list: List = {
      type: 'list',
      ordered,
      start: ordered ? start : null,
      spread: false,
      children: items,
      position: this.src.position(items[0]?.position!.start.offset ?? node.from, node.to),
    };
    // remark's list is spread when blank lines separate items (its items' own spread does not count).
    let spread = false;
    for (let i = 1; i < items.length && !spread; i++) {
      const a = items[i - 1]!.position!.end.line;
      const b = items[i]!.position!.start.line;
      if (b - a > 1) spread = true;
    }
    list.spread = spread;
    this.fixEnd(list, node.to);
    return list;
  }

  listItem(node: SyntaxNode, containers: Container[]): ListItem {
    const t = this.text;
    const mark = node.getChild('ListMark')!;
    const lineStart = this.src.lineStarts[this.src.lineIndex(mark.from)]!;
    // The column of the content: after the marker and 1-4 spaces (one when more follow, or when the line is empty).
    const markCol = this.column(lineStart, mark.to);
    let p = mark.to;
    let col = markCol;
    while (p < t.length && isSpace(t.charCodeAt(p))) {
      col = t.charCodeAt(p) === 9 ? col + 4 - (col % 4) : col + 1;
      p++;
    }
    const blank = p >= t.length || isEol(t.charCodeAt(p));
    const indent = blank || col - markCol > 4 ? markCol + 1 : col;
    let firstContent = mark.to;
    for (let k = markCol; k < indent && isSpace(t.charCodeAt(firstContent)); k++) firstContent++;
    const firstLine = this.src.lineIndex(mark.from);
    const inner: Container[] = [...containers, { quote: false, indent, firstLine, firstContent }];
    const item: ListItem = {
      type: 'listItem',
      spread: false,
      checked: null,
      children: [],
      position: this.src.position(mark.from, node.to),
    };
    const kids = item.children as RootContent[];
    for (let c = node.firstChild; c; c = c.nextSibling) {
      if (c.name === 'Task') {
        const marker = c.getChild('TaskMarker')!;
        item.checked = t.charCodeAt(marker.from + 1) !== 32;
        // As mdast-util-gfm-task-list-item: the paragraph starts at the marker; a leading text loses one space.
        const p = this.paragraph(c, marker.from, inner, marker.to);
        const head = p.children[0];
        if (head?.type === 'text') {
          head.value = head.value.slice(1);
          if (head.value.length === 0) p.children.shift();
          else {
            head.position!.start = this.src.point(head.position!.start.offset! + 1);
            p.position!.start = { ...head.position!.start };
          }
        }
        kids.push(p);
      } else this.block(c, inner, kids);
    }
    this.fixEnd(item, node.to);
    // Spread: blank lines between its direct children.
    for (let i = 1; i < kids.length; i++) {
      const gap =
        this.src.lineIndex(kids[i]!.position!.start.offset!) - this.src.lineIndex(kids[i - 1]!.position!.end.offset!);
      if (gap > 1) item.spread = true;
    }
    return item;
  }

  column(lineStart: number, pos: number): number {
    let col = 0;
    for (let i = lineStart; i < pos; i++) col = this.text.charCodeAt(i) === 9 ? col + 4 - (col % 4) : col + 1;
    return col;
  }

  /** The lines of [from, to) without container prefixes and up to `indent` more columns of indentation. */
  lines(from: number, to: number, containers: readonly Container[], indent: number): string {
    const t = this.text;
    let out = '';
    let pos = from;
    let first = true;
    while (pos <= to) {
      let lineStart = pos;
      if (!first) lineStart = this.skipPrefix(pos, containers, to);
      let p = lineStart;
      if (indent > 0) {
        let col = 0;
        while (col < indent && p < to && isSpace(t.charCodeAt(p))) {
          col = t.charCodeAt(p) === 9 ? col + 4 - (col % 4) : col + 1;
          p++;
        }
      }
      let e = p;
      while (e < to && !isEol(t.charCodeAt(e))) e++;
      out += t.slice(p, e);
      if (e >= to) break;
      const nl = t.charCodeAt(e) === 13 && t.charCodeAt(e + 1) === 10 ? 2 : 1;
      out += t.slice(e, e + nl);
      pos = e + nl;
      first = false;
    }
    return out;
  }

  fencedCode(node: SyntaxNode, containers: readonly Container[]): Code {
    const t = this.text;
    const marks = children(node).filter((c) => c.name === 'CodeMark');
    const open = marks[0]!;
    const info = node.getChild('CodeInfo');
    const lineStart = this.src.lineStarts[this.src.lineIndex(open.from)]!;
    const fenceIndent = open.from - this.skipPrefix(lineStart, containers, open.from);
    let lang: string | null = null;
    let meta: string | null = null;
    if (info) {
      const raw = t.slice(info.from, this.src.lineEnd(info.from)).trim();
      const m = /^(\S+)(?:[ \t]+(.*))?$/.exec(raw);
      if (m) {
        lang = decodeString(m[1]!);
        meta = m[2] ? decodeString(m[2].trim()) : null;
      }
    }
    const close = marks.length > 1 ? marks[marks.length - 1]! : undefined;
    const firstLineEnd = this.src.lineEnd(open.from);
    let value = '';
    const contentStart =
      firstLineEnd + (t.charCodeAt(firstLineEnd) === 13 && t.charCodeAt(firstLineEnd + 1) === 10 ? 2 : 1);
    const closeLine = close ? this.src.lineStarts[this.src.lineIndex(close.from)]! : undefined;
    const contentEnd = closeLine !== undefined ? closeLine : node.to;
    if (contentStart <= node.to && contentStart < contentEnd) {
      // Every content line loses the container prefixes and up to the fence's indentation.
      const lines: string[] = [];
      let pos = contentStart;
      while (pos < contentEnd) {
        let p = this.skipPrefix(pos, containers, contentEnd);
        let n = 0;
        while (n < fenceIndent && p < contentEnd && t.charCodeAt(p) === 32) {
          p++;
          n++;
        }
        let e = p;
        while (e < contentEnd && !isEol(t.charCodeAt(e))) e++;
        lines.push(t.slice(p, e));
        if (e >= contentEnd) break;
        const nl = t.charCodeAt(e) === 13 && t.charCodeAt(e + 1) === 10 ? 2 : 1;
        lines.push(t.slice(e, e + nl));
        pos = e + nl;
      }
      // The line ending before the closing fence is not content.
      if (close && lines.length > 0) lines.pop();
      value = lines.join('');
    }
    if (!close) value = value.replace(/(?:\r\n|\r|\n)$/, '');
    return { type: 'code', lang, meta, value, position: this.src.position(node.from, this.extendEnd(node.to)) };
  }

  indentedCode(node: SyntaxNode, containers: readonly Container[]): Code {
    const from = this.contentStart(node.from, containers);
    // Trailing lines of only whitespace are not part of the block.
    let to = this.extendEnd(node.to);
    const t = this.text;
    for (;;) {
      const ls = this.src.lineStarts[this.src.lineIndex(to)]!;
      if (ls <= from || !/^[ \t]*$/.test(t.slice(ls, to))) break;
      to = this.trimEnd(from, ls - 1);
      if (t.charCodeAt(to - 1) === 13) to--;
    }
    const value = this.lines(from, to, containers, 4);
    return {
      type: 'code',
      lang: null,
      meta: null,
      value: value.replace(/(?:\r?\n|\r)+$/, ''),
      position: this.src.position(from, to),
    };
  }

  definition(node: SyntaxNode): Definition {
    const t = this.text;
    const label = node.getChild('LinkLabel')!;
    const url = node.getChild('URL');
    const title = node.getChild('LinkTitle');
    const rawLabel = t.slice(label.from + 1, label.to - 1);
    const identifier = normalizeIdentifier(rawLabel).toLowerCase();
    this.definitions.add(identifier);
    return {
      type: 'definition',
      identifier,
      label: decodeString(rawLabel),
      title: title ? decodeString(t.slice(title.from + 1, title.to - 1)) : null,
      url: url ? this.destination(url) : '',
      position: this.src.position(node.from, node.to),
    };
  }

  destination(url: SyntaxNode): string {
    let raw = this.text.slice(url.from, url.to);
    if (raw.startsWith('<') && raw.endsWith('>')) raw = raw.slice(1, -1);
    return decodeString(raw);
  }

  table(node: SyntaxNode, containers: readonly Container[]): Table {
    const t = this.text;
    const rows: TableRow[] = [];
    let align: Table['align'] = [];
    for (let c = node.firstChild; c; c = c.nextSibling) {
      if (c.name === 'TableHeader' || c.name === 'TableRow') rows.push(this.tableRow(c, containers));
      else if (c.name === 'TableDelimiter' && rows.length === 1) {
        align = t
          .slice(c.from, c.to)
          .replace(/^\s*\|/, '')
          .replace(/\|\s*$/, '')
          .split('|')
          .map((cell) => {
            const s = cell.trim();
            const left = s.startsWith(':');
            const right = s.endsWith(':');
            return left && right ? 'center' : left ? 'left' : right ? 'right' : null;
          });
      }
    }
    return { type: 'table', align, children: rows, position: this.src.position(node.from, this.extendEnd(node.to)) };
  }

  tableRow(node: SyntaxNode, containers: readonly Container[]): TableRow {
    const cells: TableCell[] = [];
    const rowEnd = this.trimEnd(node.from, node.to);
    const pipes: number[] = [];
    const contents: SyntaxNode[] = [];
    for (let k = node.firstChild; k; k = k.nextSibling) {
      if (k.name === 'TableDelimiter') pipes.push(k.from);
      else if (k.name === 'TableCell') contents.push(k);
    }
    // remark's cell runs from the pipe before it (or the row start) to the next pipe; the last one takes its pipe.
    const bounds = pipes[0] === node.from ? [...pipes] : [node.from, ...pipes];
    const trailing = pipes.length > 0 && pipes[pipes.length - 1]! + 1 >= rowEnd;
    if (!trailing) bounds.push(rowEnd);
    let ci = 0;
    for (let b = 0; b + 1 < bounds.length; b++) {
      const from = bounds[b]!;
      const next = bounds[b + 1]!;
      const last = b + 2 === bounds.length;
      const end = last && trailing ? this.extendEnd(next + 1) : next;
      const content =
        contents[ci] && contents[ci]!.from >= from && contents[ci]!.to <= next ? contents[ci++] : undefined;
      cells.push({
        type: 'tableCell',
        children: content ? this.cell(content, containers) : [],
        position: this.src.position(from, end),
      });
    }
    return {
      type: 'tableRow',
      children: cells,
      position: this.src.position(node.from, trailing ? this.extendEnd(rowEnd) : rowEnd),
    };
  }

  cell(content: SyntaxNode, containers: readonly Container[]): PhrasingContent[] {
    this.inCell = true;
    try {
      return this.inline(content, content.from, this.trimEnd(content.from, content.to), containers);
    } finally {
      this.inCell = false;
    }
  }

  // ---- inline ----

  inline(parent: SyntaxNode, from: number, to: number, containers: readonly Container[]): PhrasingContent[] {
    const out: PhrasingContent[] = [];
    const b = new TextBuilder(this, containers, out);
    this.inlineInto(parent, from, to, b);
    b.flush();
    return out;
  }

  inlineInto(parent: SyntaxNode, from: number, to: number, b: TextBuilder): void {
    let pos = from;
    for (let c = parent.firstChild; c; c = c.nextSibling) {
      if (c.to <= from || c.from >= to) continue;
      const n = c.name;
      if (n === 'QuoteMark' || n === 'LinkMark' || n === 'LinkLabel' || n === 'TaskMarker' || n === 'HeaderMark')
        continue;
      if (c.from > pos) b.raw(pos, c.from);
      pos = Math.max(pos, c.from);
      switch (c.name) {
        case 'Escape':
          b.decoded(c.from, c.to, this.text.slice(c.from + 1, c.to));
          break;
        case 'Entity':
          b.decoded(c.from, c.to, decodeString(this.text.slice(c.from, c.to)));
          break;
        default:
          this.inlineNode(c, b);
      }
      pos = c.to;
    }
    if (pos < to) b.raw(pos, to);
  }

  inlineNode(c: SyntaxNode, b: TextBuilder): void {
    const t = this.text;
    const pos = (): Position => this.src.position(c.from, c.to);
    const inner = (open: number, close: number): PhrasingContent[] => {
      const out: PhrasingContent[] = [];
      const nb = new TextBuilder(this, b.containers, out, b.inLink);
      this.inlineInto(c, c.from + open, c.to - close, nb);
      nb.flush();
      return out;
    };
    switch (c.name) {
      case 'Emphasis':
        b.node({ type: 'emphasis', children: inner(1, 1), position: pos() });
        return;
      case 'StrongEmphasis':
        b.node({ type: 'strong', children: inner(2, 2), position: pos() });
        return;
      case 'Strikethrough': {
        const marks = children(c).filter((m) => m.name === 'StrikethroughMark');
        const w = marks[0]!.to - marks[0]!.from;
        b.node({ type: 'delete', children: inner(w, w), position: pos() });
        return;
      }
      case 'InlineCode': {
        const marks = children(c).filter((m) => m.name === 'CodeMark');
        const w = marks[0]!.to - marks[0]!.from;
        let value = this.lines(c.from + w, c.to - w, b.containers, 0);
        if (this.inCell) value = value.replace(/\\\|/g, '|');
        if (/^[ \r\n]/.test(value) && /[ \r\n]$/.test(value) && /[^ \r\n]/.test(value))
          value = value.replace(/^(?:\r\n|[ \r\n])/, '').replace(/(?:\r\n|[ \r\n])$/, '');
        b.node({ type: 'inlineCode', value, position: pos() });
        return;
      }
      case 'HardBreak': {
        // Two or more spaces, or a backslash, before a line ending: the break takes the line ending too.
        let end = c.to;
        if (t.charCodeAt(end) === 13 && t.charCodeAt(end + 1) === 10) end += 2;
        else if (isEol(t.charCodeAt(end))) end++;
        b.node({ type: 'break', position: this.src.position(c.from, end) });
        b.lineStart(end);
        return;
      }
      case 'HTMLTag':
      case 'Comment':
      case 'ProcessingInstruction':
        b.node({ type: 'html', value: this.lines(c.from, c.to, b.containers, 0), position: pos() });
        return;
      case 'Autolink': {
        const url = c.getChild('URL')!;
        const raw = t.slice(url.from, url.to);
        const isEmail = !/^[a-zA-Z][a-zA-Z0-9+.-]{1,31}:/.test(raw);
        b.node({
          type: 'link',
          title: null,
          url: isEmail ? 'mailto:' + raw : raw,
          children: [{ type: 'text', value: raw, position: this.src.position(url.from, url.to) }],
          position: pos(),
        });
        return;
      }
      case 'URL': {
        const raw = t.slice(c.from, c.to);
        if (b.inLink) {
          b.raw(c.from, c.to);
          return;
        }
        this.checkLiteral(c.from, c.to);
        const url = /^www\./i.test(raw)
          ? 'http://' + raw
          : /^[a-z]+:/i.test(raw) && !/^mailto:|^xmpp:/i.test(raw)
            ? raw
            : /^mailto:|^xmpp:/i.test(raw)
              ? raw
              : 'mailto:' + raw;
        b.node({
          type: 'link',
          title: null,
          url,
          children: [{ type: 'text', value: raw, position: pos() }],
          position: pos(),
        });
        return;
      }
      case 'Link':
      case 'Image':
        this.link(c, b, c.name === 'Image');
        return;
      default:
        throw new FastParseUnsupported(`inline ${c.name}`);
    }
  }

  /**
   * Lezer's literal autolinks follow looser rules than micromark-extension-gfm-autolink-literal. Accept one only
   * when both certainly agree: ASCII, no brackets, emphasis or entity characters inside, a character micromark
   * accepts before it, and whitespace or plain trailing punctuation after it.
   */
  checkLiteral(from: number, to: number): void {
    const t = this.text;
    const raw = t.slice(from, to);
    const before = from > 0 ? t[from - 1]! : '';
    const after = t[to] ?? '';
    const email = !/^(?:https?:\/\/|www\.)/i.test(raw);
    const beforeOk = email
      ? before === '' || !/[\w.+\-/]/.test(before) // micromark: not alphanumeric, `+-._` or `/`
      : /^www\./i.test(raw)
        ? before === '' || /[\s(*_[\]~]/.test(before)
        : before === '' || !/[A-Za-z]/.test(before);
    if (
      !beforeOk ||
      !/^[\x21-\x7e]+$/.test(raw) ||
      /[()&*_~<>\[\]"'`]/.test(raw) ||
      !(after === '' || /[\s.,:;!?]/.test(after)) ||
      /^mailto:|^xmpp:/i.test(raw)
    )
      throw new FastParseUnsupported('literal autolink');
  }

  link(c: SyntaxNode, b: TextBuilder, image: boolean): void {
    const t = this.text;
    const parts = children(c);
    const marks = parts.filter((k) => k.name === 'LinkMark');
    const textEnd = marks[1]!; // `]` closing the text
    const textFrom = c.from + (image ? 2 : 1);
    const url = parts.find((k) => k.name === 'URL');
    const title = parts.find((k) => k.name === 'LinkTitle');
    const label = parts.find((k) => k.name === 'LinkLabel');
    const content = (): PhrasingContent[] => {
      const out: PhrasingContent[] = [];
      const nb = new TextBuilder(this, b.containers, out, true);
      this.inlineInto(c, textFrom, textEnd.from, nb);
      nb.flush();
      return out;
    };
    const position = this.src.position(c.from, c.to);
    const afterText = t.charCodeAt(textEnd.to);
    if (afterText === 40 /* ( */ && marks.length >= 3) {
      const kids = content();
      const urlValue = url ? this.destination(url) : '';
      const titleValue = title ? decodeString(t.slice(title.from + 1, title.to - 1)) : null;
      if (image) b.node({ type: 'image', title: titleValue, url: urlValue, alt: toText(kids), position });
      else b.node({ type: 'link', title: titleValue, url: urlValue, children: kids, position } as PhrasingContent);
      return;
    }
    // A reference: full `[text][label]`, collapsed `[text][]` or shortcut `[text]`.
    let referenceType: 'full' | 'collapsed' | 'shortcut';
    let rawLabel: string;
    if (label && label.to - label.from > 2) {
      referenceType = 'full';
      rawLabel = t.slice(label.from + 1, label.to - 1);
    } else if (label) {
      referenceType = 'collapsed';
      rawLabel = t.slice(textFrom, textEnd.from);
    } else {
      referenceType = 'shortcut';
      rawLabel = t.slice(textFrom, textEnd.from);
    }
    const identifier = normalizeIdentifier(rawLabel).toLowerCase();
    if (!this.definitions.has(identifier)) {
      // remark keeps an undefined reference as text.
      this.inlineInto(c, c.from, c.to, b);
      return;
    }
    const kids = content();
    if (image)
      b.node({
        type: 'imageReference',
        alt: toText(kids),
        position,
        label: decodeString(rawLabel),
        identifier,
        referenceType,
      });
    else
      b.node({
        type: 'linkReference',
        children: kids,
        position,
        label: decodeString(rawLabel),
        identifier,
        referenceType,
      } as PhrasingContent);
  }
}

function toText(nodes: PhrasingContent[]): string {
  let s = '';
  for (const n of nodes) {
    if ('value' in n && n.type !== 'html') s += n.value;
    else if ('alt' in n && n.alt) s += n.alt;
    else if ('children' in n) s += toText(n.children as PhrasingContent[]);
  }
  return s;
}

/** Collects text runs (raw source, escapes, entities) into mdast text nodes as micromark would. */
class TextBuilder {
  private value = '';
  private start = -1;
  private end = -1;
  /** Offset at which a new line begins whose prefix is still to skip. */
  private pendingLine = -1;

  constructor(
    readonly cv: Converter,
    readonly containers: readonly Container[],
    readonly out: PhrasingContent[],
    /** Inside a link's text, where GFM makes no literal autolinks. */
    readonly inLink = false,
  ) {}

  lineStart(pos: number): void {
    this.pendingLine = pos;
  }

  raw(from: number, to: number): void {
    const t = this.cv.text;
    let pos = from;
    if (this.pendingLine === pos) {
      pos = this.skipLinePrefix(pos, to);
      this.pendingLine = -1;
    }
    while (pos < to) {
      let e = pos;
      while (e < to && !isEol(t.charCodeAt(e))) e++;
      if (e >= to) {
        this.add(pos, to, t.slice(pos, to));
        return;
      }
      // Whitespace before a line ending is dropped.
      let s = e;
      while (s > pos && isSpace(t.charCodeAt(s - 1))) s--;
      if (s > pos) this.add(pos, s, t.slice(pos, s));
      const nl = t.charCodeAt(e) === 13 && t.charCodeAt(e + 1) === 10 ? 2 : 1;
      this.add(e, e + nl, t.slice(e, e + nl));
      pos = e + nl;
      if (pos >= to) {
        this.pendingLine = pos;
        return;
      }
      pos = this.skipLinePrefix(pos, to);
    }
  }

  skipLinePrefix(pos: number, to: number): number {
    const t = this.cv.text;
    pos = this.cv.skipPrefix(pos, this.containers, to);
    while (pos < to && isSpace(t.charCodeAt(pos))) pos++;
    return pos;
  }

  decoded(from: number, to: number, value: string): void {
    this.pendingLine = -1;
    this.add(from, to, value);
  }

  private add(from: number, to: number, value: string): void {
    if (this.start < 0) this.start = from;
    this.end = to;
    this.value += value;
  }

  node(n: PhrasingContent): void {
    this.flush();
    this.pendingLine = -1;
    this.out.push(n);
  }

  flush(): void {
    if (this.start >= 0 && this.value !== '') {
      if (!this.inLink) checkTransform(this.value);
      this.out.push({ type: 'text', value: this.value, position: this.cv.src.position(this.start, this.end) });
    }
    this.start = -1;
    this.end = -1;
    this.value = '';
  }
}

const URL_TRANSFORM = /(https?:\/\/|www(?=\.))([-.\w]+)([^ \t\r\n]*)/gi;
const EMAIL_TRANSFORM = /(?<=^|\s|\p{P}|\p{S})([-.\w+]+)@([-\w]+(?:\.[-\w]+)+)/gu;

/**
 * remark-gfm also links URLs and emails found in text nodes afterwards (mdast-util-gfm-autolink-literal's
 * transform, which gives nodes without positions). When that would link something in `value`, the text goes to
 * remark.
 */
function checkTransform(value: string): void {
  if (!/[@:.]/.test(value)) return;
  URL_TRANSFORM.lastIndex = 0;
  for (let m = URL_TRANSFORM.exec(value); m; m = URL_TRANSFORM.exec(value)) {
    const prev = m.index === 0 ? '' : value[m.index - 1]!;
    if (prev === '' || WHITESPACE.test(prev) || PUNCTUATION.test(prev))
      throw new FastParseUnsupported('literal autolink in text');
  }
  EMAIL_TRANSFORM.lastIndex = 0;
  for (let m = EMAIL_TRANSFORM.exec(value); m; m = EMAIL_TRANSFORM.exec(value))
    if (!/[\d\-_]$/.test(m[2]!)) throw new FastParseUnsupported('literal autolink in text');
}

const FRONT_MATTER = /^(?:(-{3})|(\+{3}))[ \t]*(?:\r?\n|\r)/;

/**
 * Parse Markdown into mdast with Lezer: the same tree as remark-parse + remark-gfm + remark-frontmatter
 * (['yaml', 'toml']), positions included. Throws FastParseUnsupported for a construct it does not convert.
 */
export function fastParse(text: string): Root {
  if (text.charCodeAt(0) === 0xfeff) throw new FastParseUnsupported('byte order mark');
  const src = new Source(text);
  let input = text;
  const children: RootContent[] = [];
  const fm = FRONT_MATTER.exec(text);
  let fmNode: RootContent | undefined;
  if (fm) {
    const fence = fm[1] ?? fm[2]!;
    const close = new RegExp(`^${fence === '---' ? '-{3}' : '\\+{3}'}[ \\t]*$`);
    let pos = fm[0].length;
    let end = -1;
    let valueEnd = -1;
    while (pos <= text.length) {
      const e = src.lineEnd(pos);
      if (close.test(text.slice(pos, e))) {
        end = e;
        valueEnd = pos;
        break;
      }
      if (e >= text.length) break;
      pos = e + (text.charCodeAt(e) === 13 && text.charCodeAt(e + 1) === 10 ? 2 : 1);
    }
    if (end >= 0) {
      let v = text.slice(fm[0].length, valueEnd);
      v = v.replace(/(?:\r\n|\r|\n)$/, '');
      fmNode = {
        type: fence === '---' ? 'yaml' : 'toml',
        value: v,
        position: src.position(0, end),
      } as RootContent;
      input = text.slice(0, end).replace(/[^\r\n]/g, ' ') + text.slice(end);
    }
  }
  const tree = markdown.parse(input);
  const cv = new Converter(src);
  // Definitions first: references resolve against every definition in the document.
  collectDefinitions(tree.topNode, text, cv.definitions);
  if (fmNode) children.push(fmNode);
  cv.blocks(tree.topNode, [], children);
  return {
    type: 'root',
    children,
    position: { start: { line: 1, column: 1, offset: 0 }, end: src.point(text.length) },
  };
}

function collectDefinitions(node: SyntaxNode, text: string, out: Set<string>): void {
  for (let c = node.firstChild; c; c = c.nextSibling) {
    if (c.name === 'LinkReference') {
      const label = c.getChild('LinkLabel');
      if (label) out.add(normalizeIdentifier(text.slice(label.from + 1, label.to - 1)).toLowerCase());
    } else if (c.name === 'Blockquote' || c.name === 'BulletList' || c.name === 'OrderedList' || c.name === 'ListItem')
      collectDefinitions(c, text, out);
  }
}
