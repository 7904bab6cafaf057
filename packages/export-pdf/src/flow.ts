import { mapClozes, type ClozeWrapper, type ModelNote } from '@notes/core';
import { block, listUnit, type Context } from './blocks.js';
import type { ContentObject } from './definition.js';
import { EM_PER_CHAR, estimateLines, lineHeight, type Geometry, type Unit } from './estimate.js';
import { inlines, rtl, spans, spanText } from './inline.js';
import { THEME, type TopicColour } from './theme.js';

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
  // Unchanged (the same blocks) when the note has no clozes.
  const body = mapClozes(note.body, highlight);
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

export function stripMarks(content: ContentObject): ContentObject {
  if (!('_split' in content)) return content;
  const { _split: _, ...rest } = content;
  return rest;
}

/**
 * Cut the flow into parts of at most about `height` points of estimated content. A part ends before the last
 * document or topic bar in its final fifth when there is one, else at the block that reaches `height`.
 */
export function cutParts(flow: readonly FlowBlock[], height: number): FlowBlock[][] {
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
