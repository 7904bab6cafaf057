import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Nodes } from 'mdast';
import { buildDocument, parseMarkdown, sourceFromBytes, sourceFromText } from '@notes/core';
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

/**
 * The shape of a tree: node types and literal values in document order, heading depths and table padding left
 * out (those are what the export normalizes). Two texts with the same shape say the same thing the same way.
 */
export function shape(markdown: string): string[] {
  const out: string[] = [];
  const visit = (n: Nodes): void => {
    if (n.type === 'table') {
      out.push('table');
      for (const row of n.children) for (const cell of row.children) for (const c of cell.children) visit(c);
      return;
    }
    if (n.type === 'text' || n.type === 'inlineCode' || n.type === 'code' || n.type === 'html')
      out.push(`${n.type}:${n.value.replace(/\s+/g, ' ').trim()}`);
    else if (n.type === 'link' || n.type === 'image') out.push(`${n.type}:${n.url}`);
    else if (n.type === 'listItem') out.push(`listItem:${String(n.checked)}`);
    else if (n.type === 'list') out.push(`list:${String(n.ordered)}`);
    else out.push(n.type);
    if ('children' in n) for (const c of n.children as Nodes[]) visit(c);
  };
  visit(parseMarkdown(markdown));
  return out;
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
  /** Where the export's shape (see `shape`) first differs from the repaired input's, or null (full mode only). */
  shapeDiff: { input: string; output: string } | null;
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
    .map(([ruleId, n]) => ({
      ruleId,
      extra: n - (was.get(ruleId) ?? 0),
      example: after.find((m) => m.ruleId === ruleId)!,
    }));
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
  let shapeDiff: RoundTrip['shapeDiff'] = null;
  if (full) {
    idempotent = renderMarkdown(buildDocument(sourceFromText(fixed.output, path))) === output;
    const a = shape(repaired);
    const b = shape(output);
    let i = 0;
    while (i < a.length && a[i] === b[i]) i++;
    if (i < a.length || i < b.length) shapeDiff = { input: a[i] ?? '(end)', output: b[i] ?? '(end)' };
  }
  const errors = (list: readonly LintMessage[]): LintMessage[] => list.filter((m) => m.severity === 'error');
  const warnings = (list: readonly LintMessage[]): LintMessage[] => list.filter((m) => m.severity !== 'error');
  const introduced = beyond(errors(remaining), errors(after));
  const introducedWarnings = beyond(warnings(remaining), warnings(after));
  // fixSource's messages are those left after fixing; on an export nothing should have been fixable at all.
  const fixable = fixed.changed
    ? [{ ruleId: '(fixSource changed the export)', line: 0 } as LintMessage, ...after.filter((m) => m.fixable)]
    : after.filter((m) => m.fixable);
  return { path, lost, added, idempotent, passes, shapeDiff, fixable, introduced, introducedWarnings };
}
