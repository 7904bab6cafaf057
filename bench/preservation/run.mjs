// Content preservation report: the raw notes and every corpus folder through `notes export --all`, then per
// format how many headings, paragraphs and table cells of the repaired notes appear, and every miss counted by
// its cause (causes.mjs). Usage:
//   node bench/preservation/run.mjs [--list] [corpora-folder]   (default /work/shared/corpora; skipped when absent)
// --list prints every missing item under its cause (without it: the counts and the first three of each cause).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { CAUSES, explain } from './causes.mjs';
import { coverage, formatTexts, itemsOf } from './check.mjs';

const root = resolve(import.meta.dirname, '../..');
const bin = join(root, 'packages/cli/bin/notes.js');
const args = process.argv.slice(2);
const list = args.includes('--list');
const corpora = resolve(args.find((a) => !a.startsWith('--')) ?? '/work/shared/corpora');
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
  const run = spawnSync(process.execPath, [bin, 'export', '--all', '--out', out, input], {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (run.status !== 0) {
    console.log(`${label}: export failed (exit ${run.status}): ${run.stderr.split('\n').slice(-3).join(' ')}`);
    return null;
  }
  const files = statSync(input).isDirectory() ? mdFiles(input) : [input];
  const items = files.flatMap((f) =>
    itemsOf(readFileSync(f, 'utf8'), relative(root, f)).map((i) => ({ ...i, file: relative(input, f) || f })),
  );
  const texts = await formatTexts(out);
  const result = coverage(items, texts);
  rmSync(out, { recursive: true, force: true });
  console.log(
    `\n${label}: ${files.length} files, ${items.length} items, export --all ${seconds} s (wall, loaded machine)`,
  );
  for (const format of FORMATS) {
    const r = result[format];
    const pct = r.total ? ((100 * r.found) / r.total).toFixed(2) : '100.00';
    console.log(
      `  ${format.padEnd(9)} ${String(r.found).padStart(7)} / ${String(r.total).padEnd(7)} ${pct}%${r.outOfScope ? `  (${r.outOfScope} overview items: no card by design)` : ''}`,
    );
    r.causes = explain(format, r.missing, texts[format]);
    for (const [cause, missing] of r.causes) {
      console.log(`    ${String(missing.length).padStart(5)}  ${cause} [${CAUSES[cause].kind}]: ${CAUSES[cause].text}`);
      const shown = list ? missing : missing.slice(0, 3);
      for (const m of shown)
        console.log(`             ${m.kind}/${m.scope} ${m.file}:${m.line} ${JSON.stringify(m.text.slice(0, 100))}`);
      if (shown.length < missing.length)
        console.log(`             … ${missing.length - shown.length} more (--list shows all)`);
    }
  }
  return result;
}

await measure('raw notes', join(root, 'examples/raw/aws-prep-notes.raw.md'));
if (!existsSync(corpora)) console.log(`\n${corpora} is absent: corpora skipped`);
else {
  const totals = Object.fromEntries(FORMATS.map((f) => [f, { found: 0, total: 0, causes: new Map() }]));
  for (const name of readdirSync(corpora).sort()) {
    const dir = join(corpora, name);
    if (!statSync(dir).isDirectory()) continue;
    const result = await measure(name, dir);
    if (!result) continue;
    for (const f of FORMATS) {
      totals[f].found += result[f].found;
      totals[f].total += result[f].total;
      for (const [cause, missing] of result[f].causes)
        totals[f].causes.set(cause, (totals[f].causes.get(cause) ?? 0) + missing.length);
    }
  }
  console.log('\ncorpora total:');
  for (const f of FORMATS) {
    const t = totals[f];
    console.log(`  ${f.padEnd(9)} ${t.found} / ${t.total} ${((100 * t.found) / Math.max(1, t.total)).toFixed(2)}%`);
    for (const [cause, n] of t.causes) console.log(`    ${String(n).padStart(5)}  ${cause} [${CAUSES[cause].kind}]`);
  }
}
