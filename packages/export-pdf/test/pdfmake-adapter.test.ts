import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { PdfmakeAdapter } from '../src/adapter.js';

const require = createRequire(import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  dependencies: Record<string, string>;
};

/**
 * The pdfmake methods the adapter wraps or relies on, as pdfmake 0.3.11 ships them (first 16 hex digits of the
 * SHA-256 of their source). When an upgrade changes one, read the new code, check the adapter still holds, then
 * update the pin and this table.
 */
const RELIED_ON_SHA256: Record<string, string> = {
  'pdfmake/js/PageElementWriter.js#commitUnbreakableBlock': '367859e9b386b125',
  'pdfmake/js/PageElementWriter.js#addFragment': '69c61712901981be',
  'pdfmake/js/LayoutBuilder.js#tryLayoutDocument': '986298980b74f58c',
  'pdfmake/js/LayoutBuilder.js#addHeadersAndFooters': '41bf8d0dbafffc69',
  'pdfmake/js/LayoutBuilder.js#buildNextLine': 'f9a0444e3740e3f3',
  'pdfmake/js/PDFDocument.js#provideFont': 'd82bb3f99bf3e9c5',
  'pdfmake/js/TextInlines.js#measure': 'cb17af19531a9de1',
  'pdfmake/js/TextInlines.js#widthOfText': 'e285c68b15baf512',
  'pdfmake/js/Line.js#getHeight': '16f9556d385610b6',
  'pdfmake/js/Line.js#getAscenderHeight': '99a5e01efba27a8e',
  'pdfmake/js/Renderer.js#renderLine': 'b71f57566c6b6c5f',
  'pdfmake/js/Printer.js#createPdfKitDocument': 'eee2d140c36ebda2',
  'pdfmake/js/LayoutBuilder.js#layoutDocument': '9447035c5308b90f',
  'pdfmake/js/Renderer.js#renderPages': '429c66b67fe2b5a6',
  'pdfmake/js/StyleContextStack.js#getProperty': '1f44d5be2de5a5d4',
  'pdfmake/js/StyleContextStack.js#getStyleProperty': 'ca42470130b7e9d1',
  'pdfmake/js/StyleContextStack.js#autopush': '7c59ef830f0b9f38',
  'pdfmake/js/StyleContextStack.js#push': '7bd07d3e34dd186e',
  'pdfmake/js/StyleContextStack.js#pop': 'fceabdef989c05c7',
  'pdfmake/js/StyleContextStack.js#clone': '3f8d6eae34f98fa9',
};

describe('pdfmake adapter', () => {
  it('depends on one exact pdfmake version, the one installed', () => {
    const pin = manifest.dependencies.pdfmake;
    expect(pin).toMatch(/^\d+\.\d+\.\d+$/);
    const installed = (require('pdfmake/package.json') as { version: string }).version;
    expect(installed).toBe(pin);
  });

  it('patches and relies on pdfmake methods whose source is the one it was written against', () => {
    const sources = new PdfmakeAdapter().sources();
    expect(Object.keys(sources).sort()).toEqual(Object.keys(RELIED_ON_SHA256).sort());
    const digests = Object.fromEntries(
      Object.entries(sources).map(([key, source]) => [
        key,
        createHash('sha256').update(source).digest('hex').slice(0, 16),
      ]),
    );
    expect(digests).toEqual(RELIED_ON_SHA256);
  });

  it('runs jobs one at a time, each seeing only its own truncations', async () => {
    const adapter = new PdfmakeAdapter();
    const order: string[] = [];
    const slow = adapter.exclusive(async () => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      order.push('first');
      return adapter.truncated;
    });
    const fast = adapter.exclusive(async () => {
      order.push('second');
      return adapter.truncated;
    });
    expect(await Promise.all([slow, fast])).toEqual([false, false]);
    expect(order).toEqual(['first', 'second']);
  });
});
