import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** Folder of an installed npm package (resolved through a file it exports, so hoisting does not matter). */
function packageDir(name: string, file = 'package.json'): string {
  return dirname(require.resolve(`${name}/${file}`));
}

/** The four styles pdfmake asks for. */
export interface FontFiles {
  normal: string;
  bold: string;
  italics: string;
  bolditalics: string;
}

/** A family of one script font's woff2 slice: `Noto-<script font>-<slice>` (`Noto-ja-57`, `Noto-ar-arabic`). */
export type ScriptFamily = `Noto-${string}`;

/** Font family names used in document definitions. */
export type FamilyName = 'Body' | 'Mono' | 'Emoji' | 'Fallback' | 'FallbackMono' | ScriptFamily;

/** The fonts every sheet may use, always registered (their files are opened only when text needs them). */
export type BaseFamily = Exclude<FamilyName, ScriptFamily>;

function plex(pkg: string, prefix: string): FontFiles {
  const dir = packageDir(pkg);
  const file = (weight: string) => join(dir, weight, `${prefix}_${weight}.ttf`);
  return {
    normal: file('400Regular'),
    bold: file('700Bold'),
    italics: file('400Regular_Italic'),
    bolditalics: file('700Bold_Italic'),
  };
}

let cachedFiles: Record<BaseFamily, FontFiles> | null = null;

/**
 * The fonts the text of an SVG image is set in when it is rasterized (resvg reads no system font): the sheet's
 * own, sans-serif and serif as IBM Plex Sans Condensed, monospace as IBM Plex Mono, then Noto Emoji and DejaVu for
 * characters those lack. Family names as the files name them.
 */
export function svgFontFiles(): { files: string[]; sans: string; mono: string } {
  const files = fontFiles();
  const families: BaseFamily[] = ['Body', 'Mono', 'Emoji', 'Fallback', 'FallbackMono'];
  return {
    files: [
      ...new Set(families.flatMap((f) => [files[f].normal, files[f].bold, files[f].italics, files[f].bolditalics])),
    ].sort(),
    sans: 'IBM Plex Sans Condensed',
    mono: 'IBM Plex Mono',
  };
}

/** Absolute paths of every font file the cheat sheet may embed, by family (all TTF, all from npm packages). */
export function fontFiles(): Record<BaseFamily, FontFiles> {
  if (cachedFiles) return cachedFiles;
  const emojiDir = packageDir('@expo-google-fonts/noto-emoji');
  const emoji = (weight: string) => join(emojiDir, weight, `NotoEmoji_${weight}.ttf`);
  const dejavu = (file: string) => join(packageDir('dejavu-fonts-ttf'), 'ttf', file);
  cachedFiles = {
    Body: plex('@expo-google-fonts/ibm-plex-sans-condensed', 'IBMPlexSansCondensed'),
    Mono: plex('@expo-google-fonts/ibm-plex-mono', 'IBMPlexMono'),
    // Noto Emoji has no italics: the upright glyphs stand in.
    Emoji: {
      normal: emoji('400Regular'),
      bold: emoji('700Bold'),
      italics: emoji('400Regular'),
      bolditalics: emoji('700Bold'),
    },
    Fallback: {
      normal: dejavu('DejaVuSansCondensed.ttf'),
      bold: dejavu('DejaVuSansCondensed-Bold.ttf'),
      italics: dejavu('DejaVuSansCondensed-Oblique.ttf'),
      bolditalics: dejavu('DejaVuSansCondensed-BoldOblique.ttf'),
    },
    FallbackMono: {
      normal: dejavu('DejaVuSansMono.ttf'),
      bold: dejavu('DejaVuSansMono-Bold.ttf'),
      italics: dejavu('DejaVuSansMono-Oblique.ttf'),
      bolditalics: dejavu('DejaVuSansMono-BoldOblique.ttf'),
    },
  };
  return cachedFiles;
}

/** Every font file path, for the local-access policy: pdfmake may open these and nothing else. */
export function allowedFontPaths(): Set<string> {
  const paths = new Set<string>();
  for (const family of Object.values(fontFiles()))
    for (const path of [family.normal, family.bold, family.italics, family.bolditalics]) paths.add(path);
  return paths;
}

