// Worker thread of lintBatch: resolves the rules once, then lints the files it is sent.
import { parentPort, workerData } from 'node:worker_threads';
import { runOne, type BatchFile, type BatchSettings } from './batch.js';
import { resolveRules } from './resolve.js';

const settings = workerData as BatchSettings;
const rules = resolveRules(settings.rules, { frontMatter: settings.frontMatter });
parentPort?.on('message', (msg: { index: number; file: BatchFile }) => {
  parentPort!.postMessage({ index: msg.index, result: runOne(msg.file, settings, rules) });
});
