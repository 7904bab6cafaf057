import type { TreeNode } from './source.js';
import type {
  Blockquote,
  Code,
  Definition,
  Heading,
  Html,
  List,
  ListItem,
  Paragraph,
  RootContent,
  Table,
  TableCell,
  TableRow,
} from 'mdast';
import { decodeString } from 'micromark-util-decode-string';
import { InlineConverter } from './inline.js';
import {
  children,
  FastParseUnsupported,
  firstAndLastNamed,
  firstNamed,
  isEol,
  isSpace,
  normalizeIdentifier,
  type Container,
} from './source.js';

const LAZY_EMPTY_ITEM = /[\r\n][ \t>]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)*(?:[-*+]|\d{1,9}[.)])[ \t]*(?:[\r\n]|$)/;
const LAZY_ORDERED = /[\r\n][ \t>]*(\d{1,9})[.)](?:[ \t\r\n]|$)/g;

/** Converts a Lezer Markdown tree to mdast as remark-parse + remark-gfm + remark-frontmatter build it. */
export class Converter extends InlineConverter {
  blocks(node: TreeNode, containers: Container[], out: RootContent[]): void {
    for (let c = node.firstChild; c; c = c.nextSibling) this.block(c, containers, out);
  }

  block(node: TreeNode, containers: Container[], out: RootContent[]): void {
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
        this.blocks(node, inner, q.children);
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

  paragraph(node: TreeNode, from: number, containers: readonly Container[], inlineFrom = from): Paragraph {
    const to = this.trimEnd(from, node.to);
    // A line starting with an ordered marker other than 1 continues a list item's paragraph for Lezer (it may not
    // interrupt a paragraph) but starts a list for micromark: such a text goes to remark.
    // Likewise a line holding only a list marker (an empty item) after a paragraph line in a container.
    const raw = this.text.slice(from, to);
    if (LAZY_EMPTY_ITEM.test(raw)) throw new FastParseUnsupported('empty list item on a paragraph line');
    if (containers.some((c) => !c.quote)) {
      LAZY_ORDERED.lastIndex = 0;
      for (let m = LAZY_ORDERED.exec(raw); m; m = LAZY_ORDERED.exec(raw))
        if (Number(m[1]) !== 1) throw new FastParseUnsupported('ordered marker in a list item paragraph');
    }
    return {
      type: 'paragraph',
      children: this.inline(node, inlineFrom, to, containers),
      position: this.src.position(from, this.extendEnd(to)),
    };
  }

  atxHeading(node: TreeNode, depth: Heading['depth'], containers: readonly Container[]): Heading {
    const t = this.text;
    // The opening mark, and the closing one when there are two or more.
    const [open, last] = firstAndLastNamed(node, 'HeaderMark');
    const close = last !== open ? last : null;
    let from = open!.to;
    let to = node.to;
    if (close && close.from > open!.from) to = close.from;
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

  setextHeading(node: TreeNode, depth: 1 | 2, containers: readonly Container[]): Heading {
    const mark = firstNamed(node, 'HeaderMark')!;
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

  list(node: TreeNode, ordered: boolean, containers: Container[]): List {
    const items: ListItem[] = [];
    let start: number | null = null;
    for (let c = node.firstChild; c; c = c.nextSibling) {
      if (c.name !== 'ListItem') continue;
      if (ordered && start === null) {
        const mark = firstNamed(c, 'ListMark')!;
        start = Number.parseInt(this.text.slice(mark.from, mark.to - 1), 10);
      }
      items.push(this.listItem(c, containers));
    }
    const list: List = {
      type: 'list',
      ordered,
      start: ordered ? start : null,
      spread: false,
      children: this.exact(items),
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

  listItem(node: TreeNode, containers: Container[]): ListItem {
    const t = this.text;
    const mark = firstNamed(node, 'ListMark')!;
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
    if (blank) this.sawEmptyItem = true;
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
      const marker = this.taskMarker(c, kids.length === 0);
      if (marker !== null) {
        item.checked = t.charCodeAt(marker + 1) !== 32;
        // As mdast-util-gfm-task-list-item: the paragraph starts at the marker; a leading text loses one
        // character (the space or line ending after the marker), its start moved on one column.
        const p = this.paragraph(c, marker, inner, marker + 3);
        const head = p.children[0];
        if (head?.type === 'text') {
          head.value = head.value.slice(1);
          if (head.value.length === 0) p.children.shift();
          else {
            const start = head.position!.start;
            head.position!.start = { line: start.line, column: start.column + 1, offset: start.offset! + 1 };
            p.position!.start = { ...head.position!.start };
          }
        }
        kids.push(p);
      } else if (c.name === 'Task') kids.push(this.paragraph(c, c.from, inner));
      else this.block(c, inner, kids);
    }
    this.fixEnd(item, node.to);
    // Spread: blank lines between its direct children.
    for (let i = 1; i < kids.length; i++) {
      const gap =
        this.src.lineIndex(kids[i]!.position!.start.offset!) - this.src.lineIndex(kids[i - 1]!.position!.end.offset!);
      if (gap > 1) item.spread = true;
    }
    return Object.assign(item, { children: this.exact(kids) as ListItem['children'] });
  }

  fencedCode(node: TreeNode, containers: readonly Container[]): Code {
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

  indentedCode(node: TreeNode, containers: readonly Container[]): Code {
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

  definition(node: TreeNode): Definition {
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

  table(node: TreeNode, containers: readonly Container[]): Table {
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

  tableRow(node: TreeNode, containers: readonly Container[]): TableRow {
    const cells: TableCell[] = [];
    const rowEnd = this.trimEnd(node.from, node.to);
    const pipes: number[] = [];
    const contents: TreeNode[] = [];
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
      children: this.exact(cells),
      position: this.src.position(node.from, trailing ? this.extendEnd(rowEnd) : rowEnd),
    };
  }
}
