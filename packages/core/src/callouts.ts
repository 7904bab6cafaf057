import type { Blockquote, RootContent } from 'mdast';
import type { ModelCallout } from './model.js';
import { sliceMarkdown } from './slice.js';
import { blocksText } from './text.js';

/**
 * The label that opens a callout: `[!NOTE]`, `**Note:**`, `**Note**:` or `Note:` (a word of at most 21 word
 * characters and spaces: a label, not a sentence), then white space or the end. Groups 1 to 3 hold the label.
 * The model reads labels with it and `text/merged-callouts` finds labelled lines with it.
 */
export const CALLOUT_LABEL = /^(?:\[!(\w+)\]|\*\*(\w[\w ]{0,20}?):?\*\*:?|(\w[\w ]{0,20}?):)(?=\s|$)/;

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
      const label =
        rawLabel && /^(note|notes|tip|hint|warning|caution|important|info|remember|exam tip|key point)$/i.test(rawLabel)
          ? rawLabel[0]!.toUpperCase() + rawLabel.slice(1).toLowerCase()
          : null;
      out.push({ label, markdown, text: plain, line: node.position?.start.line ?? 1, node: inner });
      continue;
    }
    if ('children' in node && node.type !== 'table') stack.push(...[...(node.children as RootContent[])].reverse());
  }
  return out;
}
