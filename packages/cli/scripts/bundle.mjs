#!/usr/bin/env node
// Bundle the `notes` command into dist/bundle/ with esbuild, after tsc: one module graph for `notes lint` instead
// of about 300 files (Node 20 has no module compile cache, and resolving and compiling each module file costs more
// than the lint of a small repository). Commands and exporters stay lazily loaded chunks (esbuild code splitting),
// so `notes lint` never loads pdfmake or sql.js. The output is deterministic: same sources, same bytes.
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const outdir = join(root, 'dist/bundle');

/**
 * Packages left to Node's loader: they find data files, WebAssembly or fonts beside their own code (pdfkit's AFM
 * files, sql.js's wasm, harfbuzz, resvg's native addon), or are big and loaded only by one exporter.
 */
const EXTERNAL = [
  'pdfmake',
  'pdfkit',
  'fontkit',
  'sql.js',
  'subset-font',
  'harfbuzzjs',
  'mathjax-full',
  'shiki',
  '@shikijs/*',
  '@resvg/*',
  'playwright-core',
  // CommonJS modules imported with import(): esbuild's chunk for one exports only `default`, where Node's loader
  // finds the named exports (`GifReader`, `PNG`).
  'omggif',
  'pngjs',
];

rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints: {
    notes: join(root, 'dist/index.js'),
    // The PDF's thread (src/pdf-thread.ts starts `./pdf-worker.js` beside itself).
    'pdf-worker': join(root, 'dist/pdf-worker.js'),
    // lintBatch starts its worker threads from `./worker.js` beside the code that calls it.
    worker: fileURLToPath(new URL('./engine/worker.js', import.meta.resolve('@notes/lint'))),
  },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: EXTERNAL,
  // CommonJS dependencies call require(): give the ES module bundle one.
  banner: {
    js: "import { createRequire as __notesRequire } from 'node:module'; const require = __notesRequire(import.meta.url);",
  },
  legalComments: 'none',
  logLevel: 'warning',
});

// A CommonJS package reached only through import() would lose its named exports (see EXTERNAL): fail the build.
const lost = readdirSync(outdir).filter((name) =>
  /^export default require_/m.test(readFileSync(join(outdir, name), 'utf8')),
);
if (lost.length > 0) {
  console.error(
    `bundle: ${lost.join(', ')} export only a CommonJS default: add the package to EXTERNAL in ${import.meta.filename}`,
  );
  process.exit(1);
}
