import { decodeString } from 'micromark-util-decode-string';
import type { InlineMath, Math } from 'mdast-util-math';
import type { Nodes, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import { lazy } from './lazy.js';

/**
 * TeX math in `$…$` and `$$…$$`, found after the parse from node positions and the source text, so it works with
 * any CommonMark parser that gives positions: escaped `\$`, code spans, links and raw HTML are respected, and the
 * TeX is taken from the source (backslashes intact). The nodes are remark-math's (`inlineMath`, `math`).
 *
 * Pandoc's rule for `$` (tex_math_dollars): the opening `$` has a non-space character right after it, the closing
 * `$` a non-space character right before it and no digit right after it, so `$5 and $10` is text. `$$…$$` is
 * math whatever its spacing. A paragraph that is only `$$…$$` becomes a display (`math`) block.
 */

/** Inline content that math may span (emphasis markers inside TeX, e.g. `$a*b*c$`, are parsed as emphasis). */
const SPANNABLE = new Set(['text', 'emphasis', 'strong', 'delete', 'break']);
/** Blocks whose children are inline content. */
const PHRASING_PARENTS = new Set(['paragraph', 'heading', 'tableCell', 'emphasis', 'strong', 'delete', 'link']);

/** A `$` that cannot open or close math (a price, a lone sign), or `$$` with no partner: for the lint rule. */
export interface UnpairedDollar {
  /** Offset of the `$` in the source. */
  offset: number;
  /** `$` or `$$`. */
  mark: string;
}

interface Pair {
  open: number;
  close: number;
  mark: string;
}

function isSpace(ch: string | undefined): boolean {
  return ch === undefined || /\s/.test(ch);
}

function escaped(text: string, at: number, from: number): boolean {
  let n = 0;
  for (let k = at - 1; k >= from && text[k] === '\\'; k--) n++;
  return n % 2 === 1;
}

/**
 * What may follow a `$` that opens inline math and is worth a warning when it never closes: a letter, a TeX command
 * or a group. A digit is a price, and punctuation (`$.01`, `$/month`) a unit of money.
 */
const OPENS_MATH = lazy(() => /^[\p{L}\\{([|]$/u);

/**
 * Pair `$` marks in `view` (the source of one inline run, with non-text children blanked out as `\0`), following
 * pandoc. Returns the pairs and the marks left unpaired that look like an attempt at math.
 */
function pairDollars(view: string, base: number): { pairs: Pair[]; unpaired: UnpairedDollar[] } {
  const pairs: Pair[] = [];
  const unpaired: UnpairedDollar[] = [];
  let i = 0;
  while (i < view.length) {
    const at = view.indexOf('$', i);
    if (at === -1) break;
    if (escaped(view, at, 0)) {
      i = at + 1;
      continue;
    }
    if (view[at + 1] === '$') {
      // Display math: up to the next unescaped `$$`, not across a blanked-out child.
      let close = -1;
      for (let k = view.indexOf('$$', at + 2); k !== -1; k = view.indexOf('$$', k + 1)) {
        if (!escaped(view, k, 0)) {
          close = k;
          break;
        }
      }
      const inner = close === -1 ? '' : view.slice(at + 2, close);
      if (close !== -1 && inner.trim() !== '' && !inner.includes('\0')) {
        pairs.push({ open: base + at, close: base + close, mark: '$$' });
        i = close + 2;
      } else {
        // `$$$` and longer runs are a price level or a symbol, not an opening.
        if (close === -1 && view[at + 2] !== '$' && view[at - 1] !== '$')
          unpaired.push({ offset: base + at, mark: '$$' });
        i = close === -1 ? at + 2 : close + 2;
      }
      continue;
    }
    if (isSpace(view[at + 1])) {
      i = at + 1;
      continue;
    }
    let close = -1;
    for (let k = view.indexOf('$', at + 1); k !== -1; k = view.indexOf('$', k + 1)) {
      if (view[k + 1] === '$' && !escaped(view, k, 0)) break; // a `$$` ends the search
      if (escaped(view, k, 0) || isSpace(view[k - 1]) || /[0-9]/.test(view[k + 1] ?? '')) continue;
      close = k;
      break;
    }
    if (close !== -1 && !view.slice(at + 1, close).includes('\0')) {
      pairs.push({ open: base + at, close: base + close, mark: '$' });
      i = close + 1;
    } else {
      // `$5`, `$1.2M`, `$.01/hour`, `$/month`: a price or a unit. What opens math and never closes is reported.
      if (OPENS_MATH().test(view[at + 1] ?? '') && view[at - 1] !== '$')
        unpaired.push({ offset: base + at, mark: '$' });
      i = at + 1;
    }
  }
  return { pairs, unpaired };
}

/** Strip the quote markers and indentation that a container adds to the continuation lines of a source slice. */
function texOf(raw: string, inQuote: boolean): string {
  if (!raw.includes('\n')) return raw;
  const prefix = inQuote ? /^[ \t]*(?:>[ \t]?)*/ : /^[ \t]*/;
  return raw
    .split(/\r?\n/)
    .map((line, k) => (k === 0 ? line : line.replace(prefix, '')))
    .join('\n');
}

function start(node: Nodes): number | undefined {
  return node.position?.start.offset;
}
function end(node: Nodes): number | undefined {
  return node.position?.end.offset;
}

interface Walk {
  source: string;
  unpaired: UnpairedDollar[];
  /** Rewrite the tree (false: only collect unpaired marks). */
  apply: boolean;
}

/**
 * Find math in the direct children of one inline parent and replace the spanned children by math nodes.
 * A pair counts only when both marks sit in direct text children, so nested emphasis is handled on its own.
 */
function inlineRun(children: PhrasingContent[], walk: Walk, inQuote: boolean): PhrasingContent[] {
  if (children.length === 0) return children;
  const first = start(children[0]!);
  const last = end(children[children.length - 1]!);
  if (first === undefined || last === undefined) return children;
  const src = walk.source;
  if (!src.slice(first, last).includes('$')) return children;
  // The view: text of spannable children as written, everything else blanked out (math never spans it).
  const chars: string[] = [];
  let pos = first;
  for (const child of children) {
    const s = start(child);
    const e = end(child);
    if (s === undefined || e === undefined || s < pos) return children;
    chars.push(src.slice(pos, s));
    const piece = src.slice(s, e);
    chars.push(SPANNABLE.has(child.type) ? piece : '\0'.repeat(piece.length));
    pos = e;
  }
  const view = chars.join('');
  const { pairs, unpaired } = pairDollars(view, first);
  // Marks inside nested children are the nested run's business.
  const direct = (offset: number): number => {
    for (let k = 0; k < children.length; k++) {
      const c = children[k]!;
      if (start(c)! <= offset && offset < end(c)!) return c.type === 'text' ? k : -1;
    }
    return -1;
  };
  for (const u of unpaired) if (direct(u.offset) !== -1) walk.unpaired.push(u);
  if (!walk.apply) return children;
  const valid = pairs.filter((pair) => direct(pair.open) !== -1 && direct(pair.close) !== -1);
  if (valid.length === 0) return children;
  const out: PhrasingContent[] = [];
  let p = 0;
  for (let k = 0; k < children.length; k++) {
    let from = start(children[k]!)!;
    for (let pair = valid[p]; pair !== undefined && direct(pair.open) === k; pair = valid[p]) {
      if (pair.open > from) out.push(textFrom(src, from, pair.open));
      const width = pair.mark.length;
      const value = texOf(src.slice(pair.open + width, pair.close), inQuote);
      const node: InlineMath = { type: 'inlineMath', value, position: positionOf(src, pair.open, pair.close + width) };
      if (width === 2) node.data = { hProperties: { className: ['math-display'] } };
      out.push(node);
      k = direct(pair.close);
      from = pair.close + width;
      p++;
    }
    const child = children[k]!;
    if (from === start(child)) out.push(child);
    else if (from < end(child)!) out.push(textFrom(src, from, end(child)!));
  }
  return out;
}

/** Line and column of an offset (1-based), counted from the source. */
function point(src: string, offset: number): { line: number; column: number; offset: number } {
  let line = 1;
  let lineStart = 0;
  for (let k = src.indexOf('\n'); k !== -1 && k < offset; k = src.indexOf('\n', k + 1)) {
    line++;
    lineStart = k + 1;
  }
  return { line, column: offset - lineStart + 1, offset };
}

function positionOf(src: string, from: number, to: number): NonNullable<Nodes['position']> {
  return { start: point(src, from), end: point(src, to) };
}

/** A text node for a source range, with CommonMark backslash escapes and line-leading spaces resolved. */
function textFrom(src: string, from: number, to: number): PhrasingContent {
  const value = decodeString(src.slice(from, to).replace(/[ \t]*\r?\n[ \t]*(?:>[ \t]?)*[ \t]*/g, '\n'));
  return { type: 'text', value, position: positionOf(src, from, to) };
}

/** A paragraph that is one `$$…$$` and nothing else: a display math block. */
function displayBlock(node: Paragraph): Math | null {
  const only = node.children.length === 1 ? node.children[0] : undefined;
  if (!only || only.type !== 'inlineMath' || !only.data?.hProperties) return null;
  return { type: 'math', value: only.value.trim(), ...(node.position ? { position: node.position } : {}) };
}

function visit(node: Root | RootContent, walk: Walk, inQuote: boolean): void {
  if (!('children' in node)) return;
  const quoted = inQuote || node.type === 'blockquote';
  if (PHRASING_PARENTS.has(node.type)) {
    const parent = node as { children: PhrasingContent[] };
    parent.children = inlineRun(parent.children, walk, quoted);
  }
  const children = node.children as RootContent[];
  for (let k = 0; k < children.length; k++) {
    const child = children[k]!;
    if (child.type === 'code' || child.type === 'inlineCode' || child.type === 'html') continue;
    visit(child, walk, quoted);
    if (walk.apply && child.type === 'paragraph') {
      const block = displayBlock(child);
      if (block) children[k] = block;
    }
  }
}

/** True when the text may hold math at all (cheap test before walking the tree). */
export function mayHaveMath(text: string): boolean {
  return text.includes('$');
}

/**
 * Replace `$…$` and `$$…$$` in the tree by remark-math nodes (`inlineMath`; `math` for a paragraph that is only
 * `$$…$$`), in place. `source` is the text the tree was parsed from. Idempotent; a tree with no `$` is untouched.
 */
export function addMath(tree: Root, source: string): Root {
  if (!mayHaveMath(source)) return tree;
  // Iterative over top-level blocks; nesting inside is bounded by the parser's own limits.
  visit(tree, { source, unpaired: [], apply: true }, false);
  return tree;
}

/** `$` and `$$` marks that open math but never close (prices such as `$5` excluded), in source order. */
export function unpairedDollars(tree: Root, source: string): UnpairedDollar[] {
  if (!mayHaveMath(source)) return [];
  const walk: Walk = { source, unpaired: [], apply: false };
  visit(tree, walk, false);
  return walk.unpaired.sort((a, b) => a.offset - b.offset);
}

/** True for display math: a `math` block, or an inline `$$…$$`. */
export function isDisplayMath(node: Math | InlineMath): boolean {
  if (node.type === 'math') return true;
  const props = node.data?.hProperties as { className?: unknown } | undefined;
  return Array.isArray(props?.className) && props.className.includes('math-display');
}
