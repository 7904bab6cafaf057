// Loads the `notes` command from its bundle (dist/bundle/notes.cjs, made by scripts/bundle.mjs) with V8's code
// cache: the bytecode of what a lint compiles, made at build time and shipped beside the bundle, so a run skips
// most of the parsing and compiling of the bundle (Node 20 has no module compile cache). When V8 rejects the cache
// (another Node version or V8 flags) or it is missing, the bundle compiles from source as usual: slower, the same.
//
// The bundle is one function expression (its parameters are PARAMETERS) in ASCII, read as Latin-1: Node hands V8
// a string of that size outside the heap, where a UTF-8 text wrapped here would be copied into it (2.5 MB, 5 MB
// with one non-ASCII character), growing the old generation toward a full collection during the lint.
import { isAscii } from 'node:buffer';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Script } from 'node:vm';
import type { main as Main } from './main.js';

/** The bundle, beside this module's compiled folder. */
export const BUNDLE = join(import.meta.dirname, 'bundle', 'notes.cjs');

/** The last line of the bundle names its build: the cache file of that build is `notes.<build>.cache`. */
const BUILD_LINE = /\n\/\/ notes-build ([0-9a-f]{16})\n?$/;

/**
 * The parameters of the bundle's function: CommonJS's five, then what stands for `import()` and `import.meta`
 * (scripts/bundle.mjs rewrites them; a script compiled by `vm` cannot run `import()` in Node 20).
 */
export const PARAMETERS = [
  'exports',
  'require',
  'module',
  '__filename',
  '__dirname',
  '__notesImport',
  '__notesImportMetaUrl',
  '__notesImportMetaResolve',
] as const;

/** The cache file of a bundle's source, or null when the source names no build. */
export function cachePathOf(source: string, file = BUNDLE): string | null {
  const build = BUILD_LINE.exec(source.slice(-40))?.[1];
  return build ? join(dirname(file), `notes.${build}.cache`) : null;
}

/** The loaded command, and (for the build's training run) the code cache of what has been compiled so far. */
export interface Started {
  main: typeof Main;
  /** Whether V8 took the cache (false: compiled from source). */
  cached: boolean;
  cacheData(): Buffer;
}

/** The text of a bundle: Latin-1 when it is ASCII (the same text, kept outside V8's heap), else UTF-8. */
export function readBundle(file = BUNDLE): string {
  const bytes = readFileSync(file);
  return bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8');
}

/** Compile and run the bundle, with its code cache when there is one V8 accepts. */
export function start(file = BUNDLE): Started {
  const source = readBundle(file);
  const cachePath = cachePathOf(source, file);
  let cachedData: Buffer | undefined;
  if (cachePath) {
    try {
      cachedData = readFileSync(cachePath);
    } catch {
      // No cache for this build: compile from source.
    }
  }
  const script = new Script(source, {
    filename: file,
    ...(cachedData ? { cachedData } : {}),
  });
  const run = script.runInThisContext() as (...args: unknown[]) => void;
  const module = { exports: {} as { main: typeof Main } };
  const url = pathToFileURL(file).href;
  run.call(
    module.exports,
    module.exports,
    createRequire(file),
    module,
    file,
    dirname(file),
    (specifier: string) => import(specifier),
    url,
    (specifier: string) => import.meta.resolve(specifier),
  );
  return {
    main: module.exports.main,
    cached: cachedData !== undefined && !script.cachedDataRejected,
    cacheData: () => script.createCachedData(),
  };
}

/** Write the code cache of a started bundle (scripts/bundle.mjs, after a training run). */
export function writeCache(started: Started, file = BUNDLE): string {
  const path = cachePathOf(readBundle(file), file);
  if (!path) throw new Error(`${file} names no build on its last line`);
  writeFileSync(path, started.cacheData());
  return path;
}
