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

/** Whether a node is or holds a definition (for a top-level block other than a definition: one in a quote or list). */
function nestedDefinition(node: Node): boolean {
  if (isDefinition(node)) return true;
  const children = (node as { children?: Node[] }).children;
  return children !== undefined && children.some(nestedDefinition);
}

/** A batch that the fast parse cannot take is parsed again in pieces of whole sections of about this size. */
const PIECE = 4 * 1024;

/** Definitions repeated around a range: the text before and after it, and how many definitions that is. */
interface Around {
  prefix: string;
  suffix: string;
  count: number;
}
const NOTHING: Around = { prefix: '', suffix: '', count: 0 };

/**
 * Parse a big text batch by batch of whole sections (see headingStarts) into the tree a parse of the whole text
 * gives: for a text the fast parse cannot take whole (it met a construct it leaves to remark, whose parse of a whole
 * big file is slow and holds every event in memory). Each batch goes to `fast`; a batch it declines is parsed again
 * in pieces of a few sections, and only the pieces it declines go to `slow` (remark).
 *
 * Definitions are document-wide: the first definition of each label (link or footnote) is found in the batches
 * that may hold one (a `]:` in them), and a range that may refer to one (a `[` in it) is parsed with the first
 * definitions that lie outside it: before it, or after the first range (whose front matter must stay first). So the
 * first definition of a label still comes first, as in one parse. Their nodes are dropped from the range's tree.
 *
 * Null when batches do not pay (fewer than two) or cannot give the same tree: a definition inside a quote or list
 * item, definitions too long to repeat, or repeated definitions that do not parse back as definitions.
 */
export function parseInSections(
  text: string,
  fast: (text: string) => Root | null,
  slow: (text: string) => Root,
): Root | null {
  const starts = headingStarts(text);
  /** Cuts of text[from, to) at section starts, each piece at least `size` long: from, …, to. */
  const cut = (from: number, to: number, size: number): number[] => {
    const cuts = [from];
    for (const s of starts) if (s > from && s < to && s - cuts[cuts.length - 1]! >= size) cuts.push(s);
    cuts.push(to);
    return cuts;
  };
  const cuts = cut(0, text.length, BATCH);
  if (cuts.length < 3) return null;

  /** Parse text[from, to) (whole sections from line `line`) with `around`'s definitions; push its nodes to `out`. */
  const parseRange = (from: number, to: number, line: number, around: Around, out: RootContent[]): boolean => {
    const body = text.slice(from, to);
    const { prefix, suffix, count } = around.count > 0 ? around : NOTHING;
    const source = prefix + body + suffix;
    let tree = fast(source);
    if (tree === null) {
      const pieces = cut(from, to, PIECE);
      if (pieces.length > 2) {
        for (let k = 0; k + 1 < pieces.length; k++) {
          const [a, b] = [pieces[k]!, pieces[k + 1]!];
          if (!parseRange(a, b, line, aroundOf(a, b), out)) return false;
          line += countLines(text, a, b);
        }
        return true;
      }
      tree = slow(source);
    }
    const own: RootContent[] = [];
    let repeated = 0;
    for (const child of tree.children) {
      const at = child.position!.start.offset! - prefix.length;
      if (at >= 0 && at < body.length) own.push(child);
      else if (isDefinition(child)) repeated++;
      else return false;
    }
    if (repeated !== count) return false;
    const moved = new Set<object>();
    const lines = line - countLines(prefix, 0, prefix.length);
    for (const child of own) shift(child, lines, from - prefix.length, moved);
    out.push(...own);
    return true;
  };

  // The first definition of each label, in document order, where it starts.
  const firsts = new Map<string, { source: string; at: number; footnote: boolean }>();
  const aroundOf = (from: number, to: number): Around => {
    if (firsts.size === 0 || !text.slice(from, to).includes('[')) return NOTHING;
    // Footnote definitions only where a footnote may be referred to (the fast parse leaves footnotes to remark).
    const footnotes = text.slice(from, to).includes('[^');
    const others = [...firsts.values()].filter((d) => (d.at < from || d.at >= to) && (footnotes || !d.footnote));
    if (others.length === 0) return NOTHING;
    const repeated = others.map((d) => `${d.source}\n\n`).join('');
    return from === 0
      ? { prefix: '', suffix: `\n\n${repeated}`, count: others.length }
      : { prefix: repeated, suffix: '', count: others.length };
  };

  // A batch holding definitions is parsed twice: its pieces may refer to definitions in pieces after them.
  let line = 0;
  let definitionChars = 0;
  for (let i = 0; i + 1 < cuts.length; i++) {
    const [from, to] = [cuts[i]!, cuts[i + 1]!];
    if (text.slice(from, to).includes(']:')) {
      const nodes: RootContent[] = [];
      if (!parseRange(from, to, line, NOTHING, nodes)) return null;
      if (nodes.some((node) => !isDefinition(node) && nestedDefinition(node))) return null;
      for (const node of nodes) {
        if (!isDefinition(node)) continue;
        const key = `${node.type}\u0000${node.identifier}`;
        if (firsts.has(key)) continue;
        const at = node.position!.start.offset!;
        const source = text.slice(at, node.position!.end.offset);
        firsts.set(key, { source, at, footnote: node.type === 'footnoteDefinition' });
        definitionChars += source.length;
      }
    }
    line += countLines(text, from, to);
  }
  if (definitionChars > MAX_DEFINITIONS) return null;

  const children: RootContent[] = [];
  line = 0;
  for (let i = 0; i + 1 < cuts.length; i++) {
    const [from, to] = [cuts[i]!, cuts[i + 1]!];
    if (!parseRange(from, to, line, aroundOf(from, to), children)) return null;
    line += countLines(text, from, to);
  }
  return rootOf(text, children);
}

/** The root of a whole text's tree made of `children` parsed apart: from the text's start to its end. */
export function rootOf(text: string, children: RootContent[]): Root {
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
