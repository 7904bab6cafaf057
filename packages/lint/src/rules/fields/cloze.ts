/**
 * Checks the cloze deletions of answers and overviews (`==text==`, `==2:text==`, `{{c1::text::hint}}`): an
 * opening marker with no closing one in the same paragraph, a cloze with nothing in it, and a cloze inside
 * another.
 *
 * Rationale: Anki shows a broken cloze as raw braces or makes no card from it, and a nested one hides the wrong
 * text, so the learner studies a card that is not the one the author wrote.
 *
 * Fix: close the cloze (`==text==`, `{{c1::text}}`) in the same paragraph, put the hidden text in it, or write
 * the clozes side by side instead of one inside the other.
 */
import { clozeProblems, defineRule, type ClozeProblem } from '@notes/core';

const WANTED: Record<ClozeProblem['kind'], (found: string) => string> = {
  unbalanced: (found) =>
    `Unexpected unclosed cloze \`${found}\`, expected ${found.startsWith('{{') ? '`}}`' : '`==`'} to close it in the same paragraph`,
  empty: (found) => `Unexpected empty cloze \`${found}\`, expected the text to hide inside it`,
  nested: (found) => `Unexpected cloze \`${found}\` inside another cloze, expected clozes side by side`,
};

export default defineRule({
  id: 'fields/cloze',
  description: 'Cloze deletion that is unclosed, empty or inside another cloze.',
  tags: ['fields', 'anki'],
  fixable: false,
  severity: 'error',
  check(ctx) {
    for (const note of ctx.document.notes) {
      for (const problem of clozeProblems(note.body)) {
        const { line, column, endLine, endColumn } = problem;
        ctx.report({ place: { line, column, endLine, endColumn }, message: WANTED[problem.kind](problem.found) });
      }
    }
  },
});
