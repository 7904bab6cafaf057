#!/usr/bin/env node
// Writes a CJK notes corpus of at least 3 MB (default) to the folder given (default bench/cjk/corpus): copies of the
// ja, ko, zh-Hans and zh-Hant fixtures with numbered titles and questions, so ids stay distinct.
// Usage: node bench/cjk/generate.mjs [DIR] [BYTES] [--files N] [--langs ko,ja,...]
//   default: one file per copy (about 2,500 small files for 3 MB)
//   --files N: N files instead (issue 14's "3 MB of real notes in about 80 files": --files 80), each a front
//             matter and title and then numbered copies of its language's sections; languages in turn by file
//   --langs: the fixtures to use (default ja,ko,zh-Hans,zh-Hant; `--langs ko` for Korean notes only)
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const here = import.meta.dirname;
const flags = new Map();
const positional = [];
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  if (argv[i].startsWith('--')) flags.set(argv[i].slice(2), argv[++i]);
  else positional.push(argv[i]);
}
const out = positional[0] ?? join(here, 'corpus');
const target = Number(positional[1] ?? 3 * 1024 * 1024);
const files = flags.has('files') ? Number(flags.get('files')) : null;
const langs = (flags.get('langs') ?? 'ja,ko,zh-Hans,zh-Hant').split(',');
const sources = langs.map((l) => readFileSync(join(here, '../../test/fixtures/languages', `${l}.md`), 'utf8'));
mkdirSync(out, { recursive: true });
let bytes = 0;
if (files === null) {
  for (let n = 1; bytes < target; n++) {
    const lang = langs[n % langs.length];
    const text = sources[n % langs.length].replace(/^(title: .*)$/m, `$1 ${n}`).replace(/^(#{1,3} .*)$/gm, `$1 ${n}`);
    writeFileSync(join(out, `${lang}-${String(n).padStart(4, '0')}.md`), text);
    bytes += Buffer.byteLength(text);
  }
} else {
  // Each file gets an equal share of the bytes: its front matter and title, then its sections numbered copy by copy.
  const share = Math.ceil(target / files);
  for (let f = 1; f <= files; f++) {
    const k = f % langs.length;
    const [, front, body] = /^(---\n[\s\S]*?\n---\n)([\s\S]*)$/.exec(sources[k]);
    const sections = `${body.replace(/^# .*\n/m, '').trim()}\n\n`;
    let text = `${front.replace(/^(title: .*)$/m, `$1 ${f}`)}\n# ${/^title: (.*)$/m.exec(front)[1]} ${f}\n\n`;
    for (let copy = 1; Buffer.byteLength(text) < share; copy++)
      text += sections.replace(/^(#{2,3} .*)$/gm, `$1 ${f}.${copy}`);
    writeFileSync(join(out, `${langs[k]}-${String(f).padStart(3, '0')}.md`), text);
    bytes += Buffer.byteLength(text);
  }
}
console.log(`${out}: ${bytes} bytes`);
