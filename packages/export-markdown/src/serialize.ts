import type {
  Blockquote,
  Code,
  Definition,
  Heading,
  List,
  ListItem,
  Nodes,
  Paragraph,
  Parents,
  Root,
  Table,
} from 'mdast';
import { frontmatterToMarkdown } from 'mdast-util-frontmatter';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { mathToMarkdown, type Math } from 'mdast-util-math';
import { defaultHandlers, toMarkdown, type Handle, type Info, type Options, type State } from 'mdast-util-to-markdown';

/**
 * Serialize mdast back to Markdown, changing the source as little as possible: the inline content of
 * paragraphs, headings and table cells is copied from the source text (so escapes, emphasis markers, entities,
 * autolinks and words stay exactly as written), while the block structure (headings, lists, quotes, tables,
 * code) is written by mdast-util-to-markdown with a few handlers that follow the source's habits.
 *
 * `source` is the text the tree was parsed from; nodes without positions fall back to the default handlers.
 */
export function serialize(tree: Root, source: string): string {
  const handlers: Partial<Record<string, Handle>> = {
    paragraph: (node: Paragraph, parent, state, info) =>
      rawParagraph(node, source, state) ?? defaultHandlers.paragraph(node, parent, state, info),
    heading: (node: Heading, parent, state, info) => {
      const raw = rawInline(node, source, state);
      if (raw === null) return defaultHandlers.heading(node, parent, state, info);
      const marks = '#'.repeat(Math.min(Math.max(node.depth, 1), 6));
      const text = raw.replace(/[ \t]*\n[ \t]*/g, ' ').trim();
      // A trailing run of `#` would read as a closing sequence and vanish: escape its first mark.
      const safe = /(?:^|[ \t])#+$/.test(text) ? text.replace(/#+$/, (m) => `\\${m}`) : text;
      return safe ? `${marks} ${safe}` : marks;
    },
    table: (node: Table) => table(node, source),
    blockquote,
    list: (node: List, parent, state, info) => list(node, parent, state, info, source),
    listItem: (node: ListItem, parent, state, info) => listItem(node, parent, state, info, source),
    code: (node: Code, parent, state, info) => code(node, parent, state, info, source),
    // Display math as written when it is one line; otherwise `$$` fences around the TeX, which is kept as is.
    math: (node: Math) => {
      const raw = slice(node, source);
      return raw !== null && !raw.includes('\n') && raw.startsWith('$$') ? raw.trim() : `$$\n${node.value}\n$$`;
    },
    definition: (node: Definition, parent, state, info) => {
      const raw = slice(node, source);
      return raw !== null && !raw.includes('\n') ? raw.trim() : defaultHandlers.definition(node, parent, state, info);
    },
  };
  const options: Options = {
    bullet: '-',
    bulletOther: '*',
    bulletOrdered: '.',
    emphasis: '*',
    strong: '*',
    fence: '`',
    fences: true,
    rule: '-',
    listItemIndent: 'one',
    extensions: [gfmToMarkdown(), frontmatterToMarkdown(['yaml', 'toml']), mathToMarkdown()],
    handlers: handlers as Options['handlers'],
    join: [
      // A comment directly above a block stays directly above it: `<!-- notes-disable-next-line … -->` and
      // markdownlint's comments apply to the next line.
      (left, right) => {
        if (left.type !== 'html' || !/^<!--[^]*-->$/.test(left.value.trim())) return undefined;
        const end = left.position?.end.line;
        const start = right.position?.start.line;
        return end !== undefined && start !== undefined && start === end + 1 ? 0 : undefined;
      },
    ],
  };
  const out = toMarkdown(tree, options);
  return finish(out);
}

/**
 * LF line endings, trailing white space (spaces and tabs) off every line, no blank lines at the ends, exactly one
 * final newline. One pass over the lines, copying the text only where a line loses white space: splitting a 10 MB
 * copy into its lines and joining them again cost a second of a big export.
 */
export function finish(text: string): string {
  const src = text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
  let out = '';
  // src[from…] is not copied to `out` yet.
  let from = 0;
  for (let pos = 0; ;) {
    let nl = src.indexOf('\n', pos);
    if (nl === -1) nl = src.length;
    let end = nl;
    while (end > pos && (src.charCodeAt(end - 1) === 32 || src.charCodeAt(end - 1) === 9)) end--;
    if (end < nl) {
      out += src.slice(from, end);
      from = nl;
    }
    if (nl === src.length) break;
    pos = nl + 1;
  }
  out += src.slice(from);
  let start = 0;
  while (start < out.length && out.charCodeAt(start) === 10) start++;
  let stop = out.length;
  while (stop > start && out.charCodeAt(stop - 1) === 10) stop--;
  return start === stop ? '' : `${out.slice(start, stop)}\n`;
}

