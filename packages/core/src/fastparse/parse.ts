import {
  Autolink,
  parser as commonmark,
  Table as LezerTable,
  TaskList,
  type InlineParser,
  type MarkdownConfig,
} from '@lezer/markdown';
import { Tree } from '@lezer/common';
import type { Root, RootContent } from 'mdast';
import { Converter } from './blocks.js';
import { classify, FastParseUnsupported, mapTree, normalizeIdentifier, Source, type TreeNode } from './source.js';

export { FastParseUnsupported } from './source.js';

const tilde1 = { resolve: 'Strikethrough', mark: 'StrikethroughMark' };
const tilde2 = { resolve: 'Strikethrough', mark: 'StrikethroughMark' };

/**
 * GFM strikethrough as micromark-extension-gfm-strikethrough parses it (remark-gfm's default): runs of one or
 * two tildes, an opener closing only a run of its own length. Lezer's own extension takes only `~~`.
 */
const Strikethrough: MarkdownConfig = {
  defineNodes: [{ name: 'Strikethrough' }, { name: 'StrikethroughMark' }],
  parseInline: [
    {
      name: 'Strikethrough',
      parse(cx, next, pos) {
        if (next !== 126 || cx.char(pos - 1) === 126) return -1;
        let end = pos + 1;
        while (cx.char(end) === 126) end++;
        if (end - pos > 2) return -1;
        const before = classify(cx.slice(pos - 1, pos));
        const after = classify(cx.slice(end, end + 1));
        const open = after === 0 || (after === 2 && before !== 0);
        const close = before === 0 || (before === 2 && after !== 0);
        return cx.addDelimiter(end - pos === 1 ? tilde1 : tilde2, pos, end, open, close);
      },
      after: 'Emphasis',
    },
  ],
};

/** Whether a character code is a word character of a regular expression without the `u` flag (`\w`). */
function isWordCode(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95;
}

/** Whether a character code is in `[\w.+-]`, what an e-mail address's local part is made of for Lezer. */
function isLocalPartCode(code: number): boolean {
  return isWordCode(code) || code === 46 || code === 43 || code === 45;
}

/**
 * Whether the first test of Lezer's GFM autolink parser, `/(www\.)|(https?:\/\/)|([\w.+-]{1,100}@)|(mailto:|xmpp:)/y`,
 * passes at `pos` of `text`: the same answer, found with character tests instead of a regular expression, which
 * Lezer's parse asks at every word of inline text.
 */
export function autolinkMayStart(text: string, pos: number): boolean {
  const first = text.charCodeAt(pos);
  if (!isLocalPartCode(first)) return false;
  if (
    (first === 119 && text.startsWith('www.', pos)) ||
    (first === 104 && (text.startsWith('http://', pos) || text.startsWith('https://', pos))) ||
    (first === 109 && text.startsWith('mailto:', pos)) ||
    (first === 120 && text.startsWith('xmpp:', pos))
  )
    return true;
  // `[\w.+-]{1,100}@`: `@` is not in the class, so it matches when the run of class characters at `pos` is at most
  // 100 long and `@` follows it.
  const limit = Math.min(pos + 100, text.length);
  let end = pos + 1;
  while (end < limit && isLocalPartCode(text.charCodeAt(end))) end++;
  return text.charCodeAt(end) === 64;
}

const lezerAutolink = Autolink.parseInline![0] as InlineParser;

/**
 * Lezer's GFM literal autolinks, asked only where one can start. Lezer tries its parser at every character of inline
 * text, and its first check builds a new regular expression each time: a third of the parse's time and most of its
 * garbage on plain prose. The same checks (word before, a start pattern at the position) run here first, with
 * character tests and without allocating; where they pass, Lezer's own parser decides.
 */
const GfmAutolink: MarkdownConfig = {
  parseInline: [
    {
      name: 'Autolink',
      parse(cx, next, absPos) {
        if (!isLocalPartCode(next)) return -1;
        const pos = absPos - cx.offset;
        if (pos && isWordCode(cx.text.charCodeAt(pos - 1))) return -1;
        if (!autolinkMayStart(cx.text, pos)) return -1;
        return lezerAutolink.parse(cx, next, absPos);
      },
    },
  ],
};

/**
 * Whether no inline parser of this configuration can start at a character `code` whose previous character is `prev`
 * and next `after`, so that Lezer's inline loop may pass over it:
 * - not a character some parser starts with: `\\` `&` `` ` `` `<` `*` `_` `!` `[` `]` `~`;
 * - not a space followed by another (a hard break starts with two spaces);
 * - not where a literal autolink may start (`[\w.+-]` after no word character: see GfmAutolink).
 */
