import type { PhrasingContent } from 'mdast';
import { splitWikiLinks } from '@notes/core';
import { parseEntities } from 'parse-entities';
import type { ContentObject } from './definition.js';
import type { InlineMath } from './inline-math.js';
import type { MathSvg } from './math.js';
import { richNow } from './rich.js';
import { fontRuns } from './runs.js';
import { TAB_WIDTH, THEME } from './theme.js';

export interface Style {
  bold?: boolean;
  italics?: boolean;
  mono?: boolean;
  strike?: boolean;
  /** A cloze: printed with a highlight behind it. */
  mark?: boolean;
  link?: string;
  sup?: boolean;
  sub?: boolean;
}

/** Tags that end a block of their own: their text and the next one's must not run together. */
const BLOCK_END =
  /<\/(?:p|div|summary|details|li|tr|h[1-6]|blockquote|pre|table|thead|tbody|ul|ol|dl|dt|dd|section|article|figure|figcaption)\s*>/gi;

/**
 * The text of raw HTML: tags dropped, `<br>` and the end of a block (`</summary>`, `</p>`, `</li>`…) as a line
 * break, a table cell's end as a space, script and style bodies left out, and character references decoded
 * (`&amp;` prints as `&`).
 */
export function htmlText(html: string): string {
  return parseEntities(
    html
      .replace(/<(script|style)\b[\s\S]*?(<\/\1\s*>|$)/gi, '')
      .replace(/<br\s*\/?>/gi, '\n')
      .replace(BLOCK_END, '\n')
      .replace(/<\/t[dh]\s*>/gi, ' ')
      .replace(/<[^>]*>/g, ''),
  );
}

export interface Span {
  text: string;
  style: Style;
  /** Inline math typeset by MathJax (in ems); `text` is its TeX. */
  math?: MathSvg;
}

export function spans(nodes: readonly PhrasingContent[], style: Style, out: Span[] = []): Span[] {
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
        // An Obsidian wiki link prints as what Obsidian shows; an embed as its name in italics, like an image's alt.
        for (const part of splitWikiLinks(node.value)) {
          if (typeof part === 'string') out.push({ text: part.replace(/[ \t]*\r?\n[ \t]*/g, ' '), style });
          else out.push({ text: part.display, style: part.embed ? { ...style, italics: true } : style });
        }
        break;
      case 'inlineCode':
        out.push({ text: node.value, style: { ...style, mono: true } });
        break;
      case 'break':
        out.push({ text: '\n', style });
        break;
      case 'strong':
        spans(node.children, { ...style, bold: true }, out);
        break;
      case 'emphasis':
        // A cloze comes as an emphasis marked `mark` (core's mapClozes): highlighted, not slanted.
        if (node.data?.hName === 'mark') spans(node.children, { ...style, mark: true }, out);
        else spans(node.children, { ...style, italics: true }, out);
        break;
      case 'delete':
        spans(node.children, { ...style, strike: true }, out);
        break;
      case 'link':
        // Only web and mail links become live: nothing in a note may point the reader's viewer at a local file.
        spans(node.children, /^(https?:|mailto:)/i.test(node.url) ? { ...style, link: node.url } : style, out);
        break;
      case 'linkReference':
        spans(node.children, style, out);
        break;
      case 'image':
      case 'imageReference':
        if (node.alt) out.push({ text: node.alt, style: { ...style, italics: true } });
        break;
      case 'html': {
        const text = htmlText(node.value);
        if (text) out.push({ text, style });
        break;
      }
      case 'footnoteReference':
        out.push({ text: `[^${node.identifier}]`, style });
        break;
      case 'inlineMath': {
        // Drawn by MathJax inside the line (see inline-math.ts); the TeX as written when it could not be typeset.
        const math = richNow().mathSvg.get(node);
        if (math) out.push({ text: node.value.replace(/\s+/g, ' ').trim(), style, math });
        else out.push({ text: node.value, style: { ...style, mono: true } });
        break;
      }
      default:
        break;
    }
  }
  return out;
}

export function spanText(list: readonly Span[]): string {
  return list.map((s) => s.text).join('');
}

