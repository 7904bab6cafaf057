import type { TreeNode } from './source.js';
import type { PhrasingContent } from 'mdast';
import { decodeString } from 'micromark-util-decode-string';
import type { Position } from 'unist';
import { Base } from './base.js';
import {
  FastParseUnsupported,
  firstNamed,
  isEol,
  isSpace,
  normalizeIdentifier,
  PUNCTUATION,
  WHITESPACE,
  type Container,
} from './source.js';
import { lazy } from '../lazy.js';

/** Inline conversion: phrasing content of paragraphs, headings and cells. */
export class InlineConverter extends Base {
  cell(content: TreeNode, containers: readonly Container[]): PhrasingContent[] {
    this.inCell = true;
    try {
      return this.inline(content, content.from, this.trimEnd(content.from, content.to), containers);
    } finally {
      this.inCell = false;
    }
  }

  // ---- inline ----

  inline(parent: TreeNode, from: number, to: number, containers: readonly Container[]): PhrasingContent[] {
    const out: PhrasingContent[] = [];
    const b = new TextBuilder(this, containers, out);
    this.inlineInto(parent, from, to, b);
    b.flush();
    return this.exact(out);
  }

  inlineInto(parent: TreeNode, from: number, to: number, b: TextBuilder): void {
    let pos = from;
    for (let c = parent.firstChild; c; c = c.nextSibling) {
      if (c.to <= from || c.from >= to) continue;
      const n = c.name;
      if (n === 'QuoteMark' || n === 'LinkMark' || n === 'LinkLabel' || n === 'TaskMarker' || n === 'HeaderMark')
        continue;
      if (c.from > pos) b.raw(pos, c.from);
      pos = Math.max(pos, c.from);
      switch (c.name) {
        case 'Escape':
          b.decoded(c.from, c.to, this.text.slice(c.from + 1, c.to));
          break;
        case 'Entity':
          b.decoded(c.from, c.to, decodeString(this.text.slice(c.from, c.to)));
          break;
        default:
          this.inlineNode(c, b);
      }
      pos = c.to;
    }
    if (pos < to) b.raw(pos, to);
  }

  /** The phrasing content of `c` between its opening and closing marks (`open`, `close` characters wide). */
  inner(c: TreeNode, b: TextBuilder, open: number, close: number): PhrasingContent[] {
    const out: PhrasingContent[] = [];
    const nb = new TextBuilder(this, b.containers, out, b.inLink);
    this.inlineInto(c, c.from + open, c.to - close, nb);
    nb.flush();
    return this.exact(out);
  }

  inlineNode(c: TreeNode, b: TextBuilder): void {
    const t = this.text;
    const pos = (): Position => this.src.position(c.from, c.to);
    switch (c.name) {
      case 'Emphasis':
        b.node({ type: 'emphasis', children: this.inner(c, b, 1, 1), position: this.src.position(c.from, c.to) });
        return;
      case 'StrongEmphasis':
        b.node({ type: 'strong', children: this.inner(c, b, 2, 2), position: this.src.position(c.from, c.to) });
        return;
      case 'Strikethrough': {
        const mark = firstNamed(c, 'StrikethroughMark')!;
        const w = mark.to - mark.from;
        b.node({ type: 'delete', children: this.inner(c, b, w, w), position: pos() });
        return;
      }
      case 'InlineCode': {
        const mark = firstNamed(c, 'CodeMark')!;
        const w = mark.to - mark.from;
        let value = this.lines(c.from + w, c.to - w, b.containers, 0);
        if (this.inCell) value = value.replace(/\\\|/g, '|');
        if (/^[ \r\n]/.test(value) && /[ \r\n]$/.test(value) && /[^ \r\n]/.test(value))
          value = value.replace(/^(?:\r\n|[ \r\n])/, '').replace(/(?:\r\n|[ \r\n])$/, '');
        b.node({ type: 'inlineCode', value, position: pos() });
        return;
      }
      case 'HardBreak': {
        // Two or more spaces, or a backslash, before a line ending: the break takes the line ending too.
        let end = c.to;
        if (t.charCodeAt(end) === 13 && t.charCodeAt(end + 1) === 10) end += 2;
        else if (isEol(t.charCodeAt(end))) end++;
        b.node({ type: 'break', position: this.src.position(c.from, end) });
        b.lineStart(end);
        return;
      }
      case 'HTMLTag':
      case 'Comment':
      case 'ProcessingInstruction':
        b.node({ type: 'html', value: this.lines(c.from, c.to, b.containers, 0), position: pos() });
        return;
      case 'Autolink': {
        const url = c.getChild('URL')!;
        const raw = t.slice(url.from, url.to);
        const isEmail = !/^[a-zA-Z][a-zA-Z0-9+.-]{1,31}:/.test(raw);
        b.node({
          type: 'link',
          title: null,
          url: isEmail ? 'mailto:' + raw : raw,
          children: [{ type: 'text', value: raw, position: this.src.position(url.from, url.to) }],
          position: pos(),
        });
        return;
      }
      case 'URL': {
        const raw = t.slice(c.from, c.to);
        if (b.inLink) {
          b.raw(c.from, c.to);
          return;
        }
        this.checkLiteral(c.from, c.to);
        const url = /^www\./i.test(raw)
          ? 'http://' + raw
          : /^[a-z]+:/i.test(raw) && !/^mailto:|^xmpp:/i.test(raw)
            ? raw
            : /^mailto:|^xmpp:/i.test(raw)
              ? raw
              : 'mailto:' + raw;
        b.node({
          type: 'link',
          title: null,
          url,
          children: [{ type: 'text', value: raw, position: pos() }],
          position: pos(),
        });
        return;
      }
      case 'Link':
      case 'Image':
        this.link(c, b, c.name === 'Image');
        return;
      default:
        throw new FastParseUnsupported(`inline ${c.name}`);
    }
  }

