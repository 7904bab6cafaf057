import { realpath, readFile } from 'node:fs/promises';
import { relative, isAbsolute, resolve } from 'node:path';
import type { ExportOptions, Exporter, ModelDocument } from '@notes/core';
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
 * Read the images the cards refer to, each checked again after resolving symbolic links, so a link inside
 * the notes' folder cannot smuggle in a file from outside it. A missing or unreadable image is a finding.
 */
export async function loadMedia(
  media: readonly MediaRef[],
  options: Pick<ExportOptions, 'baseDir' | 'warn'>,
): Promise<Map<string, Uint8Array>> {
  const out = new Map<string, Uint8Array>();
  if (media.length === 0) return out;
  let root: string;
  try {
    root = await realpath(resolve(options.baseDir));
  } catch {
    options.warn(`${options.baseDir}: notes folder not found: images not packed`);
    return out;
  }
  for (const ref of media) {
    try {
      const real = await realpath(ref.path);
      const rel = relative(root, real);
      if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) {
        options.warn(`${ref.from} links outside the notes' folder: not packed`);
        continue;
      }
      out.set(ref.name, new Uint8Array(await readFile(real)));
    } catch {
      options.warn(`${ref.from} not found or unreadable: not packed, shown as its alt text`);
    }
  }
  return out;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Cards whose image could not be packed show its alt text instead of a broken reference. */
function withoutMissingMedia(list: AnkiCardList, loaded: ReadonlyMap<string, Uint8Array>): AnkiCardList {
  const missing = list.media.filter((m) => !loaded.has(m.name));
  if (missing.length === 0) return list;
  const patterns = missing.map((m) => new RegExp(`<img src="${escapeRegExp(m.name)}" alt="([^"]*)">`, 'g'));
  const fix = (html: string): string =>
    patterns.reduce(
      (out, re) => out.replace(re, (_all, alt: string) => `<span>[image${alt ? `: ${alt}` : ''}]</span>`),
      html,
    );
  const cards = list.cards.map((card) => {
    const fields = Object.fromEntries(Object.entries(card.fields).map(([k, v]) => [k, fix(v)]));
    return { ...card, fields } as AnkiCard;
  });
  return { ...list, cards, media: list.media.filter((m) => loaded.has(m.name)) };
}

/** The `.apkg` exporter: `dist/notes.apkg`, a deck per document and a sub-deck per topic. */
export const ankiExporter: Exporter = {
  format: 'anki',
  extension: 'apkg',
  binary: true,
  async export(documents: readonly ModelDocument[], options: ExportOptions) {
    const comparisons = options['comparisons'] === false ? false : true;
    let list = renderCards(documents, {
      baseDir: options.baseDir,
      warn: options.warn,
      comparisons,
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
    const media = await loadMedia(list.media, options);
    const css = typeof options['css'] === 'string' ? options['css'] : '';
    const data = await packApkg(withoutMissingMedia(list, media), { epoch: options.epoch, media, css });
    return [{ path: 'notes.apkg', data }];
  },
};
