// Time against input size (1×, 2×, 4×, 8×) for big tables and for many small lists between headings, and peak
// memory of lint and each export on a generated corpus. Usage:
//   node bench/perf/run.mjs [growth|memory|all] [files=2000] [only: lint|--json|--md|--anki|--pdf|build]
// Times are CPU seconds of the parse (process.cpuUsage), which a loaded machine inflates less than wall time.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseMarkdown } from '@notes/core';
import { lintSource } from '@notes/lint';
import { sourceFromText } from '@notes/core';

const root = resolve(import.meta.dirname, '../..');
const bin = join(root, 'packages/cli/bin/notes.js');
const what = process.argv[2] ?? 'all';
const fileCount = Number(process.argv[3] ?? 2000);

const cpu = (f) => {
  const a = process.cpuUsage();
  f();
  const b = process.cpuUsage(a);
  return (b.user + b.system) / 1e6;
};

const table = (rows) =>
  `# Services\n\n## Which service does what?\n\n| Service | Kind | Note |\n|---|---|---|\n${Array.from({ length: rows }, (_, r) => `| svc${r} | kind ${r % 7} | note **${r}** |`).join('\n')}\n`;
const lists = (sections) =>
  Array.from(
    { length: sections },
    (_, s) => `## Question ${s}?\n\n- a ${s}\n- b ${s}\n  - c ${s}\n\n1. one\n2. two\n\nText ${s}.\n\n- x\n- y\n`,
  ).join('\n');

function row(label, sizes, make, run, base = null) {
  const out = [];
  for (const n of sizes) {
    const text = make(n);
    const s = cpu(() => run(text));
    out.push(`${n}: ${s.toFixed(2)} s (${(text.length / 1024).toFixed(0)} KB)`);
  }
  console.log(`${label}\n  ${out.join('\n  ')}`);
  void base;
}

if (what === 'growth' || what === 'all') {
  parseMarkdown(table(300)); // warm up the JIT
  row('table rows, parseMarkdown (batched rows)', [1000, 2000, 4000, 8000], table, (t) => parseMarkdown(t));
  row('table rows, one whole micromark parse (the old path, quadratic)', [1000, 2000, 4000], table, (t) =>
    parseMarkdown(t, { bigTableRows: Infinity }),
  );
  row('table rows, lint (lintSource, every rule)', [1000, 2000, 4000, 8000], table, (t) =>
    lintSource(sourceFromText(t)),
  );
  // 12,000 sections ≈ 1 MB at 8× (the 960 KB case of the issue).
  row('small lists between headings, parseMarkdown', [1500, 3000, 6000, 12000], lists, (t) => parseMarkdown(t));
  row('small lists between headings, lint', [1500, 3000, 6000, 12000], lists, (t) => lintSource(sourceFromText(t)));
}

if (what === 'memory' || what === 'all') {
  const dir = mkdtempSync(join(tmpdir(), 'notes-perf-'));
  for (let f = 0; f < fileCount; f++) {
    const sub = join(dir, 'notes', `topic-${f % 20}`);
    mkdirSync(sub, { recursive: true });
    const body = Array.from(
      { length: 8 },
      (_, q) =>
        `## What is service ${f}-${q}?\n\nIt’s a service for ${q} things.\n\n- point a\n- point b\n\n| A | B |\n|---|---|\n| ${f} | ${q} |\n`,
    ).join('\n');
    writeFileSync(join(sub, `notes-${f}.md`), `# Topic ${f}\n\n${body}`);
  }
  console.log(`\npeak memory on ${fileCount} generated files (GNU time %M = max RSS)`);
  const only = process.argv[4]; // e.g. `--md`: one command only
  for (const args of [
    ['lint'],
    ['export', '--json'],
    ['export', '--md'],
    ['export', '--anki'],
    ['export', '--pdf'],
    ['build'],
  ]) {
    if (only && !args.includes(only) && args[0] !== only) continue;
    const out = join(dir, 'out');
    const full = [...args, ...(args[0] === 'export' ? ['--out', out] : []), 'notes'];
    const run = spawnSync('/usr/bin/time', ['-f', '%M %e %U', process.execPath, bin, ...full], {
      cwd: dir,
      encoding: 'utf8',
      maxBuffer: 1 << 28,
    });
    const [kb, wall, user] = run.stderr.trim().split('\n').pop().split(' ');
    console.log(
      `  notes ${args.join(' ').padEnd(14)} exit ${run.status}  peak ${(Number(kb) / 1024).toFixed(0)} MB  ${wall} s wall  ${user} s user`,
    );
    if (run.status !== 0) console.log(`    ${run.stderr.split('\n').slice(0, 3).join('\n    ')}`);
  }
  rmSync(dir, { recursive: true, force: true });
}
