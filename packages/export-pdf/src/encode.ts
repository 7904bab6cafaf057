// pdfkit's text encoding with each glyph's own characters (its ToUnicode map), for the adapter's font patch.

interface Glyph {
  id: number;
  advanceWidth: number;
  codePoints: number[];
}

export interface EmbeddedFont {
  layout(text: string, features: unknown): { glyphs: Glyph[]; positions: unknown[] };
  subset: { includeGlyph(id: number): number; glyphs: number[] };
  widths: number[];
  unicode: number[][];
  scale: number;
  font: { getGlyph(id: number, codePoints?: number[]): Glyph };
  __notesGlyphs?: Map<string, number>;
  /** Each glyph id's four hex digits, as a text's glyphs are written. */
  __notesHex?: string[];
}

/**
 * fontkit caches one glyph object per glyph id, with the characters of its first use: after shaping (ز drawn as
 * the glyph of ر plus a dot) the glyph reports the characters it was first made for. Hand out a view of the glyph
 * with the characters shaping gave it instead.
 */
export function glyphsWithOwnCodePoints(font: EmbeddedFont['font']): void {
  const getGlyph = font.getGlyph.bind(font);
  font.getGlyph = (id: number, codePoints: number[] = []) => {
    const glyph = getGlyph(id, codePoints);
    if (codePoints.length === 0 || samePoints(glyph.codePoints, codePoints)) return glyph;
    const view = Object.create(glyph) as Glyph;
    Object.defineProperty(view, 'codePoints', { value: codePoints });
    return view;
  };
}

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });
const RIGHT_TO_LEFT = /[\p{sc=Arabic}\p{sc=Hebrew}\p{sc=Syriac}\p{sc=Thaana}\p{sc=Nko}]/u;

/**
 * The text each glyph should stand for when shaping drew a cluster's glyphs out of text order (Devanagari draws
 * the vowel sign ि before its consonant and the reph र् after the next one): the glyphs of each smallest run of
 * clusters they cover stand for those clusters' text, all on the run's first glyph. Null where glyphs follow the
 * text in order, one cluster after another (Latin, CJK; right-to-left runs are reversed whole and left alone): then
 * each glyph keeps its own characters.
 */
function clusterTexts(text: string, glyphs: readonly Glyph[]): (number[] | null)[] | null {
  if (RIGHT_TO_LEFT.test(text) || !/[^\x00-\u02ff]/.test(text)) return null;
  const clusters = [...graphemes.segment(text)].map(({ segment }) => [...segment].map((c) => c.codePointAt(0)!));
  const left = clusters.map((points) => [...points]);
  const owner: number[] = [];
  let last = 0;
  for (const glyph of glyphs) {
    const first = glyph.codePoints[0];
    let found = -1;
    if (first !== undefined) {
      for (let c = 0; c < left.length && found < 0; c++) if (left[c]!.includes(first)) found = c;
    }
    if (found < 0) found = last;
    for (const point of glyph.codePoints) {
      const at = left[found]!.indexOf(point);
      if (at >= 0) left[found]!.splice(at, 1);
    }
    owner.push(found);
    last = found;
  }
  const drawn = glyphs.flatMap((g) => g.codePoints).join();
  if (drawn === clusters.flat().join()) return null;
  const out: (number[] | null)[] = [];
  const suffixMin = owner.map((_, i) => Math.min(...owner.slice(i)));
  let start = 0;
  let lo = Infinity;
  let hi = -1;
  for (let i = 0; i < owner.length; i++) {
    lo = Math.min(lo, owner[i]!);
    hi = Math.max(hi, owner[i]!);
    if (i + 1 < owner.length && suffixMin[i + 1]! <= hi) continue;
    const covered = clusters.slice(lo, hi + 1).flat();
    for (let g = start; g <= i; g++) out.push(g === start ? covered : []);
    start = i + 1;
    lo = Infinity;
    hi = -1;
  }
  return out;
}

/**
 * pdfkit's `EmbeddedFont#encode` (0.19), except that a glyph drawn for different characters than the first time
 * is added to the subset again under a new id, so every id maps to the characters it stands for.
 */
export function encodeWithOwnText(this: EmbeddedFont, text: string, features: unknown): [string[], unknown[]] {
  const ids = (this.__notesGlyphs ??= new Map());
  const hex = (this.__notesHex ??= []);
  const { glyphs, positions } = this.layout(text, features);
  // Null where each glyph keeps its own characters (see clusterTexts).
  const texts = clusterTexts(text, glyphs);
  const res: string[] = [];
  for (let i = 0; i < glyphs.length; i++) {
    const glyph = glyphs[i]!;
    const own = texts?.[i];
    const codePoints = own ?? glyph.codePoints;
    let gid = this.subset.includeGlyph(glyph.id);
    const mapped = this.unicode[gid];
    if (mapped && (codePoints.length > 0 || own) && !samePoints(mapped, codePoints)) {
      const key = `${glyph.id}:${codePoints.join()}`;
      let id = ids.get(key);
      if (id === undefined) {
        this.subset.glyphs.push(glyph.id);
        id = this.subset.glyphs.length - 1;
        ids.set(key, id);
      }
      gid = id;
    }
    res.push((hex[gid] ??= `0000${gid.toString(16)}`.slice(-4)));
    this.widths[gid] ??= glyph.advanceWidth * this.scale;
    this.unicode[gid] ??= codePoints;
  }
  return [res, positions];
}

/** Whether two glyphs stand for the same characters (as their lists joined with commas compare). */
function samePoints(a: readonly number[], b: readonly number[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
