/**
 * Corpus round trip of the clean-Markdown export (issue 7, acceptance 4): for every file of the corpora, export
 * (repair in memory → model → clean Markdown) and report words lost or added, idempotence (by exporting the
 * export), whether the structure changed (node types and literal text, heading depths and table padding aside),
 * fixable findings, and lint errors and warnings the export introduced. Run: `npx tsx bench/markdown-roundtrip.ts [folder]` (default
 * ../shared/corpora, i.e. /work/shared/corpora from the repo root).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { markdownFiles, roundTrip } from '../packages/export-markdown/test/roundtrip.js';

const root = resolve(process.argv[2] ?? resolve(import.meta.dirname, '../../shared/corpora'));
if (!existsSync(root)) {
  console.error(`no corpus at ${root}: pass a folder`);
  process.exit(2);
}
const files = markdownFiles(root);
const started = performance.now();
let lostWords = 0;
let addedWords = 0;
let notIdempotent = 0;
let withFixable = 0;
let withIntroduced = 0;
let resettled = 0;
let reshaped = 0;
const warningRules = new Map<string, number>();
const fmt = (m: Map<string, number>): string =>
  [...m]
    .slice(0, 8)
    .map(([w, n]) => (n > 1 ? `${w}×${n}` : w))
    .join(' ');
for (const file of files) {
  let r;
  try {
    r = roundTrip(file, root);
  } catch (error) {
    console.log(`CRASH ${file}: ${(error as Error).stack}`);
    continue;
  }
  const lost = [...r.lost.values()].reduce((a, b) => a + b, 0);
  const added = [...r.added.values()].reduce((a, b) => a + b, 0);
  lostWords += lost;
  addedWords += added;
  if (!r.idempotent) notIdempotent++;
  if (r.passes > 1) resettled++;
  if (r.shapeDiff) reshaped++;
  if (r.fixable.length) withFixable++;
  if (r.introduced.length) withIntroduced++;
  const notes: string[] = [];
  if (lost) notes.push(`lost ${lost}: ${fmt(r.lost)}`);
  if (added) notes.push(`added ${added}: ${fmt(r.added)}`);
  if (!r.idempotent) notes.push('not idempotent');
  if (r.shapeDiff)
    notes.push(`shape differs: input ${r.shapeDiff.input.slice(0, 80)} / export ${r.shapeDiff.output.slice(0, 80)}`);
  if (r.passes > 1) notes.push(`structure re-inferred from the first copy: settled after ${r.passes} passes`);
  if (r.fixable.length)
    notes.push(`fixable: ${[...new Set(r.fixable.map((m) => `${m.ruleId}@${m.line}`))].slice(0, 5).join(', ')}`);
  for (const w of r.introducedWarnings) warningRules.set(w.ruleId, (warningRules.get(w.ruleId) ?? 0) + 1);
  for (const i of r.introduced)
    notes.push(`introduced ${i.ruleId} ×${i.extra} (line ${i.example.line}: ${i.example.message})`);
  if (notes.length) console.log(`${r.path}\n  ${notes.join('\n  ')}`);
}
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(
  `\n${files.length} files in ${seconds} s: words lost ${lostWords}, added ${addedWords}; not idempotent ${notIdempotent}; ` +
    `fixable after export ${withFixable}; lint errors introduced ${withIntroduced}; shape changed ${reshaped}; ` +
    `settled after more than one pass ${resettled}`,
);
console.log(
  `files with more warnings after export, by rule: ${[...warningRules].map(([id, n]) => `${id} ${n}`).join(', ') || 'none'}`,
);
