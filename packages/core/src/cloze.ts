// Cloze deletions found in standard mdast, whatever parser made it: `==text==`, `==2:text==` and
// `{{c1::text::hint}}` are plain text to CommonMark, so they are read from the text nodes of each inline
// parent. Trees are never changed in place: `mapClozes` returns copies.
import type { Nodes, Parent, PhrasingContent, RootContent, Text } from 'mdast';
import type { Cloze } from '../generated/notes-schema.js';
import { inlineText, squash } from './text.js';

/** How a cloze was written. */
export type ClozeSyntax = Cloze['syntax'];

/** A malformed cloze: `found` is the marker as written. */
export interface ClozeProblem {
  kind: 'unbalanced' | 'empty' | 'nested';
  found: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** A marker: a slice of one text child of the parent. */
interface Marker {
  child: number;
  start: number;
  end: number;
}

/** A well-formed cloze inside one inline parent, before numbering. */
interface RawSpan {
  open: Marker;
  close: Marker;
  syntax: ClozeSyntax;
  number: number | null;
  hint: string | null;
}

/** Whatever can hold the cloze's content as children. */
interface Scanned {
  spans: RawSpan[];
  problems: { kind: ClozeProblem['kind']; marker: Marker; found: string }[];
}

const WHITE = /\s/u;
/** The markers: Anki's opener, its closer (the `::hint` before it is found on closing), and a run of `=` (only exactly two count). */
const TOKEN = /\{\{c(\d{1,3})::|\}\}|=+/gu;

/** Characters around a position of the parent's inline content: other nodes count as a letter, the ends as space. */
function charBefore(children: readonly PhrasingContent[], child: number, offset: number): string {
  const node = children[child] as Text;
  if (offset > 0) return node.value[offset - 1]!;
  return child > 0
    ? children[child - 1]!.type === 'text'
      ? ((children[child - 1] as Text).value.at(-1) ?? ' ')
      : 'x'
    : ' ';
}

function charAfter(children: readonly PhrasingContent[], child: number, offset: number): string {
  const node = children[child] as Text;
  if (offset < node.value.length) return node.value[offset]!;
  const next = children[child + 1];
  return next === undefined ? ' ' : next.type === 'text' ? (next.value[0] ?? ' ') : 'x';
}

interface Open {
  marker: Marker;
  syntax: ClozeSyntax;
  number: number | null;
  /** Opened inside another cloze: reported, and not a cloze of its own. */
  nested: boolean;
}

/** Scan one inline parent's children (its own text nodes only; deeper parents are scanned on their own). */
function scanInline(children: readonly PhrasingContent[]): Scanned {
  const spans: RawSpan[] = [];
  const problems: Scanned['problems'] = [];
  const stack: Open[] = [];
  const close = (open: Open, closeMarker: Marker, hint: string | null): void => {
    if (open.nested) return;
    const content = contentText(children, open.marker, closeMarker);
    if (content.trim() === '') {
      const node = children[open.marker.child] as Text;
      problems.push({
        kind: 'empty',
        marker: open.marker,
        found: node.value.slice(open.marker.start, open.marker.end),
      });
      return;
    }
    spans.push({ open: open.marker, close: closeMarker, syntax: open.syntax, number: open.number, hint });
  };
  children.forEach((node, child) => {
    if (node.type !== 'text') return;
    const value = node.value;
    if (!value.includes('==') && !value.includes('{{') && !value.includes('}}')) return;
    TOKEN.lastIndex = 0;
    for (let m = TOKEN.exec(value); m !== null; m = TOKEN.exec(value)) {
      const start = m.index;
      let end = start + m[0].length;
      const top = stack.at(-1);
      if (m[1] !== undefined) {
        stack.push({ marker: { child, start, end }, syntax: 'anki', number: Number(m[1]), nested: stack.length > 0 });
        if (stack.length > 1) problems.push({ kind: 'nested', marker: { child, start, end }, found: m[0] });
        continue;
      }
      if (m[0] === '}}') {
        if (top?.syntax !== 'anki') continue; // `}}` outside a cloze is just text
        stack.pop();
        // `::hint` sits before the `}}`, in the same text node.
        const from = top.marker.child === child ? top.marker.end : 0;
        const sep = value.slice(from, start).indexOf('::');
        const hint = sep === -1 ? null : squash(value.slice(from + sep + 2, start)) || null;
        close(top, { child, start: sep === -1 ? start : from + sep, end }, hint);
        continue;
      }
      if (m[0].length !== 2) continue; // `=`, `===`…: not a marker
      const before = charBefore(children, child, start);
      const after = charAfter(children, child, end);
      const canClose = !WHITE.test(before);
      if (top?.syntax === 'highlight' && canClose) {
        stack.pop();
        close(top, { child, start, end }, null);
        continue;
      }
      if (WHITE.test(after)) continue; // `a == b`: a comparison, not a marker
      let number: number | null = null;
      const numbered = /^(\d{1,3}):(?=\S)/u.exec(value.slice(end));
      if (numbered) {
        number = Number(numbered[1]);
        end += numbered[0].length;
      }
      const marker = { child, start, end };
      stack.push({ marker, syntax: 'highlight', number, nested: stack.length > 0 });
      if (stack.length > 1) problems.push({ kind: 'nested', marker, found: value.slice(start, end) });
    }
  });
  for (const open of stack) {
    if (!open.nested) {
      const node = children[open.marker.child] as Text;
      problems.push({
        kind: 'unbalanced',
        marker: open.marker,
        found: node.value.slice(open.marker.start, open.marker.end),
      });
    }
  }
  return { spans, problems };
}

/** Plain text between two markers. */
function contentText(children: readonly PhrasingContent[], open: Marker, close: Marker): string {
  let out = '';
  for (let i = open.child; i <= close.child; i++) {
    const node = children[i]!;
    if (node.type === 'text') {
      const from = i === open.child ? open.end : 0;
      const to = i === close.child ? close.start : node.value.length;
      out += node.value.slice(from, to);
    } else out += inlineText(node);
  }
  return out;
}

type AnyParent = Parent & { children: Nodes[] };

/** Every inline parent (paragraph, heading, cell, emphasis, link…) below the blocks, in reading order. */
function inlineParents(blocks: readonly RootContent[]): AnyParent[] {
  const out: AnyParent[] = [];
  const stack: Nodes[] = [...blocks].reverse();
  for (let n = stack.pop(); n !== undefined; n = stack.pop()) {
    if (n.type === 'code' || n.type === 'inlineCode' || n.type === 'html' || !('children' in n)) continue;
    const children = n.children as Nodes[];
    if (children.some((c) => c.type === 'text')) out.push(n);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return out;
}

function markerPosition(
  parent: AnyParent,
  marker: Marker,
): { line: number; column: number; endLine: number; endColumn: number } {
  const node = parent.children[marker.child] as Text;
  const start = node.position?.start;
  if (!start) return { line: 1, column: 1, endLine: 1, endColumn: 1 };
  // Text nodes may span lines; count them up to the marker.
  const before = node.value.slice(0, marker.start);
  const lines = before.split('\n');
  const line = start.line + lines.length - 1;
  const column = lines.length === 1 ? start.column + before.length : lines.at(-1)!.length + 1;
  return { line, column, endLine: line, endColumn: column + (marker.end - marker.start) };
}

interface Located {
  parent: AnyParent;
  span: RawSpan;
  group: number;
}

/**
 * What `locate` found per list of blocks: the lint rule, the dataset, the Anki and PDF exports all ask about the same
 * note bodies of one model, which are never changed once built (trees are never changed in place here either).
 */
const scans = new WeakMap<readonly RootContent[], { located: Located[]; problems: ClozeProblem[] }>();

/** Scan the blocks and number the clozes: explicit numbers as written, the others in reading order around them. */
function locate(blocks: readonly RootContent[]): { located: Located[]; problems: ClozeProblem[] } {
  let found = scans.get(blocks);
  if (found === undefined) {
    found = scan(blocks);
    scans.set(blocks, found);
  }
  return found;
}

/** Nodes still to visit in `mayHoldMarker` (kept between calls: it is emptied before each returns). */
const pending: Nodes[] = [];

/**
 * Whether a text node among the blocks (outside code and raw HTML, as `inlineParents` walks them) holds `==`, `{{`
 * or `}}`: without one, `scanInline` finds nothing in any parent. Visits the nodes without building a list.
 */
function mayHoldMarker(blocks: readonly RootContent[]): boolean {
  for (const block of blocks) pending.push(block);
  for (let n = pending.pop(); n !== undefined; n = pending.pop()) {
    if (n.type === 'text') {
      const value = n.value;
      if (value.includes('==') || value.includes('{{') || value.includes('}}')) {
        pending.length = 0;
        return true;
      }
    } else if (n.type !== 'code' && n.type !== 'inlineCode' && n.type !== 'html' && 'children' in n) {
      for (const child of n.children as Nodes[]) pending.push(child);
    }
  }
  return false;
}

/** What `scan` finds in blocks without a marker, shared by all of them (nothing changes it: see `locate`). */
const NONE: { located: Located[]; problems: ClozeProblem[] } = Object.freeze({
  located: Object.freeze([]) as unknown as Located[],
  problems: Object.freeze([]) as unknown as ClozeProblem[],
});

function scan(blocks: readonly RootContent[]): { located: Located[]; problems: ClozeProblem[] } {
  if (!mayHoldMarker(blocks)) return NONE;
  const raw: { parent: AnyParent; span: RawSpan }[] = [];
  const problems: ClozeProblem[] = [];
  for (const parent of inlineParents(blocks)) {
    const scanned = scanInline(parent.children as PhrasingContent[]);
    for (const span of scanned.spans) raw.push({ parent, span });
    for (const p of scanned.problems)
      problems.push({ kind: p.kind, found: p.found, ...markerPosition(parent, p.marker) });
  }
  const taken = new Set(raw.flatMap(({ span }) => (span.number !== null && span.number > 0 ? [span.number] : [])));
  let next = 1;
  const located = raw.map(({ parent, span }) => {
    if (span.number !== null && span.number > 0) return { parent, span, group: span.number };
    while (taken.has(next)) next++;
    return { parent, span, group: next++ };
  });
  return { located, problems };
}

/** The clozes of some blocks (an answer or an overview), numbered, in reading order. */
export function findClozes(blocks: readonly RootContent[]): Cloze[] {
  return locate(blocks).located.map(({ parent, span, group }) => ({
    group,
    explicit: span.number !== null && span.number > 0,
    syntax: span.syntax,
    text: squash(contentText(parent.children as PhrasingContent[], span.open, span.close)),
    hint: span.hint,
    ...(({ line, column }) => ({ line, column }))(markerPosition(parent, span.open)),
  }));
}

/** Malformed clozes (unbalanced, empty, nested) in some blocks, for the `fields/cloze` rule. */
export function clozeProblems(blocks: readonly RootContent[]): ClozeProblem[] {
  return [...locate(blocks).problems];
}

/** What a cloze becomes: the nodes that replace it, given its content and its numbering. */
export type ClozeWrapper = (
  content: PhrasingContent[],
  cloze: Pick<Cloze, 'group' | 'hint' | 'explicit'>,
) => PhrasingContent[];

function sliceText(node: Text, from: number, to: number): Text | null {
  if (to <= from) return null;
  return { type: 'text', value: node.value.slice(from, to) };
}

/**
 * Copies of the blocks with each cloze replaced by what `wrap` makes of its content (the markers dropped).
 * Blocks without clozes are returned as they are, so rendering an answer without clozes is unchanged.
 */
export function mapClozes(blocks: readonly RootContent[], wrap: ClozeWrapper): RootContent[] {
  const { located } = locate(blocks);
  if (located.length === 0) return [...blocks];
  const byParent = new Map<AnyParent, Located[]>();
  for (const l of located) byParent.set(l.parent, [...(byParent.get(l.parent) ?? []), l]);
  const copy = (node: Nodes): Nodes => {
    if (!('children' in node)) return node;
    const parent = node as AnyParent;
    const children = (parent.children as Nodes[]).map(copy);
    const spans = byParent.get(parent);
    return { ...parent, children: spans ? rewrite(children as PhrasingContent[], spans, wrap) : children } as Nodes;
  };
  return blocks.map((b) => copy(b) as RootContent);
}

function rewrite(children: PhrasingContent[], spans: Located[], wrap: ClozeWrapper): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  let child = 0;
  let offset = 0;
  const pushUpTo = (marker: Marker): void => {
    // Everything from (child, offset) up to the marker's start.
    while (child < marker.child) {
      const node = children[child]!;
      if (node.type === 'text') {
        const rest = sliceText(node, offset, node.value.length);
        if (rest) out.push(rest);
      } else out.push(node);
      child++;
      offset = 0;
    }
    const node = children[child] as Text;
    const piece = sliceText(node, offset, marker.start);
    if (piece) out.push(piece);
    offset = marker.end;
  };
  for (const { span, group } of spans) {
    pushUpTo(span.open);
    const outer = out.length;
    pushUpTo(span.close);
    const content = out.splice(outer);
    out.push(...wrap(content, { group, hint: span.hint, explicit: span.number !== null && span.number > 0 }));
  }
  for (; child < children.length; child++, offset = 0) {
    const node = children[child]!;
    if (node.type === 'text') {
      const rest = sliceText(node, offset, node.value.length);
      if (rest) out.push(rest);
    } else out.push(node);
  }
  return out;
}