function slice(node: Nodes, source: string): string | null {
  const s = node.position?.start.offset;
  const e = node.position?.end.offset;
  if (s === undefined || e === undefined || e < s) return null;
  return source.slice(s, e);
}

/** How many block quotes are open around the node being serialized. */
function quoteDepth(state: State): number {
  return state.stack.filter((s) => s === 'blockquote').length;
}

/** Lines a paragraph continuation may not start with unindented, or it would become another block. */
const INTERRUPTS =
  /^(?:>|#{1,6}(?:[ \t]|$)|[-*+][ \t]+\S|1[.)][ \t]+\S|`{3,}|~{3,}|=+[ \t]*$|-+[ \t]*$|([*_-])(?:[ \t]*\1){2,}[ \t]*$|<(?:script|pre|style|textarea|!--|\?|![A-Za-z]|!\[CDATA\[)|<\/?(?:address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul)(?:[ \t/>]|$))/i;

type Cell = Table['children'][number]['children'][number];

/** Where the inline content of a paragraph, heading or table cell sits in the source, markers excluded. */
function contentRange(node: Paragraph | Heading | Cell, source: string): [number, number] | null {
  let start = node.position?.start.offset;
  let end = node.position?.end.offset;
  if (start === undefined || end === undefined || end < start) return null;
  const text = source.slice(start, end);
  if (node.type === 'heading') {
    const atx = /^[ \t]*#{1,6}(?=[ \t]|$)[ \t]*/.exec(text);
    if (atx) {
      start += atx[0].length;
      const rest = text.slice(atx[0].length);
      const close = /(?:^|[ \t]+)#*[ \t]*$/.exec(rest);
      end = start + (close ? close.index : rest.length);
    } else {
      const cut = text.replace(/\r?\n[^\n]*$/, '');
      end = start + cut.length;
      start += /^[ \t]*/.exec(cut)![0].length;
    }
  } else if (node.type === 'tableCell') {
    const lead = /^\|?[ \t]*/.exec(text)![0].length;
    let stop = text.length;
    while (stop > lead && /[ \t]/.test(text[stop - 1]!)) stop--;
    if (text[stop - 1] === '|' && stop - 1 >= lead) {
      let slashes = 0;
      while (text[stop - 2 - slashes] === '\\') slashes++;
      if (slashes % 2 === 0) stop--;
    }
    while (stop > lead && /[ \t]/.test(text[stop - 1]!)) stop--;
    end = start + Math.max(stop, lead);
    start += lead;
  } else {
    while (end > start && /[ \t\r\n]/.test(source[end - 1]!)) end--;
  }
  return [start, end];
}

/**
 * The inline content of a node as written in the source: container prefixes (`>`, list indentation) taken off
 * continuation lines, hard breaks written as `\`, trailing white space dropped.
 */
function rawInline(node: Paragraph | Heading | Cell, source: string, state: State): string | null {
  const range = contentRange(node, source);
  if (!range) return null;
  const [start, end] = range;
  const raw = source.slice(start, end);
  // One line (most paragraphs, every heading and cell): no continuation lines, so no prefixes and no hard breaks.
  if (!raw.includes('\n') && !raw.includes('\r')) return raw.replace(/[ \t]+$/, '');
  // Hard breaks: the lines they end.
  const breaks = new Set<number>();
  const visit = (n: Nodes): void => {
    if (n.type === 'break' && n.position) breaks.add(n.position.start.line);
    if ('children' in n) for (const c of n.children as Nodes[]) visit(c);
  };
  visit(node);
  const firstLine = node.position!.start.line;
  const quotes = quoteDepth(state);
  const lines = raw.replace(/\r\n?/g, '\n').split('\n');
  return lines
    .map((line, i) => {
      let text = line;
      if (i > 0) {
        text = text.replace(/^[ \t]+/, '');
        for (let q = 0; q < quotes && text.startsWith('>'); q++) text = text.slice(1).replace(/^[ \t]+/, '');
        if (INTERRUPTS.test(text)) text = `    ${text}`;
      }
      const bare = text.replace(/[ \t]+$/, '');
      if (i < lines.length - 1 && breaks.has(firstLine + i) && !bare.endsWith('\\')) return `${bare}\\`;
      return bare;
    })
    .join('\n');
}

function rawParagraph(node: Paragraph, source: string, state: State): string | null {
  return rawInline(node, source, state);
}

/** A table with every row as wide as the header and a uniform delimiter row. */
function table(node: Table, source: string): string {
  const fake = { stack: [] } as unknown as State;
  const rows = node.children.map((row) =>
    row.children.map((cell) => {
      const raw = rawInline(cell, source, fake);
      return (raw ?? '').replace(/\n/g, ' ').trim();
    }),
  );
  const header = rows[0] ?? [];
  const width = Math.max(header.length, 1);
  const fit = (cells: string[]): string[] => {
    const out = cells.slice(0, width);
    const extra = cells.slice(width).filter((c) => c !== '');
    // Cells past the header's width would be dropped by GFM: keep their words in the last cell.
    if (extra.length) out[width - 1] = [out[width - 1] ?? '', ...extra].filter((c) => c !== '').join(' \\| ');
    while (out.length < width) out.push('');
    return out;
  };
  const line = (cells: string[]): string => `| ${cells.join(' | ')} |`;
  const align = Array.from({ length: width }, (_, i) => {
    const a = node.align?.[i];
    return a === 'left' ? ':--' : a === 'right' ? '--:' : a === 'center' ? ':-:' : '---';
  });
  const out = [line(fit(header)), line(align), ...rows.slice(1).map((r) => line(fit(r)))];
  return out.join('\n');
}

/** Block quotes; a quote that opens with a quote is written `>>`, as people write callouts. */
function blockquote(node: Blockquote, _parent: Parents | undefined, state: State, info: Info): string {
  const exit = state.enter('blockquote');
  const tracker = state.createTracker(info);
  tracker.move('> ');
  tracker.shift(2);
  const value = state.indentLines(state.containerFlow(node, tracker.current()), (line, _i, blank) =>
    blank ? '>' : line.startsWith('>') ? `>${line}` : `> ${line}`,
  );
  exit();
  return value;
}

/** Ordered lists keep the source's delimiter (`.` or `)`). */
function list(node: List, parent: Parents | undefined, state: State, info: Info, source: string): string {
  const saved = state.options.bulletOrdered;
  const first = node.children[0];
  const raw = node.ordered && first ? slice(first, source) : null;
  const delimiter = raw ? /^[ \t]*\d{1,9}([.)])/.exec(raw)?.[1] : undefined;
  if (delimiter === '.' || delimiter === ')') state.options.bulletOrdered = delimiter;
  try {
    return defaultHandlers.list(node, parent, state, info);
  } finally {
    state.options.bulletOrdered = saved;
  }
}

