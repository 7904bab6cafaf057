// Card HTML straight from the mdast, for the common shapes of an answer: the exact string that mdast-util-to-hast,
// hast-util-sanitize (the card schema) and hast-util-to-html make of it, without building two trees and walking
// them three times. Anything else (images, code, math, footnotes, references, breaks, task items, `data`) is
// declined and goes the reference way; `test/fast-html.test.ts` compares both on every note of the seed, the
// fixtures, `../shared/corpora` and the CommonMark spec.
import type { Nodes, Parents, Root, Table } from 'mdast';
import { MAX_NESTING } from '@notes/core';
import { normalizeUri } from 'micromark-util-sanitize-uri';
import { trimLines } from 'trim-lines';

/**
 * Thrown (never escapes `fastHtml`) when a node is not one the fast path renders exactly: one instance made once, so
 * declining costs no stack trace.
 */
const DECLINE = new Error('fast card HTML declined this tree');

/** hast-util-to-html's text escapes: `<` and `&` as hexadecimal references. */
function escapeText(value: string): string {
  if (value.indexOf('<') === -1 && value.indexOf('&') === -1) return value;
  return value.replace(/[<&]/g, (c) => (c === '<' ? '&#x3C;' : '&#x26;'));
}

/** What `escapeAttribute` escapes: absent (most URLs), the value is kept. */
const ATTRIBUTE_SPECIAL = /[\0"&'`]/;

/** hast-util-to-html's double-quoted attribute escapes (`\0`, `"`, `&`, `'`, backtick). */
function escapeAttribute(value: string): string {
  if (!ATTRIBUTE_SPECIAL.test(value)) return value;
  return value.replace(/[\0"&'`]/g, (c) => `&#x${c.charCodeAt(0).toString(16).toUpperCase()};`);
}

/**
 * hast-util-sanitize's protocol check with the card schema's `href` protocols: a URL with no protocol (no colon, or
 * one after a `/`, `?` or `#`) is fine, else it must be one of them.
 */
function safeHref(url: string): boolean {
  const colon = url.indexOf(':');
  const questionMark = url.indexOf('?');
  const numberSign = url.indexOf('#');
  const slash = url.indexOf('/');
  if (
    colon < 0 ||
    (slash > -1 && colon > slash) ||
    (questionMark > -1 && colon > questionMark) ||
    (numberSign > -1 && colon > numberSign)
  )
    return true;
  const protocol = url.slice(0, colon);
  return protocol === 'http' || protocol === 'https' || protocol === 'mailto';
}

/** A URL made only of characters `normalizeUri` keeps as they are (no `%`, space or non-ASCII): its own result. */
const URI_KEPT = /^[!#$&-;=?-Z_a-z~]*$/;

/** A node whose `data` would change its element (mdast-util-to-hast's `applyData`). */
function tagFromData(node: Nodes, tagName: string): string {
  const data = node.data as Record<string, unknown> | undefined;
  if (data === undefined) return tagName;
  if (data['hProperties'] !== undefined || data['hChildren'] !== undefined) throw DECLINE;
  const hName = data['hName'];
  if (hName === undefined) return tagName;
  // The cloze highlight (`mark`) on emphasis; any other renaming goes the reference way.
  if (hName === 'mark' && node.type === 'emphasis') return 'mark';
  throw DECLINE;
}

/** The rendered children of a parent at `depth`, dropped nodes (raw HTML) left out. */
function all(parent: Parents, depth: number): string[] {
  const out: string[] = [];
  for (const child of parent.children) {
    const html = one(child, parent, depth + 1);
    if (html !== undefined) out.push(html);
  }
  return out;
}

/** mdast-util-to-hast's `wrap`: line feeds between nodes, and around them when loose. */
function wrap(nodes: string[], loose: boolean): string {
  const inner = nodes.join('\n');
  return loose ? (nodes.length > 0 ? `\n${inner}\n` : '\n') : inner;
}

/** Whether a text holds a line feed or a carriage return. */
function hasLineEnding(value: string): boolean {
  return value.indexOf('\n') !== -1 || value.indexOf('\r') !== -1;
}

function element(tagName: string, content: string, attributes = ''): string {
  return `<${tagName}${attributes}>${content}</${tagName}>`;
}

function listItemLoose(node: { spread?: boolean | null | undefined; children: unknown[] }): boolean {
  return node.spread === null || node.spread === undefined ? node.children.length > 1 : node.spread;
}

/**
 * One node at `depth` (the root is 0). A tree deeper than MAX_NESTING is declined: the reference way shows its
 * deepest part as plain text, with a warning.
 */
function one(node: Nodes, parent: Parents | undefined, depth: number): string | undefined {
  if (depth > MAX_NESTING) throw DECLINE;
  switch (node.type) {
    case 'root':
      return wrap(all(node, depth), false);
    case 'html':
      // Raw HTML is dropped (allowDangerousHtml is off).
      return undefined;
    case 'text':
      // trim-lines only trims around line endings: a one-line text is its own result.
      return escapeText(hasLineEnding(node.value) ? trimLines(node.value) : node.value);
    case 'paragraph':
      return element(tagFromData(node, 'p'), all(node, depth).join(''));
    case 'heading':
      return element(tagFromData(node, `h${node.depth}`), all(node, depth).join(''));
    case 'emphasis':
      return element(tagFromData(node, 'em'), all(node, depth).join(''));
    case 'strong':
      return element(tagFromData(node, 'strong'), all(node, depth).join(''));
    case 'delete':
      return element(tagFromData(node, 'del'), all(node, depth).join(''));
    case 'inlineCode':
      return element(
        tagFromData(node, 'code'),
        escapeText(hasLineEnding(node.value) ? node.value.replace(/\r?\n|\r/g, ' ') : node.value),
      );
    case 'thematicBreak':
      return `<${tagFromData(node, 'hr')}>`;
    case 'blockquote':
      return element(tagFromData(node, 'blockquote'), wrap(all(node, depth), true));
    case 'link': {
      const tag = tagFromData(node, 'a');
      const href = URI_KEPT.test(node.url) ? node.url : normalizeUri(node.url);
      const attributes = [
        ...(safeHref(href) ? [`href="${escapeAttribute(href)}"`] : []),
        ...(node.title !== null && node.title !== undefined ? [`title="${escapeAttribute(node.title)}"`] : []),
      ];
      return element(tag, all(node, depth).join(''), attributes.length ? ` ${attributes.join(' ')}` : '');
    }
    case 'list': {
      const tag = tagFromData(node, node.ordered ? 'ol' : 'ul');
      if (typeof node.start === 'number' && !Number.isFinite(node.start)) throw DECLINE;
      const start = typeof node.start === 'number' && node.start !== 1 ? ` start="${node.start}"` : '';
      return element(tag, wrap(all(node, depth), true), start);
    }
    case 'listItem': {
      if (typeof node.checked === 'boolean') throw DECLINE;
      const tag = tagFromData(node, 'li');
      const loose =
        parent?.type === 'list'
          ? (parent.spread ?? false) || parent.children.some((item) => listItemLoose(item))
          : parent
            ? false
            : listItemLoose(node);
      // Each child as the element it becomes, a tight paragraph unwrapped into its content.
      const parts: string[] = [];
      let index = 0;
      let tailIsP = false;
      for (const child of node.children) {
        const isP = child.type === 'paragraph' && tagFromData(child, 'p') === 'p';
        const html = isP ? undefined : one(child, node, depth + 1);
        if (!isP && html === undefined) continue;
        if (loose || index !== 0 || !isP) parts.push('\n');
        parts.push(isP ? (loose ? one(child, node, depth + 1)! : all(child, depth + 1).join('')) : html!);
        tailIsP = isP;
        index++;
      }
      if (index > 0 && (loose || !tailIsP)) parts.push('\n');
      return element(tag, parts.join(''));
    }
    case 'table':
      return table(node, depth);
    default:
      throw DECLINE;
  }
}

function table(node: Table, depth: number): string {
  // Rows one level down, cells two (their content is checked as it is rendered).
  if (depth + 2 > MAX_NESTING && node.children.some((row) => row.children.length > 0)) throw DECLINE;
  if (depth + 1 > MAX_NESTING && node.children.length > 0) throw DECLINE;
  const tag = tagFromData(node, 'table');
  const rows = node.children.map((row, r) => {
    const rowTag = tagFromData(row, 'tr');
    const cellTag = r === 0 ? 'th' : 'td';
    const align = node.align;
    const length = align ? align.length : row.children.length;
    const cells: string[] = [];
    for (let c = 0; c < length; c++) {
      const cell = row.children[c];
      const alignValue = align ? align[c] : undefined;
      const attributes = alignValue ? ` align="${escapeAttribute(alignValue)}"` : '';
      cells.push(
        element(cell ? tagFromData(cell, cellTag) : cellTag, cell ? all(cell, depth + 2).join('') : '', attributes),
      );
    }
    return element(rowTag, wrap(cells, true));
  });
  const content: string[] = [];
  if (rows.length > 0) content.push(element('thead', wrap([rows[0]!], true)));
  if (rows.length > 1) content.push(element('tbody', wrap(rows.slice(1), true)));
  return element(tag, wrap(content, true));
}

/**
 * The card HTML of a tree (before the final trim), or null when it holds a node the fast path does not render:
 * the caller then takes the reference way.
 */
export function fastHtml(tree: Root): string | null {
  try {
    return one(tree, undefined, 0) ?? '';
  } catch (error) {
    if (error === DECLINE) return null;
    throw error;
  }
}
