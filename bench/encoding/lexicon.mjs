#!/usr/bin/env node
// Builds the word lexicon that backs the choice among repairs of lossy mojibake (packages/lint/src/encoding/
// lexicon.ts): every word form of the Russian Hunspell dictionary (`dictionary-ru`, BSD-3-Clause, a dev
// dependency; the benchmark never draws from it), its stems expanded through the dictionary's own suffix and
// prefix rules, lower-cased. Only forms holding a character that lossy damage can blur are kept (a character whose
// UTF-8 continuation bytes include a byte cp1252 leaves undefined: с э я, А Н Ё): every reading of a lost byte
// is such a character, so the other forms are never asked about.
//
// Stored as a Golomb-Rice coded set of hashes (`lexicon.ts` says how to read it): about 11.6 bits a word, one
// false "yes" in 2^FP_BITS lookups. Deterministic: the same dictionary gives the same bytes.
//   node bench/encoding/lexicon.mjs [OUT.bin]
import { blurrable, writeSet } from './golomb.mjs';

const target = process.argv[2] ?? new URL('../../packages/lint/generated/lexicon-ru.bin', import.meta.url).pathname;
// Only cp1252's five undefined bytes count (golomb.mjs): a word blurred only by another code page's undefined byte
// is left out; its readings then all miss the lexicon and it decides nothing.
/** Bits of each hash below the Golomb-Rice quotient: a word not in the set is taken for one 1 time in 2^FP_BITS. */
const FP_BITS = 10;

/** The word forms of a Hunspell dictionary with one-character flags: each stem, and each stem with every suffix
 * and prefix rule its flags allow (a prefix also on the suffixed forms when both rules say they combine). */
export function expand(aff, dic) {
  const rules = new Map();
  for (const line of aff.split('\n')) {
    const f = line.trim().split(/\s+/);
    if ((f[0] !== 'SFX' && f[0] !== 'PFX') || f.length < 4) continue;
    if (f.length === 4 && /^[YN]$/.test(f[2]) && /^\d+$/.test(f[3]) && !rules.has(f[1])) {
      rules.set(f[1], { type: f[0], cross: f[2] === 'Y', entries: [] });
      continue;
    }
    const rule = rules.get(f[1]);
    if (!rule) continue;
    const strip = f[2] === '0' ? '' : f[2];
    const add = f[3].split('/')[0];
    const cond = f[4] ?? '.';
    const test = cond === '.' ? '' : cond;
    rule.entries.push({
      strip,
      add: add === '0' ? '' : add,
      re: new RegExp(rule.type === 'SFX' ? `${test}$` : `^${test}`, 'u'),
    });
  }
  const out = new Set();
  for (const line of dic.split('\n').slice(1)) {
    const [stem, flags = ''] = line.trim().split('/');
    if (!stem || /[\s\d]/.test(stem)) continue;
    out.add(stem);
    const suffixed = [];
    const prefixes = [];
    for (const flag of flags) {
      const rule = rules.get(flag);
      if (!rule) continue;
      if (rule.type === 'PFX') {
        prefixes.push(rule);
        continue;
      }
      for (const e of rule.entries) {
        if (!e.re.test(stem) || !stem.endsWith(e.strip)) continue;
        const form = stem.slice(0, stem.length - e.strip.length) + e.add;
        out.add(form);
        if (rule.cross) suffixed.push(form);
      }
    }
    for (const rule of prefixes)
      for (const base of rule.cross ? [stem, ...suffixed] : [stem])
        for (const e of rule.entries)
          if (e.re.test(base) && base.startsWith(e.strip)) out.add(e.add + base.slice(e.strip.length));
  }
  return out;
}

const dictionary = (await import('dictionary-ru')).default;
const decode = (bytes) => new TextDecoder().decode(bytes);
const forms = expand(decode(dictionary.aff), decode(dictionary.dic));
const words = new Set();
for (const form of forms) {
  const word = form.normalize('NFC').toLowerCase();
  if (blurrable(word)) words.add(word);
}
const { hashes, bytes } = writeSet(words, target, FP_BITS);
console.log(`${forms.size} forms, ${words.size} kept, ${hashes} hashes, ${bytes} bytes -> ${target}`);
