/**
 * Mojibake: UTF-8 text that was decoded with a single-byte code page (once or several times), found and
 * repaired exactly. For a run of characters that map to bytes forming UTF-8 sequences, the bytes are
 * decoded back; lost bytes (cp1252's undefined 0x81 0x8D 0x8F 0x90 0x9D, or a NBSP turned into a space or
 * dropped) are restored by trying each possibility. A repair is kept only when it is plausible text in
 * context and, for lossy damage, exactly one restoration is.
 */
import { CODE_PAGES } from './codepages.js';
import { analyseLine, chooseSegments, explains, hasLead, quotedOnPurpose, type Segment } from './evidence.js';
import { isLexiconWord } from './lexicon.js';
import { logLikelihood } from './lm.js';
import { clashesWithNeighbours } from './plausible.js';
import { TABLES, type Table } from './tables.js';
import { lazy } from '@notes/core';

/** One damaged run found in a text. Offsets are UTF-16 code units into the text given. */
export interface MojibakeSpan {
  /** Offset of the first damaged code unit. */
  start: number;
  /** Offset just past the damaged run. */
  end: number;
  /** The damaged text as it stands. */
  found: string;
  /** The repair, or null when several restorations are plausible (see `candidates`). */
  expected: string | null;
  /** Every plausible repair (one when `expected` is set and the run had no lost byte). */
  candidates: string[];
  /** The likeliest repair (`lm.ts` and the document's words): `expected` when it leads the next by `CHOICE_MARGIN`. */
  likeliest: string;
  /** How far the likeliest repair leads the next, in natural log units (Infinity when there is only one). */
  margin: number;
  /** How the text was misread: code page names, outermost first (`windows-1252`, or C1 controls). */
  encoding: string;
}
/** Find every mojibake run in a text (a whole file or one string). Linear in the text; lines without a
 * character that can start a misread UTF-8 sequence are skipped at once. */
export function findMojibake(text: string): MojibakeSpan[] {
  // Several rules ask about the same text in a row: remember the last answer.
  if (text === memo.text) return memo.spans;
  const spans = scan(text);
  memo.text = text;
  memo.spans = spans;
  return spans;
}

const memo: { text: string | null; spans: MojibakeSpan[] } = { text: null, spans: [] };

/** Characters that can start a misread sequence, and C1 controls: the only places a line needs a closer look.
 * Built from the tables' lead characters (a few hundred) rather than a pass over all 65,536 code units at start-up. */
const TRIGGER = (() => {
  const leads = new Set<number>();
  for (const t of TABLES) for (const c of t.leads) if (c >= 0xa0) leads.add(c);
  let cls = '\\u0080-\\u009f';
  for (const c of [...leads].sort((a, b) => a - b)) cls += `\\u${c.toString(16).padStart(4, '0')}`;
  return new RegExp(`[${cls}]`, 'g');
})();

