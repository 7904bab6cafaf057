/**
 * Mojibake: UTF-8 text that was decoded with a single-byte code page (once or several times), found and
 * repaired exactly. For a run of characters that map to bytes forming UTF-8 sequences, the bytes are
 * decoded back; lost bytes (cp1252's undefined 0x81 0x8D 0x8F 0x90 0x9D, or a NBSP turned into a space or
 * dropped) are restored by trying each possibility. A repair is kept only when it is plausible text in
 * context and, for lossy damage, exactly one restoration is.
 */
import { CODE_PAGES, type CodePage } from './codepages.js';
import { isPlausible, letterAt } from './plausible.js';
import { MOJIBAKE_THRESHOLD, mojibakeScore } from './score.js';

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

interface Table {
  name: string;
  enc: Map<number, number>;
  /** Bytes the code page leaves undefined: what lossy damage loses. */
  lossy: number[];
  /** Characters that stand for a UTF-8 lead byte (0xC2-0xF4). */
  leads: Set<number>;
}

function buildTable(page: CodePage): Table {
  const enc = new Map<number, number>();
  const lossy: number[] = [];
  const leads = new Set<number>();
  for (let b = 0x80; b <= 0xff; b++) {
    const c = page.high.charCodeAt(b - 0x80);
    if (c === 0) {
      lossy.push(b);
      continue;
    }
    enc.set(c, b);
    if (b >= 0xc2 && b <= 0xf4) leads.add(c);
  }
  // C1 controls stand for their own byte (text read as latin-1), and so does the latin-1 character of an
  // undefined byte (a "sloppy" decoder that kept it).
  for (let b = 0x80; b <= 0x9f; b++) if (!enc.has(b)) enc.set(b, b);
  for (const b of lossy) if (!enc.has(b)) enc.set(b, b);
  return { name: page.name, enc, lossy, leads };
}

const TABLES: readonly Table[] = CODE_PAGES.map(buildTable);
/** For each UTF-16 unit, a bit per table in which it stands for a lead byte: one lookup per character. */
const LEAD_BITS = new Uint16Array(0x10000);
TABLES.forEach((t, k) => {
  for (const c of t.leads) LEAD_BITS[c]! |= 1 << k;
});
const CP1252 = TABLES[0]!;

