#!/usr/bin/env node
// bench/memory: peak memory of `notes export --all` on about 3 MB of real notes in about 80 files, taken from
// ../shared/corpora (the largest files first, up to 3 MB and 80 files), whole-process: peak RSS from /usr/bin/time,
// this checkout's CLI and a reference CLI (default /work/main) run alternately, medians of 5 rounds.
// Usage: node bench/memory/run.mjs [rounds=5] [reference checkout=/work/main] [corpora=../shared/corpora]
// (build both first). Issue 14 wants a peak of 400 MB or less.
import { measure } from '../measure.mjs';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
const rounds = Number(process.argv[2] ?? 5);
const reference = resolve(process.argv[3] ?? '/work/main');
const corpora = resolve(process.argv[4] ?? join(ROOT, '../shared/corpora'));
/** The figure of the issue: about 3 MB of notes in about 80 files. */
const MAX_BYTES = 3 * 1024 * 1024;
const MAX_FILES = 80;

function markdownFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name.startsWith('.') || e.name === 'node_modules' ? [] : markdownFiles(path);
    return /\.(md|markdown)$/.test(e.name) ? [path] : [];
  });
}

// The largest files first (ties by path, so the set is the same on every machine), while they fit.
const all = markdownFiles(corpora)
  .map((path) => ({ path, size: statSync(path).size }))
  .sort((a, b) => b.size - a.size || (a.path < b.path ? -1 : 1));
const chosen = [];
let bytes = 0;
for (const f of all) {
  if (chosen.length === MAX_FILES) break;
  if (bytes + f.size > MAX_BYTES) continue;
  chosen.push(f);
  bytes += f.size;
}
const dir = mkdtempSync(join(tmpdir(), 'notes-memory-'));
const notes = join(dir, 'notes');
for (const f of chosen) {
  const to = join(notes, relative(corpora, f.path));
  mkdirSync(dirname(to), { recursive: true });
  copyFileSync(f.path, to);
}

/** One whole-process export --all: wall and CPU seconds, peak RSS in MB. */
function run(checkout) {
  const out = join(dir, 'out');
  rmSync(out, { recursive: true, force: true });
  const r = measure([join(checkout, 'packages/cli/bin/notes.js'), 'export', '--all', '--out', out, 'notes'], dir);
  // Exit 1 is lint errors left after repair (the export is still written); a CLI that cannot start exits 1 too.
  if (r.cpu === null || r.mb === null || r.status === null || r.status > 1 || !existsSync(join(out, 'notes.json'))) {
    throw new Error(`${checkout}: export --all failed: ${r.stderr.slice(-400)}`);
  }
  return { wall: r.wall, cpu: r.cpu, mb: r.mb };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const checkouts = { 'this checkout': ROOT, reference };
const results = Object.fromEntries(Object.keys(checkouts).map((k) => [k, []]));
for (let i = 0; i < rounds; i++) {
  for (const [name, checkout] of Object.entries(checkouts)) results[name].push(run(checkout));
}
rmSync(dir, { recursive: true, force: true });

console.log(
  `export --all of ${chosen.length} files, ${(bytes / 1024 / 1024).toFixed(2)} MB of ${relative(process.cwd(), corpora) || '.'}, ${rounds} rounds, medians (run alternately)`,
);
for (const [name, list] of Object.entries(results)) {
  const mb = median(list.map((r) => r.mb));
  const cpu = median(list.map((r) => r.cpu));
  const wall = median(list.map((r) => r.wall));
  console.log(
    `  ${(name === 'reference' ? reference : name).padEnd(16)} peak ${mb.toFixed(0)} MB (max ${Math.max(...list.map((r) => r.mb)).toFixed(0)})  cpu ${cpu.toFixed(1)} s  wall ${wall.toFixed(1)} s`,
  );
}
console.log('  issue 14 wants a peak of 400 MB or less');
