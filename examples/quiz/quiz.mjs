#!/usr/bin/env node
// A small program that consumes the JSON dataset written by `notes export --json` (dist/notes.json):
// it prints a random question; press Enter to see its answer, q to quit.
//   node examples/quiz/quiz.mjs [dist/notes.json] [--seed N]
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';

const args = process.argv.slice(2);
const seedAt = args.indexOf('--seed');
let seed = seedAt === -1 ? Date.now() : Number(args[seedAt + 1]);
const file = args.find((a, i) => !a.startsWith('--') && (seedAt === -1 || i !== seedAt + 1)) ?? 'dist/notes.json';

let dataset;
try {
  dataset = JSON.parse(readFileSync(file, 'utf8'));
} catch (error) {
  console.error(
    `quiz: ${file}: ${error.code === 'ENOENT' ? 'not found: run `npx notes export --json` first' : error.message}`,
  );
  process.exit(2);
}
if (dataset.schemaVersion !== 1) {
  console.error(`quiz: ${file}: schemaVersion ${dataset.schemaVersion} is not supported (expected 1)`);
  process.exit(2);
}
const questions = dataset.notes.filter((n) => n.kind === 'question' && n.answer.text.trim() !== '');
if (questions.length === 0) {
  console.error(`quiz: ${file}: no questions with answers`);
  process.exit(1);
}

// mulberry32: a tiny seeded generator so a run can be repeated (--seed).
const random = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: false });
const lines = rl[Symbol.asyncIterator]();
let asked = 0;
for (;;) {
  const q = questions[Math.floor(random() * questions.length)];
  console.log(`\n[${q.topic ?? q.document}] ${q.title}`);
  console.log('(Enter: show the answer, q: quit)');
  const first = await lines.next();
  if (first.done || first.value.trim() === 'q') break;
  console.log(`\n${q.answer.text}\n`);
  for (const t of q.tables) console.log(`(table: ${t.columns.join(' | ')}; ${t.rows.length} rows)`);
  asked++;
  console.log('(Enter: next question, q: quit)');
  const next = await lines.next();
  if (next.done || next.value.trim() === 'q') break;
}
console.log(`\n${asked} question${asked === 1 ? '' : 's'} reviewed.`);
rl.close();