  /**
   * Lezer's literal autolinks follow looser rules than micromark-extension-gfm-autolink-literal. Accept one only
   * when both certainly agree: ASCII, no brackets, emphasis or entity characters inside, a character micromark
   * accepts before it, and whitespace or plain trailing punctuation after it.
   */
  checkLiteral(from: number, to: number): void {
    const t = this.text;
    const raw = t.slice(from, to);
    const before = from > 0 ? t[from - 1]! : '';
    const after = t[to] ?? '';
    const email = !/^(?:https?:\/\/|www\.)/i.test(raw);
    const beforeOk = email
      ? before !== '' && !/[\w.+\-/\r\n]/.test(before) // micromark: not alphanumeric, `+-._` or `/`; not at a line start
      : /^www\./i.test(raw)
        ? before === '' || /[\s(*_[\]~]/.test(before)
        : before === '' || !/[A-Za-z]/.test(before);
    if (
      !beforeOk ||
      !/^[\x21-\x7e]+$/.test(raw) ||
      /[()&*_~<\[\]"'`]/.test(raw) ||
      !(after === '' || /[\s.,:;!?*_~<)]/.test(after)) ||
      /^mailto:|^xmpp:/i.test(raw) ||
      (email &&
        !/^[\w.+-]*[A-Za-z0-9]@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z0-9-]*[A-Za-z][A-Za-z0-9-]*$/.test(raw)) ||
      (email && /[\d_-]$/.test(raw))
    )
      throw new FastParseUnsupported('literal autolink');
  }

  link(c: TreeNode, b: TextBuilder, image: boolean): void {
    const t = this.text;
    // One pass over the parts: the link marks (the second is the `]` closing the text), the first URL, title, label.
    let markCount = 0;
    let textEnd!: TreeNode;
    let url: TreeNode | undefined;
    let title: TreeNode | undefined;
    let label: TreeNode | undefined;
    for (let k = c.firstChild; k; k = k.nextSibling) {
      const name = k.name;
      if (name === 'LinkMark') {
        if (++markCount === 2) textEnd = k;
      } else if (name === 'URL') url ??= k;
      else if (name === 'LinkTitle') title ??= k;
      else if (name === 'LinkLabel') label ??= k;
    }
    const textFrom = c.from + (image ? 2 : 1);
    const content = (): PhrasingContent[] => {
      const out: PhrasingContent[] = [];
      const nb = new TextBuilder(this, b.containers, out, true);
      this.inlineInto(c, textFrom, textEnd.from, nb);
      nb.flush();
      return this.exact(out);
    };
    const position = this.src.position(c.from, c.to);
    const afterText = t.charCodeAt(textEnd.to);
    if (afterText === 40 /* ( */ && markCount >= 3) {
      const kids = content();
      const urlValue = url ? this.destination(url) : '';
      const titleValue = title ? decodeString(t.slice(title.from + 1, title.to - 1)) : null;
      if (image) b.node({ type: 'image', title: titleValue, url: urlValue, alt: toText(kids), position });
      else b.node({ type: 'link', title: titleValue, url: urlValue, children: kids, position });
      return;
    }
    // A reference: full `[text][label]`, collapsed `[text][]` or shortcut `[text]`.
    let referenceType: 'full' | 'collapsed' | 'shortcut';
    let rawLabel: string;
    if (label && label.to - label.from > 2) {
      referenceType = 'full';
      rawLabel = t.slice(label.from + 1, label.to - 1);
    } else if (label) {
      referenceType = 'collapsed';
      rawLabel = t.slice(textFrom, textEnd.from);
    } else {
      referenceType = 'shortcut';
      rawLabel = t.slice(textFrom, textEnd.from);
    }
    const identifier = normalizeIdentifier(rawLabel).toLowerCase();
    if (!this.definitions.has(identifier)) {
      // Lezer took brackets remark leaves as text: where an emphasis or strikethrough delimiter, another bracket
      // or an escape lies inside, or it sits inside other brackets, the inline parse around them may differ.
      if (/[*_~[\]\\]/.test(t.slice(c.from + 1, c.to - 1)) || t[c.to] === ']' || t[c.from - 1] === '[')
        throw new FastParseUnsupported('undefined reference holding delimiters');
      // remark keeps an undefined reference as text.
      this.inlineInto(c, c.from, c.to, b);
      return;
    }
    const kids = content();
    if (image)
      b.node({
        type: 'imageReference',
        alt: toText(kids),
        position,
        label: decodeString(rawLabel),
        identifier,
        referenceType,
      });
    else
      b.node({
        type: 'linkReference',
        children: kids,
        position,
        label: decodeString(rawLabel),
        identifier,
        referenceType,
      });
  }
}

