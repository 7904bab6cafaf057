import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { NotesError, sourceFromBytes, type SourceFile } from '@notes/core';
import { lintSource } from './engine.js';
import { fixSource } from './fixer.js';
import { resolveRules, type ResolveExtras } from './resolve.js';
import type { LintMessage, RuleConfigValue } from './types.js';

/** Settings of a batch run: plain data, so they can cross to worker threads. */
export interface BatchSettings {
  rules: Readonly<Record<string, RuleConfigValue>>;
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

/** Lint (or fix) one file in this thread. */
export function runOne(file: BatchFile, settings: BatchSettings, rules = resolveRules(settings.rules, { frontMatter: settings.frontMatter })): BatchResult {
  let source: SourceFile;
  try {
    source = sourceFromBytes(file.bytes, { path: file.path, absolutePath: file.absolutePath, mtime: file.mtime });
  } catch (error) {
    if (error instanceof NotesError) return { path: file.path, messages: [], error: error.message };
    throw error;
  }
  const options = { rules, configDir: settings.configDir };
  if (!settings.fix) return { path: file.path, messages: lintSource(source, options) };
  const { output, messages, changed } = fixSource(source, options);
  return changed ? { path: file.path, messages, output } : { path: file.path, messages };
}

/** Content hash of a file's bytes (the cache key, with the configuration and version). */
export function hashBytes(bytes: Uint8Array): string {
  return createHash('sha1').update(bytes).digest('hex');
}

/** How many worker threads a batch of this size is worth (0: lint in this thread). */
export function workerCount(files: number, bytes: number): number {
  if (files < 8 || bytes < 512 * 1024) return 0;
  return Math.max(0, Math.min(availableParallelism(), 4, Math.ceil(files / 4)));
}

/**
 * Lint many files: one parse per file shared by every rule, spread over worker threads when the batch is big
 * enough (`workers` overrides the choice). Results come back in the order of `files`.
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
    const rules = resolveRules(settings.rules, { frontMatter: settings.frontMatter });
    files.forEach((file, i) => {
      out[i] = runOne(file, settings, rules);
      options.onResult?.(out[i]!, i);
    });
    return out;
  }
  // Biggest files first, so no thread is left with one huge file at the end.
  const order = files.map((_f, i) => i).sort((a, b) => files[b]!.bytes.length - files[a]!.bytes.length);
  let next = 0;
  await new Promise<void>((resolvePromise, reject) => {
    let running = count;
    let failed = false;
    const workers: Worker[] = [];
    const stopAll = (): void => {
      for (const w of workers) void w.terminate();
    };
    for (let k = 0; k < count; k++) {
      const worker = new Worker(new URL('./worker.js', import.meta.url), { workerData: settings });
      workers.push(worker);
      const feed = (): void => {
        if (failed) return;
        if (next >= order.length) {
          void worker.terminate();
          if (--running === 0) resolvePromise();
          return;
        }
        const index = order[next++]!;
        worker.postMessage({ index, file: files[index] });
      };
      worker.on('message', (msg: { index: number; result: BatchResult }) => {
        out[msg.index] = msg.result;
        options.onResult?.(msg.result, msg.index);
        feed();
      });
      worker.on('error', (error) => {
        failed = true;
        stopAll();
        reject(error);
      });
      feed();
    }
  });
  return out;
}
