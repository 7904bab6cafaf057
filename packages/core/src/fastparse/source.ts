import type { SyntaxNode } from '@lezer/common';
import type { Point, Position } from 'unist';

export const PUNCTUATION = /[\p{P}\p{S}]/u;
export const WHITESPACE = /\s/u;

/** micromark's classifyCharacter: 1 whitespace (or none), 2 punctuation, 0 other. */
export function classify(ch: string): number {
  if (ch === '' || WHITESPACE.test(ch)) return 1;
  return PUNCTUATION.test(ch) ? 2 : 0;
}

/** A container a line passes through: a block quote, or a list item whose content starts at column `indent`. */
export type Container = { quote: true } | { quote: false; indent: number; firstLine: number; firstContent: number };

/**
 * Why a text cannot take the fast parse: it holds a construct whose Lezer tree does not convert to remark's mdast
 * exactly (see `fastParseBlocker`). The caller then parses it with remark.
 */
export class FastParseUnsupported extends Error {}

export const isSpace = (c: number): boolean => c === 32 || c === 9;
export const isEol = (c: number): boolean => c === 10 || c === 13;

export function normalizeIdentifier(value: string): string {
  return value
    .replace(/[\t\n\r ]+/g, ' ')
    .replace(/^ | $/g, '')
    .toLowerCase()
    .toUpperCase();
}

/** Points `Source.point` keeps for reuse, by offset modulo this (a power of two). */
const POINT_SLOTS = 64;

/** A Markdown text with its line starts, turning offsets into unist points. */
export class Source {
  readonly lineStarts: number[] = [0];
  private last = 0;
  private readonly points: (Point | undefined)[] = new Array<Point | undefined>(POINT_SLOTS).fill(undefined);

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
    const i = this.last;
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

  /**
   * The point at `offset`. A node often starts or ends where another does (a paragraph and its first text, a list
   * and its last item): the last points made are kept by offset and handed out again, the same object, so the tree
   * holds fewer of them. Nothing changes a point in place; a changed position gets a new point.
   */
  point(offset: number): Point {
    const slot = offset & (POINT_SLOTS - 1);
    const known = this.points[slot];
    if (known !== undefined && known.offset === offset) return known;
    const i = this.lineIndex(offset);
    const point = { line: i + 1, column: offset - this.lineStarts[i]! + 1, offset };
    this.points[slot] = point;
    return point;
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

/** The part of Lezer's SyntaxNode the conversion reads: a Lezer node, or a copy with offsets into the original text. */
export interface TreeNode {
  readonly name: string;
  readonly from: number;
  readonly to: number;
  readonly firstChild: TreeNode | null;
  readonly nextSibling: TreeNode | null;
  getChild(name: string): TreeNode | null;
}

/** A copy of a Lezer tree with offsets moved by `map` (from Lezer's line-feed-only text to the original). */
class MappedNode implements TreeNode {
  firstChild: MappedNode | null = null;
  nextSibling: MappedNode | null = null;

  constructor(
    readonly name: string,
    readonly from: number,
    readonly to: number,
  ) {}

  getChild(name: string): MappedNode | null {
    for (let c = this.firstChild; c; c = c.nextSibling) if (c.name === name) return c;
    return null;
  }
}

/** Copy `node` and its descendants with offsets mapped by `map`. */
export function mapTree(node: SyntaxNode, map: (offset: number) => number): TreeNode {
  const copy = new MappedNode(node.name, map(node.from), map(node.to));
  let last: MappedNode | null = null;
  for (let c = node.firstChild; c; c = c.nextSibling) {
    const child = mapTree(c, map) as MappedNode;
    if (last) last.nextSibling = child;
    else copy.firstChild = child;
    last = child;
  }
  return copy;
}

/** The first child of `node` named `name`, found without the list Lezer's `getChild` builds. */
export function firstNamed(node: TreeNode, name: string): TreeNode | null {
  for (let c = node.firstChild; c; c = c.nextSibling) if (c.name === name) return c;
  return null;
}

/** The first and the last child of `node` named `name` (the same node when there is one, nulls when none). */
export function firstAndLastNamed(node: TreeNode, name: string): [TreeNode | null, TreeNode | null] {
  let first: TreeNode | null = null;
  let last: TreeNode | null = null;
  for (let c = node.firstChild; c; c = c.nextSibling) {
    if (c.name !== name) continue;
    first ??= c;
    last = c;
  }
  return [first, last];
}

export function children(node: TreeNode): TreeNode[] {
  const out: TreeNode[] = [];
  for (let c = node.firstChild; c; c = c.nextSibling) out.push(c);
  return out;
}
