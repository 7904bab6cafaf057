import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { openCollection, writeApkg, type PackHead, type PackRows, type PackTail } from './collection.js';
import type { PackMessage, PackReply } from './pack-worker.js';

/**
 * Notes of at least this many bytes pack their deck in a thread of their own (`startPackThread`): it loads sql.js
 * while the notes are read and repaired, and writes the collection while this thread builds the id map. Below it
 * the thread's start-up (a second heap, the module loaded twice) costs more CPU time than it saves waiting.
 */
export const PACK_THREAD_MIN_BYTES = 256 * 1024;

/** Where a deck's rows are written to an `.apkg`: another thread (`startPackThread`), or this one. */
export interface PackThread {
  /**
   * Write a deck there: each part of the rows is sent as soon as it is made (the thread writes it while the next
   * is made). The same bytes as `writeApkg` here. `rows` is read again if the thread ends without an answer.
   */
  pack(head: PackHead, rows: Iterable<PackRows>, tail: PackTail): Promise<Uint8Array>;
  /** End the thread (when the export stops before packing; `pack` ends it itself). */
  stop(): void;
  /** Where the deck was packed: `thread`, or `here` when the thread had ended or failed (null: not yet). */
  readonly packedIn: 'thread' | 'here' | null;
}

/**
 * Start the pack thread for notes of `bytes` bytes when it pays: two cores or more, and at least
 * PACK_THREAD_MIN_BYTES (`minBytes`, for tests). Null: pack in the caller's thread.
 */
export function startPackThread(bytes: number, { minBytes = PACK_THREAD_MIN_BYTES } = {}): PackThread | null {
  if (availableParallelism() < 2 || bytes < minBytes) return null;
  const worker = new Worker(new URL('./pack-worker.js', import.meta.url));
  // An idle thread must not keep the process alive if the export stops early.
  worker.unref();
  // A thread that could not start (or died) leaves the packing to this thread: the same bytes, later.
  let ended = false;
  worker.on('error', () => undefined);
  worker.on('exit', () => void (ended = true));
  let stopped = false;
  const stop = (): void => {
    stopped = true;
    void worker.terminate();
  };
  let packedIn: PackThread['packedIn'] = null;
  const here = async (head: PackHead, rows: Iterable<PackRows>, tail: PackTail): Promise<Uint8Array> => {
    packedIn = 'here';
    return writeApkg(await openCollection(), head, rows, tail);
  };
  return {
    get packedIn() {
      return packedIn;
    },
    pack(head, rows, tail) {
      if (ended || stopped) return Promise.resolve().then(() => here(head, rows, tail));
      const done = new Promise<Uint8Array>((resolve, reject) => {
        const settle = (finish: () => void): void => {
          worker.removeAllListeners('message');
          stop();
          finish();
        };
        worker.once('message', (reply: PackReply) =>
          settle(() => {
            packedIn = 'thread';
            if (reply.bytes) return resolve(reply.bytes);
            const error = reply.error!;
            reject(Object.assign(new Error(error.message), error.stack ? { stack: error.stack } : {}));
          }),
        );
        // Ended without an answer (it failed to start, or crashed): pack here.
        // The rows are made again (each part is let go once sent: the thread holds its copy).
        worker.once('exit', () => void (stopped || settle(() => resolve(here(head, rows, tail)))));
      });
      worker.ref();
      const send = (message: PackMessage): void => worker.postMessage(message);
      send({ head });
      for (const part of rows) send({ rows: part });
      send({ tail });
      return done;
    },
    stop,
  };
}
