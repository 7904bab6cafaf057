#!/usr/bin/env node
// bench/big: whole-process `notes lint` and `notes export` of the big inputs of issue 14 at the default 16 MiB
// limit: a 10 MB notes file (question sections with small lists), a 100,000-row table, and real.md: 10 MB of real
// notes, the files of ../shared/corpora one after another (twice over), with their link definitions, footnotes and
// constructs the fast parse leaves to remark.
// Usage: node bench/big/run.mjs [what=lint,json] [file=rows.md,ten-mb.md (or real.md)] [--root=DIR,...] [--prof=DIR]  (build
// first). `what` is a comma list of lint, json, md, anki, pdf, site (one format per run: the run's time less the
// lint's is that exporter's) and all (export --all). Prints CPU (user + sys), wall and peak RSS of each run.
// --root: built checkouts to run, alternately in each step (paired runs; default this one). --prof: write a
// `--cpu-prof` profile of each run (and of its worker threads) to DIR.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
const flags = process.argv.slice(2).filter((a) => a.startsWith('--'));
const positional = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const flag = (name) => flags.find((f) => f.startsWith(`--${name}=`))?.slice(name.length + 3);
const roots = (flag('root') ?? ROOT).split(',').map((r) => resolve(r));
const prof = flag('prof') ? resolve(flag('prof')) : null;
const what = (positional[0] ?? 'lint,json').split(',');
const files = (positional[1] ?? 'rows.md,ten-mb.md').split(',');
const dir = mkdtempSync(join(tmpdir(), 'notes-big-'));

// The same inputs as test/e2e/big-input.test.ts.
const block = '## Question N?\n\nAn answer with **bold** text, `code` and a list:\n\n- one\n- two\n\n';
const parts = ['# Big\n\n'];
for (let i = 0, size = 0; size < 10 * 1024 * 1024; i++) {
  const b = block.replace('N', String(i));
  parts.push(b);
  size += b.length;
}
writeFileSync(join(dir, 'ten-mb.md'), parts.join(''));
const rows = ['# Table\n\n## All rows?\n\n| id | name | value |\n| --- | --- | --- |\n'];
for (let i = 0; i < 100_000; i++) rows.push(`| ${i} | row ${i} | ${i * 7} |\n`);
writeFileSync(join(dir, 'rows.md'), rows.join(''));
if (files.includes('real.md')) {
  const corpora = resolve(ROOT, '../shared/corpora');
  const markdown = (d) =>
    readdirSync(d, { withFileTypes: true })
      .sort((a, b) => (a.name < b.name ? -1 : 1))
      .flatMap((e) => (e.isDirectory() ? markdown(join(d, e.name)) : /\.md$/.test(e.name) ? [join(d, e.name)] : []));
  const texts = markdown(corpora).map((f) => readFileSync(f, 'utf8').replace(/^\uFEFF/, ''));
  const real = [];
  for (let size = 0, i = 0; size < 10 * 1024 * 1024; i++) {
    const t = `${texts[i % texts.length]}\n\n`;
    real.push(t);
    size += Buffer.byteLength(t);
  }
  writeFileSync(join(dir, 'real.md'), real.join(''));
}

function run(label, args, root) {
  const notes = join(root, 'packages/cli/bin/notes.js');
  const node = prof ? [process.execPath, '--cpu-prof', `--cpu-prof-dir=${prof}`] : [process.execPath];
  const start = process.hrtime.bigint();
  const r = spawnSync('/usr/bin/time', ['-f', '__cpu=%U %S __kb=%M', ...node, notes, ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, SOURCE_DATE_EPOCH: '1700000000' },
    maxBuffer: 1 << 30,
  });
  const wall = Number(process.hrtime.bigint() - start) / 1e9;
  const cpu = /__cpu=([\d.]+) ([\d.]+)/.exec(r.stderr ?? '');
  const kb = /__kb=(\d+)/.exec(r.stderr ?? '');
  const seconds = cpu ? Number(cpu[1]) + Number(cpu[2]) : NaN;
  const warnings = (r.stderr ?? '').split('\n').filter((l) => l.startsWith('notes: warning'));
  console.log(
    `${(roots.length > 1 ? `${root} ${label}` : label).padEnd(28)} exit ${r.status}  cpu ${seconds.toFixed(1)} s  wall ${wall.toFixed(1)} s  peak ${(Number(kb?.[1] ?? 0) / 1024).toFixed(0)} MB`,
  );
  for (const w of warnings) console.log(`  ${w}`);
}

for (const file of files) {
  for (const w of what) {
    for (const root of roots) {
      if (w === 'lint') run(`lint ${file}`, ['lint', file], root);
      else {
        const flag = w === 'all' ? '--all' : `--${w}`;
        run(`export ${flag} ${file}`, ['export', flag, '--out', `out-${file}-${w}`, file], root);
      }
    }
  }
}
rmSync(dir, { recursive: true, force: true });
