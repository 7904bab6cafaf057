// The pages of a share of a sheet printed by another thread (its own pdfkit document: its own fonts, subsets and
// object numbers), added to this thread's PDF after the pages drawn here. Only bytes cross threads.
import type { PdfkitInternals, PdfObject } from './pdfkit.js';

/** A share's PDF as pdfkit wrote it, and what is needed to take its pages into another PDF. */
export interface PrintedShare {
  pdf: Uint8Array;
  /** Where object `id` starts in `pdf`, at `id - 1`. */
  offsets: (number | null)[];
  /** Its page dictionaries' ids, in page order. */
  pages: number[];
  /** Its page tree's id (each page's `/Parent`). */
  parent: number;
  /** The warnings its layout gave, in order. */
  warnings: string[];
}

/** One object of a pdfkit PDF: its dictionary (text), and what follows it (`stream … endobj`), as bytes. */
interface PdfPart {
  dictionary: string;
  tail: Buffer;
}

const STREAM = '\nstream\n';
const END = '\nendobj\n';

/**
 * The objects of `share`'s PDF, by id. pdfkit writes each object as `<id> 0 obj`, its dictionary, then
 * `stream`, the stream's bytes and `endstream` when it has one, and `endobj`, each on a line of its own; a
 * dictionary never holds a line feed in a string (pdfkit writes it `\n`), so the first `\nstream\n` after the
 * dictionary starts its stream.
 */
function objectsOf(share: PrintedShare): Map<number, PdfPart> {
  const bytes = Buffer.from(share.pdf.buffer, share.pdf.byteOffset, share.pdf.byteLength);
  const text = bytes.toString('latin1');
  const starts = share.offsets
    .map((offset, i) => ({ id: i + 1, offset }))
    .filter((o): o is { id: number; offset: number } => o.offset !== null)
    .sort((a, b) => a.offset - b.offset);
  const xref = text.lastIndexOf('\nxref\n') + 1;
  const out = new Map<number, PdfPart>();
  starts.forEach(({ id, offset }, i) => {
    const end = i + 1 < starts.length ? starts[i + 1]!.offset : xref;
    const header = `${id} 0 obj\n`;
    if (text.slice(offset, offset + header.length) !== header || !text.endsWith(END, end))
      throw new Error(`cheat sheet: object ${id} of a share is not where its PDF says`);
    const body = offset + header.length;
    const stream = text.indexOf(STREAM, body);
    if (stream >= 0 && stream < end)
      out.set(id, { dictionary: text.slice(body, stream), tail: bytes.subarray(stream, end) });
    else out.set(id, { dictionary: text.slice(body, end - END.length), tail: Buffer.from(END, 'latin1') });
  });
  return out;
}

/** An indirect reference (`12 0 R`) outside strings: not part of a name or number before it, nor a word after. */
const REFERENCE = /(?<![\w./#-])(\d+) 0 R(?![\w])/g;

/**
 * `dictionary` with each indirect reference's id passed through `map`. Literal strings are left as they are
 * (pdfkit escapes the parentheses and backslashes in them, so the first unescaped `)` ends one); hex strings hold
 * no `R`.
 */
export function renumber(dictionary: string, map: (id: number) => number): string {
  let out = '';
  let at = 0;
  const outside = (to: number) => {
    out += dictionary.slice(at, to).replace(REFERENCE, (_m, id: string) => `${map(Number(id))} 0 R`);
  };
  for (let i = 0; i < dictionary.length; i++) {
    if (dictionary[i] !== '(') continue;
    outside(i);
    let j = i + 1;
    while (j < dictionary.length && dictionary[j] !== ')') j += dictionary[j] === '\\' ? 2 : 1;
    out += dictionary.slice(i, j + 1);
    at = i = j + 1;
    i--;
  }
  outside(dictionary.length);
  return out;
}

/** The ids `dictionary` refers to (renumber's references). */
function referencesOf(dictionary: string): number[] {
  const ids: number[] = [];
  renumber(dictionary, (id) => (ids.push(id), id));
  return ids;
}

/**
 * Add `share`'s pages to `doc`'s after those already there (returned, in order): every object its pages reach (contents, resources,
 * fonts and their subsets, images, links), under new ids of `doc`'s, their `/Parent` `doc`'s page tree. The
 * objects are written as the share's PDF holds them (streams byte for byte, compressed); only their ids change.
 * Deterministic: the same share gives the same bytes.
 */
export function adoptShare(doc: PdfkitInternals, share: PrintedShare): PdfObject[] {
  const objects = objectsOf(share);
  const reached = new Set<number>();
  const queue = [...share.pages];
  for (let id = queue.pop(); id !== undefined; id = queue.pop()) {
    if (reached.has(id) || id === share.parent) continue;
    const object = objects.get(id);
    if (!object) throw new Error(`cheat sheet: a share's pages refer to object ${id}, which it does not hold`);
    reached.add(id);
    queue.push(...referencesOf(object.dictionary));
  }
  const tree = doc._root.data.Pages;
  const refs = new Map<number, PdfObject>();
  const ids = [...reached].sort((a, b) => a - b);
  for (const id of ids) refs.set(id, doc.ref());
  const map = (id: number): number => (id === share.parent ? tree.id : refs.get(id)!.id);
  for (const id of ids) {
    const ref = refs.get(id)!;
    const { dictionary, tail } = objects.get(id)!;
    ref.offset = doc._offset;
    doc._write(Buffer.concat([Buffer.from(`${ref.id} 0 obj\n${renumber(dictionary, map)}`, 'latin1'), tail]));
    doc._refEnd(ref);
  }
  const pages = share.pages.map((page) => refs.get(page)!);
  tree.data.Kids.push(...pages);
  tree.data.Count += pages.length;
  return pages;
}
