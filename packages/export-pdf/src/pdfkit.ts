// pdfkit's internals that print.ts relies on, typed here: its objects, its pages, and batched content writes.

/** A PDF object of pdfkit's (`PDFReference`): a dictionary, and a stream when written to. */
export interface PdfObject {
  id: number;
  offset?: number;
  data: Record<string, unknown>;
  write(chunk: string | Uint8Array): void;
  end(): void;
  finalize(): void;
}

/** A content stream's text buffer starts at this size and doubles as it fills. */
const FIRST_BYTES = 1 << 16;

/**
 * The buffer a finished stream leaves for the next one to write into (pdfkit copies a stream's bytes when it
 * ends): a page's content, about 150 KB on a dense sheet, then reuses the last page's buffer instead of growing a
 * new one from 64 KB each time (three allocations and two copies a page).
 */
export interface SpareBuffer {
  buffer: Buffer | null;
}

/**
 * Collect what is written to a content stream, each operator and its line feed written straight into one growing
 * buffer, and hand it to pdfkit when the stream is finished: pdfkit makes a Buffer of every operator it writes
 * (`Buffer.from(chunk + '\n', 'binary')`, millions on a big sheet, a tenth of its time with their collection).
 * The stream's bytes are the same. `spare` is shared by the streams of one document.
 */
export function batchWrites(stream: PdfObject, spare: SpareBuffer = { buffer: null }): void {
  const write = stream.write.bind(stream);
  const finalize = stream.finalize.bind(stream);
  let buffer: Buffer = EMPTY;
  let length = 0;
  // The buffers pdfkit was given views of: it holds them until the stream ends, then only its own copy.
  const given: Buffer[] = [];
  const flush = (): void => {
    // What follows goes into another buffer.
    if (length) {
      write(buffer.subarray(0, length));
      given.push(buffer);
    } else if (buffer !== EMPTY) given.push(buffer);
    buffer = EMPTY;
    length = 0;
  };
  stream.write = (chunk) => {
    if (typeof chunk === 'string') {
      const needed = length + chunk.length + 1;
      if (needed > buffer.length) {
        let grown: Buffer;
        if (length === 0 && spare.buffer !== null && spare.buffer.length >= needed) {
          grown = spare.buffer;
          spare.buffer = null;
        } else {
          grown = Buffer.allocUnsafe(Math.max(needed, buffer.length * 2, FIRST_BYTES));
          buffer.copy(grown, 0, 0, length);
        }
        buffer = grown;
      }
      // 'latin1' is pdfkit's 'binary': each character's low byte (Buffer#write's own latin-1 writer, called
      // directly: the dispatch on the encoding name cost as much as the copy).
      length += (buffer as Buffer & { latin1Write(text: string, offset: number): number }).latin1Write(chunk, length);
      buffer[length++] = 0x0a;
    } else {
      flush();
      write(chunk);
    }
  };
  stream.finalize = () => {
    flush();
    finalize();
    // pdfkit has copied (and compressed) the stream's bytes: the biggest buffer is free for the next stream.
    for (const free of given) if (free.length > (spare.buffer?.length ?? 0)) spare.buffer = free;
    given.length = 0;
  };
}

const EMPTY = Buffer.alloc(0);

/** pdfkit's colour operators (its `ColorMixin`), as `rememberColours` relies on them. */
export interface PdfkitColours {
  _setColorCore(color: unknown, stroke: boolean): boolean;
  _normalizeColor(color: unknown): unknown;
  _getColorSpace(color: unknown): string;
  _setColorSpace(space: string, stroke: boolean): unknown;
  addContent(data: string): unknown;
  /** pdfmake's document checks each colour before it fills with it (its default when pdfkit knows none). */
  resolveColor?(color: unknown, defaultColor: unknown): unknown;
  /** The current transformation matrix, and pdfkit's `transform`, which changes it and writes `cm`. */
  _ctm: number[];
  transform(...matrix: number[]): unknown;
}

/**
 * pdfkit's `_setColorCore` for a colour written as text (`#555555`, `black`), the colour's numbers worked out
 * once: pdfmake sets the fill colour of every piece of text it draws, and pdfkit parsed the colour and wrote its
 * numbers again each time. The same operators (a colour space, then `r g b scn`); a spot colour, or a colour
 * pdfkit does not know, goes to pdfkit as before. pdfmake's check of a colour (`resolveColor`) takes a colour
 * worked out here as known.
 */
