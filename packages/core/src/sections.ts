import type { Root, RootContent } from 'mdast';
import type { Node } from 'unist';

/** An ATX heading line: at column 0 it closes every open paragraph, list, quote and table. */
export const ATX = /^#{1,6}(?:[ \t]|$)/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const HTML_RAW = /^ {0,3}<(script|pre|style|textarea)(?:\s|>|$)/i;
/** A line that may start a link or footnote definition (`[label]: …`, `[^1]: …`), also in a quote or list item. */
export const DEFINITION = /^[ \t>]*(?:[-*+][ \t]+|\d{1,9}[.)][ \t]+)?\[(?:[^\]\\\n]|\\.)+\]:/m;

/** Where a line scanner stands: inside a fenced code block or a raw HTML block (their lines are not Markdown). */
export interface RawState {
  fence: string | null;
  htmlEnd: RegExp | null;
}

/** When `line` lies inside a fence or raw HTML block, consume it (closing the block at its end) and return true. */
export function insideRaw(state: RawState, line: string): boolean {
  if (state.fence !== null) {
    const m = FENCE.exec(line);
    if (m && m[1]![0] === state.fence[0] && m[1]!.length >= state.fence.length && line.slice(m[0].length).trim() === '')
      state.fence = null;
    return true;
  }
  if (state.htmlEnd !== null) {
    if (state.htmlEnd.test(line)) state.htmlEnd = null;
    return true;
  }
  return false;
}

/** Note a fence, HTML comment or raw HTML block (`<pre>`, `<script>`…) that `line` opens and does not close. */
export function openRaw(state: RawState, line: string): void {
  const f = FENCE.exec(line);
  if (f && !(f[1]![0] === '`' && line.slice(f[0].length).includes('`'))) state.fence = f[1]!;
  else if (/^ {0,3}<!--/.test(line) && !line.includes('-->')) state.htmlEnd = /-->/;
  else {
    const h = HTML_RAW.exec(line);
    if (h && !new RegExp(`</${h[1]}>`, 'i').test(line)) state.htmlEnd = new RegExp(`</${h[1]}>`, 'i');
  }
}

/**
 * Offsets where a top-level ATX heading starts a new section: outside fenced code, HTML comments and raw HTML
 * blocks. A heading at column 0 closes any open paragraph, list, quote or table, so the text before it parses
 * the same on its own, but for link and footnote definitions: they are document-wide.
 */
export function headingStarts(text: string): number[] {
  const starts: number[] = [];
  const state: RawState = { fence: null, htmlEnd: null };
  let pos = 0;
  while (pos < text.length) {
    let end = text.indexOf('\n', pos);
    if (end === -1) end = text.length;
    const line = text.slice(pos, end);
    if (insideRaw(state, line)) {
      // fenced code or raw HTML: no section starts here
    } else if (ATX.test(line)) {
      if (pos > 0) starts.push(pos);
    } else openRaw(state, line);
    pos = end + 1;
  }
  return starts;
}

/**
 * Move a node and its descendants by `lines` lines and `offset` characters. Each point moves once, also when nodes
 * share it (the fast parse gives a heading and its last text one end point).
 */
export function shift(node: Node, lines: number, offset: number, moved = new Set<object>()): void {
  const p = node.position;
  if (p) {
    for (const point of [p.start, p.end]) {
      if (moved.has(point)) continue;
      moved.add(point);
      point.line += lines;
      if (point.offset !== undefined) point.offset += offset;
    }
  }
  const children = (node as { children?: Node[] }).children;
  if (children) for (const child of children) shift(child, lines, offset, moved);
}

/** How many line feeds text[from, to) holds. */
export function countLines(text: string, from: number, to: number): number {
  let n = 0;
  for (let k = text.indexOf('\n', from); k !== -1 && k < to; k = text.indexOf('\n', k + 1)) n++;
  return n;
}

/** Aim for batches of about this many characters. */
export const BATCH = 64 * 1024;
/** Past this much text of definitions, repeating them beside every batch costs more than it saves. */
const MAX_DEFINITIONS = 256 * 1024;

type Definition = Extract<RootContent, { type: 'definition' | 'footnoteDefinition' }>;
const isDefinition = (node: Node): node is Definition =>
  node.type === 'definition' || node.type === 'footnoteDefinition';

/** Whether a tree holds a definition below its top level (in a quote or list item): its text cannot stand alone. */
function nestedDefinition(root: Root): boolean {
  const below = (node: Node): boolean => {
    if (isDefinition(node)) return true;
    const children = (node as { children?: Node[] }).children;
    return children !== undefined && children.some(below);
  };
  return root.children.some((child) => !isDefinition(child) && below(child));
}

