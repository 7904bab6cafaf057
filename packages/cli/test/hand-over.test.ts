import { copyFileSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ModelDocument } from '@notes/core';
import { jsonExporter } from '@notes/export-json';
import { pdfExporter } from '@notes/export-pdf';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { writeExports } from '../src/commands/export.js';
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
});