function scan(text: string): MojibakeSpan[] {
  const perLine: { offset: number; line: string; segs: Segment[] }[] = [];
  // Jump from trigger to trigger; lines without one are never sliced or looked at.
  const trigger = new RegExp(TRIGGER.source, 'g');
  for (let m = trigger.exec(text); m !== null; m = trigger.exec(text)) {
    const offset = text.lastIndexOf('\n', m.index - 1) + 1;
    let end = text.indexOf('\n', m.index);
    if (end === -1) end = text.length;
    const line = text.slice(offset, end);
    perLine.push({ offset, line, segs: hasLead(line) ? analyseLine(line, 1) : [] });
    trigger.lastIndex = end;
  }
  // Document-level evidence: which code pages show strong, unquoted damage, and how much.
  const strength = new Map<Table, number>();
  for (const { line, segs } of perLine) {
    for (const s of segs) {
      if (s.level !== 'strong' || quotedOnPurpose(line, s, segs)) continue;
      strength.set(s.table, (strength.get(s.table) ?? 0) + s.end - s.start);
    }
  }
  const order = [...TABLES].sort((a, b) => (strength.get(b) ?? 0) - (strength.get(a) ?? 0));
  const corroborated = new Set(strength.keys());
  const spans: MojibakeSpan[] = [];
  let words: Set<string> | null = null;
  const known = (word: string): boolean => (words ??= wordsOf(text)).has(word);
  for (const { offset, line, segs } of perLine) {
    const first = chooseSegments(segs, corroborated, order);
    const repairs = emit(line, first, known);
    // A second look at the line as repaired: a letter that stands alone as a word (Russian `и`, `в`) is plausible
    // only beside words of its own script, which the first look saw still damaged.
    let chosen = first;
    if (repairs.some((r) => r.expected !== null && r.expected !== r.found)) {
      let fixed = '';
      let at = 0;
      const map: { from: number; to: number; r: MojibakeSpan }[] = [];
      for (const r of repairs) {
        if (r.expected === null) continue;
        fixed += line.slice(at, r.start);
        map.push({ from: fixed.length, to: fixed.length + r.expected.length, r });
        fixed += r.expected;
        at = r.end;
      }
      fixed += line.slice(at);
      // Positions in `fixed` outside the repairs, back to positions in `line`.
      const back = (k: number): number => {
        let d = 0;
        for (const m of map) if (m.to <= k) d += m.r.end - m.r.start - (m.to - m.from);
        return k + d;
      };
      let changed = false;
      const next = [...first];
      for (const x of chooseSegments(analyseLine(fixed, 1, true), corroborated, order)) {
        const m = map.find((n) => n.from < x.end && x.start < n.to);
        if (m === undefined) {
          const start = back(x.start);
          const end = back(x.end);
          if (first.some((f) => f.start < end && start < f.end)) continue;
          next.push({ ...x, start, end });
          changed = true;
        } else if (
          m.from <= x.start &&
          x.end <= m.to &&
          (x.level === 'strong' || clashesWithNeighbours(m.r.expected!, fixed.slice(0, m.from), fixed.slice(m.to)))
        ) {
          // A further layer of the same run (`Ðº` for `к`): shown as `deeper` asks (strong evidence on its own), or
          // because the reading so far is of another script than the words around it.
          const k = next.findIndex((f) => f.start === m.r.start && f.end === m.r.end);
          if (k === -1) continue;
          const head = m.r.expected!.slice(0, x.start - m.from);
          const tail = m.r.expected!.slice(x.end - m.from);
          next[k] = {
            ...next[k]!,
            candidates: x.candidates.map((c) => head + c + tail),
            encoding: `${next[k]!.encoding}, then ${x.encoding}`,
          };
          changed = true;
        }
      }
      if (changed) {
        chosen = next.sort((x, y) => x.start - y.start);
        repairs.length = 0;
        repairs.push(...emit(line, chosen, known));
      }
    }
    for (const r of repairs) spans.push({ ...r, start: offset + r.start, end: offset + r.end });
    // C1 controls left over: cp1252 text read as latin-1 (`\x85` for `…`).
    for (let i = 0; i < line.length; i++) {
      const c = line.charCodeAt(i);
      if (c < 0x80 || c > 0x9f) continue;
      if (chosen.some((s) => s.start <= i && i < s.end)) continue;
      const repl = CP1252_HIGH.charCodeAt(c - 0x80);
      if (repl === 0 || explains(line)) continue;
      spans.push({
        start: offset + i,
        end: offset + i + 1,
        found: line[i]!,
        expected: String.fromCharCode(repl),
        candidates: [String.fromCharCode(repl)],
        likeliest: String.fromCharCode(repl),
        margin: Infinity,
        encoding: 'windows-1252 read as latin-1',
      });
    }
  }
  return spans.sort((a, b) => a.start - b.start);
}

const CP1252_HIGH = CODE_PAGES[0]!.high;

/** The spans of the chosen segments of one line (offsets into the line), each ranked in the context of the line
 * as repaired so far (to the right, first readings). Segments the line quotes on purpose are left out. */
function emit(line: string, chosen: readonly Segment[], known: (word: string) => boolean): MojibakeSpan[] {
  const out: MojibakeSpan[] = [];
  let left = '';
  let at = 0;
  chosen.forEach((s, k) => {
    left += line.slice(at, s.start);
    at = s.end;
    if (quotedOnPurpose(line, s, chosen as Segment[])) {
      left += line.slice(s.start, s.end);
      return;
    }
    let right = '';
    let from = s.end;
    for (const n of chosen.slice(k + 1)) {
      right += line.slice(from, n.start) + n.candidates[0]!;
      from = n.end;
    }
    right += line.slice(from);
    const best =
      s.candidates.length === 1 ? { c: s.candidates[0]!, margin: Infinity } : rank(s.candidates, left, right, known);
    const expected = best.margin >= CHOICE_MARGIN ? best.c : null;
    out.push({
      start: s.start,
      end: s.end,
      found: line.slice(s.start, s.end),
      expected,
      candidates: s.candidates,
      likeliest: best.c,
      margin: best.margin,
      encoding: s.encoding,
    });
    left += expected ?? s.candidates[0]!;
  });
  return out;
}

/** How far, in natural log units, the likeliest repair must lead the next for lint to make it: calibrated on the
 * held-out benchmark's dev half (bench/encoding/calibrate.mjs), the smallest margin whose added repairs are wrong
 * less than 5% of the time: a wrong repair is worse than a finding without one. Session 7 (the CLDR word lexicon,
 * quotation marks in the character model), lossy dev cases, against 16: 12 adds 13 exact repairs and 1 wrong, 11
 * adds 20 and 1 (4.8%), 10 adds 26 and 5 (16%). */
