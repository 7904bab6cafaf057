import { resolve } from 'node:path';
import { pdfmakeAdapter } from './adapter.js';
import type { CheatSheetDefinition, PageContent } from './definition.js';
import { allowedFontPaths } from './fonts.js';
import { adoptShare, type PrintedShare } from './merge.js';
import { breakable, sheetFonts, scriptFamilies, tableLayouts, type Fonts } from './pack.js';
import type { ScriptFamily } from './fonts.js';
import {
  batchWrites,
  rememberColours,
  rememberTransform,
  type FooterLater,
  type SpareBuffer,
  type PdfkitColours,
  type PdfkitInternals,
  type PdfkitPage,
  type PdfObject,
} from './pdfkit.js';
import { pdfmakeParts, type PdfmakeDocument, type Size } from './pdfmake-parts.js';
import type { SheetShare } from './sheet.js';

/** A cheat sheet as a sequence of parts (see planCheatSheet): part `index` numbered from `before + 1` of `total`. */
export interface PrintPlan {
  count: number;
  part(index: number, before?: number, total?: number | null): CheatSheetDefinition;
  /** Parts `from` to `to - 1` as plain data for another thread (a plan that has it may be printed by two). */
  share?(from: number, to: number): SheetShare;
  /** Part `index` is drawn: its blocks may go (its definition keeps what the footers need, with no content). */
  printed?(index: number): void;
  /** Part `index` as the plan keeps it (its text runs may be packed), for the fonts and images it uses. */
  packed?(index: number): CheatSheetDefinition;
}

/** The PDF's document information as pdfmake's printer makes it (`createMetadata`): empty values left out. */
function metadata(info: CheatSheetDefinition['info']): Record<string, unknown> {
  const out: Record<string, unknown> = { Producer: 'pdfmake', Creator: 'pdfmake' };
  for (const [key, value] of Object.entries(info)) {
    if (value) out[key.charAt(0).toUpperCase() + key.slice(1)] = value;
  }
  return out;
}

/** Thrown by the footer of a counting layout: pdfmake lays footers out after the body, with the page count. */
class Counted extends Error {
  constructor(readonly pages: number) {
    super('counted');
  }
}

/** The PDF's pieces are joined into buffers of about this size while it is written. */
const JOIN_BYTES = 1 << 20;

/**
 * One PDF being written: a single pdfkit document that every part of the sheet is laid out against and drawn
 * into, page after page. pdfkit writes each page's content out when the next page starts, and the fonts (one
 * subset each, for the whole sheet) and each image once at the end: only the part being laid out is in memory.
 */
export class SheetDocument {
  private readonly pdfmake = pdfmakeParts();
  private readonly size: Size;
  private readonly layouts = tableLayouts();
  private readonly doc: PdfmakeDocument;
  private readonly bytes: Promise<Uint8Array>;
  /** The content buffer a finished stream leaves for the next (see batchWrites). */
  private readonly spare: SpareBuffer = { buffer: null };