function passable(code: number, prev: number, after: number): boolean {
  switch (code) {
    case 92:
    case 38:
    case 96:
    case 60:
    case 42:
    case 95:
    case 33:
    case 91:
    case 93:
    case 126:
      return false;
    case 32:
      return after !== 32;
    default:
      return !isLocalPartCode(code) || isWordCode(prev);
  }
}

/**
 * Plain text, passed over in one step. Lezer's inline loop asks every inline parser at every character; this one,
 * asked first, takes the run of characters where none of the others can start (see `passable`) and returns its
 * end, adding nothing: the tree is the same, the loop runs once a word instead of once a character.
 */
export const PlainText: MarkdownConfig = {
  parseInline: [
    {
      name: 'PlainText',
      parse(cx, next, start) {
        // At the start of the inline text there is no previous character: a word character there may start a link.
        let prev = start > cx.offset ? cx.char(start - 1) : -1;
        let code = next;
        let pos = start;
        while (pos < cx.end) {
          const after = cx.char(pos + 1);
          if (!passable(code, prev, after)) break;
          prev = code;
          code = after;
          pos++;
        }
        return pos > start ? pos : -1;
      },
      before: 'Escape',
    },
  ],
};

/** The Lezer extensions the tree is made with; PlainText, added last, only makes the same tree faster. */
export const LEZER_EXTENSIONS: readonly MarkdownConfig[] = [LezerTable, TaskList, Strikethrough, GfmAutolink];

const markdown = commonmark.configure([...LEZER_EXTENSIONS, PlainText]);

/**
 * Lezer's container blocks (`CompositeBlock`, not exported) wrap each child tree in a new tree that carries the
 * container's context hash (`NodeProp.contextHash`), which only an incremental re-parse from `TreeFragment`s
 * reads. Nothing here re-parses that way, and the wrappers were most of the parse's memory: a tree and a
 * dictionary-mode props object for almost every block, about 100 MB for 2.5 MB of short questions. Children are
 * kept as they are: the same nodes, types and positions.
 *
 * While `topLevelSink` is set, a finished top-level block (a child of the document) goes to it instead of into the
 * document's list: the caller converts it at once and the block's Lezer tree is garbage right away, where the whole
 * document's tree used to stay alive until the parse ended (517 MB for a 10 MB file, next to its mdast).
 */
let topLevelSink: ((child: Tree, pos: number) => void) | null = null;
const DOCUMENT = markdown.nodeSet.types.find((t) => t.name === 'Document')!;

function addChildUnwrapped(
  this: { type: number; children: unknown[]; positions: number[] },
  child: unknown,
  pos: number,
): void {
  if (topLevelSink !== null && this.type === DOCUMENT.id) topLevelSink(child as Tree, pos);
  else {
    this.children.push(child);
    this.positions.push(pos);
  }
}
{
  const composite = Object.getPrototypeOf((markdown.startParse('') as unknown as { block: object }).block) as {
    addChild?: unknown;
  };
  if (typeof composite.addChild !== 'function') throw new Error('@lezer/markdown: CompositeBlock#addChild not found');
  composite.addChild = addChildUnwrapped;
}

/**
 * Parse `input` with Lezer, converting each top-level block as Lezer finishes it (see `topLevelSink`), its offsets
 * moved by `map` when given. The document's blocks convert independently of each other, so this gives the tree a
 * whole parse would.
 */
function parseStreaming(
  input: string,
  map: ((offset: number) => number) | null,
  cv: Converter,
  out: RootContent[],
): void {
  topLevelSink = (child, pos) => {
    // A document holding just this block, for a node whose offsets are the block's offsets in the text.
    const node = new Tree(DOCUMENT, [child], [pos], pos + child.length).topNode.firstChild!;
    cv.block(map ? mapTree(node, map) : node, [], out);
  };
  try {
    markdown.parse(input);
  } finally {
    topLevelSink = null;
  }
}

const PIPE_THEN_UNDERLINE = /^[ \t>]*\|[^\r\n]*\r?\n[ \t>]*(?:=+|-+)[ \t]*\r?$/m;
const EMPTY_HEADER = /^[ \t>]*\|[ \t|]*\r?\n[ \t>]*\|?[ \t]*:?-+:?[ \t]*(?:\||\r?$)/m;
const FOOTNOTE = /\[\^[^\]\s]/;
const FRONT_MATTER = /^(?:(-{3})|(\+{3}))[ \t]*(?:\r?\n|\r)/;

/**
 * Parse Markdown into mdast with Lezer: the same tree as remark-parse + remark-gfm + remark-frontmatter
 * (['yaml', 'toml']), positions included. Throws FastParseUnsupported for a construct it does not convert.
 */
