#!/usr/bin/env node
// Regenerates packages/export-json/test/fixtures/aws-prep-notes.golden.json from its Markdown fixture.
import { readFileSync, writeFileSync } from 'node:fs';
import { buildDocument, sourceFromText } from '@notes/core';
import { jsonExporter } from '@notes/export-json';

const dir = new URL('../packages/export-json/test/fixtures/', import.meta.url);
const doc = buildDocument(
  sourceFromText(readFileSync(new URL('aws-prep-notes.md', dir), 'utf8'), 'content/aws-prep-notes.md'),
);
const [file] = await jsonExporter.export([doc], { epoch: 0, baseDir: '/', warn: () => {} });
writeFileSync(new URL('aws-prep-notes.golden.json', dir), file.data);
console.log('wrote aws-prep-notes.golden.json');
