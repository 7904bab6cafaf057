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

/**
 * The young generation of the helper's heap, in MB. The layout makes short-lived objects by the million; V8's
 * default young generation (16 MB semi-spaces) copies the ones still alive at each scavenge.
 */
export const SHARE_YOUNG_MB = 48;

/** Whether notes of these sizes print their cheat sheet on two threads (two cores or more, and big notes). */
export function sharesPdf({ bytes, largest }: NoteSizes): boolean {
  return availableParallelism() >= 2 && (bytes >= SHARE_MIN_BYTES || largest >= SHARE_MIN_FILE_BYTES);
}

/** A helper thread that prints the later half of a sheet's parts (the exporter's `helper` option). */
export function startShareHelper(): ShareHelper {
  const worker = new Worker(new URL('./pdf-share-worker.js', import.meta.url), {
    resourceLimits: { maxYoungGenerationSizeMb: SHARE_YOUNG_MB },
  });
  worker.unref();
  const ask = <T>(request: ShareRequest, read: (reply: ShareReply) => T | undefined): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const failed = (error: Error): void => {
        worker.off('message', answered);
        reject(error);
      };
      const answered = (reply: ShareReply): void => {
        worker.off('error', failed);
        worker.unref();
        if ('error' in reply) return reject(new Error(reply.error));
        const value = read(reply);
        if (value === undefined) reject(new Error('the cheat sheet helper answered out of turn'));
        else resolve(value);
      };
      worker.once('message', answered).once('error', failed);
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
