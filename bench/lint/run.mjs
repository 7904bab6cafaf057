#!/usr/bin/env node
// bench/lint: times `notes lint` against markdownlint-cli2 (default rules) on a synthetic corpus of 520 notes
// files (~15 MB) and on ../shared/corpora, side by side in one run, then a second `notes lint --cache` run.
// Usage: node bench/lint/run.mjs [--quick]   (build first: npx turbo run build)
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { availableParallelism, loadavg } from 'node:os';
import { writeCorpus } from './corpus.mjs';

const ROOT = resolve(new URL('../..', import.meta.url).pathname);
const OUT = join(ROOT, 'bench/out/lint');
const NOTES = join(ROOT, 'packages/cli/bin/notes.js');
const MDL = join(ROOT, 'node_modules/.bin/markdownlint-cli2');
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
const quick = process.argv.includes('--quick');

function sizeOf(dir) {
  let bytes = 0;
  let files = 0;
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile() && e.name.endsWith('.md')) {
      bytes += statSync(join(e.parentPath ?? e.path, e.name)).size;
      files++;
    }
  }
  return { bytes, files };
}

/** Run a command, measuring wall time and (with /usr/bin/time) peak resident memory of the whole process. */
function measure(cmd, args, cwd, files = 0) {
  const start = process.hrtime.bigint();
  const run = TIME
    ? spawnSync(TIME, ['-f', '__peak_kb=%M __cpu=%U %S', cmd, ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 30 })
    : spawnSync(cmd, args, { cwd, encoding: 'utf8', maxBuffer: 1 << 30 });
  const wall = Number(process.hrtime.bigint() - start) / 1e9;
  const peak = /__peak_kb=(\d+)/.exec(run.stderr ?? '');
  const cpu = /__cpu=([\d.]+) ([\d.]+)/.exec(run.stderr ?? '');
  if (run.status === null || run.status > 1) {
    throw new Error(`${cmd} ${args.join(' ')} failed (exit ${run.status}): ${(run.stderr ?? '').slice(-400)}`);
  }
  if (files > 0) {
    // A notes run must have linted every file (an import error would also exit 1, in no time).
    let listed = -1;
    try {
      listed = JSON.parse(run.stdout).files.length;
    } catch {
      // not JSON
    }
    if (listed !== files)
      throw new Error(`notes lint did not lint the ${files} files: ${(run.stderr ?? '').slice(-400)}`);
  }
  return {
    wall,
    peakMb: peak ? Number(peak[1]) / 1024 : NaN,
    cpu: cpu ? Number(cpu[1]) + Number(cpu[2]) : NaN,
    status: run.status,
  };
}

function row(name, r, bytes) {
  const mbps = bytes / 1048576 / r.wall;
  return `${name.padEnd(26)} ${r.wall.toFixed(2).padStart(8)} s ${mbps.toFixed(2).padStart(8)} MB/s ${Number.isNaN(r.peakMb) ? '     n/a' : r.peakMb.toFixed(0).padStart(8)} MB peak ${Number.isNaN(r.cpu) ? '' : `${r.cpu.toFixed(1).padStart(7)} s CPU`}`;
}

function bench(label, dir) {
  const { bytes, files } = sizeOf(dir);
  console.log(`\n${label}: ${files} files, ${(bytes / 1048576).toFixed(1)} MB`);
  const cache = join(OUT, 'cache', label.replace(/\W+/g, '-'));
  rmSync(cache, { recursive: true, force: true });
  // markdownlint-cli2 with its default rules, from inside the folder (no configuration there).
  const mdl = measure(process.execPath, [MDL, '**/*.md'], dir);
  const notes = measure(process.execPath, [NOTES, 'lint', '.', '--format', 'json'], dir, files);
  const first = measure(
    process.execPath,
    [NOTES, 'lint', '.', '--format', 'json', '--cache', '--cache-location', `${cache}/`],
    dir,
    files,
  );
  const cached = measure(
    process.execPath,
    [NOTES, 'lint', '.', '--format', 'json', '--cache', '--cache-location', `${cache}/`],
    dir,
    files,
  );
  console.log(row('markdownlint-cli2 0.22', mdl, bytes));
  console.log(row('notes lint', notes, bytes));
  console.log(row('notes lint --cache (cold)', first, bytes));
  console.log(row('notes lint --cache (warm)', cached, bytes));
  console.log(
    `ratio notes / markdownlint-cli2: ${(notes.wall / mdl.wall).toFixed(2)} (≤ 1.00 wanted); CPU ratio ${(notes.cpu / mdl.cpu).toFixed(2)}`,
  );
  console.log(
    `load average now: ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} on ${availableParallelism()} cores (other processes skew wall times)`,
  );
  console.log(`cached second run / first run:   ${((cached.wall / first.wall) * 100).toFixed(1)}% (≤ 10% wanted)`);
  return { label, mdl, notes, cached, first };
}

mkdirSync(OUT, { recursive: true });
const synthetic = join(OUT, 'corpus');
const total = writeCorpus(synthetic, quick ? { count: 60 } : {});
console.log(`synthetic corpus written: ${(total / 1048576).toFixed(1)} MB in ${synthetic}`);
const results = [bench('synthetic', synthetic)];
const shared = resolve(ROOT, '../shared/corpora');
if (existsSync(shared) && !quick) {
  // A writable copy: markdownlint-cli2 and the cache need nothing written there, but keep the original pristine.
  const copy = join(OUT, 'corpora');
  rmSync(copy, { recursive: true, force: true });
  cpSync(shared, copy, { recursive: true });
  results.push(bench('shared/corpora', copy));
}
console.log(
  `\n${results.map((r) => `${r.label}: ratio ${(r.notes.wall / r.mdl.wall).toFixed(2)}, cache ${((r.cached.wall / r.first.wall) * 100).toFixed(1)}%`).join('\n')}`,
);
