import type { ExportOptions, Exporter, ModelDocument } from '@notes/core';
import { loadMedia, withoutMissingMedia } from './media.js';
import { packApkg } from './pack.js';
import { renderCards } from './render.js';

/** Options of the Anki exporter: the shared export options (`comparisons: false` turns row cards off). */
export interface AnkiExportOptions extends ExportOptions {
  comparisons?: boolean;
}

/** The `.apkg` exporter: `dist/notes.apkg`, a deck per document and a sub-deck per topic. */
export const ankiExporter: Exporter<AnkiExportOptions> = {
  format: 'anki',
  extension: 'apkg',
  binary: true,
  async export(documents: readonly ModelDocument[], options: AnkiExportOptions) {
    const comparisons = options.comparisons === false ? false : true;
    const list = renderCards(documents, { baseDir: options.baseDir, warn: options.warn, comparisons });
    if (list.cards.length === 0) options.warn('no questions found: the Anki deck is empty');
    const media = await loadMedia(list.media, options);
    const data = await packApkg(withoutMissingMedia(list, media), { epoch: options.epoch, media });
    return [{ path: 'notes.apkg', data }];
  },
};