/**
 * Parse a big text batch by batch of whole sections (see headingStarts), each with `parseBatch`, into the tree a
 * parse of the whole text gives: for a text that one parse cannot take whole (the fast parse met a construct it
 * leaves to remark, whose parse of a whole big file is slow and holds every event in memory), only the batches
 * holding such a construct go to remark.
 *
 * Definitions are document-wide: the first definition of each label (link or footnote) is found in the batches
 * that may hold one (a `]:` in them), and every other batch that may refer to one (a `[` in it) is parsed with the
 * definitions of the other batches before it (after the first batch, whose front matter must stay first): the first
 * definition of a label wins, as in one parse. Those definitions' nodes are dropped from the batch's tree.
 *
 * Null when batches do not pay (fewer than two) or cannot give the same tree: a definition inside a quote or list
 * item, definitions too long to repeat, or a batch whose repeated definitions do not parse back as definitions.
 */
export function parseInSections(text: string, parseBatch: (text: string) => Root): Root | null {
  const cuts = [0];
  for (const s of headingStarts(text)) if (s - cuts[cuts.length - 1]! >= BATCH) cuts.push(s);
  cuts.push(text.length);
  if (cuts.length < 3) return null;
  const batches = cuts.slice(0, -1).map((from, i) => ({ from, text: text.slice(from, cuts[i + 1]) }));

  // The first definition of each label, in document order, with the batch it is in.
  const trees: (Root | undefined)[] = [];
  const firsts = new Map<string, { source: string; batch: number; footnote: boolean }>();
  let definitionChars = 0;
  for (const [i, batch] of batches.entries()) {
    if (!batch.text.includes(']:')) continue;
    const tree = parseBatch(batch.text);
    if (nestedDefinition(tree)) return null;
    trees[i] = tree;
    for (const child of tree.children) {
      if (!isDefinition(child)) continue;
      const key = `${child.type}\u0000${child.identifier}`;
      if (firsts.has(key)) continue;
      const source = batch.text.slice(child.position!.start.offset, child.position!.end.offset);
      firsts.set(key, { source, batch: i, footnote: child.type === 'footnoteDefinition' });
      definitionChars += source.length;
    }
  }
  if (definitionChars > MAX_DEFINITIONS) return null;

  const children: RootContent[] = [];
  let line = 0;
  for (const [i, batch] of batches.entries()) {
    // Footnote definitions only where a footnote may be referred to (the fast parse leaves footnotes to remark).
    const footnotes = batch.text.includes('[^');
    const others = [...firsts.values()]
      .filter((d) => d.batch !== i && (footnotes || !d.footnote))
      .map((d) => `${d.source}\n\n`);
    let tree: Root;
    let kept: RootContent[];
    const moved = new Set<object>();
    if (others.length === 0 || !batch.text.includes('[')) {
      tree = trees[i] ?? parseBatch(batch.text);
      kept = tree.children;
      for (const child of kept) shift(child, line, batch.from, moved);
    } else if (i === 0) {
      tree = parseBatch(`${batch.text}\n\n${others.join('')}`);
      kept = tree.children.filter((child) => child.position!.start.offset! < batch.text.length);
      if (!repeatedDefinitions(tree.children.slice(kept.length), others.length)) return null;
      for (const child of kept) shift(child, line, batch.from, moved);
    } else {
      const prefix = others.join('');
      tree = parseBatch(prefix + batch.text);
      const repeated = tree.children.filter((child) => child.position!.start.offset! < prefix.length);
      if (!repeatedDefinitions(repeated, others.length)) return null;
      kept = tree.children.slice(repeated.length);
      const lines = line - countLines(prefix, 0, prefix.length);
      for (const child of kept) shift(child, lines, batch.from - prefix.length, moved);
    }
    children.push(...kept);
    line += countLines(batch.text, 0, batch.text.length);
  }
  const lastLine = countLines(text, 0, text.length) + 1;
  const lastColumn = text.length - (text.lastIndexOf('\n') + 1) + 1;
  return {
    type: 'root',
    children,
    position: {
      start: { line: 1, column: 1, offset: 0 },
      end: { line: lastLine, column: lastColumn, offset: text.length },
    },
  };
}

/** Whether the nodes of the repeated definitions are exactly that many definitions. */
function repeatedDefinitions(nodes: readonly RootContent[], count: number): boolean {
  return nodes.length === count && nodes.every(isDefinition);
}
