import type { Heading, RootContent } from 'mdast';
import { inlineText, squash } from './text.js';

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

/**
 * Share of a level's headings that must hold sub-headings for the level to be a topic level: half, so a topic
 * or two with only an overview (no questions yet) does not demote the others.
 */
const MIN_PARENT_SHARE = 0.5;
/**
 * Share of headings ending in `?` above which a level reads as questions rather than topics: a strict majority,
 * since a topic may be phrased as a question now and then.
 */
const QUESTION_MAJORITY = 0.5;

interface Head {
  node: Heading;
  index: number;
  depth: number;
  text: string;
  numbered: boolean;
}

export interface Plan {
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

/** The smallest number (Infinity for none), without spreading a list that may hold 100,000 headings. */
function minOf(values: Iterable<number>): number {
  let min = Infinity;
  for (const v of values) if (v < min) min = v;
  return min;
}

/**
 * For each of `marks` (a subsequence of `list`, both in document order), whether some element of `list` after
 * it and before the next mark passes `test`. The spans do not overlap, so this is one pass over `list`: plan()
 * stays linear on files with a hundred thousand headings.
 */
function spansWith(list: readonly Head[], marks: readonly Head[], test: (h: Head) => boolean): boolean[] {
  const out: boolean[] = [];
  let i = 0;
  for (const [k, mark] of marks.entries()) {
    while (i < list.length && list[i] !== mark) i++;
    const stop = marks[k + 1];
    let found = false;
    for (i++; i < list.length && list[i] !== stop; i++) if (!found && test(list[i]!)) found = true;
    out.push(found);
  }
  return out;
}

/** Decide which heading is the title, which are topics, and at which depth questions sit. */
export function plan(blocks: readonly RootContent[]): Plan {
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
    const minRest = minOf(rest.map((h) => h.depth));
    const next = rest[0];
    if ((!next || next.depth > h0.depth) && h0.depth <= minRest) title = h0;
  }
  if (!title && h0 && h0.depth === 1) {
    const ones = heads.filter((h) => h.depth === 1);
    const withSubHeadings = spansWith(heads, ones, (h) => h.depth > 1);
    const hasChildren = (k: number): boolean => withSubHeadings[k]!;
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
    const parents = spansWith(rest, best, (r) => r.depth >= depth && !r.numbered && r.depth <= depth + 1).filter(
      Boolean,
    ).length;
    const questions = best.filter((h) => looksLikeQuestion(h.text)).length;
    if (parents >= best.length * MIN_PARENT_SHARE && questions < best.length * QUESTION_MAJORITY) {
      const after = rest.filter((r) => r.index > best[0]!.index && !r.numbered);
      const sameDepth = after.filter((r) => r.depth === depth);
      const deeper = after.filter((r) => r.depth > depth).map((r) => r.depth);
      // Unnumbered headings among the numbered topics are questions beside them (`#### 1️⃣ Messaging` among
      // `#### question`s), unless they are fewer than the topics and there are deeper headings: then they are
      // sections added without a number (`## Conclusion`), topics too, and the questions stay below.
      const added = sameDepth.length > 0 && sameDepth.length < best.length && deeper.length > 0;
      const questionDepth = sameDepth.length > 0 && !added ? depth : deeper.length ? minOf(deeper) : depth;
      const topics = added ? [...best, ...sameDepth].sort((a, b) => a.index - b.index) : best;
      return { title, strayDepth, topics: new Set(topics.map((h) => h.node)), topicDepth: depth, questionDepth };
    }
  }

  // Level-based: the shallowest level is a topic level when its headings hold deeper headings.
  const shallow = minOf(rest.map((h) => h.depth));
  const top = rest.filter((h) => h.depth === shallow);
  const withChildren = spansWith(rest, top, (r) => r.depth > shallow).filter(Boolean).length;
  const topAsk = top.filter((h) => looksLikeQuestion(h.text)).length;
  const deeper = rest.filter((h) => h.depth > shallow);
  const deepAsk = deeper.filter((h) => looksLikeQuestion(h.text)).length;
  const topLooksLikeQuestions = topAsk > top.length * QUESTION_MAJORITY && deepAsk <= deeper.length * QUESTION_MAJORITY;
  if (withChildren >= top.length * MIN_PARENT_SHARE && withChildren > 0 && !topLooksLikeQuestions) {
    return {
      title,
      strayDepth,
      topics: new Set(top.map((h) => h.node)),
      topicDepth: shallow,
      questionDepth: minOf(deeper.map((h) => h.depth)),
    };
  }
  return { title, strayDepth, topics: new Set(), topicDepth: 0, questionDepth: shallow };
}
