export { ankiExporter, type AnkiExportOptions } from './exporter.js';
export { hashedMediaName, loadMedia, loadMediaImages } from './media.js';
export { isComparisonTable } from './comparison.js';
export {
  applyIdMap,
  formatIdMap,
  parseIdMap,
  type IdMap,
  type IdMapEntry,
  type IdMapResult,
  type Orphan,
  type Rename,
} from './idmap.js';
export {
  RENAME_MIN_SIMILARITY,
  sameAnswer,
  answerSketch,
  SKETCH_SIZE,
  SketchCache,
  sketchSimilarity,
} from './sketch.js';
export { blocksToHtml, type ClozeMode, type HtmlContext, type MediaRef } from './html.js';
export {
  CARD_CSS,
  CLOZE_NOTETYPE_ID,
  COMPARISON_NOTETYPE_ID,
  QUESTION_NOTETYPE_ID,
  REVERSE_NOTETYPE_ID,
} from './notetypes.js';
export { packApkg, type PackOptions } from './pack.js';
export { PACK_THREAD_MIN_BYTES, startPackThread, type PackThread } from './pack-thread.js';
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
