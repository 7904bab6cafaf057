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
 * Collect what is written to a content stream, each operator and its line feed written straight into one growing
 * buffer, and hand it to pdfkit when the stream is finished: pdfkit makes a Buffer of every operator it writes
 * (`Buffer.from(chunk + '\n', 'binary')`, millions on a big sheet, a tenth of its time with their collection).
 * The stream's bytes are the same.
 */
export function batchWrites(stream: PdfObject): void {
  const write = stream.write.bind(stream);
  const finalize = stream.finalize.bind(stream);
  let buffer = Buffer.alloc(0);
  let length = 0;
  const flush = (): void => {
    // pdfkit keeps what it is given until the stream ends: what follows goes into a new buffer.
    if (length) write(buffer.subarray(0, length));
    buffer = Buffer.alloc(0);
    length = 0;
  };
  stream.write = (chunk) => {
    if (typeof chunk === 'string') {
      const needed = length + chunk.length + 1;
      if (needed > buffer.length) {
        const grown = Buffer.allocUnsafe(Math.max(needed, buffer.length * 2, FIRST_BYTES));
        buffer.copy(grown, 0, 0, length);
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
