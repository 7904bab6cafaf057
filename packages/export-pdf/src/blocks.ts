import { alertParts, blocksText, MAX_NESTING } from '@notes/core';
import type {
  FootnoteDefinition,
  Image,
  List,
  ListItem,
  Paragraph,
  PhrasingContent,
  RootContent,
  Table,
  TableCell,
} from 'mdast';
import type { Math } from 'mdast-util-math';
import type { ContentObject } from './definition.js';
import { EM_PER_CHAR, estimateLines, lineHeight, printedImageSize, type Unit } from './estimate.js';
import { mathLineGrowth } from './inline-math.js';
import { htmlText, inlines, rtl, spans, spanText, type Span } from './inline.js';
import { codeUnit } from './code.js';
import { richNow, type PdfImage } from './rich.js';
import { THEME, TOPIC_COLOURS, type TopicColour } from './theme.js';

export interface Context {
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
  /** Height of a column (images are kept to a share of it). */
  columnHeight?: number;
  /** The document's BCP 47 language: Han takes its regional forms. */
  lang?: string | undefined;
}

export const MAX_LIST_DEPTH = 5;

export function paragraph(children: readonly PhrasingContent[], ctx: Context, extra: ContentObject = {}): Unit {
  const list = spans(children, {});
  const text = spanText(list);
  return {
    content: { text: inlines(list, { size: ctx.size, lang: ctx.lang }), fontSize: ctx.size, ...rtl(text), ...extra },
    height: estimateLines(text, ctx.width, ctx.size) * lineHeight(ctx.size) + 1.5 + mathGrowth(list, ctx.size),
  };
}

/** The most a paragraph's lines grow for its tall formulas (each formula on a line of its own, to be safe). */
function mathGrowth(list: readonly Span[], size: number): number {
  return list.reduce((sum, span) => sum + (span.math ? mathLineGrowth(span.math, size) : 0), 0);
}

/**
 * A short line that introduces what follows (`**When to Use KMS**`, `Key Differences`, `Examples:`): it must not
 * end a column, so it is glued to the next block like a heading.
 */
export function leadIn(children: readonly PhrasingContent[]): boolean {
  const text = spanText(spans(children, {})).trim();
  if (text === '' || text.length > 400) return false;
  if (/:$/.test(text)) return true;
  if (text.length > 70 || text.includes('\n')) return false;
  const allStrong = children.every((c) => c.type === 'strong' || (c.type === 'text' && c.value.trim() === ''));
  return allStrong || !/[.!?)]$/.test(text);
}