function toText(nodes: PhrasingContent[]): string {
  let s = '';
  for (const n of nodes) {
    if ('value' in n && n.type !== 'html') s += n.value;
    else if ('alt' in n && n.alt) s += n.alt;
    else if ('children' in n) s += toText(n.children);
  }
  return s;
}

/** Collects text runs (raw source, escapes, entities) into mdast text nodes as micromark would. */
class TextBuilder {
  private value = '';
  private start = -1;
  private end = -1;
  /** Offset at which a new line begins whose prefix is still to skip. */
  private pendingLine = -1;

  constructor(
    readonly cv: InlineConverter,
    readonly containers: readonly Container[],
    readonly out: PhrasingContent[],
    /** Inside a link's text, where GFM makes no literal autolinks. */
    readonly inLink = false,
  ) {}

  lineStart(pos: number): void {
    this.pendingLine = pos;
  }

  raw(from: number, to: number): void {
    const t = this.cv.text;
    let pos = from;
    if (this.pendingLine === pos) {
      pos = this.skipLinePrefix(pos, to);
      this.pendingLine = -1;
    }
    while (pos < to) {
      let e = pos;
      while (e < to && !isEol(t.charCodeAt(e))) e++;
      if (e >= to) {
        this.add(pos, to, t.slice(pos, to));
        return;
      }
      // Whitespace before a line ending is dropped.
      let s = e;
      while (s > pos && isSpace(t.charCodeAt(s - 1))) s--;
      if (s > pos) this.add(pos, s, t.slice(pos, s));
      const nl = t.charCodeAt(e) === 13 && t.charCodeAt(e + 1) === 10 ? 2 : 1;
      this.add(e, e + nl, t.slice(e, e + nl));
      pos = e + nl;
      if (pos >= to) {
        this.pendingLine = pos;
        return;
      }
      pos = this.skipLinePrefix(pos, to);
    }
  }

  skipLinePrefix(pos: number, to: number): number {
    const t = this.cv.text;
    pos = this.cv.skipPrefix(pos, this.containers, to);
    while (pos < to && isSpace(t.charCodeAt(pos))) pos++;
    return pos;
  }

  decoded(from: number, to: number, value: string): void {
    this.pendingLine = -1;
    this.add(from, to, value);
  }

  private add(from: number, to: number, value: string): void {
    if (this.start < 0) this.start = from;
    this.end = to;
    this.value += value;
  }

  node(n: PhrasingContent): void {
    this.flush();
    this.pendingLine = -1;
    this.out.push(n);
  }

  flush(): void {
    if (this.start >= 0 && this.value !== '') {
      if (!this.inLink) checkTransform(this.value);
      this.out.push({ type: 'text', value: this.value, position: this.cv.src.position(this.start, this.end) });
    }
    this.start = -1;
    this.end = -1;
    this.value = '';
  }
}

const URL_TRANSFORM = /(https?:\/\/|www(?=\.))([-.\w]+)([^ \t\r\n]*)/gi;
const WWW = /www\./i;
const EMAIL_TRANSFORM = lazy(() => /(?<=^|\s|\p{P}|\p{S})([-.\w+]+)@([-\w]+(?:\.[-\w]+)+)/gu);

/**
 * remark-gfm also links URLs and emails found in text nodes afterwards (mdast-util-gfm-autolink-literal's
 * transform, which gives nodes without positions). When that would link something in `value`, the text goes to
 * remark.
 */
function checkTransform(value: string): void {
  // `<!x …>`: CommonMark 0.31's declarations, which micromark takes as inline HTML and Lezer does not.
  if (value.includes('<!')) throw new FastParseUnsupported('declaration');
  // A URL starts with `http://`, `https://` or `www.` (any case); an address, and micromark's own, hold an `@`.
  if (value.includes('://') || WWW.test(value)) {
    URL_TRANSFORM.lastIndex = 0;
    for (let m = URL_TRANSFORM.exec(value); m; m = URL_TRANSFORM.exec(value)) {
      const prev = m.index === 0 ? '' : value[m.index - 1]!;
      if (prev === '' || WHITESPACE.test(prev) || PUNCTUATION.test(prev))
        throw new FastParseUnsupported('literal autolink in text');
    }
  }
  if (!value.includes('@')) return;
  const emails = EMAIL_TRANSFORM();
  emails.lastIndex = 0;
  for (let m = emails.exec(value); m; m = emails.exec(value))
    if (!/[\d\-_]$/.test(m[2]!)) throw new FastParseUnsupported('literal autolink in text');
  // micromark's own tokenizer takes a few addresses the transform does not (`+@.a`): any `@` after an address
  // character and before a dotted domain (not `Lambda@Edge`) left as text goes to remark too.
  if (/[\w.+-]@[\w.-]*\.[\w-]/.test(value)) throw new FastParseUnsupported('literal autolink in text');
}
