// Build the cheat sheet of some Markdown notes with the library API, as `notes export --pdf` does:
// repair in memory with the lint fixer (the PDF's own rule included), build the model, render and pack.
//   node examples/cheatsheet/make-cheatsheet.mjs OUT_DIR FILE.md... [--paper a4|letter] [--columns N]
// The date in the header is SOURCE_DATE_EPOCH when set, else the newest file's modification time.
import { statSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { buildDocument, sourceFromText } from '@notes/core';
import { pdfExporter, pdfRules } from '@notes/export-pdf';
import { fixSource } from '@notes/lint';

const args = process.argv.slice(2);
const flag = (name) => {
  const at = args.indexOf(`--${name}`);
  return at < 0 ? undefined : args.splice(at, 2)[1];
};
const paper = flag('paper');
const columns = flag('columns');
const [out, ...files] = args;
if (!out || files.length === 0) {
  console.error('usage: make-cheatsheet.mjs OUT_DIR FILE.md... [--paper a4|letter] [--columns N]');
  process.exit(2);
}

const documents = [];
let newest = 0;
for (const path of files) {
  const { output, messages } = fixSource(sourceFromText(await readFile(path, 'utf8'), path), { extraRules: pdfRules });
  for (const m of messages) console.error(`${path}:${m.line}:${m.column} ${m.severity} ${m.message} (${m.ruleId})`);
  documents.push(buildDocument(sourceFromText(output, path)));
  newest = Math.max(newest, Math.floor(statSync(path).mtimeMs / 1000));
}
const [file] = await pdfExporter.export(documents, {
  epoch: Number(process.env.SOURCE_DATE_EPOCH) || newest,
  baseDir: resolve(dirname(files[0])),
  warn: (message) => console.error(`warning: ${message}`),
  ...(paper ? { paper } : {}),
  ...(columns ? { columns: Number(columns) } : {}),
});
await mkdir(out, { recursive: true });
const target = join(out, file.path);
await writeFile(`${target}.tmp`, file.data);
await rename(`${target}.tmp`, target);
console.log(`${target}: ${file.data.length} bytes`);
