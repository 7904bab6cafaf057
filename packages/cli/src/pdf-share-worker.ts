// Worker thread of a big cheat sheet's second half (started by pdf-share.ts, from the thread that prints the
// first half): prints its share of the parts into a PDF of its own, draws their footers once the page count of
// the whole sheet is known, and sends the PDF's bytes back.
import { parentPort } from 'node:worker_threads';
import { collectGarbageIfGrown } from '@notes/core';
import type { PrintedShare, SheetShare } from '@notes/export-pdf';

/** What the printing thread sends: the share to print, then where its pages are numbered from. */
export type ShareRequest = { share: SheetShare } | { before: number; total: number };

/** What this thread answers: each part's page count, then the printed share; or the error. */
export type ShareReply = { pages: number[] } | { printed: PrintedShare } | { error: string };

const loading = import('@notes/export-pdf');
let printing: ReturnType<Awaited<typeof loading>['printShare']> | undefined;
parentPort!.on('message', (request: ShareRequest) => {
  const reply = (answer: ShareReply, transfer: ArrayBuffer[] = []): void => parentPort!.postMessage(answer, transfer);
  const fail = (error: unknown): void => reply({ error: (error as Error)?.message ?? String(error) });
  if ('share' in request) {
    loading
      .then(({ planOfShare, printShare }) => {
        printing = printShare(planOfShare(request.share), collectGarbageIfGrown);
        return printing.pages;
      })
      .then((pages) => reply({ pages }), fail);
  } else {
    Promise.resolve(printing!.finish(request.before, request.total)).then(
      (printed) => reply({ printed }, [printed.pdf.buffer as ArrayBuffer]),
      fail,
    );
  }
});
