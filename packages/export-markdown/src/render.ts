import type { Heading, Root, RootContent } from 'mdast';
import { documentOutline, type DocumentOutline, type ModelDocument } from '@notes/core';
import { serialize } from './serialize.js';

/** Heading levels of the clean copy (questions move up to `##` in a document without topics). */
export const LEVELS = { title: 1, topic: 2, question: 3 } as const;

/**
 * The clean tree of one document: its blocks in source order, the title heading at `#`, topics at `##`,
 * questions at `###`, and every other heading re-levelled below the question (or topic) it sits in, keeping
 * its place among its siblings: nesting is kept, skipped levels closed up, and a stray heading at or above the
 * question's own level becomes the first level below the questions (`####`).
 *
 * A document without topics has its questions at `##` (and their sub-headings from `###`): `#` then `###`
 * would skip a level, which heading/skipped-level reports on every such file.
 *
 * Headings in a topic's (or the document's) overview also start below the question level, never at it: read
 * back, a heading at the question level would be a question, often one without an answer.
 */
export function cleanTree(document: DocumentOutline): Root {
  const topics = new Set<Heading>(document.topics.map((t) => t.heading));
  const questions = new Set<Heading>();
  for (const note of document.notes) if (note.heading) questions.add(note.heading);
  const questionLevel = document.topics.length > 0 ? LEVELS.question : LEVELS.topic;
  const children: RootContent[] = [];
  // Open sub-headings since the last structural heading: source depth → clean depth.
  let open: { source: number; depth: number }[] = [];
  const relevel = (node: Heading, depth: number): Heading => ({ ...node, depth: depth as Heading['depth'] });
  for (const block of document.tree.children) {
    if (block.type !== 'heading') {
      children.push(block);
      continue;
    }
    if (block === document.titleHeading) {
      children.push(relevel(block, LEVELS.title));
      open = [];
    } else if (topics.has(block)) {
      children.push(relevel(block, LEVELS.topic));
      open = [];
    } else if (questions.has(block)) {
      children.push(relevel(block, questionLevel));
      open = [];
    } else {
      while (open.length > 0 && open[open.length - 1]!.source >= block.depth) open.pop();
      const depth = Math.min(6, (open[open.length - 1]?.depth ?? questionLevel) + 1);
      children.push(relevel(block, depth));
      open.push({ source: block.depth, depth });
    }
  }
  return { type: 'root', children };
}

/** Most times the clean copy is read back and written again while it still changes (see renderMarkdown). */
export const MAX_SETTLE_PASSES = 4;

/**
 * The clean Markdown of one document (LF line endings, no trailing white space, one final newline).
 *
 * Re-levelling can change how the structure is inferred when the copy is read back (a stray `#` that became
 * `####` gives its question a sub-heading, which can tip a level from "questions" to "topics"). So the copy is
 * read back and written again until it no longer changes: exporting the export gives the same bytes.
 */
export function renderMarkdown(document: ModelDocument): string {
  return renderMarkdownReport(document).markdown;
}

/** renderMarkdown, also saying whether reading the copy back and writing it again gave the same bytes. */
export function renderMarkdownReport(document: ModelDocument): { markdown: string; settled: boolean; passes: number } {
  let out = serialize(cleanTree(document), document.file.text);
  for (let pass = 1; pass <= MAX_SETTLE_PASSES; pass++) {
    // The copy's outline is all the clean tree reads of its model: ids, tags, tables and answers are not built.
    // (Read back as a file is read: a leading byte order mark is not part of the text.)
    const next = serialize(cleanTree(documentOutline(out.startsWith('\uFEFF') ? out.slice(1) : out)), out);
    if (next === out) return { markdown: out, settled: true, passes: pass };
    out = next;
  }
  return { markdown: out, settled: false, passes: MAX_SETTLE_PASSES };
}
