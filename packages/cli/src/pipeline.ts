import { collectGarbageIfGrown, parseMarkdown, readSource, type ModelDocument, type SourceFile } from '@notes/core';
import { fixSource, type LintMessage } from '@notes/lint';
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
}

/**
 * Read every file, apply every available fix in memory (sources are not touched) and build the model from the
 * repaired text: what all exports start from.
 */
export async function prepare(found: readonly FoundFile[], setup: LintSetup, stderr: Output): Promise<Prepared[]> {
  const out: Prepared[] = [];
  const bar = progress(stderr, found.length, 'reading');
  for (const f of found) {
    const file = await readSource(f.absolutePath, { path: f.path, maxBytes: setup.maxFileBytes });
    // Lint with core's full parse: the model the rules share is then the model the exporters get.
    const options = { ...setup.optionsFor(f.absolutePath), parse: parseMarkdown };
    const { output, messages, document } = fixSource(file, options);
    out.push({ file, repaired: output, document: document(), remaining: messages });
    // Parsing leaves much garbage and the models stay: keep the heap near what is live on big inputs.
    collectGarbageIfGrown();
    bar.tick(f.path);
  }
  bar.done();
  return out;
}
