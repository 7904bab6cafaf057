import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildDocument, sourceFromText, validateDataset } from '@notes/core';
import * as api from '@notes/export-json';
import { datasetText, jsonExporter, packDataset, renderDataset } from '@notes/export-json';
import type { ExportFile, ModelDocument } from '@notes/core';

const fixture = (name: string) => new URL(`./fixtures/${name}`, import.meta.url);
const doc = buildDocument(
  sourceFromText(readFileSync(fixture('aws-prep-notes.md'), 'utf8'), 'content/aws-prep-notes.md'),
);
const options = { epoch: 0, baseDir: '/', warn: () => {} };

/** A streamed file's text, whole. */
async function text(file: ExportFile | undefined): Promise<string> {
  const data = file!.data;
  if (typeof data === 'string') return data;
  if (data instanceof Uint8Array) return Buffer.from(data).toString('utf8');
  let out = '';
  for await (const piece of data) out += piece;
  return out;
}

/** The model of a small document of `n` questions, its path and title made from `name`. */
function small(name: string, n: number): ModelDocument {
  const questions = Array.from({ length: n }, (_, i) => `## Q${i} of ${name}?\n\nAnswer ${i}.\n`).join('\n');
  return buildDocument(sourceFromText(`# ${name}\n\n${questions}`, `notes/${name}.md`));
}

describe('export-json', () => {
  it('exports exactly its documented API', () => {
    expect(Object.keys(api).sort()).toEqual(['datasetText', 'jsonExporter', 'packDataset', 'renderDataset']);
    expect(jsonExporter).toMatchObject({ format: 'json', extension: 'json', binary: false });
  });

  it('matches the golden dataset of the shipped notes', async () => {
    const [file] = await jsonExporter.export([doc], options);
    expect(file!.path).toBe('notes.json');
    const golden = readFileSync(fixture('aws-prep-notes.golden.json'), 'utf8');
    expect(await text(file)).toBe(golden);
  });

  it('is valid against the schema and carries the front matter', () => {
    const dataset = renderDataset([doc]);
    expect(validateDataset(dataset)).toEqual([]);
    expect(dataset.documents[0]!.frontMatter).toMatchObject({ title: 'AWS Prep Notes', tags: ['aws', 'saa-c03'] });
    expect(dataset.notes.filter((n) => n.kind === 'question')).toHaveLength(23);
    expect(dataset.notes.every((n) => n.tags.includes('aws'))).toBe(true);
  });

  it('writes the same bytes twice and ends with one newline', async () => {
    const a = await text((await jsonExporter.export([doc], options))[0]);
    const b = await text((await jsonExporter.export([doc], { ...options, epoch: 99 }))[0]);
    expect(a).toBe(b);
    expect(a.endsWith('}\n')).toBe(true);
  });

  it('serializes with two-space indentation', () => {
    expect(packDataset({ schemaVersion: 1, documents: [], notes: [] })).toBe(
      '{\n  "schemaVersion": 1,\n  "documents": [],\n  "notes": []\n}\n',
    );
  });
});

describe('the streamed dataset', () => {
  it('is the same text as the dataset serialized whole, for no, one and several documents', () => {
    const several = [doc, small('alpha', 3), small('beta', 0), small('gamma', 2)];
    for (const documents of [[], [doc], [small('beta', 0)], several]) {
      expect([...datasetText(documents)].join('')).toBe(packDataset(renderDataset(documents)));
    }
  });

  it('reads the documents one at a time, as the text is asked for', () => {
    const documents = [small('alpha', 2), small('beta', 2), small('gamma', 2)];
    const touched: string[] = [];
    // A lazy sequence that records what the exporter has taken from it so far.
    const lazy = {
      *[Symbol.iterator]() {
        for (const d of documents) {
          touched.push(d.title);
          yield d;
        }
      },
    };
    const pieces = datasetText(lazy);
    pieces.next();
    expect(touched).toEqual([]);
    pieces.next();
    expect(touched).toEqual(['alpha']);
    pieces.next();
    expect(touched).toEqual(['alpha', 'beta']);
    const rest = [...pieces];
    expect(rest.length).toBeGreaterThan(6);
    expect(touched).toEqual(['alpha', 'beta', 'gamma', 'alpha', 'beta', 'gamma']);
  });

  it('checks each document against the schema as it streams, failing at the bad one', () => {
    const bad = { ...small('beta', 1), title: 42 } as unknown as ModelDocument;
    const pieces = datasetText([small('alpha', 1), bad, small('gamma', 1)]);
    expect(pieces.next().done).toBe(false);
    expect(pieces.next().value).toContain('"alpha"');
    expect(() => pieces.next()).toThrow(
      /does not match notes\.schema\.json \(at \/documents\/1\/title: must be string\)/,
    );
  });
});
