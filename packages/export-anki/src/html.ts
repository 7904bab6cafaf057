import { CODE_COLORS, imageFinding, locateImage, TOKEN_STYLE, tokenStyle, type CodeHighlighter } from '@notes/core';
import type { Element, ElementContent, Nodes as HastNodes, Root as HastRoot } from 'hast';
import { defaultSchema, sanitize, type Schema } from 'hast-util-sanitize';
import { toHtml } from 'hast-util-to-html';
import { fastHtml } from './fast-html.js';
import {
  MAX_NESTING,
  mapClozes,
  nestingDepth,
  withAlertTitles,
  withTextDirection,
  withWikiLinks,
  type ClozeWrapper,
} from '@notes/core';
import type { Code, PhrasingContent, Root, RootContent } from 'mdast';
import type { InlineMath, Math } from 'mdast-util-math';
import { defaultHandlers, toHast, type Handler, type State } from 'mdast-util-to-hast';

/** An image a card refers to, packed into the deck under `name`. */
export interface MediaRef {
  /** File name inside the deck's flat media folder (what the card's `src` says). */
  name: string;
  /** Absolute path on disk, inside the notes' folder. */
  path: string;
  /** Where it was first referenced and as what, e.g. `notes.md:12: img/a.png` (for findings). */
  from: string;
}

/** What rendering Markdown to card HTML needs to know. */
export interface HtmlContext {
  /** Folder the note's file is in (image paths are relative to it). */
  docDir: string;
  /** The notes' folder: images are only taken from inside it. */
  baseDir: string;
  /** Where a finding points, e.g. `notes.md:12`. */
  where: string;
  warn: (message: string) => void;
  /** Media collected so far, by absolute path (shared by every note of an export). */
  media: Map<string, MediaRef>;
  /** Colours fenced code in a known language (absent: code stays plain). */
  highlighter?: CodeHighlighter | undefined;
  /** Finds Obsidian picture embeds in the vault (core's `createEmbedLocator`; absent: beside the note only). */
  locateEmbed?: ((target: string, docDir: string) => string) | undefined;
  /**
   * The note's file holds right-to-left text: its blocks get `dir="auto"` (core's `withTextDirection`). `false`
   * skips the look; absent, each note is looked at.
   */
  rtl?: boolean | undefined;
  /** `false`: the note's file can hold no wiki link and no alert marker (`mayHoldMarkers`), so none is looked for. */
  markers?: boolean | undefined;
}

/**
 * Whether a file's text can give a text node holding `[[` (a wiki link) or `[!` (an alert's marker): each
 * character of a text node is the same character in the file, a backslash escape or a character reference.
 */
