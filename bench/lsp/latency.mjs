#!/usr/bin/env node
// bench/lsp: latency of `notes lsp` while typing. Opens the raw seed, then makes 100 one-character edits (type a
// character at the end of a paragraph line, then delete it, alternately), each sent as an incremental didChange;
// measures the time from sending didChange to receiving the publishDiagnostics of that version (the server's
// debounce included). Prints median and p95 wall time, and the server's CPU time per edit (Linux /proc), since
// wall time on a busy machine says more about the neighbours than about the server.
// Usage: node bench/lsp/latency.mjs [--edits N] [--debounce MS]   (build first: npx turbo run build)
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';

const ROOT = resolve(new URL('../..', import.meta.url).pathname);
const BIN = resolve(ROOT, 'packages/cli/bin/notes.js');
const SEED = resolve(ROOT, 'examples/raw/aws-prep-notes.raw.md');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : Number(process.argv[i + 1]);
};
const EDITS = arg('edits', 100);
const debounceMs = arg('debounce', undefined);

/** CPU time (user + system) of a process so far, in ms. */
function cpuMs(pid) {
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(f[11]) + Number(f[12])) * 10;
}

const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];

const child = spawn(process.execPath, [BIN, 'lsp', '--stdio'], { cwd: ROOT, stdio: ['pipe', 'pipe', 'inherit'] });
const connection = createProtocolConnection(
  new StreamMessageReader(child.stdout),
  new StreamMessageWriter(child.stdin),
);
const waiting = new Map();
connection.onNotification('textDocument/publishDiagnostics', (p) => {
  waiting.get(p.version)?.(p);
  waiting.delete(p.version);
});
connection.onRequest('client/registerCapability', () => null);
connection.listen();
const published = (version) => new Promise((done) => waiting.set(version, done));

const uri = pathToFileURL(resolve(ROOT, 'bench/out/lsp/aws-prep-notes.raw.md')).href;
const text = readFileSync(SEED, 'utf8');
const lines = text.split('\n');
await connection.sendRequest('initialize', {
  processId: process.pid,
  rootUri: pathToFileURL(ROOT).href,
  capabilities: {},
  initializationOptions: debounceMs === undefined ? {} : { debounceMs },
});
await connection.sendNotification('initialized', {});
const first = published(1);
await connection.sendNotification('textDocument/didOpen', {
  textDocument: { uri, languageId: 'markdown', version: 1, text },
});
const { diagnostics } = await first;

// The longest paragraph line: typing at its end is what a learner pasting notes does.
const line = lines.reduce((best, l, i) => (l.length > lines[best].length && !l.startsWith('|') ? i : best), 0);
const at = lines[line].length;
const wall = [];
const cpu = [];
for (let k = 0; k < EDITS; k++) {
  const version = k + 2;
  const typing = k % 2 === 0;
  const change = typing
    ? { range: { start: { line, character: at }, end: { line, character: at } }, text: 'x' }
    : { range: { start: { line, character: at }, end: { line, character: at + 1 } }, text: '' };
  const done = published(version);
  const cpu0 = cpuMs(child.pid);
  const t0 = performance.now();
  await connection.sendNotification('textDocument/didChange', {
    textDocument: { uri, version },
    contentChanges: [change],
  });
  await done;
  wall.push(performance.now() - t0);
  cpu.push(cpuMs(child.pid) - cpu0);
}
await connection.sendRequest('shutdown');
await connection.sendNotification('exit');

const sortedWall = [...wall].sort((a, b) => a - b);
const sortedCpu = [...cpu].sort((a, b) => a - b);
const meanCpu = cpu.reduce((a, b) => a + b, 0) / cpu.length;
console.log(
  `notes lsp, ${EDITS} one-character edits of the raw seed (${text.length} characters, ${diagnostics.length} findings), line ${line + 1}`,
);
console.log(
  `didChange -> publishDiagnostics: median ${quantile(sortedWall, 0.5).toFixed(1)} ms, p95 ${quantile(sortedWall, 0.95).toFixed(1)} ms wall` +
    ` (debounce ${debounceMs ?? 'default'}); server CPU per edit: mean ${meanCpu.toFixed(1)} ms, median ${quantile(sortedCpu, 0.5)} ms, p95 ${quantile(sortedCpu, 0.95)} ms (10 ms ticks)`,
);
console.log(
  `load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')} on this machine during the run`,
);
