#!/usr/bin/env node
// The code cache's training run (scripts/bundle.mjs): start the bundle, lint the notes given (output discarded),
// then write the bytecode V8 compiled for it beside the bundle. Usage: node scripts/train-cache.mjs NOTES_PATH
import { existsSync } from 'node:fs';
import { start, writeCache } from '../dist/start.js';

const sample = process.argv[2];
const started = start();
if (sample && existsSync(sample)) {
  const sink = { write: () => true, isTTY: false };
  await started.main({ argv: ['lint', sample], cwd: process.cwd(), stdout: sink, stderr: sink, env: {} });
}
writeCache(started);
