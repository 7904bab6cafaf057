#!/usr/bin/env node
// Injects each defect kind of SPEC §3.2 into the real notes of ../shared/corpora, one defect per copy of a
// file, lints every copy and every untouched original with the CLI in one process each (`notes lint --format
// json`), and reports per kind the recall of the rule that should see it (a finding of that rule the original
// does not have, at the injected line), and the findings on the untouched originals.
//   node bench/inject/run.mjs [CORPORA_DIR] [PER_KIND]      (NOTES_BIN: the CLI, default this checkout's;
//   INJECT_KINDS=kind,kind: only those kinds)
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { buildDocument, parseMarkdown } from '@notes/core';

const corpora = process.argv[2] ?? new URL('../../../shared/corpora', import.meta.url).pathname;
const PER_KIND = Number(process.argv[3] ?? 120);
const bin = process.env.NOTES_BIN ?? new URL('../../packages/cli/bin/notes.js', import.meta.url).pathname;
const pick = (s, n) => createHash('sha1').update(s).digest().readUInt32BE(0) % n;

const files = [];
const walk = (dir) => {
  for (const e of readdirSync(dir).sort()) {
    const p = join(dir, e);
    if (statSync(p).isDirectory()) walk(p);
    else if (/\.md$/i.test(e)) files.push(p);
  }
};
walk(corpora);

