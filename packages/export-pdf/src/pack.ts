import { readFileSync } from 'node:fs';
import pdfmake from 'pdfmake';
import { fontFiles, isScriptFamily, scriptFamilyFile, scriptFontIndex, type ScriptFamily } from './fonts.js';
import type { CheatSheetDefinition } from './definition.js';
import { withSubsetter, type SubsetFont } from './subsetter.js';
import { THEME, TOPIC_COLOURS } from './theme.js';

type Node = { table: { body: unknown[][] } };

/** Table layouts the definition names: thin rules, tight padding. */
export function tableLayouts(): Record<string, unknown> {
  const layouts: Record<string, unknown> = {
    cheatsheet: {
      hLineWidth: (i: number, node: Node) => (i === 0 || i === 1 || i === node.table.body.length ? 0.6 : 0.3),
      vLineWidth: () => 0.3,
      hLineColor: (i: number) => (i <= 1 ? '#6a6a6a' : '#b4b4b4'),
      vLineColor: () => '#b4b4b4',
      paddingLeft: () => 2,
      paddingRight: () => 2,
      paddingTop: () => 1,
      paddingBottom: () => 1,
    },
    code: {
      hLineWidth: () => 0,
      vLineWidth: () => 0,
      fillColor: () => THEME.codeFill,
      paddingLeft: () => 3,
      paddingRight: () => 3,
      paddingTop: () => 2,
      paddingBottom: () => 2,
    },
    bar: {
      hLineWidth: () => 0,
      vLineWidth: () => 0,
      paddingLeft: () => 4,
      paddingRight: () => 4,
      paddingTop: () => 1.6,
      paddingBottom: () => 1.2,
    },
  };
  TOPIC_COLOURS.forEach((colour, index) => {
    layouts[`callout-${index}`] = {
      hLineWidth: () => 0,
      vLineWidth: (i: number) => (i === 0 ? 2 : 0),
      vLineColor: () => colour.bar,
      paddingLeft: () => 4,
      paddingRight: () => 3,
      paddingTop: () => 2,
      paddingBottom: () => 1,
    };
  });
  return layouts;
}

/** Drop every keep-together request: the layout gets plainer, but nothing can be cut off. */
export function breakable(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(breakable);
  if (node === null || typeof node !== 'object' || node instanceof Date) return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'unbreakable' || key === 'dontBreakRows') continue;
    out[key] = breakable(value);
  }
  return out;
}

/** The weights a script font is instanced at: regular for normal and italics (drawn upright), bold for bold. */
const WEIGHTS = { normal: 400, bold: 700, italics: 400, bolditalics: 700 } as const;

/** Instanced TrueType bytes of a script font slice at a weight, made once per process. */
const instances = new Map<string, Promise<Uint8Array>>();

/**
 * A script font slice as static TrueType at `weight`: the woff2 slice is a variable font, which fontkit cannot
 * embed (it neither reads transformed WOFF2 glyphs for subsetting nor instances variations), so HarfBuzz's
 * subsetter (`subset-font`) pins the weight axis and writes plain TrueType, keeping every character of the slice
 * and the layout tables shaping needs. pdfkit then subsets it again to the glyphs the sheet uses.
 */
function scriptFontInstance(family: ScriptFamily, weight: number, subsetFont: SubsetFont): Promise<Uint8Array> {
  const key = `${family}@${weight}`;
  let bytes = instances.get(key);
  if (!bytes) {
    const file = scriptFamilyFile(family);
    const woff2 = readFileSync(file);
    const text = sliceText(family);
    bytes = subsetFont(woff2, text, { targetFormat: 'truetype', variationAxes: { wght: weight } }).then(
      (b) => new Uint8Array(b.buffer, b.byteOffset, b.byteLength),
    );
    instances.set(key, bytes);
  }
  return bytes;
}

/** Every character a slice covers (from its unicode-range). */
function sliceText(family: ScriptFamily): string {
  const key = family.slice('Noto-'.length, family.lastIndexOf('-')) as Parameters<typeof scriptFontIndex>[0];
  let text = '';
  for (const [point, owner] of scriptFontIndex(key).families) if (owner === family) text += String.fromCodePoint(point);
  return text;
}

/** Add the script font families named anywhere in a definition (its content, the header and footer of page 1). */
export function scriptFamilies(definition: CheatSheetDefinition, found: Set<ScriptFamily>): void {
  // Every node of a sheet is walked in each thread that prints it: no array of its entries is made for each one.
  const walk = (node: unknown): void => {
    if (node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (const item of node) walk(item);
      return;
    }
    for (const key in node) {
      if (!Object.hasOwn(node, key)) continue;
      const value = (node as Record<string, unknown>)[key];
      if (key === 'font' && typeof value === 'string' && isScriptFamily(value)) found.add(value);
      else walk(value);
    }
  };
  walk(definition.content);
  for (const page of [definition.header, definition.footer]) walk(page(1, 1));
}

/** Folder of the instanced script fonts in pdfmake's virtual file system. */
const VIRTUAL_FONTS = 'notes-fonts';

interface VirtualFs {
  writeFileSync(name: string, data: Uint8Array): void;
  existsSync(name: string): boolean;
}

/** pdfmake's font table: file paths (or virtual files) by family and style. */
export type Fonts = Record<string, Record<string, unknown>>;

/**
 * The font table of a sheet: the bundled fonts, and the script fonts (CJK, Arabic, Hebrew, Devanagari, Thai)
 * instanced for the slices in `families` only: a Latin sheet never reads them.
 */
export async function sheetFonts(families: Iterable<ScriptFamily>): Promise<Fonts> {
  // pdfmake rewrites the font table while it opens fonts: a fresh copy for each document.
  const files = JSON.parse(JSON.stringify(fontFiles())) as Fonts;
  const virtualfs = (pdfmake as unknown as { virtualfs: VirtualFs }).virtualfs;
  const missing = new Map<string, [ScriptFamily, number]>();
  for (const family of families) {
    const entry: Record<string, string> = {};
    for (const [style, weight] of Object.entries(WEIGHTS)) {
      const name = `${VIRTUAL_FONTS}/${family}-${weight}.ttf`;
      if (!virtualfs.existsSync(name)) missing.set(name, [family, weight]);
      entry[style] = name;
    }
    files[family] = entry;
  }
  // HarfBuzz is loaded only when a font is missing (a Latin sheet never loads it), and let go once they are made.
  if (missing.size)
    await withSubsetter(async (subsetFont) => {
      for (const [name, [family, weight]] of missing)
        if (!virtualfs.existsSync(name))
          virtualfs.writeFileSync(name, await scriptFontInstance(family, weight, subsetFont));
    });
  return files;
}
