import { createRequire } from 'node:module';
import { reorderLine, restoreLogical, type LineInline } from './bidi.js';
import { encodeWithOwnText, glyphsWithOwnCodePoints, type EmbeddedFont } from './encode.js';
import { installStyleLookups } from './styles.js';
import {
  drawMath,
  fitMath,
  hasMath,
  mathLineMetrics,
  measureMath,
  type MeasuredInline,
  type PdfKitDocument,
} from './inline-math.js';

interface Writer {
  transactionLevel: number;
  context(): { pages: unknown[] };
}

type Method = (this: Writer, ...args: unknown[]) => unknown;

/** A text node as pdfmake lays it out (`alignment: 'right'` marks a right-to-left paragraph of the sheet). */
interface TextNode {
  alignment?: string;
  _inlines?: MeasuredInline[];
}

/** A line pdfmake built: its pieces and the white space trimmed at its ends. */
interface PdfLine {
  inlines: (LineInline & MeasuredInline)[];
  getHeight(): number;
  getAscenderHeight(): number;
  leadingCut: number;
  trailingCut: number;
}
type Prototype = Record<string, unknown>;

/**
 * Every workaround for pdfmake's internals, in one object that owns its state: the patch of
 * `PageElementWriter`'s prototype, the truncation counter it feeds, and the queue that runs one job at a time (the
 * counter belongs to the layout in progress).
 */
export class PdfmakeAdapter {
  /** The methods the adapter wraps or relies on, by `module#Class.method` (see `sources`). */
  static readonly RELIED_ON = [
    'pdfmake/js/PageElementWriter.js#commitUnbreakableBlock',
    'pdfmake/js/PageElementWriter.js#addFragment',
    'pdfmake/js/LayoutBuilder.js#tryLayoutDocument',
    'pdfmake/js/LayoutBuilder.js#addHeadersAndFooters',
    'pdfmake/js/LayoutBuilder.js#buildNextLine',
    'pdfmake/js/PDFDocument.js#provideFont',
    'pdfmake/js/TextInlines.js#measure',
    'pdfmake/js/TextInlines.js#widthOfText',
    'pdfmake/js/Line.js#getHeight',
    'pdfmake/js/Line.js#getAscenderHeight',
    'pdfmake/js/Renderer.js#renderLine',
    'pdfmake/js/StyleContextStack.js#getProperty',
    'pdfmake/js/StyleContextStack.js#getStyleProperty',
    'pdfmake/js/StyleContextStack.js#autopush',
    'pdfmake/js/StyleContextStack.js#push',
    'pdfmake/js/StyleContextStack.js#pop',
    'pdfmake/js/StyleContextStack.js#clone',
    // print.ts does what these do, a part at a time, into one document.
    'pdfmake/js/Printer.js#createPdfKitDocument',
    'pdfmake/js/LayoutBuilder.js#layoutDocument',
    'pdfmake/js/Renderer.js#renderPages',
  ] as const;

  /** Unbreakable blocks pdfmake cut short or dropped since the current job started. */
  private truncations = 0;
  /** One layout at a time: the truncation count belongs to the layout in progress. */
  private queue: Promise<unknown> = Promise.resolve();
  /** The source of each method in RELIED_ON as pdfmake shipped it (before the patch). */
  private original: Record<string, string> | null = null;

