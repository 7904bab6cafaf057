#!/usr/bin/env node
// Writes a CJK notes corpus of at least 3 MB (default) to the folder given (default bench/cjk/corpus): copies of the
// ja, ko, zh-Hans and zh-Hant fixtures with numbered titles and questions, so ids stay distinct.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const here = import.meta.dirname;
const out = process.argv[2] ?? join(here, 'corpus');
const target = Number(process.argv[3] ?? 3 * 1024 * 1024);
const langs = ['ja', 'ko', 'zh-Hans', 'zh-Hant'];
const sources = langs.map((l) => readFileSync(join(here, '../../test/fixtures/languages', `${l}.md`), 'utf8'));
mkdirSync(out, { recursive: true });
let bytes = 0;
for (let n = 1; bytes < target; n++) {
  const lang = langs[n % langs.length];
  const text = sources[n % langs.length].replace(/^(title: .*)$/m, `$1 ${n}`).replace(/^(#{1,3} .*)$/gm, `$1 ${n}`);
  writeFileSync(join(out, `${lang}-${String(n).padStart(4, '0')}.md`), text);
  bytes += Buffer.byteLength(text);
}
console.log(`${out}: ${bytes} bytes`);
