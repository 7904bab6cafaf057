import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import pdfmake from 'pdfmake';
import { pdfmakeAdapter } from './adapter.js';
import {
  allowedFontPaths,
  fontFiles,
  isScriptFamily,
  scriptFamilyFile,
  scriptFontIndex,
  type ScriptFamily,
} from './fonts.js';
import type { CheatSheetDefinition } from './definition.js';
import { THEME, TOPIC_COLOURS } from './theme.js';

type Node = { table: { body: unknown[][] } };

/** Table layouts the definition names: thin rules, tight padding. */
function tableLayouts(): Record<string, unknown> {
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
function breakable(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(breakable);
  if (node === null || typeof node !== 'object' || node instanceof Date) return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'unbreakable' || key === 'dontBreakRows') continue;
    out[key] = breakable(value);
  }
  return out;
}

/**
 * Turn a document definition into PDF bytes: fonts embedded (subsets), no network, no file but the fonts.
 * `warn` hears when a block had to be laid out without being kept together.
 */
export async function packPdf(
  definition: CheatSheetDefinition,
  warn: (message: string) => void = () => {},
): Promise<Uint8Array> {
  return pdfmakeAdapter.exclusive(async () => {
    const bytes = await layout(definition);
    if (!pdfmakeAdapter.truncated) return bytes;
    warn('cheat sheet: a block was taller than a column; it was laid out without keeping it together');
    return layout({ ...definition, content: breakable(definition.content) as CheatSheetDefinition['content'] });
  });
}

/**
 * The number of pages packPdf would make of `definition`, from the body layout alone (no footer, header or
 * drawing): the footer, called with the page count once the body is laid out, stops the layout there.
 */
export async function countPdfPages(definition: CheatSheetDefinition): Promise<number> {
  return pdfmakeAdapter.exclusive(async () => {
    const pages = await pdfmakeAdapter.countPages(definition, layout);
    if (!pdfmakeAdapter.truncated) return pages;
    return pdfmakeAdapter.countPages(
      { ...definition, content: breakable(definition.content) as CheatSheetDefinition['content'] },
      layout,
    );
  });
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
function scriptFontInstance(family: ScriptFamily, weight: number): Promise<Uint8Array> {
  const key = `${family}@${weight}`;
  let bytes = instances.get(key);
  if (!bytes) {
    const file = scriptFamilyFile(family);
    const woff2 = readFileSync(file);
    const text = sliceText(family);
    // Loaded here, not at start-up: a Latin sheet never loads HarfBuzz.
    bytes = import('subset-font')
      .then(({ default: subsetFont }) =>
        subsetFont(woff2, text, { targetFormat: 'truetype', variationAxes: { wght: weight } }),
      )
      .then((b) => new Uint8Array(b.buffer, b.byteOffset, b.byteLength));
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

/** Script font families named anywhere in a definition (its content, and the header and footer of page 1). */
function scriptFamilies(definition: CheatSheetDefinition): Set<ScriptFamily> {
  const found = new Set<ScriptFamily>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) for (const item of node) walk(item);
    else if (node !== null && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (key === 'font' && typeof value === 'string' && isScriptFamily(value)) found.add(value);
        else walk(value);
      }
    }
  };
  walk(definition.content);
  for (const page of [definition.header, definition.footer]) {
    try {
      walk(page(1, 1));
    } catch {
      // A counting layout's footer throws: it draws nothing either.
    }
  }
  return found;
}

/** Folder of the instanced script fonts in pdfmake's virtual file system. */
const VIRTUAL_FONTS = 'notes-fonts';

interface VirtualFs {
  writeFileSync(name: string, data: Uint8Array): void;
  existsSync(name: string): boolean;
}

async function layout(definition: CheatSheetDefinition): Promise<Uint8Array> {
  const files: Record<string, unknown> = JSON.parse(JSON.stringify(fontFiles())) as Record<string, unknown>;
  // Script fonts (CJK, Arabic, Hebrew, Devanagari, Thai) are instanced only for the slices this sheet draws with:
  // a Latin sheet never reads them.
  const virtualfs = (pdfmake as unknown as { virtualfs: VirtualFs }).virtualfs;
  for (const family of scriptFamilies(definition)) {
    const entry: Record<string, string> = {};
    for (const [style, weight] of Object.entries(WEIGHTS)) {
      const name = `${VIRTUAL_FONTS}/${family}-${weight}.ttf`;
      if (!virtualfs.existsSync(name)) virtualfs.writeFileSync(name, await scriptFontInstance(family, weight));
      entry[style] = name;
    }
    files[family] = entry;
  }
  const allowed = allowedFontPaths();
  // pdfmake 0.3 fetches http(s) URLs it finds in fonts or images and opens local paths (CVE-2026-26801):
  // nothing remote, and locally only our own font files.
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((path) => allowed.has(resolve(path)));
  // pdfmake rewrites the font table while resolving it: give it a fresh copy each time.
  pdfmake.setFonts(files as Record<string, Record<string, string>>);
  pdfmake.setTableLayouts(tableLayouts());
  // pdfmake fills in defaults on the definition it is given: keep the caller's intact.
  const own = { ...definition, content: structuredClone(definition.content), info: { ...definition.info } };
  const buffer = await pdfmake.createPdf(own).getBuffer();
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
