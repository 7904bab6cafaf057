import {
  codeGrammars,
  createCodeHighlighter,
  createEmbedLocator,
  createImageLoader,
  documentDir,
  imageFinding,
  imageNodes,
  isDisplayMath,
  loadDocumentImages,
  type CodeLines,
  type ImageResult,
  type ExportOptions,
  type LocalImage,
  type ModelDocument,
} from '@notes/core';
import type { Code, Image, Nodes } from 'mdast';
import type { InlineMath, Math } from 'mdast-util-math';
import { printedImageSize, sheetGeometry, type Geometry } from './estimate.js';
import type { MathSvg } from './math.js';
import { shownBlocks } from './wiki.js';

/**
 * What the cheat sheet needs beyond the model for code, math and images, prepared (asynchronously, with the
 * highlighter, MathJax and the image files loaded only when some document needs them) before the synchronous
 * layout. Keyed by the mdast nodes, weakly, so nothing outlives the export.
 */
export interface RichContent {
  code: WeakMap<Code, CodeLines>;
  /** Typeset math in ems of the text around it (the adapter sizes it when measuring the line). */
  mathSvg: WeakMap<Math | InlineMath, MathSvg>;
  images: WeakMap<Image, PdfImage>;
  /** Raster images by key, as data URLs (the definition's `images` dictionary). */
  dataUrls: Map<string, string>;
  /** How many formulas were typeset (a formula, like a picture, may fail to draw). */
  formulas: number;
}

/**
 * An image ready for pdfmake: a raster in the definition's `images` dictionary (once per content), sized in CSS
 * pixels (an SVG rasterized at print resolution keeps its own size).
 */
export interface PdfImage {
  key: string;
  dataUrl: string;
  width: number;
  height: number;
}

/** Nothing rich: every block renders as before. */
export const NO_RICH: RichContent = {
  code: new WeakMap(),
  mathSvg: new WeakMap(),
  images: new WeakMap(),
  dataUrls: new Map(),
  formulas: 0,
};

function walk(documents: readonly ModelDocument[], visit: (node: Nodes, doc: ModelDocument) => void): void {
  for (const doc of documents) {
    const stack: Nodes[] = [doc.tree];
    for (let n = stack.pop(); n !== undefined; n = stack.pop()) {
      visit(n, doc);
      if ('children' in n) for (const c of n.children as Nodes[]) stack.push(c);
    }
  }
}

