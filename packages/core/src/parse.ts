import type { Root, RootContent } from 'mdast';
import type { Node } from 'unist';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml']).freeze();

/** Files at least this long are parsed section by section (see parseMarkdown). */
export const CHUNK_THRESHOLD = 256 * 1024;
/** Aim for batches of about this many characters. */
const BATCH = 64 * 1024;

const ATX = /^#{1,6}(?:[ \t]|$)/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const HTML_RAW = /^ {0,3}<(script|pre|style|textarea)(?:\s|>|$)/i;
const DEFINITION = /^[ \t>]*(?:[-*+][ \t]+|\d{1,9}[.)][ \t]+)?\[(?:[^\]\\\n]|\\.)+\]:/m;

/**
 * Offsets where a top-level ATX heading starts a new section: outside fenced code, HTML comments and raw HTML
 * blocks. A heading at column 0 closes any open paragraph, list, quote or table, so the text before it parses
 * the same on its own. Returns null when the file has link or footnote definitions (they are document-wide).
 */
export function sectionStarts(text: string): number[] | null {
  if (DEFINITION.test(text)) return null;
  const starts: number[] = [];
  let fence: string | null = null;
  let htmlEnd: RegExp | null = null;
  let pos = 0;
  while (pos < text.length) {
    let end = text.indexOf('\n', pos);
    if (end === -1) end = text.length;
    const line = text.slice(pos, end);
    if (fence !== null) {
      const m = FENCE.exec(line);
      if (m && m[1]![0] === fence[0] && m[1]!.length >= fence.length && line.slice(m[0].length).trim() === '') fence = null;
    } else if (htmlEnd !== null) {
      if (htmlEnd.test(line)) htmlEnd = null;
    } else if (ATX.test(line)) {
      if (pos > 0) starts.push(pos);
    } else {
      const f = FENCE.exec(line);
      if (f && !(f[1]![0] === '`' && line.slice(f[0].length).includes('`'))) fence = f[1]!;
      else if (/^ {0,3}<!--/.test(line) && !line.includes('-->')) htmlEnd = /-->/;
      else {
        const h = HTML_RAW.exec(line);
        if (h && !new RegExp(`</${h[1]}>`, 'i').test(line)) htmlEnd = new RegExp(`</${h[1]}>`, 'i');
      }
    }
    pos = end + 1;
  }
  return starts;
}

function shift(node: Node, lines: number, offset: number): void {
  const p = node.position;
  if (p) {
    p.start.line += lines;
    p.end.line += lines;
    if (p.start.offset !== undefined) p.start.offset += offset;
    if (p.end.offset !== undefined) p.end.offset += offset;
  }
  const children = (node as { children?: Node[] }).children;
  if (children) for (const child of children) shift(child, lines, offset);
}

/**
 * Parse Markdown (CommonMark + GFM tables, YAML/TOML front matter) into mdast with positions.
 *
 * Large files are parsed in batches of whole top-level sections and stitched back with exact positions:
 * micromark keeps every event of a document in memory (a 10 MB file needed over 4 GB), so sections keep memory
 * bounded and time linear while giving the same tree.
 */
export function parseMarkdown(text: string): Root {
  if (text.length < CHUNK_THRESHOLD) return processor.parse(text);
  const starts = sectionStarts(text);
  if (starts === null || starts.length === 0) return processor.parse(text);
  const cuts = [0];
  for (const s of starts) if (s - cuts[cuts.length - 1]! >= BATCH) cuts.push(s);
  cuts.push(text.length);
  const children: RootContent[] = [];
  let line = 0;
  for (let i = 0; i + 1 < cuts.length; i++) {
    const from = cuts[i]!;
    const chunk = text.slice(from, cuts[i + 1]);
    const tree = processor.parse(chunk);
    for (const child of tree.children) {
      shift(child, line, from);
      children.push(child);
    }
    for (let k = chunk.indexOf('\n'); k !== -1; k = chunk.indexOf('\n', k + 1)) line++;
  }
  const lastLine = line + 1;
  const lastColumn = text.length - (text.lastIndexOf('\n') + 1) + 1;
  return {
    type: 'root',
    children,
    position: { start: { line: 1, column: 1, offset: 0 }, end: { line: lastLine, column: lastColumn, offset: text.length } },
  };
}
