import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { buildDocument, sourceFromText } from '@notes/core';
import { cheatSheetPdf, planOfShare, printShare, type ShareHelper } from '@notes/export-pdf';
import { describe, expect, it } from 'vitest';
// The built module: its worker is the built `pdf-share-worker.js` beside it.
import { SHARE_MIN_BYTES, SHARE_MIN_FILE_BYTES, sharesPdf, startShareHelper } from '../dist/pdf-share.js';

const ROOT = new URL('../../../', import.meta.url).pathname;
const MB = 1024 * 1024;

const documents = () =>
  ['content/aws-prep-notes.md', 'packages/export-pdf/test/fixtures/features.md'].map((path) =>
    buildDocument(sourceFromText(readFileSync(`${ROOT}${path}`, 'utf8'), path, 1_700_000_000)),
  );

/** The same share printed in this thread (the test of the export-pdf package compares it with one thread's). */
const inThread = (): ShareHelper => {
  let printing: ReturnType<typeof printShare> | undefined;
  return {
    print(share) {
      printing = printShare(planOfShare(structuredClone(share)));
      return printing.pages;
    },
    finish: (before, total) => printing!.finish(before, total),
    stop: () => undefined,
  };
};

describe.runIf(availableParallelism() >= 2)('a big cheat sheet on two threads (issue 14: the 10 MB file)', () => {
  it('is printed on two threads from 4 MiB of notes, or a file of 2 MiB', () => {
    expect([SHARE_MIN_BYTES, SHARE_MIN_FILE_BYTES]).toEqual([4 * MB, 2 * MB]);
    // 3 MB of notes in 80 files (bench/memory, acceptance 6): one thread, the memory bar is near.
    expect(sharesPdf({ bytes: 3 * MB, largest: MB / 2 })).toBe(false);
    expect(sharesPdf({ bytes: MB, largest: MB })).toBe(false);
    // The 100,000-row table (2.9 MB in one file), the 10 MB file, 5 MB in many files.
    expect(sharesPdf({ bytes: 3 * MB, largest: 3 * MB })).toBe(true);
    expect(sharesPdf({ bytes: 10 * MB, largest: 10 * MB })).toBe(true);
    expect(sharesPdf({ bytes: 5 * MB, largest: MB })).toBe(true);
  });

  it('prints the later parts in a worker thread: the same bytes as that share printed here', async () => {
    const warnings: string[] = [];
    const options = (helper: () => ShareHelper) => ({
      epoch: 1_700_000_000,
      baseDir: ROOT,
      warn: (m: string) => void warnings.push(m),
      helper,
    });
    let started = 0;
    const there = await cheatSheetPdf(
      documents(),
      options(() => (started++, startShareHelper())),
      1,
    );
    const here = await cheatSheetPdf(documents(), options(inThread), 1);
    expect(started).toBe(1);
    expect(Buffer.from(there).equals(Buffer.from(here))).toBe(true);
  });
});
