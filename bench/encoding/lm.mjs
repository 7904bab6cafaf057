#!/usr/bin/env node
// Trains the character model that chooses among the repairs of lossy mojibake (packages/lint/src/encoding/lm.ts)
// and writes packages/lint/generated/lm-table.txt (read by lm.ts on first use). Deterministic, and it needs only npm packages:
//   - the clean text of the held-out benchmark's DEV half, CLDR cases only (generate.mjs is run with an empty
//     corpora folder, so the model is the same on a fresh clone; look-alikes that quote damage are left out);
//   - CLDR text the benchmark never draws from: Gregorian month, day and era names, date fields and relative
//     times (cldr-dates-full), unit names in every grammatical case (cldr-units-full), and each language's day
//     names inside its own quotation marks (cldr-misc-full's delimiters);
//   - the words of the Russian, Bulgarian and Greek Hunspell dictionaries (dictionary-ru, -bg, -el).
// The test half is never read.
//   node bench/encoding/lm.mjs [OUT.ts]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const target = process.argv[2] ?? new URL('../../packages/lint/generated/lm-table.txt', import.meta.url).pathname;
/** A pair seen once is as likely noise as knowledge; the model backs off to single characters for it. */
const MIN_PAIR_COUNT = 2;
/** Bytes single-byte code pages leave undefined (cp1252's five, and cp1250's and cp1251's others): what lossy
 * damage loses. Only pairs with a character whose UTF-8 holds one of them are kept, since only such characters
 * differ between the repairs the model compares. */
const LOST = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d, 0x83, 0x88, 0x98]);
const reachable = (c) => [...Buffer.from(c, 'utf8').subarray(1)].some((b) => LOST.has(b));

const texts = new Set();
const tmp = mkdtempSync(join(tmpdir(), 'notes-lm-'));
try {
  const file = join(tmp, 'cases.jsonl');
  execFileSync(process.execPath, [new URL('./generate.mjs', import.meta.url).pathname, file, tmp], { stdio: 'ignore' });
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.startsWith('{"id":"dev-')) continue;
    const c = JSON.parse(line);
    if (c.id.startsWith('dev-lookcode-')) continue;
    texts.add(c.expected);
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

const strings = (value, out) => {
  if (typeof value === 'string') out.push(value.replace(/\{\d\}/g, ' '));
  else if (value && typeof value === 'object') for (const k of Object.keys(value).sort()) strings(value[k], out);
  return out;
};
const localesOf = (pkg) =>
  readdirSync(join(require.resolve(`${pkg}/package.json`), '..', 'main'))
    .filter((l) => !l.includes('-'))
    .sort();
for (const l of localesOf('cldr-dates-full')) {
  for (const f of ['ca-gregorian', 'dateFields']) {
    try {
      for (const s of strings(require(`cldr-dates-full/main/${l}/${f}.json`).main[l].dates, [])) texts.add(s);
    } catch {
      // not every locale has every file
    }
  }
}
// Quotation marks as each language writes them (cldr-misc-full's delimiters, which the benchmark does not draw
// from), around that language's day names: `“lunedì”`, `„Montag“`, `«понедельник»`. Without them the model has
// never seen a closing `”` and cannot prefer it to `⁀ ⍀ ⏀ ❀`, the other readings of its lost byte.
for (const l of localesOf('cldr-misc-full')) {
  let q;
  let days;
  try {
    q = require(`cldr-misc-full/main/${l}/delimiters.json`).main[l].delimiters;
    days = strings(require(`cldr-dates-full/main/${l}/ca-gregorian.json`).main[l].dates.calendars.gregorian.days, []);
  } catch {
    continue; // a locale without delimiters or day names
  }
  for (const d of days) {
    texts.add(q.quotationStart + d + q.quotationEnd);
    texts.add(q.alternateQuotationStart + d + q.alternateQuotationEnd);
  }
}
for (const l of localesOf('cldr-units-full')) {
  try {
    for (const s of strings(require(`cldr-units-full/main/${l}/units.json`).main[l].units.long, [])) texts.add(s);
  } catch {
    // not every locale has units
  }
}

