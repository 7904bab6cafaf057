import {
  codeGrammars,
  createCodeHighlighter,
  type ExportOptions,
  type Exporter,
  type ModelDocument,
} from '@notes/core';
import type { IdMap, IdMapResult } from './idmap.js';
import { applyIdMap } from './idmap.js';
import { finalMedia, loadMediaImages } from './media.js';
import { packApkg } from './pack.js';
import { renderCards } from './render.js';

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

/** The `.apkg` exporter: `dist/notes.apkg`, a deck per document and a sub-deck per topic. */
export const ankiExporter: Exporter<AnkiExportOptions> = {
  format: 'anki',
  extension: 'apkg',
  binary: true,
  async export(documents: readonly ModelDocument[], options: AnkiExportOptions) {
    const comparisons = options.comparisons === false ? false : true;
    const highlighter = await createCodeHighlighter(codeGrammars(documents.map((d) => d.tree)));
    let list = renderCards(documents, {
      baseDir: options.baseDir,
      warn: options.warn,
      comparisons,
      highlighter,
      reverse: options.reverse === true,
      ...(typeof options.deck === 'string' ? { deck: options.deck } : {}),
    });
    const idMap = options.idMap;
    if (idMap) {
      const result = applyIdMap(list, idMap.previous);
      list = result.list;
      idMap.done(result);
    }
    if (list.cards.length === 0) options.warn('no questions found: the Anki deck is empty');
    const { list: packed, bytes } = finalMedia(list, await loadMediaImages(list.media, options));
    const css = typeof options.css === 'string' ? options.css : '';
    const data = await packApkg(packed, { epoch: options.epoch, media: bytes, css });
    return [{ path: 'notes.apkg', data }];
  },
};