export function rememberColours(doc: PdfkitColours): void {
  const setColor = doc._setColorCore.bind(doc);
  const known = new Map<string, { space: string; numbers: string }>();
  doc._setColorCore = (color, stroke) => {
    if (typeof color !== 'string') return setColor(color, stroke);
    let colour = known.get(color);
    if (colour === undefined) {
      const normalized = doc._normalizeColor(color);
      if (!Array.isArray(normalized)) return setColor(color, stroke);
      colour = { space: doc._getColorSpace(normalized), numbers: normalized.join(' ') };
      known.set(color, colour);
    }
    const op = stroke ? 'SCN' : 'scn';
    doc._setColorSpace(colour.space, stroke);
    doc.addContent(`${colour.numbers} ${op}`);
    return true;
  };
  const resolveColor = doc.resolveColor?.bind(doc);
  if (resolveColor) {
    doc.resolveColor = (color, defaultColor) => {
      const resolved = color || defaultColor;
      return typeof resolved === 'string' && known.has(resolved) ? resolved : resolveColor(color, defaultColor);
    };
  }
}

/**
 * pdfkit's `transform` with the text of the last matrix written kept: pdfkit flips the page for each piece of
 * text it draws (`1 0 0 -1 0 <height> cm`) and wrote the six numbers again each time. The same matrix and bytes.
 */
export function rememberTransform(doc: PdfkitColours): void {
  const transform = doc.transform.bind(doc);
  let last: number[] = [];
  let written: string | null = null;
  doc.transform = (...matrix: number[]) => {
    if (written === null || matrix.length !== 6 || matrix.some((v, i) => v !== last[i])) {
      // pdfkit's own, and the text it writes (none for the identity).
      const own = Object.getOwnPropertyDescriptor(doc, 'addContent');
      let text: string | null = null;
      const addContent = doc.addContent.bind(doc);
      doc.addContent = (data: string) => ((text = data), addContent(data));
      try {
        transform(...matrix);
      } finally {
        if (own) Object.defineProperty(doc, 'addContent', own);
        else delete (doc as Partial<PdfkitColours>).addContent;
      }
      [last, written] = matrix.length === 6 && text !== null ? [matrix, text] : [[], null];
      return doc;
    }
    const [a, b, c, d, e, f] = matrix as [number, number, number, number, number, number];
    const m = doc._ctm;
    const [m0, m1, m2, m3, m4, m5] = m as [number, number, number, number, number, number];
    m[0] = m0 * a + m2 * b;
    m[1] = m1 * a + m3 * b;
    m[2] = m0 * c + m2 * d;
    m[3] = m1 * c + m3 * d;
    m[4] = m0 * e + m2 * f + m4;
    m[5] = m1 * e + m3 * f + m5;
    doc.addContent(written);
    return doc;
  };
}

/** The page pdfkit draws on (`PDFPage`): what drawing its footer later needs of it. */
export interface PdfkitPage {
  width: number;
  height: number;
  margins: unknown;
  content: PdfObject;
  resources: PdfObject;
  dictionary: PdfObject;
}

/** pdfkit's document as seen from here: its current page, new objects, and the drawing matrix. */
export interface PdfkitInternals {
  page: PdfkitPage;
  ref(data?: Record<string, unknown>): PdfObject;
  /** The catalog: its page tree lists the pages in order (`Kids`). */
  _root: { data: { Pages: PdfObject & { data: { Kids: PdfObject[]; Count: number } } } };
  /** Where each object starts in the PDF, by id - 1 (complete once the PDF has ended). */
  _offsets: (number | null)[];
  /** The bytes written so far. */
  _offset: number;
  _write(data: Buffer): void;
  /** An object written: its offset is recorded, and the PDF ends once none is waiting. */
  _refEnd(ref: PdfObject): void;
  addPage?: unknown;
  _ctm: number[];
  _pdfMakePages?: unknown;
}

/**
 * A page drawn without its footer: its footer goes into a second content stream of its own (a page's
 * `/Contents` may be an array of streams, read as one), drawn once the sheet's page count is known, and the
 * page's resources are written only then, with what the footer draws with.
 */
export interface FooterLater {
  page: PdfkitPage;
  stream: PdfObject;
}
