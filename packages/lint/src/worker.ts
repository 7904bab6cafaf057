// Worker thread of lintBatch: resolves the rules once, then lints the share of files it is sent.
import { parentPort, workerData } from 'node:worker_threads';
import { runOne, type BatchFile, type BatchSettings } from './batch.js';
import { resolveRules } from './resolve.js';

const settings = workerData as BatchSettings;
const rules = resolveRules(settings.rules, { frontMatter: settings.frontMatter });
parentPort?.on('message', (share: { index: number; file: BatchFile }[]) => {
  for (const { index, file } of share) parentPort!.postMessage({ index, result: runOne(file, settings, rules) });
});