  private constructor(first: CheatSheetDefinition, fonts: Fonts, images: Record<string, string>) {
    this.size = this.pdfmake.normalizePageSize(first.pageSize, first.pageOrientation);
    const allowed = allowedFontPaths();
    // The options pdfmake's printer gives pdfkit for this definition (so one part prints as pdfmake prints it).
    // Nothing is fetched: pdfkit opens only our own font files, and images are data URLs.
    this.doc = new this.pdfmake.PDFDocument(
      fonts,
      images,
      {},
      {},
      {
        size: [this.size.width, this.size.height],
        pdfVersion: '1.3',
        subset: undefined,
        tagged: false,
        displayTitle: false,
        compress: true,
        userPassword: undefined,
        ownerPassword: undefined,
        permissions: undefined,
        lang: first.language,
        fontLayoutCache: true,
        bufferPages: false,
        autoFirstPage: false,
        info: metadata(first.info),
        font: null,
      },
      this.pdfmake.virtualfs,
      (path) => allowed.has(resolve(path)),
    );
    // pdfkit writes the PDF in small pieces (a 10 MB sheet in about 40,000), each a Buffer that may hold on to a
    // whole slab of Node's buffer pool: they are joined a megabyte at a time, so the bytes written so far take
    // about their own size in memory.
    const chunks: Buffer[] = [];
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    const join = (): void => {
      if (pending.length) chunks.push(Buffer.concat(pending, pendingBytes));
      pending = [];
      pendingBytes = 0;
    };
    const doc = this.doc as unknown as PdfkitInternals;
    this.doc.on('pageAdded', () => batchWrites(doc.page.content, this.spare));
    rememberColours(this.doc as unknown as PdfkitColours);
    rememberTransform(this.doc as unknown as PdfkitColours);
    this.bytes = new Promise((done, fail) => {
      this.doc.on('data', (chunk) => {
        pending.push(chunk);
        pendingBytes += chunk.length;
        if (pendingBytes >= JOIN_BYTES) join();
      });
      this.doc.on('error', fail);
      this.doc.on('end', () => {
        join();
        const buffer = Buffer.concat(chunks);
        done(new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength));
      });
    });
    // Until its first read the stream counts as started in this tick, and keeps what is written until the next:
    // a sheet printed without a pause kept all of its pieces (about twice the PDF's size, with the buffers they
    // were cut from) until the end. Reading what pdfkit wrote on opening (in order, to 'data') starts it now:
    // from here on each piece goes straight to 'data'.
    while (this.doc.read() !== null);
  }

  /**
   * A document for the parts of `plan`: the fonts (script fonts instanced for the slices any part draws with) and
   * every part's images, each stored once.
   */
  static async open(plan: PrintPlan, fontIds = 0): Promise<SheetDocument> {
    const families = new Set<ScriptFamily>();
    const images: Record<string, string> = {};
    for (let i = 0; i < plan.count; i++) {
      // Every part is read here: unpacked, each would hold its runs until it is printed.
      const part = plan.packed?.(i) ?? plan.part(i);
      scriptFamilies(part, families);
      Object.assign(images, part.images);
    }
    const sorted = Object.fromEntries(
      Object.keys(images)
        .sort()
        .map((k) => [k, images[k]!]),
    );
    const sheet = new SheetDocument(plan.part(0), await sheetFonts(families), sorted);
    // Fonts are named `F<n>` in order of first use, and each subset's tag comes from that name: a share printed
    // elsewhere numbers its fonts from `fontIds` up, so that its subsets keep names of their own in one PDF.
    (sheet.doc as unknown as { _fontCount: number })._fontCount = fontIds;
    return sheet;
  }

  /** A pdfmake layout builder for this document's page size, the definition's margins and the sheet's tables. */
  private layoutBuilder(definition: CheatSheetDefinition) {
    const builder = new this.pdfmake.LayoutBuilder(
      this.size,
      this.pdfmake.normalizePageMargin(definition.pageMargins),
      new this.pdfmake.SVGMeasure(),
    );
    builder.registerTableLayouts(this.pdfmake.tableLayouts);
    builder.registerTableLayouts(this.layouts);
    return builder;
  }

  /** pdfmake's layout of one part's pages against this document (measuring only: nothing is drawn). */
  private layOut(definition: CheatSheetDefinition, footer: PageContent = definition.footer): unknown[] {
    const builder = this.layoutBuilder(definition);
    // pdfmake writes its measurements into the content: lay out a copy, so the definition can be laid out again.
    const content = structuredClone(definition.content);
    return builder.layoutDocument(content, this.doc, {}, definition.defaultStyle, undefined, definition.header, footer);
  }

  /**
   * The pages of one part, laid out again without keep-together requests when pdfmake cut a kept block short
   * (`warn` hears of it when given).
   */
  private pages(definition: CheatSheetDefinition, warn?: (message: string) => void): unknown[] {
    pdfmakeAdapter.restart();
    const pages = this.layOut(definition);
    if (!pdfmakeAdapter.truncated) return pages;
    warn?.('cheat sheet: a block was taller than a column; it was laid out without keeping it together');
    return this.layOut({ ...definition, content: breakable(definition.content) as CheatSheetDefinition['content'] });
  }

  /** The number of pages `print` would add for `definition`, from the body layout alone (no footer, no drawing). */
  count(definition: CheatSheetDefinition): number {
    const counted = (d: CheatSheetDefinition): number => {
      try {
        this.layOut(d, (_page, pages) => {
          throw new Counted(pages);
        });
      } catch (error) {
        if (error instanceof Counted) return error.pages;
        throw error;
      }
      throw new Error('pdfmake did not lay the footer out: cannot count pages');
    };
    pdfmakeAdapter.restart();
    const pages = counted(definition);
    if (!pdfmakeAdapter.truncated) return pages;
    return counted({ ...definition, content: breakable(definition.content) as CheatSheetDefinition['content'] });
  }

  /**
   * Lay one part out and draw its pages after the ones already drawn: a page at a time, each let go once drawn
   * (pdfmake's renderPages keeps the list it drew on the document, which held a whole part's layout through the
   * next part's). `betweenSteps` is called once the part is laid out and after each page drawn: the layout's
   * garbage and each page's content go old, and a part of 3 MB of notes left up to 220 MB of them between the
   * parts' collections.
   */
  print(
    definition: CheatSheetDefinition,
    warn: (message: string) => void,
    footersLater?: FooterLater[],
    betweenSteps?: () => void,
  ): void {
    const pages: unknown[] = this.pages(definition, warn);
    const renderer = new this.pdfmake.Renderer(this.doc);
    const doc = this.doc as unknown as PdfkitInternals;
    for (let i = 0; i < pages.length; i++) {
      const page = pages[i];
      pages[i] = undefined;
      betweenSteps?.();
      renderer.renderPages([page]);
      if (footersLater) {
        const stream = doc.ref();
        batchWrites(stream, this.spare);
        doc.page.dictionary.data.Contents = [doc.page.content, stream];
        // pdfkit ends a page's resources with the page: they wait for the footer's (drawFooter ends them).
        doc.page.resources.end = () => {};
        footersLater.push({ page: doc.page, stream });
      }
    }
    delete doc._pdfMakePages;
  }

  /**
   * Lay out the footer of page `currentPage` of a part of `pageCount` pages, as pdfmake lays a footer out after
   * the body, and draw it into the page's second content stream (see print): the same operators, in the same
   * place, as when the footer is drawn with the page. pdfkit's current page is set aside meanwhile.
   */
  drawFooter(definition: CheatSheetDefinition, currentPage: number, pageCount: number, later: FooterLater): void {
    const builder = this.layoutBuilder(definition);
    const pages = builder.layoutDocument([], this.doc, {}, definition.defaultStyle, undefined, undefined, () =>
      definition.footer(currentPage, pageCount),
    );
    const doc = this.doc as unknown as PdfkitInternals;
    const current = doc.page;
    const ctm = doc._ctm;
    const { page, stream } = later;
    // The drawing goes to the footer's stream, with the page's resources, size and margins.
    const footerPage = Object.assign(Object.create(Object.getPrototypeOf(page) as object) as PdfkitPage, page, {
      content: stream,
    });
    // pdfmake's renderPages starts each page with addPage: here, the page already drawn, in its flipped coordinates.
    doc.addPage = () => {
      doc.page = footerPage;
      doc._ctm = [1, 0, 0, -1, 0, page.height];
      return doc;
    };
    try {
      new this.pdfmake.Renderer(this.doc).renderPages(pages);
    } finally {
      delete doc.addPage;
      delete doc._pdfMakePages;
      doc.page = current;
      doc._ctm = ctm;
    }
    // The resources are written now, or with the page when it is still being drawn on (the sheet's last).
    delete (page.resources as Partial<PdfObject>).end;
    if (page !== current) page.resources.end();
    stream.end();
  }

  /**
   * Empty pdfkit's cache of shaped words (every word of the sheet in every font it was measured in, which grew
   * by about 100 MB over 3 MB of notes): a part starts with the cold cache a document of its own had. The bytes
   * do not change, only the time to shape a word again.
   */
  forgetWords(): void {
    const fonts = (this.doc as unknown as { _fontFamilies?: Record<string, { layoutCache?: object }> })._fontFamilies;
    for (const font of Object.values(fonts ?? {}))
      if (font.layoutCache) font.layoutCache = Object.create(null) as object;
  }

  /** Finish the PDF (fonts, images, cross-reference table): its bytes. */
  end(): Promise<Uint8Array> {
    this.doc.end();
    return this.bytes;
  }

  /** Finish a share's PDF: its bytes, where each object starts, and its pages in order (see merge.ts). */
  async endShare(warnings: string[]): Promise<PrintedShare> {
    const pdf = await this.end();
    const doc = this.doc as unknown as PdfkitInternals;
    const pages = doc._root.data.Pages;
    return {
      pdf,
      offsets: doc._offsets.slice(),
      pages: pages.data.Kids.map((page) => page.id),
      parent: pages.id,
      warnings,
    };
  }

  /** Add a share's pages, printed elsewhere, after the pages drawn here (see merge.ts): their dictionaries. */
  adopt(share: PrintedShare): PdfObject[] {
    return adoptShare(this.doc as unknown as PdfkitInternals, share);
  }
}

/**
 * The number of pages packPdf would make of `definition`, from the body layout alone (no footer, header or
 * drawing): the footer, called with the page count once the body is laid out, stops the layout there.
 */
export async function countPdfPages(definition: CheatSheetDefinition): Promise<number> {
  return pdfmakeAdapter.exclusive(async () => {
    const sheet = await SheetDocument.open({ count: 1, part: () => definition });
    const pages = sheet.count(definition);
    await sheet.end();
    return pages;
  });
}
