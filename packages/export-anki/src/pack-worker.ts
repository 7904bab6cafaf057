// Worker thread of a deck's packing (started by pack-thread.ts): loads sql.js and makes the empty collection as soon
// as it starts, while the caller's thread is still reading, repairing and rendering the notes, then writes the rows
// as they come and zips the `.apkg`, while the caller's thread builds the id map.
import { parentPort } from 'node:worker_threads';
import { CollectionWriter, openCollection, type PackHead, type PackRows, type PackTail } from './collection.js';

/** What the caller's thread sends, in this order: the head, the rows in parts, the tail. */
export type PackMessage = { head: PackHead } | { rows: PackRows } | { tail: PackTail };

/** What the thread answers (once, after the tail or the first error): the `.apkg`'s bytes, or the error. */
export interface PackReply {
  bytes?: Uint8Array;
  error?: { message: string; stack?: string };
}

// Each message is handled after the one before (the first waits for sql.js); after an error the rest are dropped.
let writer: CollectionWriter | null = null;
let failed = false;
let queue: Promise<unknown> = openCollection().then((collection) => (writer = new CollectionWriter(collection)));

function fail(error: unknown): void {
  if (failed) return;
  failed = true;
  writer?.close();
  const e = error as Error;
  const reply: PackReply = { error: { message: e?.message ?? String(error), ...(e?.stack ? { stack: e.stack } : {}) } };
  parentPort!.postMessage(reply);
}

parentPort!.on('message', (message: PackMessage) => {
  queue = queue.then(() => {
    if (failed) return;
    if ('head' in message) writer!.begin(message.head);
    else if ('rows' in message) writer!.add(message.rows);
    else {
      const bytes = writer!.end(message.tail);
      parentPort!.postMessage({ bytes } satisfies PackReply, [bytes.buffer as ArrayBuffer]);
    }
  });
  queue.catch(fail);
});
