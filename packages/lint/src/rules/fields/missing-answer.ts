/**
 * Checks that every question heading has an answer: some content before the next heading of its level or
 * above. A heading that lost its space (`####**Title**`) counts as the heading `heading/missing-space` will
 * make of it, so a glued question at the end of a file or section, with nothing after it, is reported too.
 *
 * Rationale: a question with no answer makes an empty card and an empty entry in every export.
 *
 * Fix: write the answer, or remove the question.
 */
import type { Heading, Root, RootContent } from 'mdast';
import { buildDocument, defineRule, headingText, parseMarkdown, type ModelDocument } from '@notes/core';
import { gluedHeading } from '../../helpers/glued-heading.js';
import { treeIndex } from '../../helpers/tree-index.js';

/** A numbered heading (`1. Registry`, `1️⃣ Messaging`, `Part 2`) opens a list of sections the heading above introduces. */
const NUMBERED = /^(?:[0-9#*]\uFE0F?\u20E3|\d{1,3}[.)]\s|(?:part|step|section|chapter)\s+\d)/iu;

/**
 * Blocks that do not answer a question: `missingAnswers` skips html, thematic breaks and definitions in a note's
 * body, a heading may close the note, and front matter only opens a file.
 */
const NOT_AN_ANSWER = new Set(['heading', 'html', 'thematicBreak', 'definition', 'yaml', 'toml']);
/** A blank line (CommonMark: spaces and tabs only; the line may keep its `\r`). */
const BLANK = /^[ \t]*\r?$/;

/**
 * Whether the repaired glued heading on line `at` (0-based, in the repaired `lines`) surely has an answer in the
 * repaired file, found without parsing the whole file again.
 *
 * The repaired line is an ATX heading: a question only when it is a block of the root, and then every open block
 * before it is closed, so the root block that follows it is the block that follows it when the heading and the
 * lines after it are parsed on their own (front matter cannot start there: the heading comes first). That block is
 * whole once its first blank line is read: a paragraph becomes a setext heading or a table before it. When it is
 * an answer (no heading, html, thematic break or definition), it is in the question's body and the question is
 * not missing its answer. Anything else (the end of the file, another heading…) needs the whole file's model.
 */
function answeredOnceRepaired(lines: readonly string[], at: number, parse: (text: string) => Root): boolean {
  let end = at + 1;
  while (end < lines.length && BLANK.test(lines[end]!)) end++;
  if (end === lines.length) return false;
  while (end < lines.length && !BLANK.test(lines[end]!)) end++;
  const [heading, next] = parse(lines.slice(at, end).join('\n')).children;
  return (
    heading?.type === 'heading' &&
    heading.position?.start.line === 1 &&
    heading.position.end.line === 1 &&
    next !== undefined &&
    !NOT_AN_ANSWER.has(next.type)
  );
}

interface Missing {
  heading: Heading;
  title: string;
}

/** Question headings of a document with no answer below them. */
function missingAnswers(doc: ModelDocument, blocks: readonly RootContent[]): Missing[] {
  const out: Missing[] = [];
  const firstContent = blocks.find((b) => b.type !== 'yaml' && b.type !== 'html' && (b.type as string) !== 'toml');
  const topics = new Set(doc.topics.map((t) => t.heading));
  const position = new Map(blocks.map((b, i) => [b, i]));
  for (const note of doc.notes) {
    if (note.kind !== 'question' || !note.heading?.position) continue;
    const heading = note.heading;
    // A heading made only of an image (`![x](y)` over `---`: a setext heading by accident) asks nothing.
    if (
      heading.children.every(
        (c) => c.type === 'image' || c.type === 'imageReference' || (c.type === 'text' && c.value.trim() === ''),
      )
    )
      continue;
    // The document's first heading works as its title; a heading right before a topic at its level or below
    // introduces it (a topic above it closes the section the question ends).
    if (heading === firstContent) continue;
    const next = blocks[(position.get(heading) ?? -1) + 1];
    if (
      next &&
      next.type === 'heading' &&
      ((topics.has(next) && next.depth >= heading.depth) ||
        next.depth > heading.depth ||
        NUMBERED.test(headingText(next)))
    )
      continue;
    if (note.body.some((b) => b.type !== 'html' && b.type !== 'thematicBreak' && b.type !== 'definition')) continue;
    out.push({ heading, title: note.title });
  }
  return out;
}

export default defineRule({
  id: 'fields/missing-answer',
  description: 'Question heading with no answer before the next question.',
  tags: ['fields'],
  fixable: false,
  severity: 'error',
  check(ctx) {
    const found = missingAnswers(ctx.document, ctx.tree.children);
    // Glued headings: judge the structure the missing-space fix gives, and report the glued questions in it.
    const { opaque } = treeIndex(ctx);
    const glued = new Set<number>();
    // The file's lines as they are (a CR kept), copied at the first glued heading: most files have none.
    let lines: string[] | null = null;
    for (let i = 0; i < ctx.lines.length; i++) {
      const g = opaque[i + 1] ? null : gluedHeading(ctx.lines[i]!);
      if (!g) continue;
      glued.add(i + 1);
      lines ??= ctx.text.split('\n');
      const raw = lines[i]!;
      lines[i] = raw.slice(0, g.column - 1) + ' ' + raw.slice(g.column - 1);
    }
    // The same parse as the file's own tree (the lint parse when linting).
    const parse = ctx.parse ?? parseMarkdown;
    // A second parse of the whole file cost as much as the first on the seed: only when a repaired question may
    // lack its answer.
    const repaired = lines;
    if (repaired !== null && [...glued].some((line) => !answeredOnceRepaired(repaired, line - 1, parse))) {
      const text = repaired.join('\n');
      const tree = parse(text);
      const doc = buildDocument({ ...ctx.file, text }, tree);
      for (const m of missingAnswers(doc, tree.children)) if (glued.has(m.heading.position!.start.line)) found.push(m);
    }
    for (const { heading, title } of found) {
      const p = heading.position!;
      const line = ctx.lines[p.start.line - 1] ?? '';
      const endColumn = glued.has(p.start.line) ? line.length + 1 : p.end.column;
      ctx.report({
        place: { line: p.start.line, column: p.start.column, endLine: p.end.line, endColumn },
        message: `Unexpected question \`${title.slice(0, 60)}\` with no answer, expected an answer below it`,
      });
    }
  },
});
