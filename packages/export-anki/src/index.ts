import {
  codeGrammars,
  createCodeHighlighter,
  createImageLoader,
  type ExportOptions,
  type Exporter,
  type LocalImage,
  type ModelDocument,
} from '@notes/core';
import type { MediaRef } from './html.js';
import { applyIdMap, type IdMap, type IdMapResult } from './idmap.js';
import { packApkg } from './pack.js';
import { type AnkiCard, type AnkiCardList, renderCards } from './render.js';

export { isComparisonTable } from './comparison.js';
export {
  applyIdMap,
  formatIdMap,
  parseIdMap,
  RENAME_MIN_SIMILARITY,
  sameAnswer,
  answerSketch,
  SKETCH_SIZE,
  sketchSimilarity,
  type IdMap,
  type IdMapEntry,
  type IdMapResult,
  type Orphan,
  type Rename,
} from './idmap.js';
export { blocksToHtml, type ClozeMode, type HtmlContext, type MediaRef } from './html.js';
export {
  CARD_CSS,
  CLOZE_NOTETYPE_ID,
  COMPARISON_NOTETYPE_ID,
  QUESTION_NOTETYPE_ID,
  REVERSE_NOTETYPE_ID,
} from './notetypes.js';
export { packApkg, type PackOptions } from './pack.js';
export {
  renderCards,
  type AnkiCard,
  type AnkiCardList,
  type AnkiDeck,
  type ClozeCard,
  type ComparisonCard,
  type QuestionCard,
  type RenderOptions,
  type ReverseCard,
  DEFAULT_DECK_PATTERN,
} from './render.js';

/**
 * Options of the Anki exporter: the shared export options, `comparisons: false` (no row cards), `reverse: true`
 * (reverse row cards everywhere), `deck` (the deck name pattern) and `css` (the user's own card CSS, as text).
 */
export interface AnkiExportOptions extends ExportOptions {
  comparisons?: boolean;
  reverse?: boolean;
  deck?: string;
  css?: string;
  /**
   * The id map of the last export (null: none yet) and where the result goes: renamed notes keep their GUIDs, and
   * `done` receives the new map, the renames and the orphans (the CLI prints them and writes the map).
   */
  idMap?: { previous: IdMap | null; done(result: IdMapResult): void };
}

/**
 * Read the images the cards refer to (core's image loader: inside the notes' folder after resolving symbolic
 * links, a PNG, JPEG, GIF or SVG that is not damaged or huge). A problem is a finding; the card shows the alt text.
 */
export async function loadMediaImages(
  media: readonly MediaRef[],
  options: Pick<ExportOptions, 'baseDir' | 'warn'>,
): Promise<Map<string, LocalImage>> {
  const out = new Map<string, LocalImage>();
  if (media.length === 0) return out;
  const loader = createImageLoader(options.baseDir);
  for (const ref of media) {
    const result = await loader.loadFile(ref.path);
    if (result.ok) out.set(ref.name, result.image);
    else options.warn(`${ref.from} ${result.reason}`);
  }
  return out;
}

/** The bytes of the images the cards refer to, by name (see `loadMediaImages`). */
export async function loadMedia(
  media: readonly MediaRef[],
  options: Pick<ExportOptions, 'baseDir' | 'warn'>,
): Promise<Map<string, Uint8Array>> {
  const images = await loadMediaImages(media, options);
  return new Map([...images].map(([name, image]) => [name, image.bytes]));
}

/** The name a packed image gets: its content hash, so the same picture is one file and a re-import adds none. */
export function hashedMediaName(image: Pick<LocalImage, 'sha256' | 'type'>): string {
  return `notes-${image.sha256.slice(0, 24)}.${image.type === 'jpeg' ? 'jpg' : image.type}`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Give every packed image its content-hashed name in the cards, and show the alt text instead of an image that
 * could not be packed. Returns the final card list and the bytes by final name.
 */
function finalMedia(
  list: AnkiCardList,
  loaded: ReadonlyMap<string, LocalImage>,
): { list: AnkiCardList; bytes: Map<string, Uint8Array> } {
  const bytes = new Map<string, Uint8Array>();
  if (list.media.length === 0) return { list, bytes };
  const renames = new Map<string, string | null>();
  const media: MediaRef[] = [];
  for (const ref of list.media) {
    const image = loaded.get(ref.name);
    if (!image) {
      renames.set(ref.name, null);
      continue;
    }
    const name = hashedMediaName(image);
    renames.set(ref.name, name);
    if (!bytes.has(name)) {
      bytes.set(name, image.bytes);
      media.push({ ...ref, name });
    }
  }
  const pattern = new RegExp(`<img src="(${[...renames.keys()].map(escapeRegExp).join('|')})" alt="([^"]*)">`, 'g');
  const fix = (html: string): string =>
    html.replace(pattern, (_all, name: string, alt: string) => {
      const final = renames.get(name);
      return final ? `<img src="${final}" alt="${alt}">` : `<span>[image${alt ? `: ${alt}` : ''}]</span>`;
    });
  const cards = list.cards.map((card) => {
    const fields = Object.fromEntries(Object.entries(card.fields).map(([k, v]) => [k, fix(v)]));
    return { ...card, fields } as AnkiCard;
  });
  return { list: { ...list, cards, media }, bytes };
}

/** The `.apkg` exporter: `dist/notes.apkg`, a deck per document and a sub-deck per topic. */
export const ankiExporter: Exporter = {
  format: 'anki',
  extension: 'apkg',
  binary: true,
  async export(documents: readonly ModelDocument[], options: ExportOptions) {
    const comparisons = options['comparisons'] === false ? false : true;
    const highlighter = await createCodeHighlighter(codeGrammars(documents.map((d) => d.tree)));
    let list = renderCards(documents, {
      baseDir: options.baseDir,
      warn: options.warn,
      comparisons,
      highlighter,
      reverse: options['reverse'] === true,
      ...(typeof options['deck'] === 'string' ? { deck: options['deck'] } : {}),
    });
    const idMap = options['idMap'] as AnkiExportOptions['idMap'];
    if (idMap) {
      const result = applyIdMap(list, idMap.previous);
      list = result.list;
      idMap.done(result);
    }
    if (list.cards.length === 0) options.warn('no questions found: the Anki deck is empty');
    const { list: packed, bytes } = finalMedia(list, await loadMediaImages(list.media, options));
    const css = typeof options['css'] === 'string' ? options['css'] : '';
    const data = await packApkg(packed, { epoch: options.epoch, media: bytes, css });
    return [{ path: 'notes.apkg', data }];
  },
};
