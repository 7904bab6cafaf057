// pdfkit's internals that print.ts relies on, typed here: its objects, its pages, and batched content writes.

/** A PDF object of pdfkit's (`PDFReference`): a dictionary, and a stream when written to. */
export interface PdfObject {
  data: Record<string, unknown>;
  write(chunk: string | Uint8Array): void;
  end(): void;
  finalize(): void;
}

/**
 * Collect what is written to a content stream as text, and hand it to pdfkit as one Buffer when the stream is
 * finished: pdfkit makes a Buffer of every operator it writes (`Buffer.from(chunk + '\n', 'binary')`, millions
 * on a big sheet, a tenth of its time with their collection). The stream's bytes are the same.
 */
export function batchWrites(stream: PdfObject): void {
  const write = stream.write.bind(stream);
  const finalize = stream.finalize.bind(stream);
  let text: string[] = [];
  const flush = (): void => {
    if (text.length) write(Buffer.from(text.join(''), 'latin1'));
    text = [];
  };
  stream.write = (chunk) => {
    if (typeof chunk === 'string') text.push(`${chunk}\n`);
    else {
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
