import type { TreeNode } from './source.js';
import { decodeString } from 'micromark-util-decode-string';
import { isEol, isSpace, type Container, type Source } from './source.js';

/** What the block and inline conversions share: the text, its lines, the definitions, the container prefixes. */
export class Base {
  readonly text: string;
  readonly definitions = new Set<string>();
  /** Converting a table cell, where `\|` is a pipe even inside code (GFM). */
  inCell = false;
  /** Seen: a list item with nothing after its marker (see fastParse). */
  sawEmptyItem = false;

  constructor(readonly src: Source) {
    this.text = src.text;
  }

  /**
   * A copy of a list built by `push` with no room to spare: V8 grows an array by half and 16 slots, so a
   * paragraph's one text kept room for 17 (a quarter of the tree of a 10 MB file was such room).
   */
  exact<T>(list: T[]): T[] {
    return list.slice();
  }

  /** Skip the prefixes of `containers` on the line starting at `pos`; lenient (lazy lines lack them). */
  skipPrefix(pos: number, containers: readonly Container[], end: number): number {
    const t = this.text;
    let col = 0;
    for (const c of containers) {
      if (c.quote) {
        const before = pos;
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
        } else if (pos < t.length && !isEol(t.charCodeAt(pos))) return before; // a lazy line: no `>`
      } else if (this.src.lineIndex(pos) === c.firstLine) {
        pos = Math.max(pos, Math.min(end, c.firstContent));
        col = c.indent;
      } else {
        const before = pos;
        while (col < c.indent && pos < end && isSpace(t.charCodeAt(pos))) {
          col = t.charCodeAt(pos) === 9 ? col + 4 - (col % 4) : col + 1;
          pos++;
        }
        // Less indented than the item's content and not blank: a lazy continuation line, which keeps its spaces.
        if (col < c.indent && pos < t.length && !isEol(t.charCodeAt(pos))) return before;
      }
    }
    return pos;
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
    // Lezer splits lines at \n only: a CRLF line's \r ends up inside the node.
    while (to > from && (isSpace(this.text.charCodeAt(to - 1)) || this.text.charCodeAt(to - 1) === 13)) to--;
    return to;
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

  destination(url: TreeNode): string {
    let raw = this.text.slice(url.from, url.to);
    if (raw.startsWith('<') && raw.endsWith('>')) raw = raw.slice(1, -1);
    return decodeString(raw);
  }

  /**
   * Where the task marker (`[ ]`, `[x]`) of a list item's first block starts, or null. micromark wants whitespace
   * or a line ending after the marker, then something other than whitespace; Lezer only a space or tab.
   */
  taskMarker(c: TreeNode, first: boolean): number | null {
    if (!first || (c.name !== 'Task' && c.name !== 'Paragraph')) return null;
    const t = this.text;
    const from = c.name === 'Task' ? c.getChild('TaskMarker')!.from : c.from;
    if (t.charCodeAt(from) !== 91 /* [ */ || !/^\[[ xX]\][ \t\r\n]/.test(t.slice(from, from + 4))) return null;
    return /\S/.test(t.slice(from + 3, c.to)) ? from : null;
  }
}
