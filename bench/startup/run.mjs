#!/usr/bin/env node
// bench/startup: whole-process time of `notes lint` and `notes build` on the seed (one 25 KB file), paired with
// markdownlint-cli2 0.22 on the same file in the same run: the tools run alternately, 5 rounds, medians.
// Usage: node bench/startup/run.mjs [rounds=5] [file=../shared/seeds/aws-prep-notes.raw.md]  (build first)
// CPU time (user + sys of the process, from /usr/bin/time) is the figure to compare on a busy machine; wall
// time is printed too.
import { measure } from '../measure.mjs';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
const NOTES = join(ROOT, 'packages/cli/bin/notes.js');
const MDL = join(ROOT, 'node_modules/markdownlint-cli2/markdownlint-cli2-bin.mjs');
const rounds = Number(process.argv[2] ?? 5);
const source = resolve(process.argv[3] ?? join(ROOT, '../shared/seeds/aws-prep-notes.raw.md'));

const dir = mkdtempSync(join(tmpdir(), 'notes-startup-'));
const file = basename(source).replace(/\.raw\.md$/, '.md');
copyFileSync(source, join(dir, file));

/** One whole-process run: wall seconds, CPU seconds (user + sys) and peak RSS in MB. */
function run(args) {
  const r = measure(args, dir);
  if (r.cpu === null || r.status === null || r.status > 1)
    throw new Error(`${args.join(' ')} failed: ${r.stderr.slice(-300)}`);
  return { wall: r.wall, cpu: r.cpu, mb: r.mb ?? 0 };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const cases = {
  // Node's own start, which every tool here pays: where NODE_EXTRA_CA_CERTS is set, Node 20 parses its CA
  // certificates at every start (about 35 ms on this machine), before any of a tool's code runs.
  'node -e 0': ['-e', '0'],
  'markdownlint-cli2': [MDL, file],
  'notes lint': [NOTES, 'lint', file],
  'notes build': [NOTES, 'build', '--out', join(dir, 'dist'), file],
};
const results = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
for (let i = 0; i < rounds; i++) {
  for (const [name, args] of Object.entries(cases)) results[name].push(run(args));
}
rmSync(dir, { recursive: true, force: true });

console.log(`${file}, ${rounds} rounds, medians (tools run alternately)`);
if (process.env.NODE_EXTRA_CA_CERTS)
  console.log(`  (NODE_EXTRA_CA_CERTS is set: every Node process parses CA certificates at start)`);
for (const [name, list] of Object.entries(results)) {
  const cpu = median(list.map((r) => r.cpu));
  const wall = median(list.map((r) => r.wall));
  const mb = Math.max(...list.map((r) => r.mb));
  console.log(`  ${name.padEnd(18)} cpu ${cpu.toFixed(2)} s  wall ${wall.toFixed(2)} s  peak ${mb.toFixed(0)} MB`);
}
const ratio = (k, what) =>
  median(results[k].map((r) => r[what])) / median(results['markdownlint-cli2'].map((r) => r[what]));
console.log(
  `  notes lint / markdownlint-cli2: CPU ${ratio('notes lint', 'cpu').toFixed(2)}, wall ${ratio('notes lint', 'wall').toFixed(2)}  (issue 14 wants ≤ 0.40)`,
);
console.log(
  `  issue 14 wants notes lint ≤ 0.35 s and notes build ≤ 1.2 s, whole process (wall; CPU adds the PDF thread)`,
);
