import { CODE_PAGES, type CodePage } from './codepages.js';

export interface Table {
  name: string;
  enc: Map<number, number>;
  /** Bytes the code page leaves undefined: what lossy damage loses. */
  lossy: number[];
  /** Characters that stand for a UTF-8 lead byte (0xC2-0xF4). */
  leads: Set<number>;
}

export function buildTable(page: CodePage): Table {
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

export const TABLES: readonly Table[] = CODE_PAGES.map(buildTable);
/** For each UTF-16 unit, a bit per table in which it stands for a lead byte: one lookup per character. */
export const LEAD_BITS = new Uint16Array(0x10000);
TABLES.forEach((t, k) => {
  for (const c of t.leads) LEAD_BITS[c]! |= 1 << k;
});
export const CP1252 = TABLES[0]!;

/** HTML entities for characters that are continuation bytes in cp1252: a byte HTML-escaped on the way. */
export const ENTITIES: Record<string, number> = {
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
export const ENTITY_RE = /^&(?:#(\d{1,5})|#[xX]([0-9a-fA-F]{1,4})|([A-Za-z]+\d*));/;

export function entityAt(line: string, j: number): { cp: number; length: number } | null {
  const m = ENTITY_RE.exec(line.slice(j, j + 10));
  if (!m) return null;
  const cp = m[1] ? Number(m[1]) : m[2] ? parseInt(m[2], 16) : ENTITIES[m[3]!];
  return cp === undefined ? null : { cp, length: m[0].length };
}