export function listUnit(node: List, ctx: Context): Unit {
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
export function flatList(node: List, ctx: Context): Unit {
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
export function withMarker(content: ContentObject, marker: ContentObject[]): ContentObject {
  if (Array.isArray(content.text)) return { ...content, text: [...marker, ...(content.text as ContentObject[])] };
  if (Array.isArray(content.stack) && content.stack.length > 0) {
    const [first, ...rest] = content.stack as ContentObject[];
    return { ...content, stack: [withMarker(first!, marker), ...rest] };
  }
  return { stack: [{ text: marker }, content] };
}

export function listItem(item: ListItem, ctx: Context): Unit {
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

export function cellSpans(cell: TableCell | undefined): Span[] {
  return cell ? spans(cell.children, {}) : [];
}

/** Column widths from content: each column gets room for its longest word and a share by its text length. */
export function columnWidths(rows: readonly Span[][][], available: number, size: number): number[] {
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

export const CELL_PAD_X = 2;
export const CELL_PAD_Y = 1;

export function tableUnit(node: Table, ctx: Context, keepWhole: (height: number) => boolean): Unit {
  const n = Math.max(...node.children.map((row) => row.children.length));
  const rows = node.children.map((row) => Array.from({ length: n }, (_, c) => cellSpans(row.children[c])));
  const size = THEME.table;
  const available = ctx.width - n * 2 * CELL_PAD_X - (n + 1) * 0.5;
  const widths = columnWidths(rows, available, size);
  let height = 2;
  const heights: number[] = [];
  const body = rows.map((row, r) => {
    let lines = 1;
    const cells = row.map((cell, c) => {
      const header = r === 0;
      const styled = header ? cell.map((s) => ({ ...s, style: { ...s.style, bold: true } })) : cell;
      lines = Math.max(
        lines,
        estimateLines(spanText(cell), widths[c]!, size, header ? EM_PER_CHAR.bold : EM_PER_CHAR.body),
      );
      const out: ContentObject = { text: inlines(styled, { size, lang: ctx.lang }), ...rtl(spanText(cell)) };
      if (header) out.fillColor = ctx.colour.head;
      else if (c === 0) out.bold = true;
      return out;
    });
    const rowHeight = lines * lineHeight(size) + 2 * CELL_PAD_Y + 0.5;
    heights.push(rowHeight);
    height += rowHeight;
    return cells;
  });
  const whole = keepWhole(height);
  const table: ContentObject = {
    table: { headerRows: 1, dontBreakRows: true, keepWithHeaderRows: 1, widths, body },
    layout: 'cheatsheet',
    fontSize: size,
    margin: [0, 0.5, 0, 2.5],
  };
  if (whole) return { content: table, height: height + 3 };
  return { content: { ...table, _split: true }, height: height + 3, rows: heights };
}

export function calloutUnit(children: readonly RootContent[], ctx: Context): Unit {
  if (ctx.quoted) {
    const inner = children.map((child) => block(child, ctx));
    return { content: { stack: inner.map((u) => u.content) }, height: inner.reduce((s, u) => s + u.height, 0) };
  }
  const inner = { ...ctx, width: ctx.width - 8, quoted: true };
  const [first, ...rest] = children;
  const alert = first?.type === 'paragraph' ? alertParts(first) : null;
  const blocks: Unit[] = [];
  if (alert) {
    // The title line in the topic's colour, bold; the marker itself is not printed.
    const list = spans(alert.title, { bold: true });
    blocks.push({
      content: {
        text: inlines(list, { color: ctx.colour.bar, size: inner.size, lang: inner.lang }),
        fontSize: inner.size,
        ...rtl(spanText(list)),
      },
      height: estimateLines(spanText(list), inner.width, inner.size, EM_PER_CHAR.bold) * lineHeight(inner.size) + 1,
    });
    if (alert.body.length > 0) blocks.push(paragraph(alert.body, inner));
    blocks.push(...rest.map((child) => block(child, inner)));
  } else {
    blocks.push(...children.map((child) => block(child, inner)));
  }
  return {
    content: {
      table: { widths: ['*'], body: [[{ stack: blocks.map((b) => b.content), fillColor: ctx.colour.tint }]] },
      layout: `callout-${TOPIC_COLOURS.indexOf(ctx.colour)}`,
      margin: [0, 0.5, 0, 2.5],
    },
    height: blocks.reduce((s, b) => s + b.height, 0) + 7,
  };
}

/**
 * A footnote's text where it is defined, in the table's smaller type, after its mark `[^id]` as the reference
 * prints it, so the note is never left out of the sheet.
 */
export function footnoteUnit(node: FootnoteDefinition, ctx: Context): Unit {
  const small = { ...ctx, size: Math.min(ctx.size, THEME.table) };
  const mark: PhrasingContent = { type: 'text', value: `[^${node.label ?? node.identifier}] ` };
  const [first, ...rest] = node.children;
  const units: Unit[] = [];
  if (first?.type === 'paragraph') units.push(paragraph([mark, ...first.children], small));
  else {
    units.push(paragraph([mark], small));
    if (first) units.push(block(first, small));
  }
  units.push(...rest.map((child) => block(child, small)));
  return {
    content: { stack: units.map((u) => u.content), color: THEME.muted, margin: [0, 0, 0, 1.5] },
    height: units.reduce((s, u) => s + u.height, 0) + 1.5,
  };
}

export function subheading(children: readonly PhrasingContent[], ctx: Context): Unit {
  const list = spans(children, { bold: true });
  return {
    content: {
      text: inlines(list, { color: ctx.colour.bar, lang: ctx.lang }),
      fontSize: THEME.subheading,
      margin: [0, 1, 0, 0.8],
      ...rtl(spanText(list)),
    },
    height:
      estimateLines(spanText(list), ctx.width, THEME.subheading, EM_PER_CHAR.bold) * lineHeight(THEME.subheading) + 2,
    glue: true,
  };
}

export function block(node: RootContent, outer: Context, keepWhole: (h: number) => boolean = () => true): Unit {
  const level = (outer.level ?? 0) + 1;
  if (level > MAX_NESTING && (node.type === 'list' || node.type === 'blockquote')) {
    return paragraph([{ type: 'text', value: blocksText([node]).replace(/\s+/g, ' ').trim() }], outer);
  }
  const ctx = { ...outer, level };
  switch (node.type) {
    case 'paragraph': {
      const withImages = imageParagraph(node, ctx);
      if (withImages) return withImages;
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
      return codeUnit(node.value, ctx, node);
    case 'math':
      return mathUnit(node, ctx);
    case 'blockquote':
      return calloutUnit(node.children, ctx);
    case 'footnoteDefinition':
      return footnoteUnit(node, ctx);
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

/**
 * Display math: a line of its own holding the formula in display style, drawn and measured like inline math (the
 * line as tall as the formula, scaled down to the column when wider, its TeX as invisible text); the TeX as code
 * if it could not be typeset.
 */
export function mathUnit(node: Math, ctx: Context): Unit {
  const math = richNow().mathSvg.get(node);
  if (!math) return codeUnit(node.value, ctx);
  const list: Span[] = [{ text: node.value.replace(/\s+/g, ' ').trim(), style: {}, math }];
  return {
    content: { text: inlines(list, { lang: ctx.lang }), fontSize: ctx.size, margin: [4, 1.5, 0, 2.5] },
    height: lineHeight(ctx.size) + mathLineGrowth(math, ctx.size) + 4,
  };
}

/** An image and its caption (title, else alt text), kept together, scaled to fit the column. */
export function imageUnit(node: Image, image: PdfImage, ctx: Context): Unit {
  const { width, height } = printedImageSize(image, ctx.width, ctx.columnHeight);
  const picture: ContentObject = { image: image.key, width, height };
  const caption = (node.title ?? node.alt ?? '').trim();
  const size = THEME.table;
  const stack: ContentObject[] = [picture];
  let captionHeight = 0;
  if (caption) {
    stack.push({
      text: inlines([{ text: caption, style: { italics: true } }], { color: THEME.muted }),
      fontSize: size,
      margin: [0, 1, 0, 0],
    });
    captionHeight = estimateLines(caption, ctx.width, size) * lineHeight(size) + 1;
  }
  return { content: { stack, unbreakable: true, margin: [0, 1, 0, 2.5] }, height: height + captionHeight + 3.5 };
}

/** A paragraph with embedded images: its text (if any), then each image with its caption. */
function imageParagraph(node: Paragraph, ctx: Context): Unit | null {
  const images = richNow().images;
  const found = node.children.filter((c): c is Image => c.type === 'image' && images.has(c));
  if (found.length === 0) return null;
  const units: Unit[] = [];
  const rest = node.children.filter((c) => !(c.type === 'image' && images.has(c)));
  if (spanText(spans(rest, {})).trim() !== '') units.push(paragraph(rest, ctx, { margin: [0, 0, 0, 1.5] }));
  for (const image of found) units.push(imageUnit(image, images.get(image)!, ctx));
  return { content: { stack: units.map((u) => u.content) }, height: units.reduce((s, u) => s + u.height, 0) };
}
