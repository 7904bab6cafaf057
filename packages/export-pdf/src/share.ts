// Printing a big sheet on two cores: this thread prints its first parts while a helper (another thread, that the
// caller starts) prints the others into a PDF of its own; their pages are then added after these (merge.ts).
import type { PrintedShare } from './merge.js';
import type { SheetShare } from './sheet.js';

/** Another thread that prints a share of a sheet's parts (the CLI's, in `pdf-share.ts`). */
export interface ShareHelper {
  /** Print `share`'s parts without their footers: each part's page count. */
  print(share: SheetShare): Promise<number[]>;
  /** Draw their footers, numbered from `before + 1` of `total`, and end their PDF. */
  finish(before: number, total: number): Promise<PrintedShare>;
  /** End the thread. */
  stop(): void;
}

/** Sheets of fewer parts are printed in one thread: the helper's start-up and fonts would cost more than it saves. */
export const MIN_SHARED_PARTS = 4;

/**
 * The first part a helper prints: the later half of the parts (this thread also merges, and starts first). Fixed
 * by the plan alone, never by timing, so the PDF's bytes are the same from run to run. `count` when the plan
 * cannot be shared or is too small.
 */
export function shareFrom(plan: { count: number; share?: unknown }): number {
  if (!plan.share || plan.count < MIN_SHARED_PARTS) return plan.count;
  return Math.ceil(plan.count / 2);
}

/** The ranges of parts `[from, to)` printed each by one thread: the whole sheet, or its two halves. */
export function shareRanges(plan: { count: number; share?: unknown }): [number, number][] {
  const split = shareFrom(plan);
  return split < plan.count
    ? [
        [0, split],
        [split, plan.count],
      ]
    : [[0, plan.count]];
}