/** List items; ordered items keep the number written in the source (so `1. 1. 1.` stays as it was). */
function listItem(node: ListItem, parent: Parents | undefined, state: State, info: Info, source: string): string {
  let bullet = state.bulletCurrent ?? '-';
  if (parent && parent.type === 'list' && parent.ordered) {
    const raw = slice(node, source);
    const m = raw ? /^[ \t]*(\d{1,9})[.)]/.exec(raw) : null;
    const fallback =
      (typeof parent.start === 'number' && parent.start > -1 ? parent.start : 1) + parent.children.indexOf(node);
    bullet = (m ? m[1]! : String(fallback)) + bullet;
  }
  const size = bullet.length + 1;
  const tracker = state.createTracker(info);
  tracker.move(bullet + ' ');
  tracker.shift(size);
  const exit = state.enter('listItem');
  let value = state.indentLines(state.containerFlow(node, tracker.current()), (line, index, blank) =>
    index ? (blank ? '' : ' '.repeat(size)) + line : blank ? bullet : `${bullet} ${line}`,
  );
  exit();
  // Task items: the box, unless the first paragraph's source span already holds it (it does in some cases).
  if (typeof node.checked === 'boolean' && !/^\[[ xX]\]/.test(value.slice(bullet.length + 1))) {
    const written = /^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+(\[[ xX]\])/.exec(slice(node, source) ?? '')?.[1];
    const box = written ?? (node.checked ? '[x]' : '[ ]');
    value = value.startsWith(`${bullet} `)
      ? `${bullet} ${box} ${value.slice(bullet.length + 1)}`
      : `${bullet} ${box}${value.slice(bullet.length)}`;
  }
  return value;
}

/** Code blocks keep their kind (fenced with ``` or ~~~, or indented) as in the source. */
function code(node: Code, parent: Parents | undefined, state: State, info: Info, source: string): string {
  const raw = slice(node, source);
  const opener = raw ? /^[ \t]*(`{3,}|~{3,})/.exec(raw) : null;
  const saved = { fence: state.options.fence, fences: state.options.fences };
  if (opener) state.options.fence = opener[1]!.startsWith('~') ? '~' : '`';
  else if (raw !== null) state.options.fences = false;
  try {
    return defaultHandlers.code(node, parent, state, info);
  } finally {
    state.options.fence = saved.fence;
    state.options.fences = saved.fences;
  }
}
