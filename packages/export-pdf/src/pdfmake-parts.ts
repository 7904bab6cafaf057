// pdfmake's printer in pieces (its `Printer#createPdfKitDocument`): print.ts lays out and draws one part at a time.
import { createRequire } from 'node:module';
import type { Fonts } from './pack.js';

export interface Size {
  width: number;
  height: number;
}

/** pdfmake's pdfkit document (its `PDFDocument`): a readable stream of the PDF's bytes as pages are finished. */
export interface PdfmakeDocument {
  on(event: 'data', listener: (chunk: Buffer) => void): void;
  on(event: 'end', listener: () => void): void;
  on(event: 'error', listener: (error: Error) => void): void;
  on(event: 'pageAdded', listener: () => void): void;
  /** The next piece written (emitted to 'data' as well, the stream flowing), or null when none is waiting. */
  read(): Buffer | null;
  end(): void;
}

interface Pdfmake {
  PDFDocument: new (
    fonts: Fonts,
    images: Record<string, string>,
    patterns: object,
    attachments: object,
    options: object,
    virtualfs: unknown,
    localAccessPolicy: (path: string) => boolean,
  ) => PdfmakeDocument;
  LayoutBuilder: new (
    pageSize: Size,
    margins: unknown,
    svgMeasure: unknown,
  ) => {
    registerTableLayouts(layouts: Record<string, unknown>): void;
    layoutDocument(content: unknown, pdfDocument: PdfmakeDocument, ...rest: unknown[]): unknown[];
  };
  Renderer: new (pdfDocument: PdfmakeDocument, progress?: unknown) => { renderPages(pages: unknown[]): void };
  SVGMeasure: new () => unknown;
  normalizePageSize(size: string, orientation: string): Size;
  normalizePageMargin(margins: unknown): unknown;
  tableLayouts: Record<string, unknown>;
  virtualfs: unknown;
}

let loaded: Pdfmake | undefined;
/** The pieces of pdfmake's printer (`Printer#createPdfKitDocument`), used one part at a time. */
export function pdfmakeParts(): Pdfmake {
  if (loaded) return loaded;
  const require = createRequire(import.meta.url);
  const main = <T>(name: string) => (require(`pdfmake/js/${name}.js`) as { default: T }).default;
  const pageSize = require('pdfmake/js/PageSize.js') as Pick<Pdfmake, 'normalizePageSize' | 'normalizePageMargin'>;
  loaded = {
    PDFDocument: main('PDFDocument'),
    LayoutBuilder: main('LayoutBuilder'),
    Renderer: main('Renderer'),
    SVGMeasure: main('SVGMeasure'),
    normalizePageSize: pageSize.normalizePageSize,
    normalizePageMargin: pageSize.normalizePageMargin,
    tableLayouts: (require('pdfmake/js/tableLayouts.js') as { tableLayouts: Record<string, unknown> }).tableLayouts,
    virtualfs: (require('pdfmake') as { virtualfs: unknown }).virtualfs,
  };
  return loaded;
}