/** An SVG from a note with everything that could reach outside the drawing taken out (no file, no script). */
export function safeSvg(text: string): string {
  return text
    .replace(/<script\b[^]*?(?:<\/script\s*>|$)/gi, '')
    .replace(/<foreignObject\b[^]*?(?:<\/foreignObject\s*>|$)/gi, '')
    .replace(/<image\b[^>]*?(?:\/>|>[^]*?<\/image\s*>)/gi, '')
    .replace(/\s(?:xlink:)?href\s*=\s*(["'])(?!#)[^"']*\1/gi, '')
    .replace(/url\(\s*(["']?)(?!#)[^)]*\1\s*\)/gi, 'none');
}

/** GIF is not a PDF image format: its first frame as PNG. */
async function gifToPng(bytes: Uint8Array): Promise<Uint8Array> {
  const [{ GifReader }, { PNG }] = await Promise.all([import('omggif'), import('pngjs')]);
  const reader = new GifReader(Buffer.from(bytes));
  const png = new PNG({ width: reader.width, height: reader.height });
  reader.decodeAndBlitFrameRGBA(0, png.data);
  return new Uint8Array(PNG.sync.write(png));
}

/** SVG images are rasterized at this resolution at the largest size the sheet prints them. */
export const SVG_DPI = 300;
/** ...but never more than this many pixels on a side (a page is 11.7 in wide: 3,500 px at 300 dpi). */
export const MAX_SVG_PIXELS = 4000;

/**
 * An SVG as PNG (with its transparency) by resvg, `pixels` wide, its text set in the sheet's fonts: every
 * image of the sheet is then an image object (`pdfimages` lists it), stored once, scaled like any picture.
 */
async function svgToPng(svg: string, pixels: number): Promise<Uint8Array> {
  const [{ Resvg }, { svgFontFiles }] = await Promise.all([import('@resvg/resvg-js'), import('./fonts.js')]);
  const fonts = svgFontFiles();
  const resvg = new Resvg(safeSvg(svg), {
    fitTo: { mode: 'width', value: pixels },
    font: {
      fontFiles: fonts.files,
      loadSystemFonts: false,
      defaultFontFamily: fonts.sans,
      sansSerifFamily: fonts.sans,
      serifFamily: fonts.sans,
      monospaceFamily: fonts.mono,
    },
  });
  return new Uint8Array(resvg.render().asPng());
}

async function pdfImage(image: LocalImage, geometry: Geometry): Promise<PdfImage> {
  let bytes = image.bytes;
  if (image.type === 'gif') bytes = await gifToPng(image.bytes);
  if (image.type === 'svg') {
    const printed = printedImageSize(image, geometry.columnWidth, geometry.columnHeight);
    const wide = (printed.width / 72) * SVG_DPI;
    const high = (printed.height / 72) * SVG_DPI;
    const cap = Math.min(1, MAX_SVG_PIXELS / Math.max(wide, high));
    bytes = await svgToPng(new TextDecoder().decode(image.bytes), Math.max(1, Math.ceil(wide * cap)));
  }
  const mime = image.type === 'jpeg' ? 'image/jpeg' : 'image/png';
  return {
    key: `img-${image.sha256.slice(0, 24)}`,
    dataUrl: `data:${mime};base64,${Buffer.from(bytes).toString('base64')}`,
    width: image.width,
    height: image.height,
  };
}

/** Prepare code colours, typeset math and read images for the documents (each only when some note has it). */
export async function prepareRich(
  documents: readonly ModelDocument[],
  options: ExportOptions,
  geometry: Geometry = sheetGeometry(),
): Promise<RichContent> {
  const codes: Code[] = [];
  const math: { node: Math | InlineMath; doc: ModelDocument }[] = [];
  let hasImages = false;
  walk(documents, (n, doc) => {
    if (n.type === 'code') codes.push(n);
    else if (n.type === 'math' || n.type === 'inlineMath') math.push({ node: n, doc });
    else if (n.type === 'image' || (n.type === 'text' && n.value.includes('![['))) hasImages = true;
  });
  if (codes.length === 0 && math.length === 0 && !hasImages) return NO_RICH;
  const rich: RichContent = {
    code: new WeakMap(),
    mathSvg: new WeakMap(),
    images: new WeakMap(),
    dataUrls: new Map(),
    formulas: 0,
  };
  const grammars = codeGrammars(documents.map((d) => d.tree));
  if (grammars.size > 0) {
    const highlighter = await createCodeHighlighter(grammars);
    for (const node of codes) {
      const lines = highlighter.highlight(node.value, node.lang);
      if (lines) rich.code.set(node, lines);
    }
  }
  if (math.length > 0) {
    const { createMathRenderer } = await import('./math.js');
    const renderer = await createMathRenderer();
    for (const { node, doc } of math) {
      const where = `${doc.file.path}:${node.position?.start.line ?? 1}`;
      // In ems: the layout sizes a formula to the text around it when it measures the line.
      const svg = renderer.svg(node.value, isDisplayMath(node), 1);
      if (svg) {
        rich.mathSvg.set(node, svg);
        rich.formulas++;
      } else options.warn(`${where}: math \`${node.value}\` is not valid TeX: printed as written`);
    }
  }
  if (hasImages) {
    const loader = createImageLoader(options.baseDir);
    const results: Map<Image, ImageResult> = await loadDocumentImages(documents, options.baseDir, options.warn, loader);
    // Obsidian's picture embeds (`![[diagram.png]]`), found beside the note like `![](…)`; reported where the
    // deck reports them.
    const locateEmbed = createEmbedLocator(options.baseDir);
    for (const doc of documents) {
      const docDir = documentDir(doc, options.baseDir);
      for (const note of doc.notes) {
        const blocks = shownBlocks(note.body, (target) => locateEmbed(target, docDir));
        if (blocks === note.body) continue;
        for (const node of imageNodes({ type: 'root', children: [...blocks] })) {
          if (results.has(node)) continue;
          const result = await loader.load(node.url, docDir);
          results.set(node, result);
          if (!result.ok)
            options.warn(
              imageFinding(`${note.source.path}:${note.source.line}`, node.url, node.alt ?? '', result.reason),
            );
        }
      }
    }
    // The same picture shown twice is converted once.
    const converted = new Map<string, Promise<PdfImage>>();
    for (const [node, result] of results) {
      if (!result.ok) continue;
      try {
        let pending = converted.get(result.image.sha256);
        if (!pending) converted.set(result.image.sha256, (pending = pdfImage(result.image, geometry)));
        const image = await pending;
        rich.images.set(node, image);
        rich.dataUrls.set(image.key, image.dataUrl);
      } catch {
        options.warn(imageFinding(result.image.path, node.url, node.alt ?? '', 'cannot be decoded: not embedded'));
      }
    }
  }
  return rich;
}

/**
 * Whether a sheet laid out with `rich` may fail to draw a picture or a formula, and so need printing again
 * without them (highlighted code is only coloured text).
 */
export function mayRedraw(rich: RichContent): boolean {
  return rich.dataUrls.size > 0 || rich.formulas > 0;
}

let active: RichContent = NO_RICH;

/** Run a synchronous layout step with `rich` as the prepared content the block renderers read. */
export function withRich<T>(rich: RichContent, fn: () => T): T {
  const before = active;
  active = rich;
  try {
    return fn();
  } finally {
    active = before;
  }
}

/** The prepared content of the layout in progress (NO_RICH outside `withRich`). */
export function richNow(): RichContent {
  return active;
}
