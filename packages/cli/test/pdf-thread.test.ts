import { copyFileSync, mkdtempSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pdfExporter, type PdfExportOptions } from '@notes/export-pdf';
import { describe, expect, it } from 'vitest';
// The built module: its worker is the built `pdf-worker.js` beside it.
import {
  PDF_THREAD_MAX_BYTES,
  PDF_THREAD_SOURCES_MIN_BYTES,
  PDF_THREAD_SOURCES_MIN_FILE_BYTES,
  startPdfThread,
} from '../dist/pdf-thread.js';
import { loadSetup } from '../src/config.js';
import { discover } from '../src/files.js';
import { prepare } from '../src/pipeline.js';
import { ruleRegistry } from '../src/rules.js';

const ROOT = new URL('../../../', import.meta.url).pathname;
const MB = 1024 * 1024;

describe.runIf(availableParallelism() >= 2)('the PDF thread (issue 14: export --all of big notes on two cores)', () => {
  it('copies the models up to 2 MiB; from 4 MiB, or a 2 MiB file, with another format, sends the repaired files', () => {
    expect(PDF_THREAD_MAX_BYTES).toBe(2 * MB);
    expect(PDF_THREAD_SOURCES_MIN_BYTES).toBe(4 * MB);
    expect(PDF_THREAD_SOURCES_MIN_FILE_BYTES).toBe(2 * MB);
    const cases: [bytes: number, largest: number, others: boolean, want: boolean | null][] = [
      [MB, MB / 2, true, false],
      [MB, MB / 2, false, false],
      // 3 MB of notes in 80 files (bench/memory): the thread's heap would outweigh its time.
      [3 * MB, MB / 2, true, null],
      // The 100,000-row table (2.9 MB in one file) and the 10 MB file.
      [3 * MB, 3 * MB, true, true],
      [10 * MB, 10 * MB, true, true],
      [5 * MB, MB, true, true],
      // The PDF alone: a second model costs time and memory and nothing runs beside it.
      [5 * MB, MB, false, null],
      [3 * MB, 3 * MB, false, null],
    ];
    for (const [bytes, largest, others, want] of cases) {
      const thread = startPdfThread({ bytes, largest }, others);
      thread?.stop();
      expect([bytes, largest, others, thread === null ? null : thread.sources]).toEqual([bytes, largest, others, want]);
    }
  });

  it('models the repaired files again in the thread and prints the same bytes as the models here', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'notes-pdf-thread-'));
    // The raw seed is repaired (its text changes), so the thread must get the repaired text, not the file's.
    copyFileSync(join(ROOT, 'examples/raw/aws-prep-notes.raw.md'), join(dir, 'a.md'));
    copyFileSync(join(ROOT, 'content/aws-prep-notes.md'), join(dir, 'b.md'));
    const setup = loadSetup(dir, undefined, await ruleRegistry());
    const found = await discover(['.'], dir, () => undefined);
    const prepared = await prepare(found, setup, { write: () => true });
    expect(prepared[0]!.repaired).not.toBe(prepared[0]!.file.text);
    const documents = prepared.map((p) => p.document);
    const warned: string[] = [];
    const options = (): PdfExportOptions => ({ epoch: 1_700_000_000, baseDir: dir, warn: (m) => warned.push(m) });
    const here = await pdfExporter.export(documents, options());
    const thread = startPdfThread({ bytes: 10, largest: 10 }, true, { sourcesMin: 0 })!;
    expect(thread.sources).toBe(true);
    const there = await thread.render(documents, options());
    expect(there.map((f) => f.path)).toEqual(here.map((f) => f.path));
    expect(Buffer.from(there[0]!.data as Uint8Array).equals(Buffer.from(here[0]!.data as Uint8Array))).toBe(true);
    // The same warnings, each given once by each run.
    expect(warned.length % 2).toBe(0);
    expect(warned.slice(warned.length / 2)).toEqual(warned.slice(0, warned.length / 2));
    expect(thread.usedAhead).toBe(false);

    // The biggest file modelled ahead, as read: used when the repair left it as it was (b.md), dropped when the
    // repair changed it (the raw seed): the same bytes either way.
    for (const [name, used] of [
      ['b.md', true],
      ['a.md', false],
    ] as const) {
      const file = found.find((f) => f.absolutePath === join(dir, name))!;
      const biggest = { absolutePath: file.absolutePath, path: file.path, maxBytes: setup.maxFileBytes };
      const ahead = startPdfThread({ bytes: 10, largest: 10, biggest }, true, { sourcesMin: 0 })!;
      const files = await ahead.render(documents, options());
      expect(Buffer.from(files[0]!.data as Uint8Array).equals(Buffer.from(here[0]!.data as Uint8Array))).toBe(true);
      expect([name, ahead.usedAhead]).toEqual([name, used]);
    }
  });
});
