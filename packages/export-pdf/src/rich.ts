import {
  codeGrammars,
  createCodeHighlighter,
  imageFinding,
  isDisplayMath,
  loadDocumentImages,
  type CodeLines,
  type ExportOptions,
  type LocalImage,
  type ModelDocument,
} from '@notes/core';
import type { Code, Image, Nodes } from 'mdast';
import type { InlineMath, Math } from 'mdast-util-math';
import { THEME } from './theme.js';
import type { MathSvg } from './math.js';

/**
 * What the cheat sheet needs beyond the model for code, math and images, prepared (asynchronously, with the
 * highlighter, MathJax and the image files loaded only when some document needs them) before the synchronous
 * layout. Keyed by the mdast nodes, weakly, so nothing outlives the export.
 */
export interface RichContent {
  code: WeakMap<Code, CodeLines>;
  /** Display math in points; inline math in ems of the text around it (the adapter sizes it when measuring). */
  mathSvg: WeakMap<Math | InlineMath, MathSvg>;
  images: WeakMap<Image, PdfImage>;
  /** Raster images by key, as data URLs (the definition's `images` dictionary). */
  dataUrls: Map<string, string>;
}

/** An image ready for pdfmake: a raster in the definition's `images` dictionary (once per content), or an SVG. */
export type PdfImage =
  | { kind: 'raster'; key: string; dataUrl: string; width: number; height: number }
  | { kind: 'svg'; svg: string; width: number; height: number };

/** Nothing rich: every block renders as before. */
export const NO_RICH: RichContent = {
  code: new WeakMap(),
  mathSvg: new WeakMap(),
  images: new WeakMap(),
  dataUrls: new Map(),
};

/** Display math is set a little larger than the running text, as TeX does. */
export const DISPLAY_MATH_SCALE = 1.15;

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

async function pdfImage(image: LocalImage): Promise<PdfImage> {
  if (image.type === 'svg')
    return {
      kind: 'svg',
      svg: safeSvg(new TextDecoder().decode(image.bytes)),
      width: image.width,
      height: image.height,
    };
  const bytes = image.type === 'gif' ? await gifToPng(image.bytes) : image.bytes;
  const mime = image.type === 'jpeg' ? 'image/jpeg' : 'image/png';
  return {
    kind: 'raster',
    key: `img-${image.sha256.slice(0, 24)}`,
    dataUrl: `data:${mime};base64,${Buffer.from(bytes).toString('base64')}`,
    width: image.width,
    height: image.height,
  };
}

/** Prepare code colours, typeset math and read images for the documents (each only when some note has it). */
export async function prepareRich(documents: readonly ModelDocument[], options: ExportOptions): Promise<RichContent> {
  const codes: Code[] = [];
  const math: { node: Math | InlineMath; doc: ModelDocument }[] = [];
  let hasImages = false;
  walk(documents, (n, doc) => {
    if (n.type === 'code') codes.push(n);
    else if (n.type === 'math' || n.type === 'inlineMath') math.push({ node: n, doc });
    else if (n.type === 'image') hasImages = true;
  });
  if (codes.length === 0 && math.length === 0 && !hasImages) return NO_RICH;
  const rich: RichContent = {
    code: new WeakMap(),
    mathSvg: new WeakMap(),
    images: new WeakMap(),
    dataUrls: new Map(),
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
      // Inline math (`$$…$$` inside a paragraph too, in display style) is sized in ems when the line is measured.
      const svg =
        node.type === 'inlineMath'
          ? renderer.svg(node.value, isDisplayMath(node), 1)
          : renderer.svg(node.value, true, THEME.body * DISPLAY_MATH_SCALE);
      if (svg) rich.mathSvg.set(node, svg);
      else options.warn(`${where}: math \`${node.value}\` is not valid TeX: printed as written`);
    }
  }
  if (hasImages) {
    const results = await loadDocumentImages(documents, options.baseDir, options.warn);
    for (const [node, result] of results) {
      if (!result.ok) continue;
      try {
        const image = await pdfImage(result.image);
        rich.images.set(node, image);
        if (image.kind === 'raster') rich.dataUrls.set(image.key, image.dataUrl);
      } catch {
        options.warn(imageFinding(result.image.path, node.url, node.alt ?? '', 'cannot be decoded: not embedded'));
      }
    }
  }
  return rich;
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
