#!/usr/bin/env node
// bench/parse: µs of CPU per character of the fast parse (core's fastParse, Lezer -> mdast) and of remark (core's
// parseWithRemark, the parse before it) at 1×, 2×, 4× and 8× input, on four shapes: a table, many small lists
// (question sections), the seed repeated and the shared corpora (each file parsed alone, the sum at 1× only).
// Issue 14, acceptance 5: the fast parse's µs/char stays flat within 1.5× from 1× to 8×.
// Usage: node bench/parse/run.mjs [--no-remark]  (build first). CPU time from process.cpuUsage, best of 3.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
const { fastParse } = await import(join(ROOT, 'packages/core/dist/src/fastparse/parse.js'));
const { parseWithRemark } = await import(join(ROOT, 'packages/core/dist/src/parse.js'));
const withRemark = !process.argv.includes('--no-remark');
const CORPORA = resolve(process.env.NOTES_CORPORA ?? '/work/shared/corpora');

const seed = readFileSync(join(ROOT, 'examples/raw/aws-prep-notes.raw.md'), 'utf8');
const shapes = {
  table: (k) => {
    const rows = ['| id | name | value |\n| --- | --- | --- |\n'];
    for (let i = 0; i < 2000 * k; i++) rows.push(`| ${i} | row **${i}** | \`${i * 7}\` |\n`);
    return rows.join('');
  },
  lists: (k) => {
    const parts = ['# Lists\n\n'];
    for (let i = 0; i < 500 * k; i++) parts.push(`## Question ${i}?\n\n- one\n- two *x*\n  - three\n\n`);
    return parts.join('');
  },
  seed: (k) => seed.repeat(4 * k),
};

function cpu(fn, text) {
  let best = Infinity;
  for (let r = 0; r < 3; r++) {
    const t0 = process.cpuUsage();
    fn(text);
    const t = process.cpuUsage(t0);
    best = Math.min(best, t.user + t.system);
  }
  return best / text.length;
}

const fmt = (x) => x.toFixed(2).padStart(7);
console.log(`shape   scale     chars    fast µs/char${withRemark ? '   remark µs/char' : ''}`);
// Warm up the JIT on every shape first, so 1× is not charged for compiling.
for (const make of Object.values(shapes)) for (let i = 0; i < 5; i++) fastParse(make(2));
for (const [name, make] of Object.entries(shapes)) {
  const fast = [];
  for (const k of [1, 2, 4, 8]) {
    const text = make(k);
    const f = cpu(fastParse, text);
    fast.push(f);
    const r = withRemark ? fmt(cpu(parseWithRemark, text)) : '';
    console.log(
      `${name.padEnd(7)} ${String(k).padStart(4)}× ${String(text.length).padStart(9)}    ${fmt(f)}         ${r}`,
    );
  }
  console.log(`${name.padEnd(7)} fast 8×/1× ratio: ${(fast[3] / fast[0]).toFixed(2)} (acceptance: ≤ 1.5)`);
}

if (existsSync(CORPORA)) {
  const files = [];
  const walk = (d) => {
    for (const n of readdirSync(d).sort()) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.md$/i.test(n)) files.push(readFileSync(p, 'utf8'));
    }
  };
  walk(CORPORA);
  const chars = files.reduce((s, t) => s + t.length, 0);
  const total = (fn) => {
    let best = Infinity;
    for (let r = 0; r < 2; r++) {
      const t0 = process.cpuUsage();
      for (const t of files) {
        try {
          fn(t);
        } catch {
          // a file the fast parse leaves to remark
        }
      }
      const t = process.cpuUsage(t0);
      best = Math.min(best, t.user + t.system);
    }
    return best / chars;
  };
  console.log(
    `corpora ${files.length} files ${chars} chars: fast ${fmt(total(fastParse))}${withRemark ? `   remark ${fmt(total(parseWithRemark))}` : ''} µs/char`,
  );
} else console.log(`corpora: ${CORPORA} is absent, skipped`);
