import { cheatSheetPdf, planCheatSheet, planOfShare, printShare, type ShareHelper } from '@notes/export-pdf';
import { describe, expect, it } from 'vitest';
import { adoptShare, renumber } from '../src/merge.js';
import { MIN_SHARED_PARTS, shareFrom } from '../src/share.js';
import { EPOCH, fixtureDocument, openPdf } from './helpers.js';

const documents = () => [fixtureDocument('aws-prep-notes.md'), fixtureDocument('features.md')];
const options = (helper?: () => ShareHelper | null) => ({
  epoch: EPOCH,
  baseDir: '/nonexistent',
  warn: () => {},
  ...(helper ? { helper } : {}),
});

/** A helper that prints its share in this thread, as the CLI's worker thread does in its own (a structured clone). */
function localHelper(log: string[] = [], failing: 'print' | 'finish' | null = null): () => ShareHelper {
  return () => {
    let printing: ReturnType<typeof printShare> | undefined;
    return {
      print(share) {
        log.push(`print ${share.first}+${share.parts.length}`);
        if (failing === 'print') return Promise.reject(new Error('the helper ran out of memory'));
        printing = printShare(planOfShare(structuredClone(share)));
        return printing.pages;
      },
      finish(before, total) {
        log.push(`finish ${before} ${total}`);
        if (failing === 'finish') return Promise.reject(new Error('the helper ran out of memory'));
        return printing!.finish(before, total);
      },
      stop: () => void log.push('stop'),
    };
  };
}

/** The names of the fonts a PDF embeds (each subset's `/BaseFont`, once per font dictionary). */
function baseFonts(pdf: Uint8Array): string[] {
  return [
    ...Buffer.from(pdf)
      .toString('latin1')
      .matchAll(/\/FontName \/(\S+)/g),
  ].map((m) => m[1]!);
}

describe('a big sheet printed by two threads', () => {
  it('prints the later half of the parts on the helper, with the text, pages and footers of one thread', async () => {
    const plan = planCheatSheet(documents(), { epoch: EPOCH }, 1);
    expect(plan.count).toBeGreaterThanOrEqual(MIN_SHARED_PARTS);
    const split = shareFrom(plan);
    expect(split).toBe(Math.ceil(plan.count / 2));
    const log: string[] = [];
    const serial = await cheatSheetPdf(documents(), options(), 1);
    const shared = await cheatSheetPdf(documents(), options(localHelper(log)), 1);
    const alone = await openPdf(serial);
    const both = await openPdf(shared);
    expect(log[0]).toBe(`print ${split}+${plan.count - split}`);
    expect(log[1]).toMatch(new RegExp(`^finish \\d+ ${alone.length}$`));
    expect(log[2]).toBe('stop');
    expect(both.map((p) => p.text)).toEqual(alone.map((p) => p.text));
    expect(both.map((p) => [p.width, p.height])).toEqual(alone.map((p) => [p.width, p.height]));
    expect(both.at(-1)!.text).toContain(`page ${alone.length} / ${alone.length}`);
    // Each thread's subsets are fonts of their own, each under a name of its own.
    const fonts = baseFonts(shared);
    expect(fonts.length).toBeGreaterThan(baseFonts(serial).length);
    expect(new Set(fonts).size).toBe(fonts.length);
    // The split depends on the plan alone: the same notes give the same bytes.
    expect(
      Buffer.compare(Buffer.from(await cheatSheetPdf(documents(), options(localHelper()), 1)), Buffer.from(shared)),
    ).toBe(0);
  });

  it('prints every part itself when the helper fails, and small sheets without one', async () => {
    const serial = await cheatSheetPdf(documents(), options(), 1);
    const log: string[] = [];
    const text = async (pdf: Uint8Array) => (await openPdf(pdf)).map((p) => p.text);
    const recovered = await cheatSheetPdf(documents(), options(localHelper(log, 'print')), 1);
    expect(log).toEqual([expect.stringMatching(/^print /), 'stop']);
    expect(await text(recovered)).toEqual(await text(serial));
    const late: string[] = [];
    const finished = await cheatSheetPdf(documents(), options(localHelper(late, 'finish')), 1);
    expect(late).toEqual([expect.stringMatching(/^print /), expect.stringMatching(/^finish /), 'stop']);
    expect(await text(finished)).toEqual(await text(serial));
    const small: string[] = [];
    await cheatSheetPdf(documents(), options(localHelper(small)));
    expect(small).toEqual([]);
    expect(shareFrom({ count: MIN_SHARED_PARTS - 1, share: () => null })).toBe(MIN_SHARED_PARTS - 1);
  });

  it('renumbers the references of a dictionary, not what its strings say', () => {
    const dictionary =
      '<<\n/Parent 2 0 R\n/Kids [12 0 R 3 0 R]\n/S (see 12 0 R \\) 3 0 R)\n/F12 4 0 R\n/R [0 0 612 792]\n>>';
    expect(renumber(dictionary, (id) => id + 100)).toBe(
      '<<\n/Parent 102 0 R\n/Kids [112 0 R 103 0 R]\n/S (see 12 0 R \\) 3 0 R)\n/F12 104 0 R\n/R [0 0 612 792]\n>>',
    );
  });

  it('refuses a share whose objects are not where its offsets say', () => {
    const pdf = new TextEncoder().encode('%PDF-1.3\n1 0 obj\n<<\n/Type /Page\n>>\nendobj\nxref\n');
    const doc = { _root: { data: { Pages: { id: 1, data: { Kids: [], Count: 0 } } } } } as never;
    expect(() => adoptShare(doc, { pdf, offsets: [3], pages: [1], parent: 9, warnings: [] })).toThrow(
      /object 1 of a share is not where its PDF says/,
    );
  });
});
