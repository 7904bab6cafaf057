// Worker thread of `notes export` and `build` (started by pdf-thread.ts): loads the PDF exporter (pdfmake, fontkit and the fonts) while the main
// thread reads and repairs the notes, then renders the cheat sheet while the main thread runs the other exporters.
import { parentPort, workerData } from 'node:worker_threads';
import {
  buildDocument,
  collectGarbageIfGrown,
  readSource,
  type ExportFile,
  type ModelDocument,
  type SourceFile,
} from '@notes/core';
import type { PdfExportOptions } from '@notes/export-pdf';
import { handOver } from './hand-over.js';
import { startShareHelper } from './pdf-share.js';

/**
 * What the main thread sends: the models, or (on big notes, see `startPdfThread`) the repaired files the models
 * were built from, and the exporter's options that are plain data.
 */
export interface PdfThreadRequest {
  documents?: ModelDocument[];
  sources?: SourceFile[];
  options: Omit<PdfExportOptions, 'warn' | 'betweenSteps' | 'helper'>;
  /** Print a big sheet's later half on one more thread (big notes: see pdf-share.ts). */
  shares?: boolean;
}

/** What the thread answers: the files or the error, and the warnings in the order the exporter gave them. */
export interface PdfThreadReply {
  warnings: string[];
  /** Whether the model built ahead (see `ahead`) was the one printed. */
  usedAhead?: boolean;
  files?: { path: string; data: Uint8Array | string }[];
  error?: { message: string; stack?: string; notes?: { exitCode: number } };
}

const loading = import('@notes/export-pdf');

/**
 * The model of the biggest file as read, built while the main thread repairs and models the notes (it takes as
 * long as the main thread's model, which the thread used to wait for). Most files need no repair: when the
 * repaired file that arrives is this one, unchanged, its model is this one; otherwise it is dropped.
 */
let ahead: Promise<ModelDocument | null> = Promise.resolve(null);
let usedAhead = false;
const wanted = (workerData as { ahead?: { absolutePath: string; path: string; maxBytes: number } } | null)?.ahead;
if (wanted) {
  ahead = readSource(wanted.absolutePath, { path: wanted.path, maxBytes: wanted.maxBytes }).then(
    (file) => buildDocument(file),
    // Unreadable or too big: the main thread reports it.
    () => null,
  );
}

parentPort!.once('message', (request: PdfThreadRequest) => {
  const warnings: string[] = [];
  const reply = (answer: Omit<PdfThreadReply, 'warnings'>): void => {
    const transfer = (answer.files ?? []).flatMap((f) => (f.data instanceof Uint8Array ? [f.data.buffer] : []));
    parentPort!.postMessage({ warnings, usedAhead, ...answer }, transfer as ArrayBuffer[]);
  };
  Promise.all([loading, ahead])
    .then(([{ pdfExporter }, early]) =>
      // The thread's copy of the models goes as the plan reads them: the layout holds only the flow of blocks.
      pdfExporter.exportOnce!(request.sources ? modelled(request.sources, early) : handOver(request.documents ?? []), {
        ...request.options,
        warn: (message) => void warnings.push(message),
        betweenSteps: collectGarbageIfGrown,
        ...(request.shares ? { helper: startShareHelper } : {}),
      }),
    )
    .then(
      (files) => reply({ files: files.map(plainFile) }),
      (error: unknown) => {
        const e = error as Error & { exitCode?: number };
        reply({
          error: {
            message: e?.message ?? String(error),
            ...(e?.stack ? { stack: e.stack } : {}),
            ...(e?.name === 'NotesError' && typeof e.exitCode === 'number' ? { notes: { exitCode: e.exitCode } } : {}),
          },
        });
      },
    );
});

/**
 * The models of repaired files, each built as the exporter reads it: the same parse and model as the main
 * thread's (`prepareSource` models the repaired text with core's parse), one file's tree alive at a time.
 */
function* modelled(sources: (SourceFile | undefined)[], early: ModelDocument | null): Generator<ModelDocument> {
  for (const file of handOver(sources)) {
    if (early && sameFile(early.file, file)) {
      usedAhead = true;
      yield early;
      early = null;
    } else yield buildDocument(file);
  }
}

/** Whether two files are the same: every field equal, the text included (the model depends on nothing else). */
function sameFile(a: SourceFile, b: SourceFile): boolean {
  return a.text === b.text && JSON.stringify({ ...a, text: '' }) === JSON.stringify({ ...b, text: '' });
}

/** Only plain data crosses back to the main thread: the PDF's bytes (never a streamed file). */
function plainFile(file: ExportFile): { path: string; data: Uint8Array | string } {
  if (typeof file.data === 'string' || file.data instanceof Uint8Array) return { path: file.path, data: file.data };
  throw new Error(`${file.path}: a streamed file cannot be sent from the PDF thread`);
}
