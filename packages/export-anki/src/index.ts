export { ankiExporter, type AnkiExportOptions } from './exporter.js';
export { loadMedia } from './media.js';
export { isComparisonTable } from './comparison.js';
export { blocksToHtml, type HtmlContext, type MediaRef } from './html.js';
export { CARD_CSS, COMPARISON_NOTETYPE_ID, QUESTION_NOTETYPE_ID } from './notetypes.js';
export { packApkg, type PackOptions } from './pack.js';
export {
  renderCards,
  type AnkiCard,
  type AnkiCardList,
  type AnkiDeck,
  type ComparisonCard,
  type QuestionCard,
  type RenderOptions,
} from './render.js';