export const CHOICE_MARGIN = 11;
/** The evidence weights below are in the same natural log units, set when the margin was 16 (`UNIT`) and kept. */
const UNIT = 16;
/** The word a repair makes already stands intact elsewhere in the document. */
const KNOWN_WORD = UNIT;
/** Each word a repair makes that the lexicon (`lexicon.ts`) holds: enough to clear the margin against a reading the
 * character model prefers by up to half a unit (`зависст` over `зависят`). On the dev half, 1 unit added 59
 * exact repairs, 1.5 units 66, 2 units the same 66 (bench/encoding/diagnose.mjs). */
const LEXICON_WORD = 1.5 * UNIT;
/** Each symbol of a reading that belongs to no RGI emoji where another reading makes one (`strayEmojiParts`): as
 * much as a lexicon word (on the dev half, 1 unit added 11 exact repairs and 1.5 units 15, none wrong). */
const STRAY_EMOJI_PART = 1.5 * UNIT;
const WORD = lazy(() => /[\p{L}\p{M}\p{N}]+/gu);
const WORD_EDGE_LEFT = lazy(() => /[\p{L}\p{M}\p{N}]*$/u);
const WORD_EDGE_RIGHT = lazy(() => /^[\p{L}\p{M}\p{N}]*/u);
const WHOLE_WORD = lazy(() => /^[\p{L}\p{M}\p{N}]+$/u);

/** Emoji as Unicode recommends them for general interchange (RGI), sequences included (`🧑‍💼`, `☁️`). Made on first
 * use: V8 takes about 15 ms to build the property of strings, which every `notes lint` paid at start-up. */
let rgiEmoji: RegExp | undefined;
/** A symbol, punctuation, format character, variation selector or pictograph: a part of an emoji, or a stray one. */
const EMOJI_PART = lazy(() => /[\p{S}\p{P}\p{Cf}\uFE00-\uFE0F\p{Extended_Pictographic}]/u);
/** A reading's symbols that belong to no RGI emoji: the readings of a lost byte in an emoji are its neighbours in
 * the same block, and where one is an emoji (`❌`, or `🧑‍💼` with its joiner) and the others are rare symbols
 * (`⁌ ⍌ ⏌`, `🧑”💼`), the emoji is by far the likelier. Readings that are all emoji (`🔐 🔁 🔍`) stay even. */
function strayEmojiParts(before: string, c: string, after: string): number {
  const pre = before.slice(-8);
  const text = pre + c + after.slice(0, 8);
  const covered = new Uint8Array(text.length);
  for (const m of text.matchAll((rgiEmoji ??= new RegExp('\\p{RGI_Emoji}', 'gv'))))
    covered.fill(1, m.index, m.index + m[0].length);
  let stray = 0;
  for (let i = pre.length; i < pre.length + c.length; i++) {
    const cp = text.codePointAt(i)!;
    if (!covered[i] && EMOJI_PART().test(String.fromCodePoint(cp))) stray++;
    if (cp > 0xffff) i++;
  }
  return stray;
}

function wordsOf(text: string): Set<string> {
  return new Set(text.match(WORD()) ?? []);
}

/**
 * The likeliest repair of a lossy run (the character model, and the document's own words), and how far it leads
 * the next.
 */
function rank(
  candidates: readonly string[],
  before: string,
  after: string,
  known: (word: string) => boolean,
): { c: string; margin: number } {
  const head = WORD_EDGE_LEFT().exec(before)![0];
  const tail = WORD_EDGE_RIGHT().exec(after)![0];
  const scored = candidates
    .map((c) => {
      const word = head + c + tail;
      let s = logLikelihood(before, c, after) + (WHOLE_WORD().test(word) && known(word) ? KNOWN_WORD : 0);
      for (const w of word.match(WORD()) ?? []) if (isLexiconWord(w)) s += LEXICON_WORD;
      s -= STRAY_EMOJI_PART * strayEmojiParts(before, c, after);
      return { c, s };
    })
    .sort((x, y) => y.s - x.s);
  return { c: scored[0]!.c, margin: scored[0]!.s - scored[1]!.s };
}

/** Replace every run that has exactly one plausible repair; runs with several candidates stay as they are. */
export function repairMojibake(text: string): string {
  const spans = findMojibake(text);
  if (spans.length === 0) return text;
  let out = '';
  let at = 0;
  for (const s of spans) {
    if (s.expected === null) continue;
    out += text.slice(at, s.start) + s.expected;
    at = s.end;
  }
  return out + text.slice(at);
}
