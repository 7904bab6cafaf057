#!/usr/bin/env node
// Per-class exact repair of the mojibake rule on one half of the held-out benchmark, in-process, with every
// failure put in one class:
//   missed      no run found at all;
//   no-cand     a run was found, but no reading of it (or no combination of readings) gives the expected text;
//   margin      the expected reading is among the candidates and the likeliest, but it does not lead by the margin;
//   ranked      the expected reading is among the candidates, but another one is the likeliest;
//   other       every run repaired as expected, yet the text differs (damage outside the runs found).
// A wrong automatic repair is a case whose output changed but is not the expected text with no run left open.
//   node bench/encoding/diagnose.mjs CASES.jsonl [dev|test] [--show CLASS[:FAILURE]] [--margin N]
import { readFileSync } from 'node:fs';
import { findMojibake, CHOICE_MARGIN } from '../../packages/lint/dist/src/encoding/mojibake.js';
import { repairAtMargin } from './repair.mjs';

const args = process.argv.slice(2);
const file = args[0];
const half = args[1] ?? 'dev';
const showAt = args.indexOf('--show');
const show = showAt >= 0 ? args[showAt + 1] : null;
const marginAt = args.indexOf('--margin');
const margin = marginAt >= 0 ? Number(args[marginAt + 1]) : CHOICE_MARGIN;

const rows = readFileSync(file, 'utf8')
  .split('\n')
  .filter((l) => l.startsWith(`{"id":"${half}-`))
  .map((l) => JSON.parse(l));

/** Indices of the candidate chosen per span so that the whole text becomes `expected`, or null. */
function oracle(text, spans, expected) {
  const pick = [];
  const go = (k, at, pos) => {
    if (k === spans.length) return text.slice(at) === expected.slice(pos);
    const s = spans[k];
    const gap = text.slice(at, s.start);
    if (!expected.startsWith(gap, pos)) return false;
    const p = pos + gap.length;
    for (let j = 0; j < s.candidates.length; j++) {
      const c = s.candidates[j];
      if (!expected.startsWith(c, p)) continue;
      pick[k] = j;
      if (go(k + 1, s.end, p + c.length)) return true;
    }
    return false;
  };
  return go(0, 0, 0) ? pick : null;
}

const byClass = new Map();
const stat = (cls) => {
  let s = byClass.get(cls);
  if (!s)
    byClass.set(
      cls,
      (s = { n: 0, found: 0, exact: 0, wrong: 0, missed: 0, 'no-cand': 0, margin: 0, ranked: 0, other: 0, flagged: 0 }),
    );
  return s;
};
const shown = [];
for (const c of rows) {
  const cls = c.id.split('-')[1];
  const st = stat(cls);
  st.n++;
  const spans = findMojibake(c.text);
  if (!c.damaged) {
    if (spans.length) st.flagged++;
    continue;
  }
  if (spans.length) st.found++;
  const { out, open } = repairAtMargin(c.text, spans, margin);
  if (out === c.expected) {
    st.exact++;
    continue;
  }
  if (!open && out !== c.text) st.wrong++;
  let why;
  if (spans.length === 0) why = 'missed';
  else {
    const pick = oracle(c.text, spans, c.expected);
    if (!pick) why = 'no-cand';
    else if (spans.every((s, k) => s.candidates[pick[k]] === s.likeliest)) why = open ? 'margin' : 'other';
    else why = 'ranked';
  }
  st[why]++;
  if (show && (show === cls || show === `${cls}:${why}` || show === `*:${why}`))
    shown.push({
      id: c.id,
      why,
      text: c.text,
      expected: c.expected,
      out,
      spans: spans.map((s) => ({
        found: s.found,
        cands: s.candidates.slice(0, 8),
        n: s.candidates.length,
        likeliest: s.likeliest,
        margin: +s.margin.toFixed(1),
      })),
    });
}
const cols = ['n', 'found', 'exact', 'wrong', 'missed', 'no-cand', 'margin', 'ranked', 'other', 'flagged'];
console.log(`${half} half, margin ${margin}`);
console.log(['class'.padEnd(14), ...cols.map((c) => c.padStart(7)), '  exact%'].join(''));
const total = stat('__damaged');
for (const [cls, s] of [...byClass].sort()) {
  if (cls === '__damaged') continue;
  if (s.found || s.exact || s.missed) for (const k of cols) total[k] += s[k];
  const pct = s.n && (s.found || s.missed || s.exact) ? ((100 * s.exact) / s.n).toFixed(1) : '';
  console.log([cls.padEnd(14), ...cols.map((k) => String(s[k]).padStart(7)), pct.padStart(8)].join(''));
}
console.log(
  [
    'damaged'.padEnd(14),
    ...cols.map((k) => String(total[k]).padStart(7)),
    ((100 * total.exact) / total.n).toFixed(1).padStart(8),
  ].join(''),
);
byClass.delete('__damaged');
for (const x of shown) console.log(JSON.stringify(x));
