import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildDocument, inlineText, squash, sourceFromText, type ModelDocument } from '@notes/core';
import type { RootContent } from 'mdast';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));
export const EPOCH = 1_764_201_600; // 2025-11-27T00:00:00Z

/** The model of a fixture, as the CLI would build it. */
export function fixtureDocument(name: string, path = `notes/${name}`): ModelDocument {
  return buildDocument(sourceFromText(readFileSync(`${FIXTURES}${name}`, 'utf8'), path, EPOCH));
}

export interface TextItem {
  str: string;
  x: number;
  y: number;
  /** Font size in points (the text matrix's scale). */
  size: number;
  /** Advance width in points. */
  width: number;
}

export interface PdfPage {
  width: number;
  height: number;
  text: string;
  items: TextItem[];
}

/** Open PDF bytes with pdfjs-dist and extract each page's size and text. */
export async function openPdf(bytes: Uint8Array): Promise<PdfPage[]> {
  const doc = await getDocument({ data: bytes.slice(), disableFontFace: true, verbosity: 0, isEvalSupported: false })
    .promise;
  const pages: PdfPage[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const viewport = page.getViewport({ scale: 1 });
    const content = await page.getTextContent();
    const items: TextItem[] = [];
    let text = '';
    for (const item of content.items) {
      if (!('str' in item)) continue;
      text += item.str + (item.hasEOL ? '\n' : '');
      if (item.str.trim())
        items.push({
          str: item.str,
          x: item.transform[4] as number,
          y: item.transform[5] as number,
          size: Math.hypot(item.transform[2] as number, item.transform[3] as number),
          width: item.width,
        });
    }
    pages.push({ width: viewport.width, height: viewport.height, text, items });
  }
  await doc.destroy();
  return pages;
}

/** Text compared the way pdf-check does: NFKC, white space removed. */
export function comparable(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '');
}

/** Every heading (title, topics, questions, sub-headings) and table cell of a document, as plain text. */
export function headingsAndCells(document: ModelDocument): { headings: string[]; cells: string[] } {
  const headings = [document.title, ...document.topics.map((t) => t.title)];
  const cells: string[] = [];
  const walk = (nodes: readonly RootContent[]) => {
    for (const node of nodes) {
      if (node.type === 'heading') headings.push(squash(inlineText(node)));
      if (node.type === 'table')
        for (const row of node.children) for (const cell of row.children) cells.push(squash(inlineText(cell)));
      if ('children' in node && node.type !== 'table' && node.type !== 'heading') walk(node.children as RootContent[]);
    }
  };
  for (const note of document.notes) {
    if (note.kind === 'question') headings.push(note.title);
    walk(note.body);
  }
  return { headings: headings.filter(Boolean), cells: cells.filter(Boolean) };
}