/**
 * Code points a TrueType font maps to a glyph, read from its `cmap` table (formats 4 and 12).
 * Reading the table ourselves keeps coverage checks free of a second font engine.
 */
export function readCmap(bytes: Uint8Array): Set<number> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const numTables = view.getUint16(4);
  const tables = new Map<string, { offset: number; length: number }>();
  for (let i = 0; i < numTables; i++) {
    const record = 12 + i * 16;
    const tag = String.fromCharCode(bytes[record]!, bytes[record + 1]!, bytes[record + 2]!, bytes[record + 3]!);
    tables.set(tag, { offset: view.getUint32(record + 8), length: view.getUint32(record + 12) });
  }
  const cmapOffset = tables.get('cmap')?.offset ?? -1;
  if (cmapOffset < 0) throw new Error('font has no cmap table');
  const usable = glyphCheck(view, tables);
  const subtables: { format: number; offset: number; platform: number; encoding: number }[] = [];
  const count = view.getUint16(cmapOffset + 2);
  for (let i = 0; i < count; i++) {
    const record = cmapOffset + 4 + i * 8;
    const offset = cmapOffset + view.getUint32(record + 4);
    subtables.push({
      platform: view.getUint16(record),
      encoding: view.getUint16(record + 2),
      offset,
      format: view.getUint16(offset),
    });
  }
  const unicode = subtables.filter(
    (s) => s.platform === 0 || (s.platform === 3 && (s.encoding === 1 || s.encoding === 10)),
  );
  const covered = new Set<number>();
  for (const table of unicode) {
    if (table.format === 4) {
      const segX2 = view.getUint16(table.offset + 6);
      const ends = table.offset + 14;
      const starts = ends + segX2 + 2;
      const deltas = starts + segX2;
      const rangeOffsets = deltas + segX2;
      for (let s = 0; s < segX2 / 2; s++) {
        const end = view.getUint16(ends + s * 2);
        const start = view.getUint16(starts + s * 2);
        const delta = view.getUint16(deltas + s * 2);
        const rangeOffset = view.getUint16(rangeOffsets + s * 2);
        for (let c = start; c <= end && c !== 0xffff; c++) {
          let glyph: number;
          if (rangeOffset === 0) glyph = (c + delta) & 0xffff;
          else {
            const at = rangeOffsets + s * 2 + rangeOffset + (c - start) * 2;
            const raw = view.getUint16(at);
            glyph = raw === 0 ? 0 : (raw + delta) & 0xffff;
          }
          if (glyph !== 0 && usable(glyph)) covered.add(c);
        }
      }
    } else if (table.format === 12) {
      const groups = view.getUint32(table.offset + 12);
      for (let g = 0; g < groups; g++) {
        const record = table.offset + 16 + g * 12;
        const start = view.getUint32(record);
        const end = view.getUint32(record + 4);
        const glyph = view.getUint32(record + 8);
        for (let c = start; c <= end; c++) if (glyph + (c - start) !== 0 && usable(glyph + (c - start))) covered.add(c);
      }
    }
  }
  return covered;
}

/**
 * Glyphs the font engine can read. An empty glyph whose `loca` offset is the very end of `glyf` is valid
 * TrueType, but fontkit 2 reads a glyph header there and throws (IBM Plex Mono's space and no-break space do
 * this): such characters are left to the next font of the chain.
 */
function glyphCheck(
  view: DataView,
  tables: Map<string, { offset: number; length: number }>,
): (glyph: number) => boolean {
  const head = tables.get('head');
  const loca = tables.get('loca');
  const glyf = tables.get('glyf');
  if (!head || !loca || !glyf) return () => true;
  const long = view.getInt16(head.offset + 50) === 1;
  const offset = (glyph: number) =>
    long ? view.getUint32(loca.offset + glyph * 4) : view.getUint16(loca.offset + glyph * 2) * 2;
  const entries = loca.length / (long ? 4 : 2);
  return (glyph) => glyph + 1 < entries && offset(glyph) < glyf.length;
}

const coverageCache = new Map<string, Set<number>>();

/** Code points covered by a font file (cached per path). */
export function coverage(path: string): Set<number> {
  let set = coverageCache.get(path);
  if (!set) {
    set = readCmap(readFileSync(path));
    coverageCache.set(path, set);
  }
  return set;
}

