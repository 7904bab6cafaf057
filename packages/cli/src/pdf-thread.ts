import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { NotesError, type ExportFile, type ModelDocument } from '@notes/core';
import type { PdfExportOptions } from '@notes/export-pdf';
import type { PdfThreadReply, PdfThreadRequest } from './pdf-worker.js';

/**
 * Notes of at most this many bytes render their PDF in a worker thread that gets a copy of every model. Past this
 * size the copy's memory outweighs the time the thread saves (the PDF is then a small part of the run).
 */
export const PDF_THREAD_MAX_BYTES = 2 * 1024 * 1024;

/**
 * Notes of at least this many bytes, or with one file of at least PDF_THREAD_SOURCES_MIN_FILE_BYTES, exported to
 * the PDF and another format, render their PDF in a worker thread that gets the repaired texts and models them
 * again itself: the model's parse costs far less than the PDF, which then lays out on the second core while this
 * thread runs the other exporters. Below both (3 MB of notes in 80 files, say), the thread's own heap would cost
 * more memory than its time is worth; one big file's model outweighs it.
 */
export const PDF_THREAD_SOURCES_MIN_BYTES = 4 * 1024 * 1024;
export const PDF_THREAD_SOURCES_MIN_FILE_BYTES = 2 * 1024 * 1024;

/** The size of the notes to export: all their bytes, and the biggest file's. */
export interface NoteSizes {
  bytes: number;
  largest: number;
  /** The biggest file, read as the export reads it (`readSource`): the thread models it ahead (see pdf-worker.ts). */
  biggest?: { absolutePath: string; path: string; maxBytes: number };
}

/** The PDF exporter in its own thread, started early so that pdfmake and the fonts load while the notes are read. */
export interface PdfThread {
  /** Render the cheat sheet there; warnings go to `options.warn` when it is done, in the exporter's order. */
  render(documents: readonly ModelDocument[], options: PdfExportOptions): Promise<ExportFile[]>;
  /** The thread gets the repaired files and models them itself (else a copy of the models). */
  readonly sources: boolean;
  /** After `render`: whether the thread printed the biggest file's model built ahead (`NoteSizes.biggest`). */
  readonly usedAhead: boolean;
  /** End the thread (when the export stops before the PDF, or after it). */
  stop(): void;
}

/**
 * Start the PDF thread when it pays: two cores or more (on one the thread only adds its start-up), and notes of at
 * most PDF_THREAD_MAX_BYTES, or big notes (PDF_THREAD_SOURCES_MIN_BYTES, PDF_THREAD_SOURCES_MIN_FILE_BYTES) when
 * another format runs beside the PDF (`others`). Null: render the PDF in this thread. `limits` replaces the sizes
 * (for tests).
 */
export function startPdfThread(
  { bytes, largest, biggest }: NoteSizes,
  others = true,
  {
    max = PDF_THREAD_MAX_BYTES,
    sourcesMin = PDF_THREAD_SOURCES_MIN_BYTES,
    sourcesMinFile = PDF_THREAD_SOURCES_MIN_FILE_BYTES,
  } = {},
): PdfThread | null {
  if (availableParallelism() < 2) return null;
  const sources = bytes >= sourcesMin || largest >= sourcesMinFile;
  if (sources ? !others : bytes > max) return null;
  const worker = new Worker(new URL('./pdf-worker.js', import.meta.url), {
    workerData: sources && biggest ? { ahead: biggest } : {},
  });
  // An idle thread must not keep the process alive if the export stops early.
  worker.unref();
  let usedAhead = false;
  return {
    sources,
    get usedAhead() {
      return usedAhead;
    },
    render(documents, options) {
      const { warn, betweenSteps: _, ...rest } = options;
      // Only plain data crosses to the thread (the Anki options carry callbacks the PDF does not use).
      const plain = Object.fromEntries(
        Object.entries(rest).filter(([, value]) => {
          try {
            structuredClone(value);
            return true;
          } catch {
            return false;
          }
        }),
      ) as PdfThreadRequest['options'];
      return new Promise<ExportFile[]>((resolve, reject) => {
        worker.once('message', (reply: PdfThreadReply) => {
          void worker.terminate();
          usedAhead = reply.usedAhead === true;
          for (const message of reply.warnings) warn(message);
          if (reply.files) return resolve(reply.files);
          const error = reply.error!;
          if (error.notes) return reject(new NotesError(error.message, { exitCode: error.notes.exitCode }));
          reject(Object.assign(new Error(error.message), error.stack ? { stack: error.stack } : {}));
        });
        worker.once('error', (error) => {
          void worker.terminate();
          reject(error);
        });
        worker.ref();
        // The repaired files (each model's `file`) are a small copy; the thread models them again.
        const request: PdfThreadRequest = sources
          ? { sources: documents.map((d) => d.file), options: plain, shares: true }
          : { documents: [...documents], options: plain };
        try {
          worker.postMessage(request);
        } catch {
          // A model the structured clone cannot copy (a tree nested too deeply for its recursion): render here.
          worker.removeAllListeners('message').removeAllListeners('error');
          void worker.terminate();
          resolve(import('@notes/export-pdf').then(({ pdfExporter }) => pdfExporter.export(documents, options)));
        }
      });
    },
    stop() {
      void worker.terminate();
    },
  };
}