export function mayHoldMarkers(text: string): boolean {
  return /\[[[!]|\\[[!]|&(?:#|lsqb;|lbrack;|excl;)/.test(text);
}

/** The style of a highlighted block: its own light background, so the token colours read in night mode too. */
export const CODE_BLOCK_STYLE = `background:${CODE_COLORS.background};color:${CODE_COLORS.foreground}`;

/**
 * GitHub's sanitizer schema, tightened for cards: no protocol at all in `src` (so no remote, `data:` or
 * `file:` images; packed media are plain file names), links only to web and mail addresses. A task item keeps its
 * box, disabled, ticked or not. Ids are not prefixed again: mdast-util-to-hast already gives footnotes
 * `user-content-` ids (raw HTML, the only other source of ids, is dropped), so their links still find them.
 */
const SCHEMA: Schema = {
  ...defaultSchema,
  clobberPrefix: '',
  protocols: { ...defaultSchema.protocols, src: [], href: ['http', 'https', 'mailto'] },
  // `mark`: a cloze shown as highlighted text outside the cloze note.
  tagNames: [...(defaultSchema.tagNames ?? []), 'mark'],
  // Highlighted code carries its colours inline; only the exact shapes the highlighter writes get through.
  attributes: {
    ...defaultSchema.attributes,
    input: [...(defaultSchema.attributes?.['input'] ?? []), ['checked', true]],
    pre: [...(defaultSchema.attributes?.['pre'] ?? []), ['style', CODE_BLOCK_STYLE]],
    span: [...(defaultSchema.attributes?.['span'] ?? []), ['style', TOKEN_STYLE]],
  },
};

/**
 * Footnotes end the card under a plain "Footnotes" line: the card CSS has no `sr-only`, so GitHub's hidden `h2`
 * would print as a big heading.
 */
const FOOTNOTES = { footnoteLabelTagName: 'p', footnoteLabelProperties: {} } as const;

function mediaName(relPath: string, taken: ReadonlySet<string>): string {
  // Anki's media folder is flat: keep the path in the name so two `a.png` in different folders stay apart.
  const flat = relPath
    .split(/[\\/]+/)
    .filter(Boolean)
    .join('_')
    .replace(/[^\p{L}\p{N}._-]+/gu, '-');
  let name = flat || 'image';
  for (let n = 2; taken.has(name); n++) name = `${n}-${flat}`;
  return name;
}

function placeholder(alt: string): ElementContent {
  return {
    type: 'element',
    tagName: 'span',
    properties: {},
    children: [{ type: 'text', value: alt ? `[image: ${alt}]` : '[image]' }],
  };
}

/** Point images at packed media, or replace them by their alt text (with a finding) when they are not allowed. */
function rewriteImages(node: HastNodes, ctx: HtmlContext): void {
  if (!('children' in node)) return;
  const children = node.children as ElementContent[];
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!;
    if (child.type !== 'element') continue;
    if (child.tagName !== 'img') {
      rewriteImages(child, ctx);
      continue;
    }
    const src = typeof child.properties['src'] === 'string' ? child.properties['src'] : '';
    const alt = typeof child.properties['alt'] === 'string' ? child.properties['alt'] : '';
    const ref = imageRef(src, alt, child.position?.start.line, ctx);
    if (ref) child.properties = { src: ref.name, alt };
    else children[i] = placeholder(alt);
  }
}

function imageRef(src: string, alt: string, line: number | undefined, ctx: HtmlContext): MediaRef | null {
  if (src === '') return null;
  const target = locateImage(src, ctx.docDir, ctx.baseDir);
  const where = line === undefined ? ctx.where : ctx.where.replace(/:\d+$/, `:${line}`);
  if (!target.ok) {
    ctx.warn(imageFinding(where, src, alt, target.reason));
    return null;
  }
  const { absolute, path: rel } = target;
  const known = ctx.media.get(absolute);
  if (known) return known;
  const taken = new Set([...ctx.media.values()].map((m) => m.name));
  const ref: MediaRef = {
    name: mediaName(rel, taken),
    path: absolute,
    from: imageFinding(where, src, alt, '').trimEnd(),
  };
  ctx.media.set(absolute, ref);
  return ref;
}

type MdNode = Root | RootContent;

/** Plain text of a subtree, without recursion. */
function flatText(node: MdNode): string {
  const parts: string[] = [];
  const stack: MdNode[] = [node];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if ('value' in n && typeof n.value === 'string' && n.type !== 'html') parts.push(n.value);
    if ('children' in n) for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]!);
  }
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}

function capped(node: MdNode, depth: number): MdNode {
  if (!('children' in node)) return node;
  if (depth >= MAX_NESTING) return { type: 'paragraph', children: [{ type: 'text', value: flatText(node) }] };
  return { ...node, children: node.children.map((c) => capped(c, depth + 1)) } as MdNode;
}

/** A fenced block: token colours inline when its language is known, plain otherwise. */
function codeHandler(ctx: HtmlContext): Handler {
  return (state: State, node: Code) => {
    const lines = ctx.highlighter?.highlight(node.value, node.lang);
    if (!lines) return defaultHandlers.code(state, node);
    const children: ElementContent[] = [];
    lines.forEach((line, k) => {
      if (k > 0) children.push({ type: 'text', value: '\n' });
      for (const token of line)
        children.push({
          type: 'element',
          tagName: 'span',
          properties: { style: tokenStyle(token) },
          children: [{ type: 'text', value: token.text }],
        });
    });
    children.push({ type: 'text', value: '\n' });
    const lang = node.lang ? { className: [`language-${node.lang}`] } : {};
    const code: Element = { type: 'element', tagName: 'code', properties: lang, children };
    return { type: 'element', tagName: 'pre', properties: { style: CODE_BLOCK_STYLE }, children: [code] };
  };
}

/** Math as the TeX Anki's MathJax reads: `\(…\)` inline, `\[…\]` on its own line. */
const MATH_HANDLERS: Record<string, Handler> = {
  inlineMath: (_state: State, node: InlineMath) => ({ type: 'text', value: `\\(${node.value}\\)` }),
  math: (_state: State, node: Math) => ({
    type: 'element',
    tagName: 'p',
    properties: {},
    children: [{ type: 'text', value: `\\[${node.value}\\]` }],
  }),
};

