import { describeFsError, NotesError, readSourceBytes, type RuleDefinition } from '@notes/core';
import {
  bundledPlugins,
  hashBytes,
  lintBatch,
  workerCount,
  writeFixedFile,
  type BatchFile,
  type BatchResult,
  type BatchSettings,
  type RuleConfigValue,
} from '@notes/lint';
import { cacheKey, cachePath, readCache, writeCache } from '../cache.js';
import { loadSetup } from '../config.js';
import type { CliContext, ParsedArgs } from '../context.js';
import { discover } from '../files.js';
import { progress } from '../progress.js';
import { cliVersion } from '../version.js';
import { batchPlugins, ruleRegistry } from '../rules.js';
import { countMessages, reporters, type FileResult } from '../reporters/index.js';

export type Format = keyof typeof reporters;

/** `notes lint`: lint (and with --fix repair) Markdown notes; exit 0 clean, 1 errors, 2 usage or fatal problem. */
export async function lintCommand(args: ParsedArgs, ctx: CliContext): Promise<number> {
  // FLAGS declares the formats: the parser has checked the value.
  const format = (args.flags['format'] ?? 'stylish') as Format;
  const fix = args.flags['fix'] === true;
  const quiet = args.flags['quiet'] === true;
  const maxWarningsFlag = args.flags['max-warnings'];
  const maxWarnings = maxWarningsFlag === undefined ? -1 : Number(maxWarningsFlag);
  if (maxWarningsFlag !== undefined && (!Number.isInteger(maxWarnings) || maxWarnings < 0)) {
    throw new NotesError(`--max-warnings must be a whole number of 0 or more, not "${String(maxWarningsFlag)}"`);
  }
  const configFlag = typeof args.flags['config'] === 'string' ? args.flags['config'] : undefined;
  const registry = await ruleRegistry();
  const setup = loadSetup(ctx.cwd, configFlag, registry);
  const paths = args.paths.length > 0 ? args.paths : ['content/'];
  const warn = (message: string): void => void ctx.stderr.write(`notes: ${message}\n`);
  const found = (await discover(paths, ctx.cwd, warn)).filter((f) => !setup.ignored(f.absolutePath));

  const settings: BatchSettings = {
    rules: (setup.config.rules ?? {}) as Record<string, RuleConfigValue>,
    frontMatter: setup.config.frontMatter,
    configDir: setup.configDir,
    fix,
    plugins: bundledPlugins,
  };
  const useCache = args.flags['cache'] === true;
  const cacheFile = useCache ? await cachePath(ctx.cwd, args.flags['cache-location'] as string | undefined) : '';
  const cache = useCache ? await readCache(cacheFile, cacheKey(cliVersion(), registry, settings)) : null;

  // Read every file (its bytes key the cache); unreadable or oversized files are fatal for that file only.
  let fatal = 0;
  const results = new Array<FileResult & { error?: string }>(found.length);
  const todo: BatchFile[] = [];
  const todoIndex: number[] = [];
  const hashes = new Map<number, string>();
  for (const [i, f] of found.entries()) {
    let bytes: Uint8Array;
    let mtime: number;
    try {
      ({ bytes, mtime } = await readSourceBytes(f.absolutePath, { path: f.path, maxBytes: setup.maxFileBytes }));
    } catch (error) {
      const e = error instanceof NotesError ? error : describeFsError(error, f.path);
      warn(e.message);
      fatal++;
      results[i] = { path: f.path, messages: [], error: e.message };
      continue;
    }
    if (cache) {
      const hash = hashBytes(bytes);
      hashes.set(i, hash);
      const hit = cache.files[f.absolutePath];
      if (hit && hit.hash === hash && !(fix && hit.messages.some((m) => m.fixable))) {
        results[i] = { path: f.path, messages: hit.messages };
        continue;
      }
    }
    todo.push({ path: f.path, absolutePath: f.absolutePath, bytes, mtime });
    todoIndex.push(i);
  }

  const bar = progress(ctx.stderr, todo.length, fix ? 'fixing' : 'linting');
  // Worker threads import the plugins by URL: resolved only for a batch big enough to start them.
  const bytes = todo.reduce((n, f) => n + f.bytes.length, 0);
  const workers = workerCount(todo.length, bytes) > 0;
  const batch: BatchSettings = { ...settings, plugins: await batchPlugins(workers) };
  const done: BatchResult[] = await lintBatch(todo, batch, { onResult: (r) => bar.tick(r.path) });
  bar.done();

  for (const [k, r] of done.entries()) {
    const i = todoIndex[k]!;
    const file = todo[k]!;
    if (r.error) {
      warn(r.error);
      fatal++;
      results[i] = { path: r.path, messages: [], error: r.error };
      continue;
    }
    if (r.output !== undefined) {
      const bytes = file.bytes;
      const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
      try {
        await writeFixedFile(
          {
            path: file.path,
            absolutePath: file.absolutePath,
            text: r.output,
            bom,
            invalid: [],
            mtime: file.mtime,
            size: 0,
          },
          r.output,
        );
        if (cache) hashes.set(i, hashBytes(Buffer.from((bom ? '\uFEFF' : '') + r.output)));
      } catch (error) {
        warn(error instanceof NotesError ? error.message : String(error));
        fatal++;
        hashes.delete(i);
      }
    }
    results[i] = { path: r.path, messages: r.messages };
  }

  if (cache) {
    for (const [i, f] of found.entries()) {
      const hash = hashes.get(i);
      if (hash && !results[i]!.error) cache.files[f.absolutePath] = { hash, messages: [...results[i]!.messages] };
    }
    try {
      await writeCache(cacheFile, cache);
    } catch (error) {
      const e = error instanceof NotesError ? error : describeFsError(error, cacheFile, 'write');
      warn(`${e.message} (cache not saved)`);
    }
  }

  return reportFindings(results, registry, ctx, { format, quiet, maxWarnings, fatal });
}

/**
 * Print the findings in `format` (and the --max-warnings notice) and give the exit code: 2 when a file could not
 * be linted (`fatal`), 1 for errors or too many warnings, else 0. Shared by `notes lint` and `notes build`.
 */
export function reportFindings(
  results: readonly FileResult[],
  registry: readonly RuleDefinition[],
  ctx: CliContext,
  options: { format: Format; quiet: boolean; maxWarnings: number; fatal: number },
): number {
  const { format, quiet, maxWarnings, fatal } = options;
  const all = results.map((r) => ({ path: r.path, messages: r.messages }));
  const { errorCount, warningCount } = countMessages(all);
  const shown = quiet
    ? all.map((r) => ({ path: r.path, messages: r.messages.filter((m) => m.severity === 'error') }))
    : all;
  const text = reporters[format]({
    results: shown,
    rules: registry,
    color: format === 'stylish' && ctx.stdout.isTTY === true && !ctx.env['NO_COLOR'],
    version: cliVersion(),
  });
  if (text) ctx.stdout.write(text);
  if (maxWarnings >= 0 && warningCount > maxWarnings && format === 'stylish') {
    ctx.stderr.write(`notes: too many warnings (${warningCount}, --max-warnings is ${maxWarnings})\n`);
  }
  if (fatal > 0) return 2;
  if (errorCount > 0) return 1;
  if (maxWarnings >= 0 && warningCount > maxWarnings) return 1;
  return 0;
}
