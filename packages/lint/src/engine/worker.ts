// Worker thread of lintBatch: resolves the rules once, then lints the share of files it is sent.
import { parentPort, workerData } from 'node:worker_threads';
import { resolveBatchRules, runOne, type BatchFile, type BatchSettings } from './batch.js';

const settings = workerData as BatchSettings;
const rules = await resolveBatchRules(settings);
parentPort?.on('message', (share: { index: number; file: BatchFile }[]) => {
  for (const { index, file } of share) parentPort!.postMessage({ index, result: runOne(file, settings, rules) });
});
