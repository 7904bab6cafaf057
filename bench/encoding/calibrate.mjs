#!/usr/bin/env node
// Calibrates CHOICE_MARGIN (packages/lint/src/encoding/mojibake.ts) on the DEV half of the held-out benchmark:
// for each margin, how many damaged dev cases the mojibake repair gets exactly right, how many it changes
// wrongly (a wrong automatic repair, worse than none), and how many it leaves with a run unrepaired.
//   npx turbo run build && node bench/encoding/generate.mjs /tmp/cases.jsonl && node bench/encoding/calibrate.mjs /tmp/cases.jsonl
import { readFileSync } from 'node:fs';
import { findMojibake } from '../../packages/lint/dist/src/encoding/mojibake.js';
import { repairAtMargin } from './repair.mjs';

const file = process.argv[2] ?? new URL('./cases.jsonl', import.meta.url).pathname;
const half = process.argv[3] ?? 'dev';
const margins = [0, 2, 4, 6, 8, 9, 10, 11, 12, 13, 14, 16, Infinity];
const rows = readFileSync(file, 'utf8')
  .split('\n')
  .filter((l) => l.startsWith(`{"id":"${half}-`))
  .map((l) => JSON.parse(l))
  .filter((c) => c.damaged);
const stats = new Map(
  margins.map((m) => [m, { exact: 0, wrong: 0, unrepaired: 0, lossy: { exact: 0, wrong: 0, n: 0 } }]),
);
for (const c of rows) {
  const spans = findMojibake(c.text);
  const lossy = c.id.includes('-lossy');
  for (const m of margins) {
    const { out, open } = repairAtMargin(c.text, spans, m);
    const st = stats.get(m);
    if (out === c.expected) st.exact++;
    else if (open) st.unrepaired++;
    else st.wrong++;
    if (lossy) {
      st.lossy.n++;
      if (out === c.expected) st.lossy.exact++;
      else if (!open) st.lossy.wrong++;
    }
  }
}
console.log(`${rows.length} damaged ${half} cases (mojibake runs only; other encoding rules not applied)`);
console.log('margin  exact  wrong  unrepaired | lossy: exact  wrong  of');
for (const [m, s] of stats)
  console.log(
    `${String(m).padEnd(7)} ${String(s.exact).padStart(5)}  ${String(s.wrong).padStart(5)}  ${String(s.unrepaired).padStart(10)} |        ${String(s.lossy.exact).padStart(5)}  ${String(s.lossy.wrong).padStart(5)}  ${s.lossy.n}`,
  );
