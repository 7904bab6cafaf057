#!/usr/bin/env node
// Builds the second word lexicon of lossy repairs (packages/lint/src/encoding/lexicon.ts): the words of CLDR text
// in every language and script that the held-out benchmark never draws from, so that a reading which makes a word
// of real text beats one that does not, in the scripts no Hunspell dictionary on npm covers (Indic, Arabic,
// Ethiopic, Georgian, CJK, ...):
//   - Gregorian month, day and era names, date fields and relative times, time zone and city names
//     (cldr-dates-full);
//   - unit names in every grammatical case (cldr-units-full) and currency names (cldr-numbers-full);
//   - the names and keywords of emoji (cldr-annotations-full).
// All are dev dependencies (Unicode licence). The benchmark's own text (its dev and test halves) is never read, so
// the dev half measures the lexicon as fairly as the test half.
//
// Kept: each lower-cased NFC word (letters, marks and digits) holding a character lossy damage can blur
// (golomb.mjs), as a Golomb-Rice coded set of hashes, the format of lexicon-ru.bin. Deterministic.
//   node bench/encoding/vocabulary.mjs [OUT.bin]
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { blurrable, writeSet } from './golomb.mjs';

const require = createRequire(import.meta.url);
const target = process.argv[2] ?? new URL('../../packages/lint/generated/lexicon-cldr.bin', import.meta.url).pathname;
/** Bits of each hash below the Golomb-Rice quotient: a word not in the set is taken for one 1 time in 2^FP_BITS. */
const FP_BITS = 10;

/** Every string inside a CLDR JSON value, keys in sorted order. */
const strings = (value, out) => {
  if (typeof value === 'string') out.push(value);
  else if (value && typeof value === 'object') for (const k of Object.keys(value).sort()) strings(value[k], out);
  return out;
};
/** The locales of a CLDR package (language-only ones, as the benchmark and lm.mjs take them). */
const localesOf = (pkg, folder = 'main') =>
  readdirSync(join(require.resolve(`${pkg}/package.json`), '..', folder))
    .filter((l) => !l.includes('-'))
    .sort();
/** The strings of one file of one locale, or none when the locale lacks it. */
const read = (path, pick) => {
  try {
    return strings(pick(require(path)), []);
  } catch {
    return [];
  }
};

const texts = [];
for (const l of localesOf('cldr-dates-full')) {
  texts.push(...read(`cldr-dates-full/main/${l}/ca-gregorian.json`, (d) => d.main[l].dates));
  texts.push(...read(`cldr-dates-full/main/${l}/dateFields.json`, (d) => d.main[l].dates));
  texts.push(...read(`cldr-dates-full/main/${l}/timeZoneNames.json`, (d) => d.main[l].dates.timeZoneNames));
}
for (const l of localesOf('cldr-units-full'))
  texts.push(...read(`cldr-units-full/main/${l}/units.json`, (d) => d.main[l].units.long));
for (const l of localesOf('cldr-numbers-full'))
  texts.push(...read(`cldr-numbers-full/main/${l}/currencies.json`, (d) => d.main[l].numbers.currencies));
for (const l of localesOf('cldr-annotations-full', 'annotations'))
  texts.push(...read(`cldr-annotations-full/annotations/${l}/annotations.json`, (d) => d.annotations.annotations));

const words = new Set();
for (const t of texts)
  for (const w of t
    .normalize('NFC')
    .toLowerCase()
    .match(/[\p{L}\p{M}\p{N}]+/gu) ?? [])
    if (blurrable(w)) words.add(w);
const { hashes, bytes } = writeSet(words, target, FP_BITS);
console.log(`${texts.length} texts, ${words.size} words, ${hashes} hashes, ${bytes} bytes -> ${target}`);
