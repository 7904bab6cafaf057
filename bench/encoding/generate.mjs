#!/usr/bin/env node
// Builds the held-out encoding benchmark: real multilingual text (CLDR locale display names, character labels
// and list patterns from the cldr-localenames-full and cldr-misc-full npm packages, and lines of the real notes
// in ../shared/corpora), damaged through every chain of SPEC §3.2, each case beside its clean twin, plus clean
// text that looks like damage. Deterministic: the same packages give the same file. Writes score-mojibake.py's
// JSONL format; ids are `<half>-<class>-<source>-<n>`, the half (dev or test) chosen by a hash of the clean text
// so a damaged case and its twin always fall in the same half.
//   node bench/encoding/generate.mjs [OUT.jsonl] [CORPORA_DIR]
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const out = process.argv[2] ?? new URL('./cases.jsonl', import.meta.url).pathname;
const corpora = process.argv[3] ?? new URL('../../../shared/corpora', import.meta.url).pathname;

// ---------------------------------------------------------------------------------------------------------
// Deterministic choice: everything random comes from a hash of a string.
const hash = (s) => createHash('sha1').update(s).digest();
const pick = (s, n) => hash(s).readUInt32BE(0) % n;
const half = (clean) => (hash(`half\u0000${clean}`)[0] & 1 ? 'test' : 'dev');

// ---------------------------------------------------------------------------------------------------------
// Codecs. Decoding UTF-8 bytes with a single-byte code page is how every chain of damage is made.
const utf8 = (s) => Buffer.from(s, 'utf8');
// Node 20's TextDecoder('windows-1252') decodes 0x80-0x9F as C1 controls (latin-1; nodejs/node#56542), so
// windows-1252 is spelled out: bytes 0x80-0x9F as the code page has them, its undefined bytes as their C1
// control (the WHATWG decoder's choice), the rest as latin-1.
const CP1252_HIGH = '€\x81‚ƒ„…†‡ˆ‰Š‹Œ\x8dŽ\x8f\x90‘’“”•–—˜™š›œ\x9džŸ';
const cp1252 = {
  decode: (bytes) => String.fromCharCode(...bytes).replace(/[\x80-\x9f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]),
};
const macRoman = new TextDecoder('macintosh');
const latin1 = (bytes) => String.fromCharCode(...bytes);
/** The bytes windows-1252 leaves undefined. */
const UNDEFINED = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);
/** cp1252 with the undefined bytes lost: dropped, or shown as `?` or U+FFFD. */
const lossy = (bytes, as) => [...bytes].map((b) => (UNDEFINED.has(b) ? as : cp1252.decode([b]))).join('');

const CHAINS = {
  cp1252x1: (s) => cp1252.decode(utf8(s)),
  cp1252x2: (s) => cp1252.decode(utf8(cp1252.decode(utf8(s)))),
  latin1x1: (s) => latin1(utf8(s)),
  latin1x2: (s) => latin1(utf8(latin1(utf8(s)))),
  macromanx1: (s) => macRoman.decode(utf8(s)),
  macromanx2: (s) => macRoman.decode(utf8(macRoman.decode(utf8(s)))),
  lossydrop: (s) => lossy(utf8(s), ''),
  lossyquestion: (s) => lossy(utf8(s), '?'),
  lossyfffd: (s) => lossy(utf8(s), '\uFFFD'),
};
const hasLost = (s) => [...utf8(s)].some((b) => UNDEFINED.has(b));

// ---------------------------------------------------------------------------------------------------------
// Sources of real text.
const NON_ASCII = /[^\x00-\x7F]/;
const names = (locale, file, key) => {
  try {
    const d = require(`cldr-localenames-full/main/${locale}/${file}.json`);
    return d.main[locale].localeDisplayNames[key];
  } catch {
    return {};
  }
};
const misc = (locale, file) => {
  try {
    return require(`cldr-misc-full/main/${locale}/${file}.json`).main[locale];
  } catch {
    return null;
  }
};
const localeDir = join(require.resolve('cldr-localenames-full/package.json'), '..', 'main');
const LOCALES = readdirSync(localeDir)
  .filter((l) => !l.includes('-'))
  .sort();

/** Each language's name in its own language and script (`русский`, `ქართული`, `español`). */
function autonyms() {
  const out = [];
  for (const l of LOCALES) {
    const own = names(l, 'languages', 'languages')[l];
    if (own && NON_ASCII.test(own)) out.push(own);
  }
  return out;
}

/** Territory, script and language names as each locale writes them; `per` names per locale at most. */
function localeNames(per) {
  const out = [];
  for (const l of LOCALES) {
    const all = [
      ...Object.values(names(l, 'territories', 'territories')),
      ...Object.values(names(l, 'scripts', 'scripts')),
      ...Object.values(names(l, 'languages', 'languages')),
    ].filter((s) => NON_ASCII.test(s));
    const chosen = [...new Set(all)].sort((a, b) => pick(`n${a}`, 1 << 30) - pick(`n${b}`, 1 << 30)).slice(0, per);
    out.push(...chosen);
  }
  return out;
}