  /**
   * Run `job` once every earlier job has finished, with the truncation count reset, so `truncated` tells the
   * job about its own layouts only.
   */
  exclusive<T>(job: () => Promise<T>): Promise<T> {
    const run = this.queue.then(async () => {
      this.install();
      this.truncations = 0;
      return job();
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Whether a layout of the current job lost part of an unbreakable block (so it must be laid out again). */
  get truncated(): boolean {
    return this.truncations > 0;
  }

  /** Patch pdfmake (once) for a job that needs no queue: the only one of its thread (see printShare). */
  ready(): void {
    this.install();
  }

  /** A new layout within the current job: `truncated` then tells about that layout alone. */
  restart(): void {
    this.truncations = 0;
  }

  /** The source text of each method in RELIED_ON as pdfmake ships it, so a test can notice an upgrade. */
  sources(): Record<string, string> {
    this.install();
    return { ...this.original! };
  }

  /**
   * pdfmake keeps only the first page of an unbreakable block (or a row under `dontBreakRows`) taller than the
   * space it may fill, and drops the rest without a word. Heights are estimated on the safe side, but a wrong
   * estimate must not lose text: count such truncations so the sheet can be laid out again without them.
   */
  private install(): void {
    if (this.original) return;
    const require = createRequire(import.meta.url);
    const prototypeOf = (module: string) =>
      (require(module) as { default: { prototype: Prototype } }).default.prototype;
    const writer = prototypeOf('pdfmake/js/PageElementWriter.js');
    const original = writer.__notesOriginal as Record<string, string> | undefined;
    if (original) {
      this.original = original;
      return;
    }
    this.original = {};
    for (const key of PdfmakeAdapter.RELIED_ON) {
      const [module, method] = key.split('#') as [string, string];
      // A static method (getStyleProperty) is the class's own.
      const prototype = prototypeOf(module);
      this.original[key] = String(prototype[method] ?? (prototype.constructor as unknown as Prototype)[method]);
    }
    writer.__notesOriginal = this.original;
    const commit = writer.commitUnbreakableBlock as Method;
    const addFragment = writer.addFragment as Method;
    let committing = false;
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- pdfmake calls the patch with its own `this`
    const adapter = this;
    writer.commitUnbreakableBlock = function (this: Writer, ...args: unknown[]) {
      const outermost = this.transactionLevel === 1;
      if (outermost && this.context().pages.length > 1) adapter.truncations++;
      committing = outermost;
      try {
        return commit.apply(this, args);
      } finally {
        committing = false;
      }
    };
    // pdfmake lays a line's pieces out left to right in logical order: put right-to-left text in visual order.
    const builder = prototypeOf('pdfmake/js/LayoutBuilder.js');
    const buildNextLine = builder.buildNextLine as (this: LayoutBuilder, node: TextNode) => PdfLine | null;
    const measureText = prototypeOf('pdfmake/js/TextInlines.js').widthOfText as (
      text: string,
      inline: object,
    ) => number;
    const widthOfText = (text: string, inline: LineInline): number => measureText.call(null, text, inline);
    builder.buildNextLine = function (this: LayoutBuilder, node: TextNode) {
      // A formula is one unbreakable piece: one wider than a whole line is scaled down to the line.
      if (node._inlines) restoreLogical(node._inlines);
      fitMath(node._inlines?.[0], this.writer.context().availableWidth);
      const line = buildNextLine.call(this, node);
      if (line) {
        reorderLine(
          line.inlines,
          node.alignment === 'right' ? 'rtl' : 'ltr',
          { leading: line.leadingCut, trailing: line.trailingCut },
          widthOfText,
        );
      }
      return line;
    };
    // pdfkit's text map (ToUnicode) gives each glyph the characters it was first drawn for. Arabic fonts draw
    // several letters with one glyph plus dots (ر and ز, the initial forms of ب ت ث ن ي), so the copied text
    // would read the first letter for all of them: give a glyph drawn for other characters a glyph of its own.
    const pdfDocument = prototypeOf('pdfmake/js/PDFDocument.js');
    const provideFont = pdfDocument.provideFont as (this: unknown, ...args: unknown[]) => object;
    const fixed = new WeakSet<object>();
    pdfDocument.provideFont = function (this: unknown, ...args: unknown[]) {
      const font = provideFont.apply(this, args) as EmbeddedFont;
      if (!fixed.has(font)) {
        fixed.add(font);
        if (font.font) glyphsWithOwnCodePoints(font.font);
      }
      const embedded = Object.getPrototypeOf(font) as Prototype;
      if (typeof embedded.encode === 'function' && !embedded.__notesEncode) {
        embedded.__notesEncode = true;
        embedded.encode = encodeWithOwnText;
      }
      // svg-to-pdfkit opens a font by the file name pdfmake gives it, which pdfkit caches by name, but an instanced
      // script font lives in pdfmake's virtual file system: let the name find the font pdfmake already opened.
      const document = this as FontDocument;
      const file = document.getFontFile(...(args as [string, boolean, boolean]));
      if (typeof file === 'string') document._fontFamilies[file] ??= font;
      return font;
    };
    this.installInlineMath(prototypeOf);
    // The same style look-ups without pdfmake's allocations (10% of a big sheet's time, and its garbage).
    installStyleLookups(prototypeOf('pdfmake/js/StyleContextStack.js'));
    // A block taller than a fresh column does not fit anywhere: pdfmake then drops it whole.
    writer.addFragment = function (this: Writer, ...args: unknown[]) {
      const placed = addFragment.apply(this, args);
      if (committing && !placed) adapter.truncations++;
      return placed;
    };
  }

  /**
   * Inline math (see inline-math.ts): a measured math run takes the formula's width; a line holding one takes its
   * height and baseline from the formula as well as the text; rendering such a line draws the formula's paths
   * where pdfmake would have written the run's text (pdfmake writes each run with one `text` call, in order).
   */
  private installInlineMath(prototypeOf: (module: string) => Prototype): void {
    const textInlines = prototypeOf('pdfmake/js/TextInlines.js');
    const measure = textInlines.measure as (this: unknown, ...args: unknown[]) => MeasuredInline[];
    textInlines.measure = function (this: unknown, ...args: unknown[]) {
      const items = measure.apply(this, args);
      for (const item of items) measureMath(item);
      return items;
    };
    const line = prototypeOf('pdfmake/js/Line.js');
    const getHeight = line.getHeight as (this: PdfLine) => number;
    const getAscenderHeight = line.getAscenderHeight as (this: PdfLine) => number;
    line.getHeight = function (this: PdfLine) {
      return hasMath(this.inlines) ? mathLineMetrics(this.inlines).height : getHeight.call(this);
    };
    line.getAscenderHeight = function (this: PdfLine) {
      return hasMath(this.inlines) ? mathLineMetrics(this.inlines).ascender : getAscenderHeight.call(this);
    };
    const renderer = prototypeOf('pdfmake/js/Renderer.js');
    const renderLine = renderer.renderLine as (this: RendererThis, line: PdfLine, x?: number, y?: number) => void;
    renderer.renderLine = function (this: RendererThis, pdfLine: PdfLine, x = 0, y = 0) {
      if (!hasMath(pdfLine.inlines)) return renderLine.call(this, pdfLine, x, y);
      const doc = this.pdfDocument;
      const text = doc.text;
      const own = Object.getOwnPropertyDescriptor(doc, 'text');
      const baseline = y + pdfLine.getAscenderHeight();
      const fontCallback = (family: string, bold: boolean, italic: boolean): string => {
        const wanted = family.split(',').map((f) => f.trim().replace(/['"]/g, '').toLowerCase());
        const name = Object.keys(doc.fonts).find((f) => wanted.includes(f.toLowerCase())) ?? 'Body';
        doc.provideFont(name, bold, italic);
        return doc.getFontFile(name, bold, italic);
      };
      let next = 0;
      doc.text = function (this: PdfKitDocument, ...args: unknown[]) {
        const inline = pdfLine.inlines[next++];
        if (!inline?.notesMath) return text.apply(this, args);
        drawMath(this, inline, x + inline.x, baseline, text, fontCallback);
        return this;
      };
      try {
        return renderLine.call(this, pdfLine, x, y);
      } finally {
        if (own) Object.defineProperty(doc, 'text', own);
        else delete (doc as Partial<RendererDocument>).text;
      }
    };
  }
}

interface LayoutBuilder {
  writer: { context(): { availableWidth: number } };
}

interface RendererDocument extends PdfKitDocument {
  text: (this: PdfKitDocument, ...args: unknown[]) => unknown;
  fonts: Record<string, unknown>;
  getFontFile(name: string, bold: boolean, italic: boolean): string;
}

interface FontDocument {
  getFontFile(name: string, bold: boolean, italic: boolean): string | null;
  _fontFamilies: Record<string, unknown>;
}

interface RendererThis {
  pdfDocument: RendererDocument;
}

/** The one adapter: pdfmake's prototype is process-wide, so its patch and the layout queue are too. */
export const pdfmakeAdapter = new PdfmakeAdapter();