/** Lines of a file with what each is: code (inside a fence), heading, table row, blank or prose. */
function shape(lines) {
  let fence = null;
  return lines.map((l) => {
    const f = /^\s{0,3}(`{3,}|~{3,})/.exec(l);
    if (fence) {
      if (f && f[1][0] === fence[0] && f[1].length >= fence.length) fence = null;
      return 'code';
    }
    if (f) {
      fence = f[1];
      return 'code';
    }
    if (/^\s*$/.test(l)) return 'blank';
    if (/^#{1,6}\s/.test(l)) return 'heading';
    if (/^\s*\|.*\|\s*$/.test(l)) return 'table';
    if (/^(?:[A-Za-z*_"(]|\d+ )/.test(l) && !/<[a-z]/i.test(l)) return 'prose';
    return 'other';
  });
}

const cells = (row) =>
  row
    .trim()
    .replace(/^\||\|$/g, '')
    .split('|');
const rowOf = (cs) => `|${cs.join('|')}|`;
/** Tables: [header line, delimiter line, body lines…] indexes. */
function tables(lines, kinds) {
  const out = [];
  for (let i = 0; i + 2 < lines.length; i++) {
    if (kinds[i] !== 'table' || (i > 0 && kinds[i - 1] === 'table')) continue;
    if (!/^\s*\|?\s*:?-{2,}/.test(lines[i + 1])) continue;
    const body = [];
    for (let k = i + 2; k < lines.length && kinds[k] === 'table'; k++) body.push(k);
    if (body.length > 0 && cells(lines[i]).length >= 2) out.push({ head: i, delim: i + 1, body });
  }
  return out;
}
/** Prose paragraphs of one line that are sentences (so a cut or a phrase reads as in real notes). */
const sentences = (lines, kinds) =>
  lines
    .map((l, i) => i)
    .filter(
      (i) =>
        kinds[i] === 'prose' &&
        (kinds[i - 1] ?? 'blank') === 'blank' &&
        (kinds[i + 1] ?? 'blank') === 'blank' &&
        /[a-z]{3,}\. [A-Z][a-z]+ [a-z]+ [a-z]+ \S+ \S+.*\.$/.test(lines[i]) &&
        english(lines[i]) &&
        !/[`[\]<>*_|]/.test(lines[i]),
    );
/** Question headings as the notes model reads the file (0-based line indexes), not its first heading. */
const questions = (lines) => {
  const text = lines.join('\n');
  const doc = buildDocument({ path: 'x.md', absolutePath: 'x.md', text, bom: false, invalid: [] }, parseMarkdown(text));
  return doc.notes
    .filter((n) => n.kind === 'question' && n.heading?.position && /\S/.test(n.title))
    .map((n) => n.heading.position.start.line - 1)
    .filter((i) => i > 0 && /^#{2,6} \S/.test(lines[i]));
};
/** Share of the ten most common English words: the text rules guess only on English prose (SPEC, issue 12). */
const english = (line) => {
  const words = line.toLowerCase().match(/[a-z]+/g) ?? [];
  const common = words.filter((w) => ['the', 'and', 'of', 'to', 'is', 'for', 'in', 'a', 'with', 'are'].includes(w));
  return words.length > 0 && common.length / words.length >= 0.08;
};

/** Each kind: the rule that must see it, and a function from a file's lines to [lines, line number] or null. */
const KINDS = {
  'encoding/mojibake': (lines, kinds, seed) => {
    const cand = lines.map((l, i) => i).filter((i) => kinds[i] === 'prose' && /[’“”–—é]|'/.test(lines[i]));
    if (!cand.length) return null;
    const i = cand[pick(seed, cand.length)];
    const bad =
      lines[i].includes("'") && !/[^\x00-\x7F]/.test(lines[i])
        ? lines[i].replace("'", 'â€™')
        : new TextDecoder('windows-1252').decode(Buffer.from(lines[i]));
    return [lines.with(i, bad), i + 1];
  },
  'encoding/replacement-character': (lines, kinds, seed) => {
    const cand = lines.map((l, i) => i).filter((i) => kinds[i] === 'prose' && /[a-z]{4}/.test(lines[i]));
    if (!cand.length) return null;
    const i = cand[pick(seed, cand.length)];
    const m = /[a-z]{4,}/.exec(lines[i]);
    return [lines.with(i, lines[i].slice(0, m.index + 2) + '\uFFFD' + lines[i].slice(m.index + 3)), i + 1];
  },
  'encoding/control-character': (lines, kinds, seed) => {
    const cand = lines.map((l, i) => i).filter((i) => kinds[i] === 'prose');
    if (!cand.length) return null;
    const i = cand[pick(seed, cand.length)];
    const at = Math.floor(lines[i].length / 2);
    return [lines.with(i, lines[i].slice(0, at) + '\u0008' + lines[i].slice(at)), i + 1];
  },
  'encoding/invalid-utf8': (lines, kinds, seed) => {
    const cand = lines.map((l, i) => i).filter((i) => kinds[i] === 'prose');
    if (!cand.length) return null;
    const i = cand[pick(seed, cand.length)];
    return [lines.with(i, lines[i] + ' \u0000INVALID\u0000'), i + 1]; // replaced by bytes when written
  },
  'encoding/misplaced-bom': (lines, kinds, seed) => {
    const cand = lines.map((l, i) => i).filter((i) => kinds[i] === 'prose');
    if (!cand.length) return null;
    const i = cand[pick(seed, cand.length)];
    return [lines.with(i, lines[i].replace(' ', ' \uFEFF')), i + 1];
  },
  'heading/missing-space': (lines, kinds, seed) => {
    const cand = lines.map((l, i) => i).filter((i) => kinds[i] === 'heading' && /^#{2,6} [A-Za-z*]/.test(lines[i]));
    if (!cand.length) return null;
    const i = cand[pick(seed, cand.length)];
    return [lines.with(i, lines[i].replace(' ', '')), i + 1];
  },
  'heading/empty': (lines, kinds, seed) => {
    const cand = lines.map((l, i) => i).filter((i) => kinds[i] === 'heading' && /^#{2,6} /.test(lines[i]));
    if (!cand.length) return null;
    const i = cand[pick(seed, cand.length)];
    return [lines.with(i, lines[i].replace(/^(#+) .*/, '$1')), i + 1];
  },
  'heading/duplicate-question': (lines, kinds, seed) => {
    const cand = questions(lines);
    if (!cand.length) return null;
    const i = cand[pick(seed, cand.length)];
    const copy = [lines[i], '', 'The same question, asked again.', ''];
    return [[...lines.slice(0, i), ...copy, ...lines.slice(i)], i + 1 + copy.length];
  },
  'table/delimiter-mismatch': (lines, kinds, seed) => {
    const t = tables(lines, kinds).filter((t) => cells(lines[t.delim]).length >= 3);
    if (!t.length) return null;
    const { delim } = t[pick(seed, t.length)];
    return [lines.with(delim, rowOf(cells(lines[delim]).slice(0, -1))), delim + 1];
  },
  'table/row-cell-count': (lines, kinds, seed) => {
    const t = tables(lines, kinds).filter((t) => cells(lines[t.head]).length >= 3);
    if (!t.length) return null;
    const { body } = t[pick(seed, t.length)];
    const r = body[pick(`${seed}r`, body.length)];
    return [lines.with(r, rowOf(cells(lines[r]).slice(0, -1))), r + 1];
  },
  'table/missing-delimiter': (lines, kinds, seed) => {
    const t = tables(lines, kinds);
    if (!t.length) return null;
    const { head, delim } = t[pick(seed, t.length)];
    return [lines.toSpliced(delim, 1), head + 1];
  },
  'table/empty-header': (lines, kinds, seed) => {
    const t = tables(lines, kinds);
    if (!t.length) return null;
    const { head } = t[pick(seed, t.length)];
    const cs = cells(lines[head]);
    return [lines.with(head, rowOf(cs.with(cs.length - 1, '  '))), head + 1];
  },
  'fields/missing-answer': (lines, kinds, seed) => {
    // A question heading that lost its space, at the end of the file with nothing after it.
    const cand = questions(lines);
    if (!cand.length) return null;
    const q = lines[cand[pick(seed, cand.length)]].replace(/^(#+) /, '$1');
    const body = lines.at(-1) === '' ? lines.slice(0, -1) : lines;
    return [[...body, '', `${q} (again)`, ''], body.length + 2];
  },
  'fields/missing-label': (lines, kinds, seed) => {
    const t = tables(lines, kinds).filter((t) => cells(lines[t.body[0]])[0].trim() !== '');
    if (!t.length) return null;
    const { body } = t[pick(seed, t.length)];
    const cs = cells(lines[body[0]]);
    if (cs.slice(1).every((c) => c.trim() === '')) return null;
    return [lines.with(body[0], rowOf(cs.with(0, ' '))), body[0] + 1];
  },
  'text/truncated': (lines, kinds, seed) => {
    // The text rules guess only in English files (an Italian file with a few `a`s and `in`s is not one).
    if (!english(lines.filter((l, i) => kinds[i] === 'prose').join(' '))) return null;
    const cand = sentences(lines, kinds);
    if (!cand.length) return null;
    const i = cand[pick(seed, cand.length)];
    const l = lines[i];
    const lastStart = l.lastIndexOf('. ', l.length - 2) + 2;
    const words = [...l.slice(lastStart).matchAll(/\S+/g)];
    if (words.length < 5) return null;
    // Cut inside the last sentence: after its fourth word or later, mid-word or at a word's end.
    const w = words[3 + pick(`${seed}w`, words.length - 4)];
    const word = w[0].replace(/[.,;:!?)]+$/, '');
    const keep = pick(`${seed}k`, 2) === 0 ? word.length : Math.max(2, Math.ceil(word.length / 2));
    return [lines.with(i, l.slice(0, lastStart + w.index + keep)), i + 1];
  },
  'text/chat-residue': (lines, kinds, seed) => {
    const cand = lines.map((l, i) => i).filter((i) => kinds[i] === 'prose' && (kinds[i + 1] ?? 'blank') === 'blank');
    if (!cand.length) return null;
    const i = cand[pick(seed, cand.length)];
    const phrase = ['Great question!', 'I hope this helps!', 'Let me know if you have any other questions.'][
      pick(`${seed}p`, 3)
    ];
    return [[...lines.slice(0, i + 1), '', phrase, ...lines.slice(i + 1)], i + 3];
  },
  'text/merged-callouts': (lines, kinds, seed) => {
    const cand = lines.map((l, i) => i).filter((i) => kinds[i] === 'blank' && (kinds[i - 1] ?? 'blank') === 'prose');
    if (!cand.length) return null;
    const i = cand[pick(seed, cand.length)];
    const add = ['>> Note: the limit is per account and per region.', '>> Tip: request an increase in advance.', ''];
    return [[...lines.slice(0, i + 1), ...add, ...lines.slice(i + 1)], i + 2];
  },
};

const root = mkdtempSync(join(tmpdir(), 'notes-inject-'));
try {
  const origDir = join(root, 'originals');
  const injDir = join(root, 'injected');
  mkdirSync(origDir);
  mkdirSync(injDir);
  const names = files.map((f, k) => `${String(k).padStart(4, '0')}.md`);
  const texts = files.map((f) => readFileSync(f, 'utf8'));
  texts.forEach((t, k) => writeFileSync(join(origDir, names[k]), t));
  const planned = [];
  const only = process.env.INJECT_KINDS?.split(',');
  for (const kind of Object.keys(KINDS)) {
    if (only && !only.includes(kind)) continue;
    let n = 0;
    for (let attempt = 0; attempt < files.length * 3 && n < PER_KIND; attempt++) {
      const k = pick(`${kind}${attempt}`, files.length);
      const seed = `${kind}${attempt}`;
      const lines = texts[k].split('\n');
      const got = KINDS[kind](lines, shape(lines), seed);
      if (!got) continue;
      const name = `${kind.replace('/', '_')}-${String(n).padStart(3, '0')}.md`;
      let bytes = Buffer.from(got[0].join('\n'));
      if (kind === 'encoding/invalid-utf8')
        bytes = Buffer.from(got[0].join('\n').replace('\u0000INVALID\u0000', '\u0000'));
      if (kind === 'encoding/invalid-utf8') {
        const z = bytes.indexOf(0);
        bytes = Buffer.concat([bytes.subarray(0, z), Buffer.from([0xc3, 0x28]), bytes.subarray(z + 1)]);
      }
      writeFileSync(join(injDir, name), bytes);
      const at = String(got[0][got[1] - 1] ?? '').slice(-100);
      planned.push({ kind, name, original: names[k], source: relative(corpora, files[k]), line: got[1], at });
      n++;
    }
  }
  const lint = (dir) => {
    let out;
    try {
      out = execFileSync(process.execPath, [bin, 'lint', dir, '--format', 'json'], {
        cwd: root,
        encoding: 'utf8',
        maxBuffer: 1 << 30,
      });
    } catch (e) {
      if (e.status !== 1) throw e;
      out = e.stdout;
    }
    return new Map(JSON.parse(out).files.map((f) => [f.path.split('/').pop(), f.messages]));
  };
  const orig = lint('originals');
  const inj = lint('injected');
  const rows = {};
  const misses = [];
  for (const p of planned) {
    const before = (orig.get(p.original) ?? []).filter((m) => m.ruleId === p.kind).length;
    const after = (inj.get(p.name) ?? []).filter((m) => m.ruleId === p.kind);
    const hit = after.length > before && after.some((m) => Math.abs(m.line - p.line) <= 1);
    const r = (rows[p.kind] ??= { n: 0, found: 0 });
    r.n++;
    if (hit) r.found++;
    else misses.push(`${p.kind} ${p.source}:${p.line} …${JSON.stringify(p.at)}`);
  }
  console.log('| defect kind (rule) | injections | found | recall |');
  console.log('| --- | ---: | ---: | ---: |');
  for (const [kind, r] of Object.entries(rows))
    console.log(`| \`${kind}\` | ${r.n} | ${r.found} | ${(r.found / r.n).toFixed(3)} |`);
  let errors = 0;
  const byRule = {};
  for (const [name, messages] of orig)
    for (const m of messages) {
      if (m.severity === 'error') errors++;
      const k = `${m.severity} ${m.ruleId}`;
      byRule[k] = (byRule[k] ?? 0) + 1;
    }
  console.log(
    `\nUntouched originals: ${orig.size} files, ${errors} errors; findings by rule: ${JSON.stringify(byRule)}`,
  );
  for (const [name, messages] of orig)
    for (const m of messages)
      if (m.severity === 'error')
        console.log(
          `  error ${relative(corpora, files[names.indexOf(name)])}:${m.line} ${m.ruleId} ${m.message.slice(0, 90)}`,
        );
  if (misses.length) console.log(`\nMissed (${misses.length}):\n  ${misses.join('\n  ')}`);
} finally {
  rmSync(root, { recursive: true, force: true });
}
