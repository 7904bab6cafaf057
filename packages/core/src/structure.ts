import type { Blockquote, Heading, Root, RootContent, Table } from 'mdast';
import { parseFrontMatter, type FrontMatter } from './frontmatter.js';
import { slugTag, stableId } from './ids.js';
import type { ModelCallout, ModelDocument, ModelNote, ModelTable, ModelTopic } from './model.js';
import { addMath } from './math.js';
import { parseMarkdown } from './parse.js';
import type { SourceFile } from './source.js';
import { blocksText, inlineText, squash } from './text.js';

/**
 * Headings that open a numbered section rather than ask a question: keycap digits (`1️⃣`), `1.`, `1)`, `Part 2`,
 * `Chapter IV`, `Module 3:`. Numbering alone does not make a topic: see `pickTopics`.
 */
const NUMBERED =
  /^(?:[0-9#*]\uFE0F?\u20E3|\u{1F51F}|\d{1,3}[.)](?:\s|$)|(?:part|chapter|section|module|unit|topic|lesson|day|week|domain)\s+(?:\d{1,3}|[ivxlc]{1,6})\b|[ivx]{1,5}\.\s)/iu;

/** Plain text of a heading, white space collapsed. */
export function headingText(heading: Heading): string {
  return squash(inlineText(heading));
}

interface Head {
  node: Heading;
  index: number;
  depth: number;
  text: string;
  numbered: boolean;
}

interface Plan {
  title: Head | null;
  /** Headings at this depth or shallower after the title are stray sub-headings (0: none). */
  strayDepth: number;
  topics: Set<Heading>;
  topicDepth: number;
  questionDepth: number;
}

function looksLikeQuestion(text: string): boolean {
  return /\?\s*$/.test(text);
}

/** Decide which heading is the title, which are topics, and at which depth questions sit. */
function plan(blocks: readonly RootContent[]): Plan {
  const heads: Head[] = [];
  blocks.forEach((node, index) => {
    if (node.type === 'heading') {
      const text = headingText(node);
      heads.push({ node, index, depth: node.depth, text, numbered: NUMBERED.test(text) });
    }
  });
  // The title: the first block, shallowest of all headings, and followed by a deeper heading (or alone).
  let title: Head | null = null;
  const firstContent = blocks.findIndex((b) => b.type !== 'yaml' && (b.type as string) !== 'toml' && b.type !== 'html');
  const h0 = heads[0];
  if (h0 && h0.index === firstContent) {
    const rest = heads.slice(1);
    const minRest = Math.min(...rest.map((h) => h.depth));
    const next = rest[0];
    if ((!next || next.depth > h0.depth) && h0.depth <= minRest) title = h0;
  }
  if (!title && h0 && h0.depth === 1) {
    const ones = heads.filter((h) => h.depth === 1);
    const hasChildren = (k: number): boolean => {
      const stop = ones[k + 1]?.index ?? Infinity;
      return heads.some((h) => h.index > ones[k]!.index && h.index < stop && h.depth > 1);
    };
    // A lone `#`, or a `#` title whose intro has no sub-headings, followed by `#` parts that all have some.
    if (
      ones.length === 1 ||
      (h0.index === firstContent && !hasChildren(0) && ones.slice(1).every((_, k) => hasChildren(k + 1)))
    )
      title = h0;
  }
  // Headings at or above the title's level after it are stray sub-headings (chat answers pasted under a `###`
  // title bring their own `###`), except under a `#` title, where more `#` headings are parts of the document.
  const strayDepth = title && title.depth > 1 ? title.depth : 0;
  const rest = heads.filter((h) => h !== title && h.depth > strayDepth);
  if (rest.length === 0) return { title, strayDepth, topics: new Set(), topicDepth: 0, questionDepth: 7 };

  // Numbered topics, as in `#### 1️⃣ Messaging` among `#### question` siblings.
  const byDepth = new Map<number, Head[]>();
  for (const h of rest.filter((r) => r.numbered)) byDepth.set(h.depth, [...(byDepth.get(h.depth) ?? []), h]);
  let best: Head[] = [];
  for (const [, list] of [...byDepth].sort((a, b) => a[0] - b[0])) if (list.length > best.length) best = list;
  // Numbered headings under shallower unnumbered ones (`## Part` › `### I. …`) are not the topic level.
  if (best.length > 0 && !rest.some((r) => !r.numbered && r.depth < best[0]!.depth)) {
    const depth = best[0]!.depth;
    let parents = 0;
    for (const [k, h] of best.entries()) {
      const stop = best[k + 1]?.index ?? Infinity;
      const inside = rest.filter((r) => r.index > h.index && r.index < stop && r.depth >= depth && !r.numbered);
      if (inside.some((r) => r.depth <= depth + 1)) parents++;
    }
    const questions = best.filter((h) => looksLikeQuestion(h.text)).length;
    if (parents * 2 >= best.length && questions * 2 < best.length) {
      const after = rest.filter((r) => r.index > best[0]!.index && !r.numbered);
      const same = after.some((r) => r.depth === depth);
      const deeper = after.filter((r) => r.depth > depth).map((r) => r.depth);
      return {
        title,
        strayDepth,
        topics: new Set(best.map((h) => h.node)),
        topicDepth: depth,
        questionDepth: same ? depth : deeper.length ? Math.min(...deeper) : depth,
      };
    }
  }

  // Level-based: the shallowest level is a topic level when its headings hold deeper headings.
  const shallow = Math.min(...rest.map((h) => h.depth));
  const top = rest.filter((h) => h.depth === shallow);
  let withChildren = 0;
  for (const [k, h] of top.entries()) {
    const stop = top[k + 1]?.index ?? Infinity;
    if (rest.some((r) => r.index > h.index && r.index < stop && r.depth > shallow)) withChildren++;
  }
  const topAsk = top.filter((h) => looksLikeQuestion(h.text)).length;
  const deeper = rest.filter((h) => h.depth > shallow);
  const deepAsk = deeper.filter((h) => looksLikeQuestion(h.text)).length;
  const topLooksLikeQuestions = topAsk * 2 > top.length && deepAsk * 2 <= deeper.length;
  if (withChildren * 2 >= top.length && withChildren > 0 && !topLooksLikeQuestions) {
    return {
      title,
      strayDepth,
      topics: new Set(top.map((h) => h.node)),
      topicDepth: shallow,
      questionDepth: Math.min(...deeper.map((h) => h.depth)),
    };
  }
  return { title, strayDepth, topics: new Set(), topicDepth: 0, questionDepth: shallow };
}

function startOffset(node: RootContent): number {
  return node.position?.start.offset ?? 0;
}
function endOffset(node: RootContent): number {
  return node.position?.end.offset ?? 0;
}

/** The Markdown of a run of blocks, sliced from the source so nothing is re-written. */
function sliceMarkdown(text: string, nodes: readonly RootContent[]): string {
  const first = nodes[0];
  const last = nodes[nodes.length - 1];
  if (!first || !last) return '';
  return text
    .slice(startOffset(first), endOffset(last))
    .split(/\r?\n/)
    .map((l) => l.replace(/[ \t]+$/, ''))
    .join('\n');
}

const CALLOUT_LABEL = /^(?:\[!(\w+)\]|\*\*(\w[\w ]{0,20}?):?\*\*:?|(\w[\w ]{0,20}?):)(?=\s|$)/;

/** Every callout (a block quote; `>>` nests to its innermost quote) among the blocks. */
function collectCallouts(text: string, nodes: readonly RootContent[]): ModelCallout[] {
  const out: ModelCallout[] = [];
  const stack = [...nodes].reverse();
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (node.type === 'blockquote') {
      let inner: Blockquote = node;
      while (inner.children.length === 1 && inner.children[0]!.type === 'blockquote')
        inner = inner.children[0] as Blockquote;
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

/** Every table among the blocks, first-column "same as above" cells filled down and marked. */
function collectTables(nodes: readonly RootContent[]): ModelTable[] {
  const out: ModelTable[] = [];
  const stack = [...nodes].reverse();
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (node.type === 'table') out.push(tableModel(node));
    else if ('children' in node) stack.push(...[...(node.children as RootContent[])].reverse());
  }
  return out;
}

function cellMarkdown(cell: Table['children'][number]['children'][number]): string {
  return squash(inlineText(cell)) === '' ? '' : cellSource(cell);
}
let currentText = '';
function cellSource(cell: Table['children'][number]['children'][number]): string {
  const first = cell.children[0];
  const last = cell.children[cell.children.length - 1];
  if (!first?.position || !last?.position) return squash(inlineText(cell));
  return currentText.slice(first.position.start.offset, last.position.end.offset).trim();
}

function tableModel(node: Table): ModelTable {
  const [head, ...body] = node.children;
  const columns = (head?.children ?? []).map((c) => squash(inlineText(c)));
  const width = Math.max(columns.length, 1);
  const rows: ModelTable['rows'] = [];
  for (const row of body) {
    const cells = row.children.map((c) => ({ text: squash(inlineText(c)), markdown: cellMarkdown(c), filled: false }));
    while (cells.length < width) cells.push({ text: '', markdown: '', filled: false });
    if (cells.length > width) {
      // Keep extra cells rather than drop them: joined into the last column.
      const extra = cells.splice(width - 1);
      cells.push({
        text: extra
          .map((c) => c.text)
          .filter(Boolean)
          .join(' | '),
        markdown: extra
          .map((c) => c.markdown)
          .filter(Boolean)
          .join(' | '),
        filled: false,
      });
    }
    const above = rows[rows.length - 1]?.[0];
    const first = cells[0]!;
    if (first.text === '' && above && above.text !== '' && cells.some((c, i) => i > 0 && c.text !== '')) {
      cells[0] = { text: above.text, markdown: above.markdown, filled: true };
    }
    rows.push(cells);
  }
  return { columns, rows, line: node.position?.start.line ?? 1, node };
}

function fileTitle(path: string): string {
  const base = path.split('/').pop() ?? path;
  return (
    base
      .replace(/\.(?:raw\.)?(?:md|markdown)$/i, '')
      .replace(/[-_]+/g, ' ')
      .trim() || base
  );
}

function tagsFrom(value: unknown): string[] {
  const list = Array.isArray(value) ? value : typeof value === 'string' ? value.split(/[,\s]+/) : [];
  return [...new Set(list.map((t) => slugTag(String(t))).filter(Boolean))];
}

/** Build the model of one file: title, topics, question and overview notes, tables, callouts, tags, ids. */
export function buildDocument(file: SourceFile, tree: Root = parseMarkdown(file.text)): ModelDocument {
  currentText = file.text;
  addMath(tree, file.text);
  const blocks = tree.children;
  let frontMatterInfo: FrontMatter | null = null;
  const fm = blocks[0];
  if (fm && fm.type === 'yaml') frontMatterInfo = parseFrontMatter(fm.value, 1);
  const fmData = frontMatterInfo?.data ?? null;
  const { title: titleHead, strayDepth, topics: topicHeads, topicDepth, questionDepth } = plan(blocks);
  const fmTitle = typeof fmData?.['title'] === 'string' ? squash(fmData['title']) : '';
  const title = titleHead?.text || fmTitle || fileTitle(file.path);
  const docTags = tagsFrom(fmData?.['tags']);
  if (docTags.length === 0) docTags.push(slugTag(title) || 'notes');
  const lastLine = Math.max(1, file.text.split('\n').length - (file.text.endsWith('\n') ? 1 : 0));
  const documentId = stableId('d', [title]);

  const topics: ModelTopic[] = [];
  const notes: ModelNote[] = [];
  const seen = new Map<string, number>();
  let topic: ModelTopic | null = null;
  let current: { heading: Heading | null; body: RootContent[]; topic: ModelTopic | null } | null = null;

  const close = (): void => {
    if (!current) return;
    const { heading, body } = current;
    const t = current.topic;
    const kind = heading ? 'question' : 'overview';
    const noteTitle = heading ? headingText(heading) : (t?.title ?? title);
    const key = `${kind}\u0000${t?.title ?? ''}\u0000${noteTitle}`;
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    const id = stableId(kind === 'question' ? 'q' : 'o', [title, t?.title ?? '', noteTitle, n > 1 ? String(n) : '']);
    const first = heading ?? body[0];
    const last = body[body.length - 1] ?? heading;
    notes.push({
      id,
      kind,
      title: noteTitle,
      topic: t?.title ?? null,
      topicId: t?.id ?? null,
      document: title,
      documentId,
      answer: { markdown: sliceMarkdown(file.text, body), text: blocksText(body) },
      tables: collectTables(body),
      callouts: collectCallouts(file.text, body),
      tags: [...new Set([...docTags, ...(t ? t.tags : [])])],
      source: {
        path: file.path,
        line: first?.position?.start.line ?? 1,
        endLine: last?.position?.end.line ?? first?.position?.start.line ?? 1,
      },
      heading,
      body,
    });
    current = null;
  };

  for (const block of blocks) {
    if (block.type === 'yaml' || (block.type as string) === 'toml') continue;
    if (titleHead && block === titleHead.node) continue;
    if (block.type === 'heading') {
      if (topicHeads.has(block)) {
        close();
        const text = headingText(block);
        topic = {
          id: stableId('t', [title, text]),
          title: text,
          tags: [slugTag(text) || 'topic'],
          line: block.position?.start.line ?? 1,
          heading: block,
        };
        topics.push(topic);
        continue;
      }
      const depth = block.depth;
      const stray = depth <= strayDepth;
      if (!stray && (depth === questionDepth || (depth > topicDepth && depth < questionDepth))) {
        close();
        current = { heading: block, body: [], topic };
        continue;
      }
      // Deeper headings, and stray shallow ones inside a question, belong to the current note.
    }
    if (!current) current = { heading: null, body: [], topic };
    current.body.push(block);
  }
  close();

  return {
    id: documentId,
    title,
    frontMatter: fmData,
    tags: docTags,
    topics,
    source: { path: file.path, line: 1, endLine: lastLine },
    notes,
    titleHeading: titleHead?.node ?? null,
    frontMatterInfo,
    file,
    tree,
  };
}