// The words of Hunspell dictionaries that ship in npm (wooorm's dictionary-xx packages, dev dependencies), for the
// scripts whose letters lossy cp1252 damage blurs most (Cyrillic с э я Н А Ё Џ, Greek ρ ύ Ν ΐ): every word of
// the .dic file as written (stems, without their affix flags). Licences: dictionary-ru BSD-3-Clause;
// dictionary-bg and dictionary-el GPL-2.0 OR LGPL-2.1 OR MPL-1.1, used under MPL-1.1. The benchmark never draws
// from them.
const DICTIONARIES = ['dictionary-bg', 'dictionary-el', 'dictionary-ru'];
for (const pkg of DICTIONARIES) {
  const dic = new TextDecoder().decode((await import(pkg)).default.dic).split('\n');
  for (const line of dic.slice(1)) {
    const word = line.split('/')[0].trim();
    if (word && !/[\s\d]/.test(word)) texts.add(word);
  }
}

// Count characters and neighbouring pairs (a space stands for the edges).
const uni = new Map();
const pairs = new Map();
const triples = new Map();
const bump = (m, k) => m.set(k, (m.get(k) ?? 0) + 1);
let total = 0;
for (const t of [...texts].sort()) {
  if (!/[^\x00-\x7f]/.test(t)) continue;
  const cs = [' ', ...t.normalize('NFC').replace(/\s/g, ' '), ' '];
  for (let i = 0; i < cs.length; i++) {
    uni.set(cs[i], (uni.get(cs[i]) ?? 0) + 1);
    total++;
    if (i === 0) continue;
    bump(pairs, cs[i - 1] + '\u0000' + cs[i]);
    if (i >= 2 && (reachable(cs[i - 2]) || reachable(cs[i - 1]) || reachable(cs[i])))
      bump(triples, cs[i - 2] + '\u0000' + cs[i - 1] + '\u0000' + cs[i]);
  }
}
// Kept: triples seen often enough with a character lossy damage can blur, the pairs with such a character, and
// the pairs the kept triples are conditioned on.
for (const [k, n] of triples) if (n < MIN_PAIR_COUNT) triples.delete(k);
const needed = new Set([...triples.keys()].map((k) => k.split('\u0000').slice(0, 2).join('\u0000')));
for (const k of pairs.keys()) {
  const [a, b] = k.split('\u0000');
  if (!needed.has(k) && !reachable(a) && !reachable(b)) pairs.delete(k);
}
// Packed: `<char><count>` and `<char><char><count>` entries, counts in base 36, joined by spaces; a tab stands
// for a space or an edge.
const esc = (c) => (c === ' ' ? '\t' : c);
const uniPacked = [...uni.entries()]
  .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  .map(([c, n]) => esc(c) + n.toString(36))
  .join(' ');
const pairPacked = [...pairs.entries()]
  .filter(([k, n]) => n >= MIN_PAIR_COUNT || needed.has(k))
  .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  .map(([k, n]) => k.split('\u0000').map(esc).join('') + n.toString(36))
  .join(' ');
const triplePacked = [...triples.entries()]
  .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  .map(([k, n]) => k.split('\u0000').map(esc).join('') + n.toString(36))
  .join(' ');
const nPairs = pairPacked.split(' ').length;
// Four lines: what the file is, then `<char><count base 36>`, `<char><char><count>` and `<char><char><char><count>`
// entries, each joined by spaces.
const source = [
  `lm-table: character model of lossy mojibake repairs (bench/encoding/lm.mjs; do not edit). ${texts.size} texts, ${uni.size} characters (${total} in all), ${nPairs} pairs, ${triples.size} triples; a tab stands for a space or an edge.`,
  uniPacked,
  pairPacked,
  triplePacked,
  '',
].join('\n');
writeFileSync(target, source);
console.log(`${texts.size} texts, ${uni.size} chars, ${nPairs} pairs, ${triples.size} triples -> ${target}`);
