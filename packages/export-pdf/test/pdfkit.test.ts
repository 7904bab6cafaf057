import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import {
  batchWrites,
  rememberColours,
  rememberTransform,
  type PdfkitColours,
  type PdfObject,
  type SpareBuffer,
} from '../src/pdfkit.js';

/** pdfkit, as pdfmake loads it. */
const requireNearPdfmake = createRequire(createRequire(import.meta.url).resolve('pdfmake'));

/** A stream as pdfkit keeps one: the chunks it was given, copied into one buffer when it is finished. */
function fakeStream(): PdfObject & { bytes: string | null } {
  const chunks: Uint8Array[] = [];
  return {
    id: 1,
    data: {},
    bytes: null,
    write(chunk) {
      chunks.push(typeof chunk === 'string' ? Buffer.from(`${chunk}\n`, 'latin1') : chunk);
    },
    end() {
      this.finalize();
    },
    finalize() {
      this.bytes = Buffer.concat(chunks).toString('latin1');
    },
  };
}

describe('batched content writes', () => {
  it('gives each stream its own bytes in order while the streams of a document reuse one buffer', () => {
    const spare: SpareBuffer = { buffer: null };
    const first = fakeStream();
    batchWrites(first, spare);
    first.write('q');
    first.write(Buffer.from('<raw>'));
    first.write('Q');
    first.finalize();
    expect(first.bytes).toBe('q\n<raw>Q\n');
    const reused = spare.buffer;
    expect(reused).not.toBeNull();
    const second = fakeStream();
    const third = fakeStream();
    batchWrites(second, spare);
    batchWrites(third, spare);
    second.write('BT');
    expect(spare.buffer).toBeNull();
    third.write('1 0 0 1 0 0 cm');
    second.write('ET');
    third.finalize();
    second.finalize();
    expect(second.bytes).toBe('BT\nET\n');
    expect(third.bytes).toBe('1 0 0 1 0 0 cm\n');
    expect(first.bytes).toBe('q\n<raw>Q\n');
    expect(spare.buffer!.length).toBeGreaterThanOrEqual(reused!.length);
  });
});

describe('remembered colours', () => {
  /** The operators pdfkit writes for each colour, filled then stroked, with or without rememberColours. */
  function operators(remember: boolean, colours: unknown[]): string[] {
    const PDFDocument = requireNearPdfmake('pdfkit') as new (options: object) => PdfkitColours & {
      fillColor(colour: unknown): unknown;
      strokeColor(colour: unknown): unknown;
      addSpotColor(name: string, c: number, m: number, y: number, k: number): unknown;
      page: { content: PdfObject };
    };
    const doc = new PDFDocument({ compress: false });
    doc.addSpotColor('brand', 10, 20, 30, 40);
    if (remember) rememberColours(doc);
    const written: string[] = [];
    doc.page.content.write = (chunk) => void written.push(String(chunk));
    for (const colour of colours) {
      doc.fillColor(colour);
      doc.strokeColor(colour);
    }
    return written;
  }

  it('writes the operators pdfkit writes, for text, named, spot and array colours', () => {
    const colours = ['#555555', '#abc', 'red', 'brand', [10, 20, 30], '#555555', 'no such colour', 'red'];
    const remembered = operators(true, colours);
    expect(remembered).toEqual(operators(false, colours));
    expect(remembered).toContain('0.3333333333333333 0.3333333333333333 0.3333333333333333 scn');
  });
});

describe('remembered transforms', () => {
  /** The operators and the matrix after each transform, with or without rememberTransform. */
  function transforms(remember: boolean, matrices: number[][]): string[] {
    const PDFDocument = requireNearPdfmake('pdfkit') as new (options: object) => PdfkitColours & {
      page: { content: PdfObject };
    };
    const doc = new PDFDocument({ compress: false });
    if (remember) rememberTransform(doc);
    const written: string[] = [];
    doc.page.content.write = (chunk) => void written.push(String(chunk));
    for (const matrix of matrices) {
      doc.transform(...matrix);
      written.push(`ctm ${doc._ctm.join(' ')}`);
    }
    return written;
  }

  it('writes the operators and keeps the matrix pdfkit does, for repeated, changed and identity matrices', () => {
    const flip = [1, 0, 0, -1, 0, 595.28];
    const matrices = [
      flip,
      flip,
      [1, 0, 0, 1, 0, 0],
      flip,
      [1, 0, 0, 1, 12.3456789, -4],
      flip,
      [2, 0, 0, 2, 0, 0],
      flip,
    ];
    const remembered = transforms(true, matrices);
    expect(remembered).toEqual(transforms(false, matrices));
    expect(remembered.filter((op) => op === '1 0 0 -1 0 595.28 cm')).toHaveLength(5);
  });

  it('takes a colour it has set as known to pdfmake, and asks pdfkit about others', () => {
    const doc = {
      _ctm: [1, 0, 0, 1, 0, 0],
      transform: () => doc,
      addContent: () => doc,
      _setColorCore: () => true,
      _normalizeColor: (colour: unknown) => (colour === '#555555' ? [85, 85, 85] : null),
      _getColorSpace: () => 'DeviceRGB',
      _setColorSpace: () => doc,
      resolveColor: (colour: unknown, fallback: unknown) => (colour === 'bad' ? fallback : (colour ?? fallback)),
    };
    rememberColours(doc);
    doc._setColorCore('#555555', false);
    doc._normalizeColor = () => {
      throw new Error('asked again');
    };
    expect(doc.resolveColor('#555555', 'black')).toBe('#555555');
    expect(doc.resolveColor(undefined, '#555555')).toBe('#555555');
    expect(doc.resolveColor('bad', 'black')).toBe('black');
  });
});
