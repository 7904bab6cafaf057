import { resolve } from 'node:path';
import pdfmake from 'pdfmake';
import { pdfmakeAdapter } from './adapter.js';
import { allowedFontPaths, fontFiles } from './fonts.js';
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

async function layout(definition: CheatSheetDefinition): Promise<Uint8Array> {
  const files = fontFiles();
  const allowed = allowedFontPaths();
  // pdfmake 0.3 fetches http(s) URLs it finds in fonts or images and opens local paths (CVE-2026-26801):
  // nothing remote, and locally only our own font files.
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((path) => allowed.has(resolve(path)));
  // pdfmake rewrites the font table while resolving it: give it a fresh copy each time.
  pdfmake.setFonts(JSON.parse(JSON.stringify(files)) as Record<string, Record<string, string>>);
  pdfmake.setTableLayouts(tableLayouts());
  // pdfmake fills in defaults on the definition it is given: keep the caller's intact.
  const own = { ...definition, content: structuredClone(definition.content), info: { ...definition.info } };
  const buffer = await pdfmake.createPdf(own).getBuffer();
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
