import { mapClozes, type ClozeWrapper, type ModelNote } from '@notes/core';
import { block, listUnit, type Context } from './blocks.js';
import type { ContentObject } from './definition.js';
import { EM_PER_CHAR, estimateLines, lineHeight, type Geometry, type Unit } from './estimate.js';
import { inlines, rtl, spans, spanText } from './inline.js';
import { THEME, type TopicColour } from './theme.js';
import { shownBlocks } from './wiki.js';

export function bar(text: string, colour: string, size: number, width: number, marginTop: number, lang?: string): Unit {
  const list = spans([{ type: 'text', value: text }], { bold: true });
  return {
    content: {
      table: {
        widths: ['*'],
        body: [[{ text: inlines(list, { color: '#ffffff', lang }), fillColor: colour, fontSize: size, ...rtl(text) }]],
      },
      layout: 'bar',
      margin: [0, marginTop, 0, 2],
    },
    height: estimateLines(text, width - 8, size, EM_PER_CHAR.bold) * lineHeight(size) + 4 + marginTop + 2,
    glue: true,
  };
}

/** A cloze prints as its text, highlighted (an emphasis node marked as `mark`, as the deck's HTML does). */
const highlight: ClozeWrapper = (content) => [{ type: 'emphasis', data: { hName: 'mark' }, children: content }];

export function noteUnits(
  note: ModelNote,
  geometry: Geometry,
  colour: TopicColour,
  keepWhole: (h: number) => boolean,
  lang?: string,
): Unit[] {
  const ctx: Context = {
    width: geometry.columnWidth,
    colour,
    quoted: false,
    size: THEME.body,
    columnHeight: geometry.columnHeight,
    lang,
  };
  const units: Unit[] = [];
  if (note.kind === 'question') {
    const title = note.heading
      ? spans(note.heading.children, { bold: true })
      : [{ text: note.title, style: { bold: true } }];
    units.push({
      content: {
        text: inlines(title, { color: colour.bar, lang }),
        fontSize: THEME.question,
        margin: [0, 2.5, 0, 0.8],
        ...rtl(spanText(title)),
      },
      height:
        estimateLines(spanText(title), ctx.width, THEME.question, EM_PER_CHAR.bold) * lineHeight(THEME.question) + 3.3,
      glue: true,
    });
  }
  // Unchanged (the same blocks) when the note has no clozes and no wiki links.
  const body = mapClozes(shownBlocks(note.body), highlight);
  for (const [index, node] of body.entries()) {
    const unit = block(node, ctx, keepWhole);
    if (unit.height === 0) continue;
    // A callout right under the question is its preamble: keep it with what it introduces.
    if (index === 0 && node.type === 'blockquote') unit.glue = true;
    // So is a one- or two-line opening sentence ("Amazon Elastic MapReduce."): the title stays with substance.
    if (index === 0 && node.type === 'paragraph' && body.length > 1 && unit.height <= 2 * lineHeight(ctx.size) + 2)
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
export interface FlowBlock {
  content: ContentObject;
  height: number;
  opensSection: boolean;
  /** A table's row heights, the header first (Unit.rows): the parts may be cut between its rows. */
  rows?: number[];
}

/** Glue headings to what follows and make each group unbreakable when it fits a column. */
export function pack(units: readonly Unit[], keepWhole: (h: number) => boolean): FlowBlock[] {
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
      out.push(withRows({ content: contents[contents.length - 1]!, height: last.height, opensSection: false }, last));
    } else
      group.forEach((u, i) =>
        out.push(withRows({ content: contents[i]!, height: u.height, opensSection: i === 0 && opensSection }, u)),
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

function withRows(block: FlowBlock, unit: Unit): FlowBlock {
  return unit.rows ? { ...block, rows: unit.rows } : block;
}

/** Estimated height a table adds besides its rows (tableUnit's: 2 of rules, 3 of margins). */
const TABLE_EXTRA = 5;

/**
 * A table block cut in two between its rows: the first rows that fit `room` points, and the rest under the
 * header row again (as pdfmake repeats it on a new page). Null when not even one row fits, or nothing is left.
 */
export function splitTable(block: FlowBlock, room: number): [FlowBlock, FlowBlock] | null {
  const rows = block.rows;
  const table = (block.content as { table?: { body: unknown[][] } }).table;
  if (!rows || !table || rows.length < 3) return null;
  const header = rows[0]!;
  let height = TABLE_EXTRA + header;
  let count = 0;
  while (count + 2 < rows.length && height + rows[count + 1]! <= room) height += rows[++count]!;
  if (count === 0) return null;
  const piece = (from: number, to: number): ContentObject => ({
    ...block.content,
    table: { ...table, body: [table.body[0]!, ...table.body.slice(from, to)] },
  });
  const restRows = [header, ...rows.slice(count + 1)];
  return [
    { content: piece(1, count + 1), height, opensSection: block.opensSection, rows: rows.slice(0, count + 1) },
    {
      content: piece(count + 1, rows.length),
      height: TABLE_EXTRA + restRows.reduce((a, b) => a + b, 0),
      opensSection: false,
      rows: restRows,
    },
  ];
}

export function stripMarks(content: ContentObject): ContentObject {
  if (!('_split' in content)) return content;
  const { _split: _, ...rest } = content;
  return rest;
}

/**
 * Cut the flow into parts of at most about `height` points of estimated content. A part ends before the last
 * document or topic bar in its final fifth when there is one, else at the block that reaches `height`. A table
 * taller than a part is cut between its rows, so that no part (pdfmake lays a part out whole) grows with a table's
 * length: a 100,000-row table is as many parts as its pages need.
 */
export function cutParts(flow: readonly FlowBlock[], height: number): FlowBlock[][] {
  const total = flow.reduce((s, b) => s + b.height, 0);
  if (total <= height) return [flow.slice()];
  const parts: FlowBlock[][] = [];
  // A table's rest goes back into the flow, to open the next part.
  const rest = flow.slice();
  let start = 0;
  while (start < rest.length) {
    let sum = 0;
    let end = start;
    let bar = -1;
    while (end < rest.length && (end === start || sum + rest[end]!.height <= height)) {
      if (end > start && rest[end]!.opensSection && sum >= height * 0.8) bar = end;
      sum += rest[end]!.height;
      end++;
    }
    if (end < rest.length && bar > start) end = bar;
    else if (sum > height) {
      // One block taller than a part: a table gives the rows that fit, and the rest opens the next part.
      const cut = splitTable(rest[start]!, height);
      if (cut) rest.splice(start, 1, ...cut);
    } else if (end < rest.length && rest[end]!.height > height) {
      // The next block is taller than a part: a table starts here (under its headings) rather than on a page of
      // its own. A smaller block that does not fit opens the next part whole, as before.
      const cut = splitTable(rest[end]!, height - sum);
      if (cut) {
        rest.splice(end, 1, ...cut);
        end++;
      }
    }
    parts.push(rest.slice(start, end));
    start = end;
  }
  return parts;
}
