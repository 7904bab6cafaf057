import { copyFileSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { Exporter, ModelDocument } from '@notes/core';
import { jsonExporter } from '@notes/export-json';
import { pdfExporter } from '@notes/export-pdf';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { writeExports, type CliExportOptions } from '../src/commands/export.js';
import { renderAll } from '../src/commands/render.js';
import { loadSetup } from '../src/config.js';
import type { CliContext } from '../src/context.js';
import { discover } from '../src/files.js';
import { handOver } from '../src/hand-over.js';
import { prepare } from '../src/pipeline.js';
import { ruleRegistry } from '../src/rules.js';

const ROOT = new URL('../../../', import.meta.url).pathname;

describe('the models are handed to the last exporter once (issue 14: bounded memory)', () => {
  afterEach(() => void vi.restoreAllMocks());

  it('handOver yields each item in order and takes it out of the list as it is read', () => {
    const list: (string | undefined)[] = ['a', 'b', 'c'];
    const read: (string | undefined)[][] = [];
    for (const item of handOver(list)) {
      read.push([item, ...list]);
    }
    expect(read).toEqual([
      ['a', undefined, 'b', 'c'],
      ['b', undefined, undefined, 'c'],
      ['c', undefined, undefined, undefined],
    ]);
    expect(list).toEqual([]);
  });

  it('runs a PDF rendered in this thread last, reading a sequence once, with the prepared list emptied', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'notes-hand-over-'));
    copyFileSync(join(ROOT, 'examples/raw/aws-prep-notes.raw.md'), join(dir, 'a.md'));
    copyFileSync(join(ROOT, 'content/aws-prep-notes.md'), join(dir, 'b.md'));
    const ctx: CliContext = {
      argv: [],
      cwd: dir,
      stdout: { write: () => true },
      stderr: { write: () => true },
      env: {},
    };
    const setup = loadSetup(dir, undefined, await ruleRegistry());
    const found = await discover(['.'], dir, () => undefined);
    const prepared = await prepare(found, setup, ctx.stderr);
    expect(prepared).toHaveLength(2);
    const calls: string[] = [];
    vi.spyOn(jsonExporter, 'export').mockImplementation(async (documents, options) => {
      calls.push(`json ${documents.length}`);
      return [{ path: 'notes.json', data: JSON.stringify(documents.map((d) => d.title)) + `${options.epoch}` }];
    });
    const once = pdfExporter.exportOnce!.bind(pdfExporter);
    vi.spyOn(pdfExporter, 'exportOnce').mockImplementation(async (documents, options) => {
      calls.push(`pdf once: array ${Array.isArray(documents)}, prepared ${prepared.length}`);
      const seen: ModelDocument[] = [];
      const counted = (function* () {
        for (const d of documents) {
          seen.push(d);
          yield d;
        }
      })();
      const files = await once(counted, options);
      calls.push(`pdf read ${seen.length}`);
      return files;
    });
    const out = join(dir, 'out');
    const paths = await writeExports(
      prepared,
      found,
      { command: 'export', paths: ['.'], flags: { out } },
      ctx,
      ['pdf', 'json'],
      { setup, pdfThread: null, handOver: true },
    );
    expect(calls).toEqual(['json 2', 'pdf once: array false, prepared 0', 'pdf read 2']);
    // The paths and files are those of the formats as chosen, whatever order they ran in.
    expect(paths).toEqual(['out/cheatsheet.pdf', 'out/notes.json']);
    expect(readdirSync(out).sort()).toEqual(['cheatsheet.pdf', 'notes.json']);
  });

  it("lets each exporter's files go once they are staged, before the next exporter runs", async () => {
    setFlagsFromString('--expose-gc');
    const collect = runInNewContext('gc') as () => void;
    let collected = 0;
    const registry = new FinalizationRegistry(() => void collected++);
    // What had been collected when each exporter started.
    const seen: number[] = [];
    const exporter = (format: string): Exporter<CliExportOptions> => ({
      format,
      extension: format,
      binary: true,
      async export() {
        collect();
        for (let i = 0; i < 5; i++) await new Promise((done) => setImmediate(done));
        seen.push(collected);
        const data = new Uint8Array(1 << 20);
        registry.register(data, format);
        return [{ path: `out.${format}`, data }];
      },
    });
    const options = { epoch: 0, baseDir: '/nonexistent', warn: () => {} } as CliExportOptions;
    const staged: string[] = [];
    const paths = await renderAll(
      ['a', 'b', 'c'],
      async (flag) => exporter(flag),
      [],
      options,
      () => {},
      async (at, files) => void staged.push(...files.map((f) => `${at} ${f.path}`)),
      { pdfThread: null, early: null, handOver: false },
    );
    expect(paths).toEqual([['out.a'], ['out.b'], ['out.c']]);
    expect(staged).toEqual(['0 out.a', '1 out.b', '2 out.c']);
    expect(seen).toEqual([0, 1, 2]);
  });
});
