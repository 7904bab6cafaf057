import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildDocument, sourceFromText, validateDataset } from '@notes/core';
import * as api from '@notes/export-json';
import { jsonExporter, packDataset, renderDataset } from '@notes/export-json';

const fixture = (name: string) => new URL(`./fixtures/${name}`, import.meta.url);
const doc = buildDocument(
  sourceFromText(readFileSync(fixture('aws-prep-notes.md'), 'utf8'), 'content/aws-prep-notes.md'),
);
const options = { epoch: 0, baseDir: '/', warn: () => {} };

describe('export-json', () => {
  it('exports exactly its documented API', () => {
    expect(Object.keys(api).sort()).toEqual(['jsonExporter', 'packDataset', 'renderDataset']);
    expect(jsonExporter).toMatchObject({ format: 'json', extension: 'json', binary: false });
  });

  it('matches the golden dataset of the shipped notes', async () => {
    const [file] = await jsonExporter.export([doc], options);
    expect(file!.path).toBe('notes.json');
    const golden = readFileSync(fixture('aws-prep-notes.golden.json'), 'utf8');
    expect(file!.data).toBe(golden);
  });

  it('is valid against the schema and carries the front matter', () => {
    const dataset = renderDataset([doc]);
    expect(validateDataset(dataset)).toEqual([]);
    expect(dataset.documents[0]!.frontMatter).toMatchObject({ title: 'AWS Prep Notes', tags: ['aws', 'saa-c03'] });
    expect(dataset.notes.filter((n) => n.kind === 'question')).toHaveLength(23);
    expect(dataset.notes.every((n) => n.tags.includes('aws'))).toBe(true);
  });

  it('writes the same bytes twice and ends with one newline', async () => {
    const a = (await jsonExporter.export([doc], options))[0]!.data;
    const b = (await jsonExporter.export([doc], { ...options, epoch: 99 }))[0]!.data;
    expect(a).toBe(b);
    expect(String(a).endsWith('}\n')).toBe(true);
  });

  it('serializes with two-space indentation', () => {
    expect(packDataset({ schemaVersion: 1, documents: [], notes: [] })).toBe(
      '{\n  "schemaVersion": 1,\n  "documents": [],\n  "notes": []\n}\n',
    );
  });
});
