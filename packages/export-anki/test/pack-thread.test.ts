import { availableParallelism } from 'node:os';
import { buildDocument, sourceFromText } from '@notes/core';
import {
  ankiExporter,
  formatIdMap,
  PACK_THREAD_MIN_BYTES,
  startPackThread,
  type IdMapResult,
} from '@notes/export-anki';
import { describe, expect, it } from 'vitest';
import { FIXTURES, fixtureDocument, openApkg } from './helpers.js';

const EPOCH = 1_764_000_000;

/** The seed, a file with clozes and comparison rows, and one with images (packed as media) and a bad one. */
function documents() {
  return [
    fixtureDocument('aws-prep-notes.md'),
    fixtureDocument('cloze-reverse.md'),
    fixtureDocument('hostile/hostile.md'),
    buildDocument(sourceFromText('# T\n\n### Café 😀?\n\nNaïve — ok.\n\n### Q2?\n\nA lone \ud83d half.\n', 'u.md')),
  ];
}

async function exportWith(packThread: ReturnType<typeof startPackThread>, previous: IdMapResult['map'] | null) {
  const warnings: string[] = [];
  let map: IdMapResult | null = null;
  const files = await ankiExporter.export(documents(), {
    epoch: EPOCH,
    baseDir: FIXTURES,
    warn: (m) => warnings.push(m),
    reverse: true,
    idMap: { previous, done: (result) => void (map = result) },
    packThread,
  });
  return { bytes: files[0]!.data as Uint8Array, warnings, map: formatIdMap(map!.map) };
}

describe.runIf(availableParallelism() >= 2)('the pack thread (startPackThread)', () => {
  it('is started only for notes of PACK_THREAD_MIN_BYTES or more', () => {
    expect(PACK_THREAD_MIN_BYTES).toBe(256 * 1024);
    expect(startPackThread(PACK_THREAD_MIN_BYTES - 1)).toBeNull();
    expect(startPackThread(10, { minBytes: 11 })).toBeNull();
    const thread = startPackThread(PACK_THREAD_MIN_BYTES);
    expect(thread).not.toBeNull();
    thread!.stop();
  });

  it('writes the same deck, byte for byte, as this thread, with the same id map and warnings', async () => {
    const here = await exportWith(null, null);
    const thread = startPackThread(1, { minBytes: 0 });
    const there = await exportWith(thread, null);
    expect(thread!.packedIn).toBe('thread');
    expect(there.bytes).toEqual(here.bytes);
    expect(there.map).toBe(here.map);
    expect(there.warnings).toEqual(here.warnings);
    expect(here.warnings.length).toBeGreaterThan(0);
    const deck = await openApkg(there.bytes);
    // Media, clozes, reverse cards and the lone surrogate all went through the thread.
    expect(Object.keys(deck.media).length).toBeGreaterThan(0);
    expect(new Set(deck.notes.map((n) => n.mid)).size).toBe(4);
    // Over the map of the last export (every GUID kept), the same again.
    const previous = JSON.parse(here.map) as IdMapResult['map'];
    const again = await exportWith(startPackThread(1, { minBytes: 0 }), previous);
    expect(again.bytes).toEqual((await exportWith(null, previous)).bytes);
    expect(again.map).toBe(here.map);
  });

  it('sends a big deck in parts (ROWS_PER_PART notes each) and gets the same bytes', async () => {
    const big = `# Big\n\n${Array.from({ length: 1234 }, (_, i) => `### Q${i}?\n\nAnswer ${i}, {{c1::cloze ${i}}}.\n`).join('\n')}`;
    const exportBig = async (packThread: ReturnType<typeof startPackThread>) =>
      (
        await ankiExporter.export([buildDocument(sourceFromText(big, 'big.md'))], {
          epoch: EPOCH,
          baseDir: FIXTURES,
          warn: () => {},
          packThread,
        })
      )[0]!.data as Uint8Array;
    const thread = startPackThread(1, { minBytes: 0 })!;
    const there = await exportBig(thread);
    expect(thread.packedIn).toBe('thread');
    expect(there).toEqual(await exportBig(null));
    const deck = await openApkg(there);
    expect(deck.notes).toHaveLength(1234);
    expect(deck.cards).toHaveLength(1234);
  });

  it('packs in the caller thread when it was stopped before the deck was ready', async () => {
    const thread = startPackThread(1, { minBytes: 0 })!;
    thread.stop();
    expect((await exportWith(thread, null)).bytes).toEqual((await exportWith(null, null)).bytes);
    expect(thread.packedIn).toBe('here');
  });

  it('packs an empty deck', async () => {
    const thread = startPackThread(1, { minBytes: 0 });
    const empty = buildDocument(sourceFromText('# Nothing to ask\n\nJust text.\n', 'e.md'));
    const files = await ankiExporter.export([empty], {
      epoch: EPOCH,
      baseDir: FIXTURES,
      warn: () => {},
      packThread: thread,
    });
    expect((await openApkg(files[0]!.data as Uint8Array)).notes).toHaveLength(0);
  });
});
