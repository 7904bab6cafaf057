import type { Blockquote, Paragraph, PhrasingContent, RootContent } from 'mdast';
import type { ModelCallout } from './model.js';
import { sliceMarkdown } from './slice.js';
import { blocksText } from './text.js';
import { MAX_NESTING } from './nesting.js';

/**
 * The label that opens a callout: `[!NOTE]` (a GitHub alert, or an Obsidian callout, which may add `-` or `+` to
 * fold it), `**Note:**`, `**Note**:` or `Note:` (a word of at most 21 word characters and spaces: a label, not a
 * sentence), then white space or the end. Groups 1 to 3 hold the label.
 * The model reads labels with it and `text/merged-callouts` finds labelled lines with it.
 */
export const CALLOUT_LABEL = /^(?:\[!(\w+)\][+-]?|\*\*(\w[\w ]{0,20}?):?\*\*:?|(\w[\w ]{0,20}?):)(?=\s|$)/;

/** Every callout (a block quote; `>>` nests to its innermost quote) among the blocks. */
export function collectCallouts(text: string, nodes: readonly RootContent[]): ModelCallout[] {
  const out: ModelCallout[] = [];
  const stack = [...nodes].reverse();
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (node.type === 'blockquote') {
      let inner: Blockquote = node;
      while (inner.children.length === 1 && inner.children[0]!.type === 'blockquote') inner = inner.children[0];
      const markdown = sliceMarkdown(text, inner.children)
        .split('\n')
        .map((l, i) => (i === 0 ? l : l.replace(/^\s*(?:>\s?)+/, '')))
        .join('\n');
      const plain = blocksText(inner.children);
      const m = CALLOUT_LABEL.exec(markdown);
      const rawLabel = m ? (m[1] ?? m[2] ?? m[3] ?? null) : null;
      // An alert marker names its kind whatever it is (Obsidian has `[!example]`, `[!bug]`, …); a bold or plain
      // word is a label only when it is one of the usual ones, so a paragraph opening "Example:" stays text.
      const known = /^(note|notes|tip|hint|warning|caution|important|info|remember|exam tip|key point)$/i;
      const label =
        rawLabel && (m?.[1] !== undefined || known.test(rawLabel))
          ? rawLabel[0]!.toUpperCase() + rawLabel.slice(1).toLowerCase()
          : null;
      out.push({ label, markdown, text: plain, line: node.position?.start.line ?? 1, node: inner });
      continue;
    }
    if ('children' in node && node.type !== 'table') stack.push(...[...(node.children as RootContent[])].reverse());
  }
  return out;
}

/** A GitHub alert or Obsidian callout's marker at the start of a quote (`[!NOTE]`, `[!tip]-`, `[!faq]+`). */
const ALERT_MARKER = /^\[!([A-Za-z][\w-]*)\][+-]?[ \t]*/;

/** A GitHub alert or Obsidian callout, split: its kind, its title line and the rest of its first paragraph. */
export interface AlertParts {
  /** As written: `NOTE`, `tip`, `example`. */
  kind: string;
  /** The rest of the marker's line, else the kind capitalized (`Tip`), as Obsidian shows it. */
  title: PhrasingContent[];
  /** The first paragraph after that line (empty when the body starts with another block). */
  body: PhrasingContent[];
}

/**
 * Split a quote's first paragraph when it opens with an alert marker: the title is the text after the marker up to
 * the first line break, whatever inline nodes it holds; the body is what follows. Null when there is no marker.
 */
export function alertParts(first: Paragraph): AlertParts | null {
  const head = first.children[0];
  if (head?.type !== 'text') return null;
  const marker = ALERT_MARKER.exec(head.value);
  if (!marker) return null;
  const children: PhrasingContent[] = [
    { ...head, value: head.value.slice(marker[0].length) },
    ...first.children.slice(1),
  ];
  const title: PhrasingContent[] = [];
  const body: PhrasingContent[] = [];
  let inTitle = true;
  for (const child of children) {
    if (!inTitle) body.push(child);
    else if (child.type === 'break') inTitle = false;
    else if (child.type === 'text' && child.value.includes('\n')) {
      const cut = child.value.indexOf('\n');
      if (cut > 0) title.push({ ...child, value: child.value.slice(0, cut) });
      body.push({ ...child, value: child.value.slice(cut + 1) });
      inTitle = false;
    } else title.push(child);
  }
  const kind = marker[1]!;
  const blank = (list: PhrasingContent[]) => list.every((c) => c.type === 'text' && c.value.trim() === '');
  if (blank(title))
    title.splice(0, title.length, { type: 'text', value: kind[0]!.toUpperCase() + kind.slice(1).toLowerCase() });
  return { kind, title, body: blank(body) ? [] : body };
}

/**
 * The blocks with each alert's marker line shown as its title: a quote opening `[!warning]- Common mistake` gets a
 * first paragraph holding **Common mistake** in bold, then its text. The same array comes back when no quote has
 * a marker, so readers that key caches on it still find them.
 */
export function withAlertTitles(blocks: readonly RootContent[], depth = 0): readonly RootContent[] {
  // Past the nesting every export caps (MAX_NESTING) the rest is printed as plain text: no need to look deeper, and
  // a 10,000-level tree must not exhaust the stack.
  if (depth > MAX_NESTING) return blocks;
  let changed = false;
  const out = blocks.map((node) => {
    const next = alertTitled(node, depth);
    if (next !== node) changed = true;
    return next;
  });
  return changed ? out : blocks;
}

function alertTitled(node: RootContent, depth: number): RootContent {
  if (node.type === 'blockquote') {
    const [first, ...rest] = node.children;
    const alert = first?.type === 'paragraph' ? alertParts(first) : null;
    if (alert) {
      const title: Paragraph = { type: 'paragraph', children: [{ type: 'strong', children: alert.title }] };
      const body: Paragraph[] = alert.body.length > 0 ? [{ type: 'paragraph', children: alert.body }] : [];
      return { ...node, children: [title, ...body, ...(withAlertTitles(rest, depth + 1) as Blockquote['children'])] };
    }
  }
  if (!('children' in node) || node.type === 'table' || node.type === 'paragraph' || node.type === 'heading')
    return node;
  const children = node.children as RootContent[];
  const next = withAlertTitles(children, depth + 1);
  return next === children ? node : ({ ...node, children: next } as RootContent);
}
