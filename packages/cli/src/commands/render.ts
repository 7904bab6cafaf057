import { stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { collectGarbageIfGrown, detachedText, type ExportFile, type Exporter, type ModelDocument } from '@notes/core';
import { handOver as handOverList } from '../hand-over.js';
import type { PdfThread } from '../pdf-thread.js';
import type { CliExportOptions } from './export.js';

/** The folders of `dir` (itself and its parents) that do not exist yet, the outermost first. */
export async function missingFolders(dir: string): Promise<string[]> {
  const missing: string[] = [];
  for (let at = dir; ; at = dirname(at)) {
    try {
      await stat(at);
      break;
    } catch {
      if (dirname(at) === at) break;
      missing.unshift(at);
    }
  }
  return missing;
}

/** The PDF's render, started in its thread before the other exporters' options, and the warnings it gives. */
export interface StartedPdf {
  done: Promise<ExportFile[]>;
  warnings: string[];
}

/**
 * Run the chosen exporters and give each one's files to `stage` as soon as it is done; returns each exporter's
 * paths, in the order of `chosen`. The PDF renders in `pdfThread` when there is one (started first, so it renders
 * while the others run here); one rendered here runs last, reading the documents once (`exportOnce`) as they are
 * handed over, so that while it lays the sheet out only its flow of blocks is in memory. Each exporter's warnings
 * are kept and given to `warn` in the order of `chosen`, as a run one exporter after the other prints them.
 */
export async function renderAll(
  chosen: readonly string[],
  load: (flag: string) => Promise<Exporter<CliExportOptions>>,
  documents: (ModelDocument | undefined)[],
  options: CliExportOptions,
  warn: (message: string) => void,
  stage: (at: number, files: readonly ExportFile[]) => Promise<void>,
  {
    pdfThread,
    early,
    handOver: release,
  }: { pdfThread: PdfThread | null | undefined; early: StartedPdf | null; handOver: boolean },
): Promise<string[][]> {
  const warnings = chosen.map((): string[] => []);
  // Kept to the end of the run, after the models are gone: a warning quoting a note must not keep the note's text.
  const optionsOf = (i: number): CliExportOptions => ({
    ...options,
    warn: (m) => void warnings[i]!.push(detachedText(m)),
  });
  const pdfAt = chosen.indexOf('pdf');
  const threadAt = pdfThread ? pdfAt : -1;
  if (early) warnings[threadAt] = early.warnings;
  const pdf =
    threadAt < 0 ? null : early ? early.done : pdfThread!.render(documents as ModelDocument[], optionsOf(threadAt));
  // Settled here, read below: a failure of another exporter first must not leave it unhandled.
  const pdfDone = pdf?.then(
    (files) => ({ files }),
    (error: unknown) => ({ error }),
  );
  const order = chosen.map((_, i) => i).filter((i) => i !== threadAt && i !== pdfAt);
  if (pdfAt >= 0 && threadAt < 0) order.push(pdfAt);
  const paths: string[][] = chosen.map(() => []);
  // One exporter's files, staged: they live only in this call. (Held in the loop below, the last format's files,
  // the whole of an output, stayed alive through the next exporter's run: 13 MB of study site under the PDF.)
  const exportOne = async (i: number, once: boolean): Promise<string[]> => {
    const exporter = await load(chosen[i]!);
    const files =
      once && exporter.exportOnce
        ? await exporter.exportOnce(handOverList(documents), optionsOf(i))
        : await exporter.export(documents as ModelDocument[], optionsOf(i));
    await stage(i, files);
    return files.map((f) => f.path);
  };
  let failure: { error: unknown } | null = null;
  for (const [k, i] of order.entries()) {
    try {
      paths[i] = await exportOne(i, release && k === order.length - 1);
    } catch (error) {
      failure = { error };
      // What a run one exporter after the other would have printed before it stopped.
      warnings.length = i + 1;
      break;
    }
    collectGarbageIfGrown();
  }
  if (release) documents.length = 0;
  if (pdfDone) {
    const done = await pdfDone;
    if (failure === null && 'files' in done) {
      try {
        await stage(threadAt, done.files);
        paths[threadAt] = done.files.map((f) => f.path);
      } catch (error) {
        failure = { error };
      }
    } else if ('error' in done && (!failure || threadAt < warnings.length - 1)) {
      failure = { error: done.error };
      warnings.length = threadAt + 1;
    }
  }
  for (const list of warnings) for (const message of list) warn(message);
  if (failure) throw failure.error;
  return paths;
}
