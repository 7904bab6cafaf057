import { renderMath } from './math.js';
import { highlightRanges, type Highlight } from './tokenize.js';

type Child = Node | string | null | undefined | false;
type Attrs = Record<string, string | number | boolean | null | undefined | ((event: Event) => void)>;

/** Create an element: `h('a', { href: '#/' }, 'Home')`. Text children are text nodes, never parsed as HTML. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: (Child | Child[])[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (typeof value === 'function') el.addEventListener(name.replace(/^on/, ''), value);
    else if (value === true) el.setAttribute(name, '');
    else el.setAttribute(name, String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    el.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return el;
}

/** Text with the query's terms wrapped in `<mark>`, as DOM nodes. */
export function highlighted(text: string, terms: Highlight): DocumentFragment {
  const out = document.createDocumentFragment();
  let at = 0;
  for (const [start, end] of highlightRanges(text, terms)) {
    if (start > at) out.append(text.slice(at, start));
    out.append(h('mark', {}, text.slice(start, end)));
    at = end;
  }
  if (at < text.length) out.append(text.slice(at));
  return out;
}

/** Around the first match: `… a few words before, the match, and more after …`. */
export function snippet(text: string, terms: Highlight, width = 160): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const first = highlightRanges(flat, terms)[0];
  if (!first || flat.length <= width) return flat.length <= width ? flat : `${flat.slice(0, width)}…`;
  const start = Math.max(0, first[0] - Math.floor(width / 3));
  const end = Math.min(flat.length, start + width);
  return `${start > 0 ? '…' : ''}${flat.slice(start, end)}${end < flat.length ? '…' : ''}`;
}

/**
 * Put the exporter's sanitized HTML into an element (it was sanitized by the deck's policy when the site was
 * written, and the page's Content-Security-Policy forbids inline script besides). Wide tables get a scrolling,
 * keyboard-focusable frame so a phone can pan them.
 */
export function setSanitizedHtml(el: HTMLElement, html: string, label: string, scope: string, noteId: string): void {
  el.innerHTML = html;
  localAnchors(el, scope, noteId);
  renderMath(el);
  for (const table of el.querySelectorAll('table')) {
    const frame = h('div', { class: 'table-frame', tabindex: 0, role: 'region', 'aria-label': `Table: ${label}` });
    table.replaceWith(frame);
    frame.append(table);
  }
  for (const link of el.querySelectorAll('a[href^="http"]')) link.setAttribute('rel', 'noopener noreferrer');
}

/**
 * Links inside a note (a footnote reference and its way back) cannot use the URL's fragment, which is the router's:
 * `#fn-1` would open "Not found", and the same `fn-1` in two notes of one page would clash. Their targets get ids
 * unique to the note (`scope`), and following such a link moves to its target in place. Its `href` is the note's
 * own route with the target (`#/note/ID?at=fn-1`), so a link opened in a new tab, copied or bookmarked shows the
 * note at that footnote. A link whose target is not in the note is left as text.
 */
function localAnchors(el: HTMLElement, scope: string, noteId: string): void {
  const prefix = `${scope}-`;
  for (const target of el.querySelectorAll('[id]')) target.id = prefix + target.id;
  for (const link of el.querySelectorAll<HTMLAnchorElement>('a[href^="#"]')) {
    const href = link.getAttribute('href')!;
    if (href.startsWith('#/')) continue;
    let local: string;
    try {
      local = decodeURIComponent(href.slice(1));
    } catch {
      local = href.slice(1);
    }
    const target = el.querySelector<HTMLElement>(`#${CSS.escape(prefix + local)}`);
    if (!target) {
      link.removeAttribute('href');
      continue;
    }
    link.setAttribute('href', `#/note/${noteId}?at=${encodeURIComponent(local)}`);
    link.addEventListener('click', (event) => {
      event.preventDefault();
      if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
      target.scrollIntoView({ block: 'center' });
      target.focus({ preventScroll: true });
    });
  }
}

/** Wrap the terms' occurrences in the text of an element (a rendered note) in `<mark>`. */
export function markTerms(root: HTMLElement, terms: Highlight): void {
  if (terms.pieces.length === 0) return;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
  for (const node of nodes) {
    if (highlightRanges(node.data, terms).length === 0) continue;
    node.replaceWith(highlighted(node.data, terms));
  }
}
