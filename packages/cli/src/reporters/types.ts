import type { RuleDefinition } from '@notes/core';
import type { LintMessage } from '@notes/lint';

/** The findings of one linted file. `path` is relative to the working directory, with `/`. */
export interface FileResult {
  path: string;
  messages: readonly LintMessage[];
}

/** What every reporter gets: the results of the run and the rules that ran (for their metadata). */
export interface ReportInput {
  results: readonly FileResult[];
  rules: readonly RuleDefinition[];
  /** Colour the output (stylish only; true on a terminal). */
  color?: boolean;
  /** Version of notes (SARIF tool version). */
  version?: string;
}

/** A reporter: results in, text out. Pure: no I/O. */
export type Reporter = (input: ReportInput) => string;

/** Totals over a run. */
export function countMessages(results: readonly FileResult[]): {
  errorCount: number;
  warningCount: number;
  fixableCount: number;
} {
  let errorCount = 0;
  let warningCount = 0;
  let fixableCount = 0;
  for (const r of results) {
    for (const m of r.messages) {
      if (m.severity === 'error') errorCount++;
      else warningCount++;
      if (m.fixable) fixableCount++;
    }
  }
  return { errorCount, warningCount, fixableCount };
}
