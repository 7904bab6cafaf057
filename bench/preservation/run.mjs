// Content preservation report: the raw notes and every corpus folder through `notes export --all`, then per
// format how many headings, paragraphs and table cells of the repaired notes appear. Usage:
//   node bench/preservation/run.mjs [corpora-folder]   (default /work/shared/corpora; skipped when absent)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { coverage, formatTexts, itemsOf } from './check.mjs';

const root = resolve(import.meta.dirname, '../..');
const bin = join(root, 'packages/cli/bin/notes.js');
const corpora = resolve(process.argv[2] ?? '/work/shared/corpora');
const FORMATS = ['json', 'markdown', 'pdf', 'anki'];

function mdFiles(dir) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) {
      if (!name.startsWith('.') && name !== 'node_modules') out.push(...mdFiles(p));
    } else if (/\.(?:md|markdown)$/i.test(name)) out.push(p);
  }
  return out;
}

async function measure(label, input) {
  const out = mkdtempSync(join(tmpdir(), 'notes-preserve-'));
  const started = performance.now();
  const run = spawnSync(process.execPath, [bin, 'export', '--all', '--out', out, input], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (run.status !== 0) {
    console.log(`${label}: export failed (exit ${run.status}): ${run.stderr.split('\n').slice(-3).join(' ')}`);
    return null;
  }
  const files = statSync(input).isDirectory() ? mdFiles(input) : [input];
  const items = files.flatMap((f) => itemsOf(readFileSync(f, 'utf8'), relative(root, f)).map((i) => ({ ...i, file: relative(input, f) || f })));
  const result = coverage(items, await formatTexts(out));
  rmSync(out, { recursive: true, force: true });
  console.log(`\n${label}: ${files.length} files, ${items.length} items, export --all ${seconds} s (wall, loaded machine)`);
  for (const format of FORMATS) {
    const r = result[format];
    const pct = r.total ? ((100 * r.found) / r.total).toFixed(2) : '100.00';
    console.log(`  ${format.padEnd(9)} ${String(r.found).padStart(7)} / ${String(r.total).padEnd(7)} ${pct}%${r.outOfScope ? `  (${r.outOfScope} overview items: no card by design)` : ''}`);
    for (const m of r.missing.slice(0, 8)) console.log(`      missing ${m.kind}/${m.scope} ${m.file}:${m.line} ${JSON.stringify(m.text.slice(0, 90))}`);
    if (r.missing.length > 8) console.log(`      … ${r.missing.length - 8} more`);
  }
  return result;
}

await measure('raw notes', join(root, 'examples/raw/aws-prep-notes.raw.md'));
if (!existsSync(corpora)) console.log(`\n${corpora} is absent: corpora skipped`);
else {
  const totals = Object.fromEntries(FORMATS.map((f) => [f, { found: 0, total: 0 }]));
  for (const name of readdirSync(corpora).sort()) {
    const dir = join(corpora, name);
    if (!statSync(dir).isDirectory()) continue;
    const result = await measure(name, dir);
    if (result) for (const f of FORMATS) (totals[f].found += result[f].found), (totals[f].total += result[f].total);
  }
  console.log('\ncorpora total:');
  for (const f of FORMATS) console.log(`  ${f.padEnd(9)} ${totals[f].found} / ${totals[f].total} ${((100 * totals[f].found) / Math.max(1, totals[f].total)).toFixed(2)}%`);
}
