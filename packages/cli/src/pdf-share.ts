import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { PrintedShare, ShareHelper } from '@notes/export-pdf';
import type { NoteSizes } from './pdf-thread.js';
import type { ShareReply, ShareRequest } from './pdf-share-worker.js';

/**
 * Notes of at least this many bytes, or with one file of at least SHARE_MIN_FILE_BYTES, print a big cheat sheet
 * on two threads (see `@notes/export-pdf`'s share.ts). Below both (3 MB of notes in 80 files, say), the second
 * thread's heap would cost more memory than its time is worth.
 */
export const SHARE_MIN_BYTES = 4 * 1024 * 1024;
export const SHARE_MIN_FILE_BYTES = 2 * 1024 * 1024;

/** Whether notes of these sizes print their cheat sheet on two threads (two cores or more, and big notes). */
export function sharesPdf({ bytes, largest }: NoteSizes): boolean {
  return availableParallelism() >= 2 && (bytes >= SHARE_MIN_BYTES || largest >= SHARE_MIN_FILE_BYTES);
}

/** A helper thread that prints the later half of a sheet's parts (the exporter's `helper` option). */
export function startShareHelper(): ShareHelper {
  // V8's own young generation: a bigger one (`maxYoungGenerationSizeMb` 192, 64 MB semi-spaces) saved the
  // thread 7% of its time on the 10 MB file but cost its GC helpers more than that, and 370 MB of peak.
  const worker = new Worker(new URL('./pdf-share-worker.js', import.meta.url));
  worker.unref();
  // A failure between two requests is told to the next one; it must not throw meanwhile.
  let gone: string | null = null;
  worker
    .on('error', () => undefined)
    .on('exit', (code) => {
      gone = `the cheat sheet helper stopped (exit code ${code})`;
    });
  const ask = <T>(request: ShareRequest, read: (reply: ShareReply) => T | undefined): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const failed = (error: Error): void => {
        worker.off('message', answered).off('error', failed).off('exit', exited);
        reject(error);
      };
      if (gone !== null) return reject(new Error(gone));
      const exited = (code: number): void => failed(new Error(`the cheat sheet helper stopped (exit code ${code})`));
      const answered = (reply: ShareReply): void => {
        worker.off('error', failed).off('exit', exited);
        worker.unref();
        if ('error' in reply) return reject(new Error(reply.error));
        const value = read(reply);
        if (value === undefined) reject(new Error('the cheat sheet helper answered out of turn'));
        else resolve(value);
      };
      worker.once('message', answered).once('error', failed).once('exit', exited);
      worker.ref();
      worker.postMessage(request);
    });
  return {
    print: (share) => ask({ share }, (reply) => ('pages' in reply ? reply.pages : undefined)),
    finish: (before, total) =>
      ask<PrintedShare>({ before, total }, (reply) => ('printed' in reply ? reply.printed : undefined)),
    stop: () => void worker.terminate(),
  };
}