/** Short phrases: character labels and list patterns filled with territory names (`Allemagne, Égypte et Inde`). */
function phrases(per) {
  const out = [];
  for (const l of LOCALES) {
    const labels = misc(l, 'characterLabels')?.characterLabel ?? {};
    const list = misc(l, 'listPatterns')?.listPatterns?.['listPattern-type-standard'];
    const terr = Object.values(names(l, 'territories', 'territories')).filter((s) => NON_ASCII.test(s));
    const found = Object.values(labels).filter((s) => NON_ASCII.test(s));
    if (list && terr.length >= 3) {
      for (let k = 0; k < 3; k++) {
        const [a, b, c] = [0, 1, 2].map((j) => terr[pick(`${l}${k}${j}`, terr.length)]);
        const two = list.start.replace('{0}', a).replace('{1}', list.end.replace('{0}', b).replace('{1}', c));
        found.push(two);
      }
    }
    out.push(...[...new Set(found)].slice(0, per));
  }
  return out;
}

/** Lines of the real notes that hold non-ASCII text (curly quotes, dashes, arrows, emoji, accents). */
function corporaLines(limit) {
  const out = new Set();
  const walk = (dir) => {
    for (const e of readdirSync(dir).sort()) {
      const p = join(dir, e);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.md$/i.test(e))
        for (const line of readFileSync(p, 'utf8').split('\n')) {
          const t = line.trim();
          if (t.length >= 8 && t.length <= 200 && NON_ASCII.test(t) && !/[\uFFFD\u0080-\u009F]/.test(t)) out.add(t);
        }
    }
  };
  walk(corpora);
  return [...out].sort((a, b) => pick(`c${a}`, 1 << 30) - pick(`c${b}`, 1 << 30)).slice(0, limit);
}

