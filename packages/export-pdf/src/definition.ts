import type { Paper } from './theme.js';

/** A pdfmake content node, kept as plain data. */
export type Content = string | ContentObject | Content[];
/** A pdfmake content object (`text`, `stack`, `table`, `ul`…). */
export interface ContentObject {
  [key: string]: unknown;
}

/** Dynamic header/footer content: pdfmake calls it per page. */
export type PageContent = (currentPage: number, pageCount: number) => Content;

/** A pdfmake document definition as the cheat sheet builds it (fonts are added when packing). */
export interface CheatSheetDefinition {
  pageSize: string;
  pageOrientation: 'landscape';
  pageMargins: [number, number, number, number];
  /** BCP 47 language of the sheet, declared as the PDF's `/Lang`. */
  language: string;
  info: {
    title: string;
    subject: string;
    keywords: string;
    creator: string;
    producer: string;
    creationDate: Date;
    modDate: Date;
  };
  defaultStyle: ContentObject;
  header: PageContent;
  footer: PageContent;
  content: Content[];
  /** Raster images by key (data URLs), each embedded once however often it is drawn. */
  images?: Record<string, string>;
}

/** Options of the cheat sheet (besides the CLI's `epoch`, `baseDir`, `warn`). */
export interface CheatSheetOptions {
  /** Seconds since the epoch: the date printed in the header and the PDF's creation date. */
  epoch: number;
  /** `a4` (default) or `letter`, always landscape. */
  paper?: Paper;
  /** Number of columns, 1 to 6 (default 3). */
  columns?: number;
}
