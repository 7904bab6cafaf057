import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { buildDocument, sourceFromBytes, sourceFromText } from '@notes/core';
import { fixSource, type LintMessage, type LintOptions } from '@notes/lint';
import { renderMarkdown, renderMarkdownReport, wordDiff } from '@notes/export-markdown';

/** The rules the CLI runs when no notes.config.json says otherwise: every rule at its default severity. */
export const lintOptions: LintOptions = {};

/** The export pipeline for one file, as the CLI runs it: repair in memory, build the model, render. */
export function exportText(
  text: string,
  path = 'input.md',
): { repaired: string; remaining: LintMessage[]; output: string; settled: boolean; passes: number } {
  const { output: repaired, messages: remaining } = fixSource(sourceFromText(text, path), lintOptions);
  const { markdown, settled, passes } = renderMarkdownReport(buildDocument(sourceFromText(repaired, path)));
  return { repaired, remaining, output: markdown, settled, passes };
}

/** Every `*.md` / `*.markdown` below a folder, sorted. */
export function markdownFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      if (name.startsWith('.') || name === 'node_modules') continue;
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.(?:md|markdown)$/i.test(name)) out.push(p);
    }
  };
  walk(dir);
  return out;
}

function countBy(messages: readonly LintMessage[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const x of messages) m.set(x.ruleId, (m.get(x.ruleId) ?? 0) + 1);
  return m;
}

/** The round trip of one file, as the acceptance criteria measure it. */
export interface RoundTrip {
  path: string;
  /** Words of the repaired input missing from the export, and words the export added. */
  lost: Map<string, number>;
  added: Map<string, number>;
  /** Exporting the export (repair, model, render) gives the same bytes. */
  idempotent: boolean;
  /** Passes the renderer needed to reach its fixed point (1: the first copy already was one). */
  passes: number;
  /** Findings on the export that `--fix` would repair. */
  fixable: LintMessage[];
  /** Lint errors on the export beyond those left on the repaired input (by rule id). */
  introduced: { ruleId: string; extra: number; example: LintMessage }[];
  /** The same for warnings (reported, not a failure: judgement calls such as heading levels). */
  introducedWarnings: { ruleId: string; extra: number; example: LintMessage }[];
}

function beyond(before: readonly LintMessage[], after: readonly LintMessage[]): RoundTrip['introduced'] {
  const was = countBy(before);
  return [...countBy(after)]
    .filter(([id, n]) => n > (was.get(id) ?? 0))
    .map(([ruleId, n]) => ({ ruleId, extra: n - (was.get(ruleId) ?? 0), example: after.find((m) => m.ruleId === ruleId)! }));
}

/**
 * Export one file, then check words, lint findings and idempotence of the result. `full` re-runs the whole
 * export on the output; otherwise idempotence is "the fixer changes nothing and the renderer settled", which
 * is the same check without a second parse.
 */
export function roundTrip(absolutePath: string, root: string, full = true): RoundTrip {
  const path = relative(root, absolutePath).split('\\').join('/');
  const raw = sourceFromBytes(readFileSync(absolutePath), { path }).text;
  const { repaired, remaining, output, settled, passes } = exportText(raw, path);
  const { lost, added } = wordDiff(repaired, output);
  const fixed = fixSource(sourceFromText(output, path), lintOptions);
  const after = fixed.messages;
  let idempotent = !fixed.changed && settled;
  if (full) idempotent = renderMarkdown(buildDocument(sourceFromText(fixed.output, path))) === output;
  const errors = (list: readonly LintMessage[]): LintMessage[] => list.filter((m) => m.severity === 'error');
  const warnings = (list: readonly LintMessage[]): LintMessage[] => list.filter((m) => m.severity !== 'error');
  const introduced = beyond(errors(remaining), errors(after));
  const introducedWarnings = beyond(warnings(remaining), warnings(after));
  // fixSource's messages are those left after fixing; on an export nothing should have been fixable at all.
  const fixable = fixed.changed ? [{ ruleId: '(fixSource changed the export)', line: 0 } as LintMessage, ...after.filter((m) => m.fixable)] : after.filter((m) => m.fixable);
  return { path, lost, added, idempotent, passes, fixable, introduced, introducedWarnings };
}