/** Spans → pdfmake inline runs, each character on a font that has it. */
export function inlines(
  list: readonly Span[],
  base: { color?: string; size?: number; lang?: string | undefined } = {},
): ContentObject[] {
  const out: ContentObject[] = [];
  for (const span of list) {
    if (span.math) {
      out.push(mathPiece(span, span.math, base));
      continue;
    }
    // The mono font has no tab glyph (fontkit fails measuring one): inline code gets spaces; code blocks expand
    // their tabs to tab stops before they get here.
    const text = span.style.mono ? span.text.replace(/\t/g, ' '.repeat(TAB_WIDTH)) : span.text;
    for (const run of fontRuns(text, {
      mono: span.style.mono ?? false,
      bold: span.style.bold ?? false,
      italics: span.style.italics ?? false,
      ...(base.lang ? { lang: base.lang } : {}),
    })) {
      const piece: ContentObject = { text: run.text, font: run.font };
      const bold = (span.style.bold ?? false) && !run.plain;
      const italics = (span.style.italics ?? false) && !run.plain;
      if (bold) piece.bold = true;
      if (italics) piece.italics = true;
      if (span.style.mono) {
        piece.background = THEME.codeFill;
        // Monospaced letters are wider: a size smaller keeps inline code level with the text around it.
        if (base.size) piece.fontSize = Math.round(base.size * 9) / 10;
      }
      if (span.style.strike) piece.decoration = 'lineThrough';
      if (span.style.sup) piece.sup = true;
      if (span.style.sub) piece.sub = true;
      if (span.style.mark) piece.background = THEME.markFill;
      if (span.style.link) {
        piece.link = span.style.link;
        piece.color = '#1d4e89';
      } else if (run.unrenderable) piece.color = '#b00020';
      else if (base.color) piece.color = base.color;
      out.push(piece);
    }
  }
  return merge(out);
}

/**
 * A formula as one run of the line: its text is the TeX (pdfmake measures it, the adapter gives it the formula's
 * width), never wrapped, with the drawing and the invisible text layer in `notesMath`.
 */
function mathPiece(span: Span, math: MathSvg, base: { color?: string; lang?: string | undefined }): ContentObject {
  const { svg, families } = mathTextFonts(math.svg, base.lang);
  const text: InlineMath['text'] = fontRuns(span.text, base.lang ? { lang: base.lang } : {}).map((run) => ({
    text: run.text,
    font: run.font,
  }));
  // A font only the drawing uses is named by an empty run, so packing registers it.
  for (const font of families) if (!text.some((run) => run.font === font)) text.push({ text: '', font });
  const notesMath: InlineMath = {
    svg,
    width: math.width,
    height: math.height,
    ascent: math.ascent,
    depth: math.depth,
    text,
  };
  const piece: ContentObject = { text: span.text, font: 'Body', noWrap: true, notesMath };
  if (span.style.mark) piece.background = THEME.markFill;
  if (span.style.link) {
    piece.link = span.style.link;
    piece.color = '#1d4e89';
  } else if (base.color) piece.color = base.color;
  return piece;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/**
 * MathJax writes a character its fonts lack (`\text{日本}`) as an SVG `<text>`, one per character: give each the
 * sheet's font that has it (as fontRuns picks fonts), so it is drawn, not a box. Returns the fonts named.
 */
export function mathTextFonts(svg: string, lang?: string): { svg: string; families: string[] } {
  const families = new Set<string>();
  const out = svg.replace(/<text\b([^>]*)>([^<]*)<\/text>/g, (_, attributes: string, content: string) => {
    const text = content.replace(/&(#x[\da-f]+|#\d+|\w+);/gi, (entity, name: string) =>
      name.startsWith('#')
        ? String.fromCodePoint(
            Number(name.startsWith('#x') || name.startsWith('#X') ? `0x${name.slice(2)}` : name.slice(1)),
          )
        : (ENTITIES[name] ?? entity),
    );
    const font = fontRuns(text, lang ? { lang } : {})[0]?.font ?? 'Body';
    families.add(font);
    return `<text${attributes.replace(/\sfont-family="[^"]*"/, '')} font-family="${font}">${content}</text>`;
  });
  return { svg: out, families: [...families] };
}

/** The first strong character (bidi rule P2): an Arabic or Hebrew letter before any Latin one sets a paragraph RTL. */
const FIRST_STRONG = /[\p{L}]/u;
const RTL_LETTER = /[\p{sc=Arabic}\p{sc=Hebrew}\p{sc=Syriac}\p{sc=Thaana}\p{sc=Nko}]/u;

/** `{ alignment: 'right' }` for text whose paragraph direction is right to left, else nothing. */
export function rtl(text: string): { alignment?: 'right' } {
  const first = FIRST_STRONG.exec(text);
  return first && RTL_LETTER.test(first[0]) ? { alignment: 'right' } : {};
}

/** Join neighbouring runs with the same attributes: fewer text objects, same output. */
export function merge(pieces: ContentObject[]): ContentObject[] {
  const out: ContentObject[] = [];
  for (const piece of pieces) {
    const last = out[out.length - 1];
    if (last && sameAttributes(last, piece)) last.text = String(last.text) + String(piece.text);
    else out.push({ ...piece });
  }
  return out;
}

export function sameAttributes(a: ContentObject, b: ContentObject): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  keys.delete('text');
  for (const key of keys) if (a[key] !== b[key]) return false;
  return true;
}
