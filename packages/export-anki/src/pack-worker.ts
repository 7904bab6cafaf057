// Worker thread of a deck's packing (started by pack-thread.ts): loads sql.js and makes the empty collection as soon
// as it starts, while the caller's thread is still reading, repairing and rendering the notes, then writes the rows
// it is sent and zips the `.apkg`, while the caller's thread builds the id map.
import { parentPort } from 'node:worker_threads';
import { openCollection, writeApkg, type PackInput } from './collection.js';

/** What the thread answers: the `.apkg`'s bytes, or the error. */
export interface PackReply {
  bytes?: Uint8Array;
  error?: { message: string; stack?: string };
}

const ready = openCollection();
// Reported with the deck (an unhandled rejection would end the thread before).
ready.catch(() => undefined);
parentPort!.once('message', (input: PackInput) => {
  ready
    .then((collection) => writeApkg(collection, input))
    .then(
      (bytes) => parentPort!.postMessage({ bytes } satisfies PackReply, [bytes.buffer as ArrayBuffer]),
      (error: unknown) => {
        const e = error as Error;
        const reply: PackReply = {
          error: { message: e?.message ?? String(error), ...(e?.stack ? { stack: e.stack } : {}) },
        };
        parentPort!.postMessage(reply);
      },
    );
});
