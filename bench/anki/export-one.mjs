// One whole export process: read a Markdown file, build the model, export the .apkg, write it.
// Usage: node bench/anki/export-one.mjs INPUT.md OUT.apkg   (prints a JSON line with its own figures)
import { writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { buildDocument, readSource } from '@notes/core';
import { ankiExporter } from '@notes/export-anki';

const [input, out] = process.argv.slice(2);
if (!input || !out) {
  console.error('usage: node bench/anki/export-one.mjs INPUT.md OUT.apkg');
  process.exit(2);
}
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const c0 = cpu();
const t0 = performance.now();
const source = await readSource(resolve(input), { path: input });
const doc = buildDocument(source);
const t1 = performance.now();
const c1 = cpu();
const [file] = await ankiExporter.export([doc], {
  epoch: Number(process.env.SOURCE_DATE_EPOCH ?? source.mtime),
  baseDir: dirname(resolve(input)),
  warn: () => {},
});
const t2 = performance.now();
const c2 = cpu();
writeFileSync(out, file.data);
const questions = doc.notes.filter((n) => n.kind === 'question').length;
console.log(
  JSON.stringify({
    questions,
    bytes: file.data.length,
    modelMs: Math.round(t1 - t0),
    exportMs: Math.round(t2 - t1),
    modelCpuMs: Math.round(c1 - c0),
    exportCpuMs: Math.round(c2 - c1),
    cpuMs: Math.round((process.cpuUsage().user + process.cpuUsage().system) / 1000),
    maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
  }),
);