export function fastParse(text: string): Root {
  if (text.charCodeAt(0) === 0xfeff) throw new FastParseUnsupported('byte order mark');
  // GFM footnotes are not converted (Lezer reads `[^1]: …` as a link reference definition).
  if (FOOTNOTE.test(text)) throw new FastParseUnsupported('footnote');
  // A `|` line right above a setext underline: Lezer makes the table a heading's text.
  if (PIPE_THEN_UNDERLINE.test(text)) throw new FastParseUnsupported('table line before a setext underline');
  // A table whose header cells are all empty: Lezer does not take it as a table.
  if (EMPTY_HEADER.test(text)) throw new FastParseUnsupported('table with an empty header');
  const src = new Source(text);
  let input = text;
  const children: RootContent[] = [];
  const fm = FRONT_MATTER.exec(text);
  let fmNode: RootContent | undefined;
  if (fm) {
    const fence = fm[1] ?? fm[2]!;
    const close = new RegExp(`^${fence === '---' ? '-{3}' : '\\+{3}'}[ \\t]*$`);
    let pos = fm[0].length;
    let end = -1;
    let valueEnd = -1;
    while (pos <= text.length) {
      const e = src.lineEnd(pos);
      if (close.test(text.slice(pos, e))) {
        end = e;
        valueEnd = pos;
        break;
      }
      if (e >= text.length) break;
      pos = e + (text.charCodeAt(e) === 13 && text.charCodeAt(e + 1) === 10 ? 2 : 1);
    }
    // micromark's failed attempt at an unclosed fence changes how the next lines parse (`---\n- a` gives a
    // paragraph): such a text goes to remark.
    if (end < 0) throw new FastParseUnsupported('unclosed front matter fence');
    if (end >= 0) {
      let v = text.slice(fm[0].length, valueEnd);
      v = v.replace(/(?:\r\n|\r|\n)$/, '');
      fmNode = {
        type: fence === '---' ? 'yaml' : 'toml',
        value: v,
        position: src.position(0, end),
      } as RootContent;
      input = text.slice(0, end).replace(/[^\r\n]/g, ' ') + text.slice(end);
    }
  }
  const cv = new Converter(src);
  if (fmNode) children.push(fmNode);
  // Lezer ends lines at \n only: a text with carriage returns is parsed with every line ending made a \n, and the
  // tree's offsets are moved back onto the original text.
  const cr = input.includes('\r') ? carriageReturns(input) : null;
  if (text.includes(']:')) {
    // Definitions first: references resolve against every definition in the document. A definition's label is
    // followed by its colon (`[label]:`): a text without `]:` has none, and its blocks convert as they are parsed.
    const top = cr ? mapTree(markdown.parse(cr.normalized).topNode, cr.map) : markdown.parse(input).topNode;
    collectDefinitions(top, text, cv.definitions);
    cv.blocks(top, [], children);
  } else parseStreaming(cr ? cr.normalized : input, cr?.map ?? null, cv, children);
  // A list item with nothing after its marker: micromark and Lezer disagree on where it may start (after an
  // indented code block, on a lazy line, inside another item), and remark-gfm may even mark the root `checked`.
  if (cv.sawEmptyItem) throw new FastParseUnsupported('empty list item');

  return {
    type: 'root',
    children,
    position: { start: { line: 1, column: 1, offset: 0 }, end: src.point(text.length) },
  };
}

/**
 * Lezer ends lines at \n only, where micromark also ends them at \r\n and a lone \r: the text with each line ending
 * made a \n, and the map from its offsets back onto the original text.
 */
function carriageReturns(input: string): { normalized: string; map: (offset: number) => number } {
  const normalized = input.replace(/\r\n?/g, '\n');
  // For each line of `normalized`: where it starts, and how many \r\n (two characters for one) come before it.
  const starts = [0];
  const extra = [0];
  let crlf = 0;
  for (let i = 0; i < input.length; i++) {
    const c = input.charCodeAt(i);
    if (c === 13 && input.charCodeAt(i + 1) === 10) {
      crlf++;
      i++;
    } else if (c !== 13 && c !== 10) continue;
    starts.push(i + 1 - crlf);
    extra.push(crlf);
  }
  const map = (offset: number): number => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return offset + extra[lo]!;
  };
  return { normalized, map };
}

function collectDefinitions(node: TreeNode, text: string, out: Set<string>): void {
  for (let c = node.firstChild; c; c = c.nextSibling) {
    if (c.name === 'LinkReference') {
      const label = c.getChild('LinkLabel');
      if (label) out.add(normalizeIdentifier(text.slice(label.from + 1, label.to - 1)).toLowerCase());
    } else if (c.name === 'Blockquote' || c.name === 'BulletList' || c.name === 'OrderedList' || c.name === 'ListItem')
      collectDefinitions(c, text, out);
  }
}
