#!/usr/bin/env node
// Detection throughput of the mojibake finder (MB/s), printed, never asserted: on clean English text and on
// the real notes in ../shared/corpora (or the folders given as arguments).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { findMojibake } from '../../packages/lint/dist/src/encoding/index.js';

const root = new URL('../../', import.meta.url).pathname;
const dirs = process.argv.slice(2);
if (dirs.length === 0) dirs.push(join(root, '../shared/corpora'));

function walk(dir, out = []) {
  for (const e of readdirSync(dir)) {
    const p = join(dir, e);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (p.endsWith('.md')) out.push(p);
  }
  return out;
}

function measure(label, texts) {
  const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
  let best = Infinity;
  let found = 0;
  for (let run = 0; run < 3; run++) {
    const t0 = process.hrtime.bigint();
    found = 0;
    // A different suffix each time defeats the finder's one-entry memo (equal strings would hit it).
    texts.forEach((t, i) => (found += findMojibake(`${t}\n${run}:${i}`).length));
    best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1e9);
  }
  console.log(
    `${label}: ${(bytes / 1e6).toFixed(2)} MB in ${best.toFixed(3)} s = ${(bytes / 1e6 / best).toFixed(1)} MB/s (${found} findings)`,
  );
}

const paragraph =
  'Amazon SQS is a fully managed message queuing service that lets you decouple and scale microservices, ' +
  'distributed systems and serverless applications. Use a dead-letter queue when a message cannot be processed ' +
  "after several attempts; it's the consumer's job to delete a message once done (visibility timeout: 30 s).\n";
const english = [];
for (let i = 0; i < 8; i++) english.push(paragraph.repeat(Math.ceil(1e6 / paragraph.length)));
measure('clean English (ASCII)', english);
const typographic = english.map((t) =>
  t.replaceAll("it's", 'it’s').replaceAll('; ', ' — ').replaceAll('30 s', '30 s ✅'),
);
measure('clean English (curly quotes, dashes, emoji)', typographic);
for (const dir of dirs) {
  const files = walk(dir);
  measure(
    `corpora (${files.length} .md files in ${dir})`,
    files.map((f) => readFileSync(f, 'utf8')),
  );
}
