import { collectGarbageIfGrown, parseMarkdown, readSource, type ModelDocument, type SourceFile } from '@notes/core';
import { fixSource, type LintMessage, type ResolvedRules } from '@notes/lint';
import type { FoundFile } from './files.js';
import type { LintSetup } from './config.js';
import { progress } from './progress.js';
import type { Output } from './context.js';

/** A file read, repaired in memory and modelled, with the lint findings fixing could not remove. */
export interface Prepared {
  file: SourceFile;
  /** The repaired text the model was built from. */
  repaired: string;
  document: ModelDocument;
  remaining: LintMessage[];
  /**
   * The findings on the file as read, before any repair: what `notes lint` reports for it (with `findings:
   * 'export'`, only those of the rules an export runs).
   */
  found: LintMessage[];
}

/** Which findings a caller uses: every rule's (`build` reports them), or only those an export acts on. */
export type Findings = 'all' | 'export';

/**
 * The rules whose findings an export uses: the fixable ones (their repairs make the text the model is built from)
 * and those at `error` (printed after the repair, and refused by `--strict`). A warning without a fix changes
 * neither the outputs nor what an export prints, so an export does not run it (a tenth of the lint on big files).
 */
export function exportRules(rules: ResolvedRules): ResolvedRules {
  return rules.filter(({ rule, severity }) => rule.fixable === true || severity === 'error');
}

/**
 * Repair one file in memory and build its model: the first lint pass's findings are the lint report's, the last
 * pass's parse is the model's (core's full parse, so the model the rules share is the one the exporters get).
 */
export function prepareSource(file: SourceFile, setup: LintSetup, findings: Findings = 'all'): Prepared {
  const lintOptions = setup.optionsFor(file.absolutePath);
  const options = {
    ...lintOptions,
    ...(findings === 'export' && lintOptions.rules ? { rules: exportRules(lintOptions.rules) } : {}),
    parse: parseMarkdown,
    betweenPasses: collectGarbageIfGrown,
  };
  const { output, messages, found, document } = fixSource(file, options);
  const prepared = { file, repaired: output, document: document(), remaining: messages, found };
  // Parsing leaves much garbage and the models stay: keep the heap near what is live on big inputs.
  collectGarbageIfGrown();
  return prepared;
}

/**
 * Read every file, apply every available fix in memory (sources are not touched) and build the model from the
 * repaired text: what all exports start from. Runs only the rules an export uses (`exportRules`).
 */
export async function prepare(found: readonly FoundFile[], setup: LintSetup, stderr: Output): Promise<Prepared[]> {
  const out: Prepared[] = [];
  const bar = progress(stderr, found.length, 'reading');
  for (const f of found) {
    const file = await readSource(f.absolutePath, { path: f.path, maxBytes: setup.maxFileBytes });
    out.push(prepareSource(file, setup, 'export'));
    bar.tick(f.path);
  }
  bar.done();
  return out;
}