// ---------------------------------------------------------------- script fonts

/**
 * The script fonts, by key: Noto Sans variable fonts from `@fontsource-variable/*`, each split by unicode-range into
 * small woff2 slices. Only the slices of the script itself are used (Latin stays on IBM Plex). The CJK fonts carry
 * each region's glyph forms, so Han is drawn with the font of the document's language.
 */
export const SCRIPT_FONTS = {
  ja: { pkg: '@fontsource-variable/noto-sans-jp', slices: /^\[\d+\]$/ },
  ko: { pkg: '@fontsource-variable/noto-sans-kr', slices: /^\[\d+\]$/ },
  'zh-Hans': { pkg: '@fontsource-variable/noto-sans-sc', slices: /^\[\d+\]$/ },
  'zh-Hant': { pkg: '@fontsource-variable/noto-sans-tc', slices: /^\[\d+\]$/ },
  ar: { pkg: '@fontsource-variable/noto-sans-arabic', slices: /^arabic$/ },
  he: { pkg: '@fontsource-variable/noto-sans-hebrew', slices: /^hebrew$/ },
  hi: { pkg: '@fontsource-variable/noto-sans-devanagari', slices: /^devanagari$/ },
  th: { pkg: '@fontsource-variable/noto-sans-thai', slices: /^thai$/ },
} as const;

/** A key of SCRIPT_FONTS. */
export type ScriptFontKey = keyof typeof SCRIPT_FONTS;

/** Script font keys in the order they are tried for a character no preferred font has. */
export const SCRIPT_FONT_KEYS = Object.keys(SCRIPT_FONTS) as ScriptFontKey[];

interface ScriptFontIndex {
  /** Code point → the family (slice) that draws it. */
  families: Map<number, ScriptFamily>;
  /** Family → its woff2 file. */
  files: Map<ScriptFamily, string>;
}

const scriptIndexes = new Map<ScriptFontKey, ScriptFontIndex>();

/** Parse a CSS unicode-range list (`U+20,U+3001-3002,U+4e00`) into code point ranges. */
export function parseUnicodeRange(list: string): [number, number][] {
  return list.split(',').map((part) => {
    const [from, to] = part.trim().replace(/^U\+/i, '').split('-');
    const start = Number.parseInt(from!, 16);
    return [start, to === undefined ? start : Number.parseInt(to, 16)];
  });
}

/**
 * The slices of a script font: which family draws each code point, and each family's file. Read from the package's
 * `unicode.json` (the unicode-range of every slice) the first time a character of that script is met, so a sheet
 * without it never reads it.
 */
export function scriptFontIndex(key: ScriptFontKey): ScriptFontIndex {
  let index = scriptIndexes.get(key);
  if (index) return index;
  const { pkg, slices } = SCRIPT_FONTS[key];
  const dir = packageDir(pkg, 'LICENSE');
  const ranges = JSON.parse(readFileSync(join(dir, 'unicode.json'), 'utf8')) as Record<string, string>;
  const slug = pkg.split('/')[1]!;
  index = { families: new Map(), files: new Map() };
  for (const [slice, list] of Object.entries(ranges)) {
    if (!slices.test(slice)) continue;
    const name = slice.replace(/^\[(\d+)\]$/, '$1');
    const family: ScriptFamily = `Noto-${key}-${name}`;
    index.files.set(family, join(dir, 'files', `${slug}-${name}-wght-normal.woff2`));
    for (const [start, end] of parseUnicodeRange(list)) {
      for (let c = start; c <= end; c++) if (!index.families.has(c)) index.families.set(c, family);
    }
  }
  scriptIndexes.set(key, index);
  return index;
}

/** Whether a family name is one of a script font's slices. */
export function isScriptFamily(family: string): family is ScriptFamily {
  return family.startsWith('Noto-');
}

/** The woff2 file of a script font slice. */
export function scriptFamilyFile(family: ScriptFamily): string {
  const key = family.slice('Noto-'.length, family.lastIndexOf('-')) as ScriptFontKey;
  const file = SCRIPT_FONTS[key] ? scriptFontIndex(key).files.get(family) : undefined;
  if (!file) throw new Error(`unknown script font ${family}`);
  return file;
}
