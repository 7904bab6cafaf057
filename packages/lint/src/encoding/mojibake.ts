/**
 * Mojibake: UTF-8 text that was decoded with a single-byte code page (once or several times), found and
 * repaired exactly. For a run of characters that map to bytes forming UTF-8 sequences, the bytes are
 * decoded back; lost bytes (cp1252's undefined 0x81 0x8D 0x8F 0x90 0x9D, or a NBSP turned into a space or
 * dropped) are restored by trying each possibility. A repair is kept only when it is plausible text in
 * context and, for lossy damage, exactly one restoration is.
 */
import { CODE_PAGES } from './codepages.js';
import { analyseLine, chooseSegments, explains, hasLead, quotedOnPurpose, type Segment } from './evidence.js';
import { LEAD_BITS, TABLES, type Table } from './tables.js';

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
  /** Every plausible repair (one when `expected` is set). */
  candidates: string[];
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

/** Characters that can start a misread sequence, and C1 controls: the only places a line needs a closer look. */
const TRIGGER = (() => {
  let cls = '\\u0080-\\u009f';
  for (let c = 0xa0; c < 0x10000; c++) if (LEAD_BITS[c] !== 0) cls += `\\u${c.toString(16).padStart(4, '0')}`;
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
  for (const { offset, line, segs } of perLine) {
    const chosen = chooseSegments(segs, corroborated, order);
    for (const s of chosen) {
      if (quotedOnPurpose(line, s, chosen)) continue;
      spans.push({
        start: offset + s.start,
        end: offset + s.end,
        found: line.slice(s.start, s.end),
        expected: s.candidates.length === 1 ? s.candidates[0]! : null,
        candidates: s.candidates,
        encoding: s.encoding,
      });
    }
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
        encoding: 'windows-1252 read as latin-1',
      });
    }
  }
  return spans.sort((a, b) => a.start - b.start);
}

const CP1252_HIGH = CODE_PAGES[0]!.high;

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
