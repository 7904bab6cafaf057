import {
  codeGrammars,
  createCodeHighlighter,
  type ExportOptions,
  type Exporter,
  type ModelDocument,
} from '@notes/core';
import { openCollection, writeApkg } from './collection.js';
import type { IdMap, IdMapResult } from './idmap.js';
import { matchIdMap } from './idmap.js';
import { finalMedia, loadMediaImages } from './media.js';
import type { PackThread } from './pack-thread.js';
import { packParts } from './pack.js';
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
  /**
   * Where the collection is written (`startPackThread`, started early so that sql.js loads meanwhile): the same
   * bytes as here. Absent or null: here.
   */
  packThread?: PackThread | null;
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
    // The GUIDs now; the new map (every note's sketch, title and search) while the pack thread writes the deck.
    let finishMap: (() => void) | null = null;
    if (idMap) {
      const matched = matchIdMap(list, idMap.previous);
      list = matched.list;
      finishMap = () => idMap.done({ ...matched, map: matched.map() });
    }
    const thread = options.packThread ?? null;
    if (!thread) finishMap?.();
    if (list.cards.length === 0) options.warn('no questions found: the Anki deck is empty');
    const { list: packed, bytes } = finalMedia(list, await loadMediaImages(list.media, options));
    const css = typeof options.css === 'string' ? options.css : '';
    const { head, rows, tail } = packParts(packed, { epoch: options.epoch, media: bytes, css });
    if (!thread) return [{ path: 'notes.apkg', data: writeApkg(await openCollection(), head, rows, tail) }];
    const data = thread.pack(head, rows, tail);
    // Read below; a failing map must not leave it unhandled.
    data.catch(() => undefined);
    finishMap?.();
    return [{ path: 'notes.apkg', data: await data }];
  },
};