/** HTML entities for characters that are continuation bytes in cp1252: a byte HTML-escaped on the way. */
const ENTITIES: Record<string, number> = {
  Dagger: 0x2021,
  OElig: 0x152,
  Scaron: 0x160,
  Yuml: 0x178,
  acute: 0xb4,
  bdquo: 0x201e,
  brvbar: 0xa6,
  bull: 0x2022,
  cedil: 0xb8,
  cent: 0xa2,
  circ: 0x2c6,
  copy: 0xa9,
  curren: 0xa4,
  dagger: 0x2020,
  deg: 0xb0,
  euro: 0x20ac,
  fnof: 0x192,
  frac12: 0xbd,
  frac14: 0xbc,
  frac34: 0xbe,
  hellip: 0x2026,
  iexcl: 0xa1,
  iquest: 0xbf,
  laquo: 0xab,
  ldquo: 0x201c,
  lsaquo: 0x2039,
  lsquo: 0x2018,
  macr: 0xaf,
  mdash: 0x2014,
  micro: 0xb5,
  middot: 0xb7,
  nbsp: 0xa0,
  ndash: 0x2013,
  not: 0xac,
  oelig: 0x153,
  ordf: 0xaa,
  ordm: 0xba,
  para: 0xb6,
  permil: 0x2030,
  plusmn: 0xb1,
  pound: 0xa3,
  raquo: 0xbb,
  rdquo: 0x201d,
  reg: 0xae,
  rsaquo: 0x203a,
  rsquo: 0x2019,
  sbquo: 0x201a,
  scaron: 0x161,
  sect: 0xa7,
  shy: 0xad,
  sup1: 0xb9,
  sup2: 0xb2,
  sup3: 0xb3,
  tilde: 0x2dc,
  trade: 0x2122,
  uml: 0xa8,
  yen: 0xa5,
};
const ENTITY_RE = /^&(?:#(\d{1,5})|#[xX]([0-9a-fA-F]{1,4})|([A-Za-z]+\d*));/;

function entityAt(line: string, j: number): { cp: number; length: number } | null {
  const m = ENTITY_RE.exec(line.slice(j, j + 10));
  if (!m) return null;
  const cp = m[1] ? Number(m[1]) : m[2] ? parseInt(m[2], 16) : ENTITIES[m[3]!];
  return cp === undefined ? null : { cp, length: m[0].length };
}

/** How a byte of a sequence was recovered: read exactly, or guessed for lossy damage. */
type Guess = 'exact' | 'replacement' | 'question' | 'space' | 'drop' | 'a-grave';

interface Sequence {
  end: number;
  text: string;
  bytes: number;
  guess: Guess;
}

/**
 * Lead bytes whose pair with 0xA0 is common enough to restore when the 0xA0 became a space: NBSP, à, Š, Π,
 * Р, ٠ (the same set as ftfy's restore_byte_a0). Other 2-byte characters ending in 0xA0 are too rare to
 * outweigh the chance that the space is real.
 */
const A0_PAIRS = new Set([0xc2, 0xc3, 0xc5, 0xce, 0xd0, 0xd9]);

function contRange(b0: number, pos: number): [number, number] {
  if (pos === 1) {
    if (b0 === 0xe0) return [0xa0, 0xbf];
    if (b0 === 0xf0) return [0x90, 0xbf];
    if (b0 === 0xf4) return [0x80, 0x8f];
  }
  return [0x80, 0xbf];
}

function decodeBytes(bytes: number[]): number {
  const b0 = bytes[0]!;
  if (bytes.length === 2) return ((b0 & 0x1f) << 6) | (bytes[1]! & 0x3f);
  if (bytes.length === 3) return ((b0 & 0x0f) << 12) | ((bytes[1]! & 0x3f) << 6) | (bytes[2]! & 0x3f);
  return ((b0 & 0x07) << 18) | ((bytes[1]! & 0x3f) << 12) | ((bytes[2]! & 0x3f) << 6) | (bytes[3]! & 0x3f);
}

/** Every way the characters from `i` can be read as one UTF-8 sequence under table `t` (at most one guessed byte). */
function sequencesAt(line: string, i: number, t: Table, lowSurrogate = false): Sequence[] {
  const b0 = t.enc.get(line.charCodeAt(i));
  if (b0 === undefined || b0 < 0xc2 || b0 > 0xf4) return [];
  if (lowSurrogate && b0 !== 0xed) return [];
  const need = b0 < 0xe0 ? 1 : b0 < 0xf0 ? 2 : 3;
  const out: Sequence[] = [];
  const finish = (j: number, bytes: number[], guess: Guess): void => {
    const cp = decodeBytes(bytes);
    if (cp >= 0xdc00 && cp <= 0xdfff) {
      if (lowSurrogate) out.push({ end: j, text: String.fromCharCode(cp), bytes: 3, guess });
      return;
    }
    if (lowSurrogate) return;
    if (cp >= 0xd800 && cp <= 0xdbff) {
      // CESU-8: a surrogate pair encoded as two 3-byte sequences.
      for (const low of sequencesAt(line, j, t, true)) {
        if (guess !== 'exact' && low.guess !== 'exact') continue;
        out.push({
          end: low.end,
          text: String.fromCharCode(cp) + low.text,
          bytes: 6,
          guess: guess === 'exact' ? low.guess : guess,
        });
      }
      return;
    }
    out.push({ end: j, text: String.fromCodePoint(cp), bytes: bytes.length, guess });
  };
  const step = (j: number, bytes: number[], guess: Guess): void => {
    if (bytes.length === need + 1) return finish(j, bytes, guess);
    const pos = bytes.length;
    const [lo, hi] = contRange(b0, pos);
    if (lowSurrogate && pos === 1) {
      if (hi < 0xb0) return;
    }
    const inRange = (b: number | undefined): b is number =>
      b !== undefined && b >= lo && b <= hi && !(lowSurrogate && pos === 1 && b < 0xb0);
    const c = j < line.length ? line.charCodeAt(j) : -1;
    const e = c >= 0x80 ? t.enc.get(c) : undefined;
    if (inRange(e)) return step(j + 1, [...bytes, e], guess);
    if (c === 0x26) {
      const ent = entityAt(line, j);
      const eb = ent ? t.enc.get(ent.cp) : undefined;
      if (ent && inRange(eb)) step(j + ent.length, [...bytes, eb], guess);
    }
    if (guess !== 'exact') return;
    if (c === 0xfffd) for (const w of t.lossy) if (inRange(w)) step(j + 1, [...bytes, w], 'replacement');
    if (c === 0x3f && pos >= 2) for (const w of t.lossy) if (inRange(w)) step(j + 1, [...bytes, w], 'question');
    if ((c === 0x20 || c === -1) && inRange(0xa0)) {
      if (need === 1 && line.charCodeAt(i) === 0xc3 /* Ã */) {
        // `à` lost its 0xA0: usually dropped (French/Portuguese à stays a word), a space when one is doubled
        // or for the Portuguese contractions às, àquele, àquilo.
        const rest = line.slice(j + 1);
        if (c === 0x20 && (rest.startsWith(' ') || /^(?:s(?:\s|$)|quel|quil)/.test(rest)))
          step(j + 1, [...bytes, 0xa0], 'a-grave');
        else step(j, [...bytes, 0xa0], 'a-grave');
      } else if (c === 0x20 && (need > 1 || A0_PAIRS.has(b0))) step(j + 1, [...bytes, 0xa0], 'space');
    }
    if (need >= 2 && pos >= 2 && c !== 0xfffd && c !== 0x3f && c !== 0x20)
      for (const w of t.lossy) if (inRange(w)) step(j, [...bytes, w], 'drop');
  };
  step(i + 1, [b0], 'exact');
  return out;
}

/** One way to read a run of adjacent sequences. */
interface Path {
  end: number;
  text: string;
  /** A complete multi-byte sequence read with no guess (3+ bytes), or U+FFFD standing for a lost byte. */
  long: boolean;
  /** Starts of exact 2-byte sequences. */
  pairs: number[];
  guesses: Guess[];
}

const MAX_PATHS = 96;

function pathsAt(line: string, i: number, t: Table): Path[] {
  const done: Path[] = [];
  let open: Path[] = [{ end: i, text: '', long: false, pairs: [], guesses: [] }];
  while (open.length > 0) {
    const next: Path[] = [];
    for (const p of open) {
      const seqs = sequencesAt(line, p.end, t);
      if (seqs.length === 0) {
        if (p.end > i) done.push(p);
        continue;
      }
      for (const s of seqs) {
        const exactish = s.guess === 'exact' || s.guess === 'replacement';
        next.push({
          end: s.end,
          text: p.text + s.text,
          long: p.long || (exactish && s.bytes >= 3),
          pairs: s.guess === 'exact' && s.bytes === 2 ? [...p.pairs, p.end] : p.pairs,
          guesses: s.guess === 'exact' ? p.guesses : [...p.guesses, s.guess],
        });
      }
    }
    if (next.length + done.length > MAX_PATHS) return [];
    open = next;
  }
  return done;
}

type Level = 'strong' | 'weak' | 'boxes';

const ONLY_MARKS = /^\p{M}+$/u;

const SYMBOL = /\p{S}/u;
/** A non-ASCII symbol (math, modifier, currency, other) at `line[i]`. */
const symbolAt = (line: string, i: number): boolean => {
  const c = line.charCodeAt(i);
  return c >= 0x80 && SYMBOL.test(line[i]!);
};

/**
 * How sure the damage is without looking at the rest of the document: a complete 3- or 4-byte sequence is
 * damage on its own, and so is an exactly read run whose character-class score (`mojibakeScore`, trained and calibrated on
 * the held-out benchmark's dev half) says damage is far likelier than clean text. The older signs below stay
 * for what the class statistics cannot see (cp1251 and cp1250 letter pairs, a single `Ã` + letter).
 */
function levelOf(line: string, start: number, end: number, p: Path, t: Table): Level {
  if (p.long) return 'strong';
  if (t.name === 'cp437') return 'boxes';
  // Pairs amid other symbols (`≈ç√∫˜`, `«¬®¯`) are symbol soup, not a word that was misread.
  if (symbolAt(line, start - 1) || symbolAt(line, end)) return 'weak';
  if (p.pairs.length >= 2) return 'strong';
  if (p.pairs.length === 1) {
    const at = p.pairs[0]!;
    const lead = line[at];
    if (t === CP1252 && (lead === 'Ã' || lead === 'Â')) return 'strong';
    if (!letterAt(line, at + 1)) return 'strong'; // a symbol or modifier after a capital: `Ã©`, `Ĺˇ`
    if (/[A-Za-z]/.test(line[start - 1] ?? '') && /[A-Za-z]/.test(line[end] ?? '')) return 'strong'; // `NicolÃ¡s`
  }
  // `Â` + a space after a word or number: a NBSP whose 0xA0 byte became a space (`10Â km`); `Â` ends no word.
  if (
    p.guesses.length === 1 &&
    p.guesses[0] === 'space' &&
    p.pairs.length === 0 &&
    t === CP1252 &&
    line[start] === 'Â'
  ) {
    const before = line[start - 1] ?? ' ';
    if (!/[\s\p{Lu}]/u.test(before)) return 'strong';
  }
  if (p.guesses.length === 1 && p.guesses[0] === 'a-grave' && p.pairs.length === 0) {
    const before = line[start - 1];
    const after = line.slice(end).trimStart();
    if ((before === undefined || !/\p{Lu}/u.test(before)) && /^\p{Ll}/u.test(after)) return 'strong';
  }
  // A guessed byte (lossy damage) is no evidence of damage by itself, and a reading that gives only combining
  // marks has no character the statistics vouch for: the score judges exact readings of characters only.
  return p.guesses.length === 0 && !ONLY_MARKS.test(p.text) && mojibakeScore(line, start, end) >= MOJIBAKE_THRESHOLD
    ? 'strong'
    : 'weak';
}

interface Segment {
  start: number;
  end: number;
  level: 'strong' | 'weak';
  candidates: string[];
  encoding: string;
  table: Table;
}

const MAX_DEPTH = 3;

/** Repairs of `text` one layer further down (double or triple misreading), each a full string. */
function deeper(text: string, before: string, after: string, depth: number): { texts: string[]; names: string } {
  if (depth >= MAX_DEPTH || !hasLead(text)) return { texts: [text], names: '' };
  const pre = before.slice(-24);
  const whole = pre + text + after.slice(0, 24);
  // A further layer must show itself: a lone capital + lowercase pair (`Рі` in Ukrainian `Рівне`) is as
  // likely real text as a second misreading, whatever the outer code page was.
  const segs = chooseSegments(analyseLine(whole, depth + 1), new Set()).filter(
    (s) => s.start >= pre.length && s.end <= pre.length + text.length && s.candidates.length > 0,
  );
  if (segs.length === 0) return { texts: [text], names: '' };
  let texts = [''];
  let at = pre.length;
  for (const s of segs) {
    const gap = whole.slice(at, s.start);
    texts = texts.flatMap((x) => s.candidates.map((c) => x + gap + c)).slice(0, 64);
    at = s.end;
  }
  const tail = whole.slice(at, pre.length + text.length);
  return { texts: texts.map((x) => x + tail), names: segs[0]!.encoding };
}

function hasLead(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (LEAD_BITS[text.charCodeAt(i)] !== 0) return true;
  return false;
}

/** All candidate segments of one line, per code page, with their evidence level and plausible repairs. */
function analyseLine(line: string, depth: number): Segment[] {
  const found: Segment[] = [];
  const leads: number[] = [];
  for (let i = 0; i < line.length; i++) if (LEAD_BITS[line.charCodeAt(i)] !== 0) leads.push(i);
  TABLES.forEach((t, k) => {
    const bit = 1 << k;
    for (let n = 0, i = 0; n < leads.length; n++) {
      if (leads[n]! < i || (LEAD_BITS[line.charCodeAt(leads[n]!)]! & bit) === 0) continue;
      i = leads[n]!;
      const paths = pathsAt(line, i, t);
      if (paths.length === 0) {
        i++;
        continue;
      }
      const end = Math.max(...paths.map((p) => p.end));
      const before = line.slice(Math.max(0, i - 24), i);
      const after = line.slice(end, end + 24);
      const byLevel: Record<'strong' | 'weak', Set<string>> = { strong: new Set(), weak: new Set() };
      let names = '';
      for (const p of paths) {
        const text = p.text + line.slice(p.end, end);
        const level = levelOf(line, i, end, p, t);
        if (level === 'boxes') continue;
        const down = deeper(text, before, after, depth);
        for (const final of down.texts) {
          if (isPlausible(final, before, after, p.long)) {
            byLevel[level].add(final);
            if (down.names && !names) names = down.names;
          }
        }
      }
      const level = byLevel.strong.size > 0 ? 'strong' : 'weak';
      const candidates = [...byLevel[level]];
      if (candidates.length > 0)
        found.push({
          start: i,
          end,
          level,
          candidates,
          encoding: names ? `${t.name}, then ${names}` : t.name,
          table: t,
        });
      i = end;
    }
  });
  return found;
}

/**
 * Pick non-overlapping segments, code pages in `order` (most evidence in the document first). Weak
 * segments are kept only where the document shows strong damage of the same code page (`corroborated`).
 */
function chooseSegments(segs: Segment[], corroborated: Set<Table>, order = TABLES): Segment[] {
  const chosen: Segment[] = [];
  const rank = (t: Table): number => order.indexOf(t);
  // The reading that explains the longest run wins; among equals, the code page with most evidence.
  const ranked = segs
    .filter((s) => s.level === 'strong' || corroborated.has(s.table))
    .sort((a, b) => b.end - b.start - (a.end - a.start) || rank(a.table) - rank(b.table));
  for (const s of ranked) {
    if (chosen.some((c) => c.start < s.end && s.start < c.end)) continue;
    chosen.push(s);
  }
  return chosen.sort((a, b) => a.start - b.start);
}

/** Words that show a line explains encoding damage on purpose. */
const EXPLAINS =
  /mojibake|mis-?(?:en|de)cod|garbled|wrong(?:ly)? (?:en|de)cod|code ?page|\bcp-?125\d|windows-?125\d|latin-?1\b|iso-?8859|mac-?roman|\b(?:de|en)coded (?:as|with)\b|\bread as (?:utf|cp|windows|latin|iso)/i;
/** Does the line explain encoding damage? A rule id (`encoding/mojibake` in a marker or a disable comment) does not. */
const explains = (line: string): boolean => EXPLAINS.test(line.replace(/\bencoding\/[a-z0-9-]+/g, ''));
const DELIM = /[\s`|"(){}[\]<>=,;:→⇒]/u;

function tokenBounds(line: string, start: number, end: number): [number, number] {
  let s = start;
  while (s > 0 && !DELIM.test(line[s - 1]!)) s--;
  let e = end;
  while (e < line.length && !DELIM.test(line[e]!)) e++;
  return [s, e];
}

/** Does the line show this damage on purpose: explained, or beside the character it stands for? */
function quotedOnPurpose(line: string, seg: Segment, all: Segment[]): boolean {
  if (explains(line)) return true;
  const [ts, te] = tokenBounds(line, seg.start, seg.end);
  let repaired = '';
  let at = ts;
  for (const s of all) {
    if (s.start < ts || s.end > te) continue;
    repaired += line.slice(at, s.start) + (s.candidates[0] ?? line.slice(s.start, s.end));
    at = s.end;
  }
  repaired += line.slice(at, te);
  const strip = (x: string): string => x.replace(/^[\p{Ps}\p{Pi}'*_~]+|[\p{Pe}\p{Pf}'*_~.!?]+$/gu, '') || x;
  const want = strip(repaired);
  if (!want.includes(seg.candidates[0] ?? '\u0000')) return false;
  for (let from = 0; ;) {
    const k = line.indexOf(want, from);
    if (k === -1) return false;
    const [os, oe] = tokenBounds(line, k, k + want.length);
    if ((oe <= ts || os >= te) && strip(line.slice(os, oe)) === want) return true;
    from = k + 1;
  }
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
