import type { CheatSheetDefinition } from './definition.js';

/**
 * Join the PDFs of a sheet's parts into one, page after page, with the sheet's document information and no
 * clock: the same parts give the same bytes. Each part keeps its own font subsets.
 */
export async function mergePdfs(
  parts: readonly Uint8Array[],
  info: CheatSheetDefinition['info'],
  language = 'und',
): Promise<Uint8Array> {
  // pdf-lib (about 0.1 s to load) is needed only for a sheet laid out in parts: most sheets are one part.
  const { PDFDocument } = await import('pdf-lib');
  const out = await PDFDocument.create({ updateMetadata: false });
  for (const bytes of parts) {
    const part = await PDFDocument.load(bytes, { updateMetadata: false });
    for (const page of await out.copyPages(part, part.getPageIndices())) out.addPage(page);
  }
  out.setLanguage(language);
  out.setTitle(info.title);
  out.setSubject(info.subject);
  if (info.keywords) out.setKeywords([info.keywords]);
  out.setCreator(info.creator);
  out.setProducer(info.producer);
  out.setCreationDate(info.creationDate);
  out.setModificationDate(info.modDate);
  return out.save({ useObjectStreams: false });
}