/** How clozes show: highlighted text (`<mark>`), or Anki's `{{c1::…}}` syntax for the cloze note's Text field. */
export type ClozeMode = 'mark' | 'anki';

// Private-use characters stand for Anki's markers while the tree becomes HTML: text nodes are escaped, and the
// content between them must be too, so that a `::` or `}}` in a cloze's text does not end it early.
const OPEN = '\uE000';
const HINT = '\uE001';
const CLOSE = '\uE002';

const markWrapper: ClozeWrapper = (content) => [{ type: 'emphasis', data: { hName: 'mark' }, children: content }];
const ankiWrapper: ClozeWrapper = (content, cloze) => [
  { type: 'text', value: `${OPEN}${cloze.group}${HINT}` },
  ...content,
  { type: 'text', value: `${CLOSE}${cloze.hint ?? ''}${CLOSE}` },
];

/** Sentinels → `{{cN::…::hint}}`, with `::` and `}}` inside the cloze written as character references. */
function ankiClozes(html: string): string {
  const escape = (text: string): string =>
    text
      .replace(/:(?=:|$)/g, '&#58;')
      .replace(/\}(?=\}|$)/g, '&#125;')
      .replace(/\{(?=\{)/g, '&#123;');
  return html.replace(
    new RegExp(`${OPEN}(\\d+)${HINT}([^${OPEN}${CLOSE}]*)${CLOSE}([^${CLOSE}]*)${CLOSE}`, 'gu'),
    (_all, group: string, content: string, hint: string) =>
      `{{c${group}::${escape(content)}${hint ? `::${escape(hint)}` : ''}}}`,
  );
}

function render(
  blocks: readonly RootContent[],
  ctx: HtmlContext,
  clozes: ClozeMode = 'mark',
  reference = false,
): string {
  // Only a tree with clozes, alerts or wiki links changes: mapClozes, withAlertTitles and withWikiLinks return the
  // blocks as they are otherwise.
  // The note's own array goes in, so core finds the clozes the model's other readers already asked about.
  const marked =
    ctx.markers === false
      ? blocks
      : withWikiLinks(withAlertTitles(blocks), ctx.locateEmbed && ((target) => ctx.locateEmbed!(target, ctx.docDir)));
  const children = mapClozes(marked, clozes === 'anki' ? ankiWrapper : markWrapper);
  let tree: Root = { type: 'root', children: ctx.rtl === false ? children : withTextDirection(children) };
  // The common shapes straight to HTML (the same string, see fast-html.ts; it declines a tree nested too deep); the
  // rest the reference way below.
  const fast = reference ? null : fastHtml(tree);
  if (fast !== null) {
    const html = fast.trim();
    return clozes === 'anki' ? ankiClozes(html) : html;
  }
  if (nestingDepth(tree) > MAX_NESTING) {
    ctx.warn(`${ctx.where}: nesting deeper than ${MAX_NESTING} levels: the deepest part is shown as plain text`);
    tree = capped(tree, 0) as Root;
  }
  // Raw HTML in the Markdown is dropped here (allowDangerousHtml is off), then the sanitizer has the last word.
  const handlers = ctx.highlighter ? { ...MATH_HANDLERS, code: codeHandler(ctx) } : MATH_HANDLERS;
  const hast = toHast(tree, { handlers, ...FOOTNOTES }) as HastRoot;
  rewriteImages(hast, ctx);
  const clean = sanitize(hast, SCHEMA);
  const html = toHtml(clean).trim();
  return clozes === 'anki' ? ankiClozes(html) : html;
}

/** Markdown blocks (an answer) to sanitized card HTML. */
export function blocksToHtml(blocks: readonly RootContent[], ctx: HtmlContext, clozes: ClozeMode = 'mark'): string {
  return render(blocks, ctx, clozes);
}

/** `blocksToHtml` the reference way only (mdast-util-to-hast, the sanitizer, hast-util-to-html): the fast path's yardstick. */
export function referenceBlocksToHtml(
  blocks: readonly RootContent[],
  ctx: HtmlContext,
  clozes: ClozeMode = 'mark',
): string {
  return render(blocks, ctx, clozes, true);
}

/** Inline Markdown (a table cell) to sanitized card HTML. */
export function phrasingToHtml(children: readonly PhrasingContent[], ctx: HtmlContext): string {
  return render([{ type: 'paragraph', children: [...children] }], ctx)
    .replace(/^<p>/, '')
    .replace(/<\/p>$/, '');
}
