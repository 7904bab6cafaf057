import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { collectGarbageIfGrown, NotesError, sourceFromBytes, type SourceFile } from '@notes/core';
import { lintSource } from './engine.js';
import { fixSource } from './fixer.js';
import { resolveRules, type ResolveExtras } from './resolve.js';
import { loadRules, ruleDocsUrl } from '../registry.js';
import type { LintMessage, ResolvedRules, RuleConfigValue } from '../types.js';

/** Settings of a batch run: plain data, so they can cross to worker threads. */
export interface BatchSettings {
  rules: Readonly<Record<string, RuleConfigValue>>;
  /**
   * Plugin modules (URLs or specifiers) that export `lintRules`: rules contributed by other packages (the PDF
   * exporter's font coverage), loaded by every thread and configured like the built-in ones.
   */
  plugins?: readonly string[];
  frontMatter?: ResolveExtras['frontMatter'];
  configDir: string | null;
  fix: boolean;
}

/** One file to lint: its bytes are read by the caller (they key the cache). */
export interface BatchFile {
  path: string;
  absolutePath: string;
  bytes: Uint8Array;
  mtime: number;
}

/** The outcome for one file. */
export interface BatchResult {
  path: string;
  messages: LintMessage[];
  /** With `fix`: the repaired text when it differs from the file (no BOM). */
  output?: string;
  /** The file could not be linted (binary, …): one line for the user. */
  error?: string;
}

/** Files of at least this many bytes collect garbage between the steps of their lint. */
export const BIG_FILE_BYTES = 1024 * 1024;

/** Lint (or fix) one file in this thread. */
export function runOne(
  file: BatchFile,
  settings: BatchSettings,
  rules = resolveRules(settings.rules, { frontMatter: settings.frontMatter }),
): BatchResult {
  let source: SourceFile;
  try {
    source = sourceFromBytes(file.bytes, { path: file.path, absolutePath: file.absolutePath, mtime: file.mtime });
  } catch (error) {
    if (error instanceof NotesError) return { path: file.path, messages: [], error: error.message };
    throw error;
  }
  // A big file's parse and rules leave much garbage: keep the heap near what is live (see collectGarbageIfGrown).
  const big = file.bytes.length >= BIG_FILE_BYTES;
  const options = { rules, configDir: settings.configDir, ...(big ? { betweenSteps: collectGarbageIfGrown } : {}) };
  if (!settings.fix) return { path: file.path, messages: withDocs(lintSource(source, options), rules) };
  const { output, messages, changed } = fixSource(source, options);
  return changed
    ? { path: file.path, messages: withDocs(messages, rules), output }
    : { path: file.path, messages: withDocs(messages, rules) };
}

/** Every finding carries the docs URL of its rule (STYLE habit 4), so the reporters can show it. */
function withDocs(messages: LintMessage[], rules: ResolvedRules): LintMessage[] {
  if (messages.length === 0) return messages;
  const urls = new Map(rules.map(({ rule }) => [rule.id as string, ruleDocsUrl(rule)]));
  for (const message of messages) {
    const url = urls.get(message.ruleId);
    if (url !== undefined) message.docsUrl = url;
  }
  return messages;
}

/** Content hash of a file's bytes (the cache key, with the configuration and version). */
export function hashBytes(bytes: Uint8Array): string {
  return createHash('sha1').update(bytes).digest('hex');
}

/** Load the plugins' rules and resolve the configuration against built-in + plugin rules. */
export async function resolveBatchRules(settings: BatchSettings): Promise<ResolvedRules> {
  return resolveRules(settings.rules, { frontMatter: settings.frontMatter }, await loadRules(settings.plugins));
}

/** How many worker threads a batch of this size is worth (0: lint in this thread). */
export function workerCount(files: number, bytes: number): number {
  if (files < 8 || bytes < 512 * 1024) return 0;
  return Math.max(0, Math.min(availableParallelism(), 4, Math.ceil(files / 4)));
}

/**
 * Lint many files: one parse per file shared by every rule, spread over this thread and `workers - 1` worker
 * threads when the batch is big enough (`workers` overrides the choice). Results come back in the order of
 * `files`.
 */
export async function lintBatch(
  files: readonly BatchFile[],
  settings: BatchSettings,
  options: { workers?: number; onResult?: (result: BatchResult, index: number) => void } = {},
): Promise<BatchResult[]> {
  const total = files.reduce((n, f) => n + f.bytes.length, 0);
  const count = Math.min(options.workers ?? workerCount(files.length, total), files.length);
  const out: BatchResult[] = new Array<BatchResult>(files.length);
  if (count <= 1) {
    const rules = await resolveBatchRules(settings);
    files.forEach((file, i) => {
      out[i] = runOne(file, settings, rules);
      options.onResult?.(out[i], i);
    });
    return out;
  }
  // Share the files out by size (biggest first, each to the least loaded share). This thread lints share 0
  // while `count - 1` workers, started first, lint the others: one module graph fewer to load than `count`
  // workers, and no thread idles while the others work.
  const shares: number[][] = Array.from({ length: count }, () => []);
  // Workers start later (they load their modules first): count that as a head start for this thread.
  const load = Array.from({ length: count }, (_v, k) => (k === 0 ? 0 : 256 * 1024));
  const order = files.map((_f, i) => i).sort((a, b) => files[b]!.bytes.length - files[a]!.bytes.length);
  for (const index of order) {
    let least = 0;
    for (let k = 1; k < count; k++) if (load[k]! < load[least]!) least = k;
    shares[least]!.push(index);
    load[least]! += files[index]!.bytes.length + 2048;
  }
  // Loaded only here: a lint in this thread alone (one file, a few small ones) never needs it.
  const { Worker } = await import('node:worker_threads');
  const workers = shares.slice(1).map(
    (share) =>
      new Promise<void>((resolvePromise, reject) => {
        if (share.length === 0) return resolvePromise();
        const worker = new Worker(new URL('./worker.js', import.meta.url), { workerData: settings });
        let left = share.length;
        worker.on('message', (msg: { index: number; result: BatchResult }) => {
          out[msg.index] = msg.result;
          options.onResult?.(msg.result, msg.index);
          if (--left === 0) {
            void worker.terminate();
            resolvePromise();
          }
        });
        worker.on('error', (error) => {
          void worker.terminate();
          reject(error);
        });
        worker.postMessage(share.map((index) => ({ index, file: files[index] })));
      }),
  );
  const rules = await resolveBatchRules(settings);
  for (const index of shares[0]!) {
    out[index] = runOne(files[index]!, settings, rules);
    options.onResult?.(out[index], index);
  }
  await Promise.all(workers);
  return out;
}
