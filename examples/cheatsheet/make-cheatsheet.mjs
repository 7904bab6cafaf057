// Build the cheat sheet of some Markdown notes with the library API, as `notes export --pdf` does:
// repair in memory with the lint fixer, build the model, render and pack the PDF.
//   node examples/cheatsheet/make-cheatsheet.mjs OUT_DIR FILE.md... [--paper letter] [--columns 4]
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { buildDocument, sourceFromText } from '@notes/core';
import { pdfExporter } from '@notes/export-pdf';
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
let epoch = Number(process.env.SOURCE_DATE_EPOCH) || 0;
for (const path of files) {
  const text = await readFile(path, 'utf8');
  const { output } = fixSource(sourceFromText(text, path));
  documents.push(buildDocument(sourceFromText(output, path)));
  if (!process.env.SOURCE_DATE_EPOCH) epoch = Math.max(epoch, Math.floor((await import('node:fs')).statSync(path).mtimeMs / 1000));
}
const [file] = await pdfExporter.export(documents, {
  epoch,
  baseDir: resolve(files[0], '..'),
  warn: (message) => console.error(`warning: ${message}`),
  ...(paper ? { paper } : {}),
  ...(columns ? { columns: Number(columns) } : {}),
});
await mkdir(out, { recursive: true });
const target = join(out, file.path);
await writeFile(`${target}.tmp`, file.data);
await rename(`${target}.tmp`, target);
console.log(`${target}: ${file.data.length} bytes`);