// ---------------------------------------------------------------------------------------------------------
// Clean text that looks like damage.
function lookalikes() {
  const out = [];
  const lang = (cls, locale) => {
    const all = [
      names(locale, 'languages', 'languages')[locale],
      ...Object.values(names(locale, 'territories', 'territories')),
      ...Object.values(names(locale, 'languages', 'languages')),
      ...Object.values(misc(locale, 'characterLabels')?.characterLabel ?? {}),
    ].filter((s) => s && NON_ASCII.test(s));
    for (const s of [...new Set(all)].slice(0, 160)) out.push([cls, s]);
  };
  lang('pt', 'pt');
  lang('vi', 'vi');
  lang('is', 'is');
  lang('tr', 'tr');
  // Cyrillic abbreviations and all-capital Cyrillic (`США`, `ОАЭ`, `РОССИЯ`: capital pairs as in cp1251 damage).
  for (const l of ['ru', 'uk', 'bg', 'sr', 'be']) {
    const t = names(l, 'territories', 'territories');
    const short = Object.entries(t)
      .filter(([k, v]) => /alt-short|alt-variant/.test(k) || /^[\p{Lu}]{2,5}$/u.test(v))
      .map(([, v]) => v);
    const caps = Object.values(t)
      .filter((v) => /^[\p{Script=Cyrillic} ]+$/u.test(v))
      .slice(0, 40)
      .map((v) => v.toUpperCase());
    for (const s of [...new Set([...short, ...caps])]) out.push(['cyrillic', s]);
  }
  // Headings in capitals (`INFORMAÇÃO`, `ÉTAT DE LA CITÉ DU VATICAN`): runs of accented capitals, as in damage.
  for (const l of ['pt', 'fr', 'de', 'es', 'is', 'tr', 'pl', 'cs', 'hu', 'ro', 'vi', 'da', 'sv', 'ca']) {
    const all = [
      ...Object.values(names(l, 'territories', 'territories')),
      ...Object.values(names(l, 'languages', 'languages')),
    ]
      .filter((s) => /[À-ÞĀ-ž]/u.test(s.toUpperCase()) && /^[\p{Script=Latin} .'-]+$/u.test(s))
      .sort((a, b) => pick(`u${a}`, 1 << 30) - pick(`u${b}`, 1 << 30))
      .slice(0, 30);
    for (const s of all) out.push(['caps', s.toUpperCase()]);
  }
  // Mathematics, from a small grammar over real symbols.
  const sym = [
    '≤',
    '≥',
    '≠',
    '≈',
    '±',
    '×',
    '÷',
    '√',
    '∞',
    '∑',
    '∫',
    '∂',
    '∆',
    'π',
    'µ',
    'Ω',
    '°',
    '²',
    '³',
    '½',
    '∈',
    '∀',
    '∃',
    '→',
    '⇒',
    '¬',
    '∧',
    '∨',
    'λ',
    'σ',
  ];
  const vars = ['x', 'y', 'n', 'k', 'f(x)', 'a', 'b', 'θ', 'Δt', 'p'];
  for (let k = 0; k < 200; k++) {
    const s = (j) => sym[pick(`m${k}${j}`, sym.length)];
    const v = (j) => vars[pick(`v${k}${j}`, vars.length)];
    out.push(['math', `${v(0)} ${s(1)} ${v(2)}${s(3)} ${s(4)} ${v(5)} ${s(6)} ${pick(`d${k}`, 100)}${s(7)}`]);
  }
  // Box drawing: directory trees and tables as tools print them.
  const files = ['src', 'index.ts', 'package.json', 'README.md', 'test', 'dist', 'bench', 'notes.config.json'];
  for (let k = 0; k < 200; k++) {
    const f = files[pick(`f${k}`, files.length)];
    const shape = pick(`b${k}`, 4);
    out.push([
      'box',
      shape === 0
        ? `├── ${f}`
        : shape === 1
          ? `│   └── ${f}`
          : shape === 2
            ? `┌${'─'.repeat(3 + pick(`w${k}`, 8))}┬${'─'.repeat(4)}┐`
            : `║ ${f} ║ ${pick(`s${k}`, 999)} KB ║`,
    ]);
  }
  // Code and prose that discuss encodings, quoting real damage of real words on purpose.
  const words = autonyms().filter((w) => /[À-ÿ]/.test(w));
  for (let k = 0; k < 200; k++) {
    const w = words[pick(`e${k}`, words.length)];
    const bad = CHAINS.cp1252x1(w);
    const shape = pick(`t${k}`, 4);
    out.push([
      'code',
      shape === 0
        ? `\`${JSON.stringify(w)}.encode('utf-8').decode('cp1252')\` gives \`${bad}\``
        : shape === 1
          ? `Mojibake: \`${bad}\` is \`${w}\` read as windows-1252.`
          : shape === 2
            ? `new TextDecoder('latin1').decode(Buffer.from('${w}')) // '${CHAINS.latin1x1(w).replace(/[\x80-\x9f]/g, '')}'`
            : `If you see ${bad} instead of ${w}, the file was decoded as latin-1 (ISO-8859-1), not UTF-8.`,
    ]);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
const cases = [];
const seen = new Set();
const counters = new Map();
function add(cls, source, text, expected, damaged, clean) {
  if (seen.has(`${text}\u0000${damaged}`)) return;
  seen.add(`${text}\u0000${damaged}`);
  const group = `${half(clean)}-${cls}-${source}`;
  const n = (counters.get(group) ?? 0) + 1;
  counters.set(group, n);
  cases.push({ id: `${group}-${String(n).padStart(5, '0')}`, text, expected, damaged, source: `${source} (${cls})` });
}

const sources = [
  ['autonym', autonyms()],
  ['name', localeNames(12)],
  ['phrase', phrases(4)],
  ['notes', corporaLines(2200)],
];
const chainNames = Object.keys(CHAINS);
for (const [source, texts] of sources) {
  for (const clean of texts) {
    // Two chains per text, chosen by hash; the lossy chains only for text that has bytes cp1252 lacks.
    const usable = chainNames.filter((c) => !c.startsWith('lossy') || hasLost(clean));
    const first = usable[pick(`a${clean}`, usable.length)];
    const second = usable[(usable.indexOf(first) + 1 + pick(`b${clean}`, usable.length - 1)) % usable.length];
    for (const chain of [first, second]) {
      const bad = CHAINS[chain](clean);
      if (bad !== clean) add(chain, source, bad, clean, true, clean);
    }
    add('twin', source, clean, clean, false, clean);
  }
}
// Damage beside correct text in one line: a damaged name, then a correct one.
const mixedPool = [...autonyms(), ...localeNames(3)];
for (let k = 0; k < 700; k++) {
  const a = mixedPool[pick(`x${k}`, mixedPool.length)];
  const b = mixedPool[pick(`y${k}`, mixedPool.length)];
  if (a === b) continue;
  const chain = ['cp1252x1', 'cp1252x2', 'macromanx1', 'latin1x1'][pick(`z${k}`, 4)];
  const clean = `Written ${a} — also ${b}.`;
  add('mixed', 'name', `Written ${CHAINS[chain](a)} — also ${b}.`, clean, true, clean);
}
for (const [cls, text] of lookalikes()) add(`look${cls}`, 'lookalike', text, text, false, text);

writeFileSync(out, cases.map((c) => JSON.stringify(c)).join('\n') + '\n');
const by = {};
for (const c of cases) {
  const k = c.id.split('-').slice(0, 2).join('-');
  by[k] = (by[k] ?? 0) + 1;
}
console.log(`${cases.length} cases -> ${out}`);
console.log(JSON.stringify(by));
