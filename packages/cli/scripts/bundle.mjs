#!/usr/bin/env node
// Bundle the `notes` command into dist/bundle/ with esbuild, after tsc: one module graph for `notes lint` instead
// of about 300 files (Node 20 has no module compile cache, and resolving and compiling each module file costs more
// than the lint of a small repository). Commands and exporters stay lazily loaded chunks (esbuild code splitting),
// so `notes lint` never loads pdfmake or sql.js. The output is deterministic: same sources, same bytes.
//
// The command itself is one CommonJS script, dist/bundle/notes.cjs, that src/start.ts compiles with V8's code
// cache: the cache is made here, by a training run of `notes lint` on the repository's notes, and shipped beside
// the bundle (notes.<build>.cache). The worker threads' entries stay ES modules with shared chunks.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Parser } from 'acorn';
import { build } from 'esbuild';
import { PARAMETERS } from '../dist/start.js';

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
    // The PDF's thread (src/pdf-thread.ts starts `./pdf-worker.js` beside itself).
    'pdf-worker': join(root, 'dist/pdf-worker.js'),
    // A big cheat sheet's second half (src/pdf-share.ts starts `./pdf-share-worker.js` beside itself).
    'pdf-share-worker': join(root, 'dist/pdf-share-worker.js'),
    // lintBatch starts its worker threads from `./worker.js` beside the code that calls it.
    worker: fileURLToPath(new URL('./engine/worker.js', import.meta.resolve('@notes/lint'))),
    // startPackThread (@notes/export-anki) starts the deck's thread from `./pack-worker.js` beside itself.
    'pack-worker': fileURLToPath(new URL('./pack-worker.js', import.meta.resolve('@notes/export-anki'))),
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

// The command: one CommonJS script, written as one function expression whose parameters are CommonJS's and
// `import.meta`'s (src/start.ts calls it), in ASCII (src/start.ts reads it as Latin-1, outside V8's heap).
// Modules reached only through import() stay lazily evaluated (esbuild wraps them), so `notes lint` runs none of
// the exporters' code. `import.meta` and the import() of packages left to Node's loader are parameters that
// src/start.ts passes in.
const command = await build({
  entryPoints: [join(root, 'dist/index.js')],
  bundle: true,
  write: false,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  external: EXTERNAL,
  define: { 'import.meta.url': '__notesImportMetaUrl', 'import.meta.resolve': '__notesImportMetaResolve' },
  legalComments: 'none',
  logLevel: 'warning',
});
const code = asciiOnly(rewriteImports(command.outputFiles[0].text));
const buildId = createHash('sha256').update(code).digest('hex').slice(0, 16);
const bundleFile = join(outdir, 'notes.cjs');
writeFileSync(bundleFile, `(function (${PARAMETERS.join(', ')}) {${code}\n})\n// notes-build ${buildId}\n`);

// The loader of that script for bin/notes.js: src/start.ts as CommonJS, dist/start.cjs (bin/ is CommonJS, see
// bin/package.json). An ES module entry would start Node's ES module loader, about 5 ms of every run that
// `notes lint` does not need. `import.meta.resolve` becomes Node's CommonJS resolution (the packages it resolves
// export the same file to both, which test/start.test.ts checks).
await build({
  entryPoints: [join(root, 'dist/start.js')],
  outfile: join(root, 'dist/start.cjs'),
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  define: { 'import.meta.dirname': '__dirname', 'import.meta.resolve': '__notesResolve' },
  banner: {
    js: "'use strict';\nconst __notesResolve = (specifier) => require('node:url').pathToFileURL(require.resolve(specifier)).href;",
  },
  legalComments: 'none',
  logLevel: 'warning',
});

/**
 * A script in ASCII with the same meaning: esbuild escapes strings but leaves other characters in comments and
 * regular expressions, which it writes as `\\uXXXX` escapes (a surrogate pair as two, which a `u` regular
 * expression reads as one code point). Anything else that is not ASCII fails the build.
 */
function asciiOnly(text) {
  const edits = [];
  const escape = (from, to) => {
    let out = '';
    for (let i = from; i < to; i++) {
      const code = text.charCodeAt(i);
      if (code < 0x80) {
        out += text[i];
        continue;
      }
      // `\é` is `é` in a string and in a regular expression without `u` (with `u` it is a syntax error).
      let slashes = 0;
      while (out.endsWith('\\'.repeat(slashes + 1))) slashes++;
      if (slashes % 2 === 1) out = out.slice(0, -1);
      out += `\\u${code.toString(16).padStart(4, '0')}`;
    }
    edits.push({ from, to, out });
  };
  const nonAscii = /[^\x00-\x7f]/;
  Parser.parse(text, {
    ecmaVersion: 'latest',
    sourceType: 'script',
    allowHashBang: true,
    allowReturnOutsideFunction: true,
    onComment: (_block, body, start, end) => {
      if (nonAscii.test(body)) escape(start, end);
    },
    onToken: (token) => {
      if (!nonAscii.test(text.slice(token.start, token.end))) return;
      if (token.type.label === 'regexp' || token.type.label === 'string') escape(token.start, token.end);
      else throw new Error(`bundle: a non-ASCII ${token.type.label} at offset ${token.start} of the command's script`);
    },
  });
  let out = '';
  let at = 0;
  for (const { from, to, out: piece } of edits.sort((a, b) => a.from - b.from)) {
    out += text.slice(at, from) + piece;
    at = to;
  }
  out += text.slice(at);
  if (nonAscii.test(out)) throw new Error("bundle: the command's script is not ASCII");
  return out;
}

/** Every `import(…)` expression of a script, as `__notesImport(…)` (found by parsing, not by searching text). */
function rewriteImports(text) {
  const starts = [];
  const walk = (node) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (node === null || typeof node !== 'object' || typeof node.type !== 'string') return;
    if (node.type === 'ImportExpression') starts.push(node.start);
    for (const [key, value] of Object.entries(node))
      if (key !== 'type' && value && typeof value === 'object') walk(value);
  };
  walk(
    Parser.parse(text, {
      ecmaVersion: 'latest',
      sourceType: 'script',
      allowHashBang: true,
      allowReturnOutsideFunction: true,
    }),
  );
  let out = '';
  let at = 0;
  for (const start of starts.sort((a, b) => a - b)) {
    out += `${text.slice(at, start)}__notesImport`;
    at = start + 'import'.length;
  }
  return out + text.slice(at);
}

// The code cache: run `notes lint` once on the repository's notes (output discarded) and keep the bytecode of
// everything compiled. Without the notes (a build outside the repository) there is no cache, only a slower start.
const sample = join(root, '../../content');
const training = spawnSync(process.execPath, [join(root, 'scripts/train-cache.mjs'), sample], {
  cwd: root,
  encoding: 'utf8',
  // The cache holds V8's flags: train with none, as `notes` runs.
  env: Object.fromEntries(Object.entries(process.env).filter(([key]) => key !== 'NODE_OPTIONS')),
});
if (training.status !== 0) {
  console.error(`bundle: the code cache's training run failed:\n${training.stderr}`);
  process.exit(1);
}
