import { strFromU8, unzipSync } from 'fflate';
import initSqlJs from 'sql.js';

let sql: ReturnType<typeof initSqlJs> | undefined;

/** Every field of every note in an .apkg (zip + SQLite collection), and the media map. */
export async function apkgFields(
  bytes: Uint8Array,
): Promise<{ fields: string[][]; media: Record<string, string>; members: string[] }> {
  const files = unzipSync(bytes);
  const collection = files['collection.anki2'];
  if (!collection) throw new Error('no collection.anki2 member');
  sql ??= initSqlJs();
  const db = new (await sql).Database(collection);
  try {
    const [result] = db.exec('select flds from notes order by id');
    const fields = (result?.values ?? []).map((v) => String(v[0]).split('\x1f'));
    return {
      fields,
      media: JSON.parse(strFromU8(files['media'] ?? new Uint8Array())) as Record<string, string>,
      members: Object.keys(files),
    };
  } finally {
    db.close();
  }
}

/** The PDF's text (pdfjs, page by page, items joined by spaces) and its link annotations' targets. */
export async function pdfContent(bytes: Uint8Array): Promise<{ text: string; links: string[]; pages: number }> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({
    data: new Uint8Array(bytes),
    useSystemFonts: false,
    isEvalSupported: false,
    verbosity: 0,
  }).promise;
  const parts: string[] = [];
  const links: string[] = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const page = await doc.getPage(p);
    const content = await page.getTextContent();
    for (const item of content.items) if ('str' in item) parts.push(item.str, item.hasEOL ? '\n' : '');
    for (const a of await page.getAnnotations()) {
      const target = (a as { url?: string; unsafeUrl?: string }).unsafeUrl ?? (a as { url?: string }).url;
      if (target) links.push(target);
    }
  }
  const pages = doc.numPages;
  await doc.destroy();
  return { text: parts.join(''), links, pages };
}
