import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { NotesError, type ExportFile, type ModelDocument } from '@notes/core';
import type { PdfExportOptions } from '@notes/export-pdf';
import type { PdfThreadReply, PdfThreadRequest } from './pdf-worker.js';

/**
 * Notes of at most this many bytes render their PDF in a worker thread. The thread gets a copy of every model:
 * past this size the copy's memory outweighs the time the thread saves (the PDF is then a small part of the run).
 */
export const PDF_THREAD_MAX_BYTES = 2 * 1024 * 1024;

/** The PDF exporter in its own thread, started early so that pdfmake and the fonts load while the notes are read. */
export interface PdfThread {
  /** Render the cheat sheet there; warnings go to `options.warn` when it is done, in the exporter's order. */
  render(documents: readonly ModelDocument[], options: PdfExportOptions): Promise<ExportFile[]>;
  /** End the thread (when the export stops before the PDF, or after it). */
  stop(): void;
}

/**
 * Start the PDF thread when it pays: two cores or more (on one the thread only adds its start-up) and notes of
 * at most PDF_THREAD_MAX_BYTES. Null: render the PDF in this thread.
 */
export function startPdfThread(bytes: number): PdfThread | null {
  if (availableParallelism() < 2 || bytes > PDF_THREAD_MAX_BYTES) return null;
  const worker = new Worker(new URL('./pdf-worker.js', import.meta.url));
  // An idle thread must not keep the process alive if the export stops early.
  worker.unref();
  return {
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
        const request: PdfThreadRequest = { documents: [...documents], options: plain };
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
