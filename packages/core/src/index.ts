export {
  clozeProblems,
  findClozes,
  mapClozes,
  type ClozeProblem,
  type ClozeSyntax,
  type ClozeWrapper,
} from './cloze.js';
export { decodeUtf8, type Decoded, type InvalidByte } from './decode.js';
export { NotesError } from './errors.js';
export { parseFrontMatter, type FrontMatter } from './frontmatter.js';
export { idWords, normalizeForId, slugTag, stableId } from './ids.js';
export { lazy } from './lazy.js';
export {
  canonicalLang,
  detectLang,
  documentLang,
  inNoScript,
  isEnglish,
  mayBeEnglish,
  primaryLanguage,
} from './lang.js';
export type { ModelCallout, ModelDocument, ModelNote, ModelTable, ModelTopic } from './model.js';
export { parseMarkdown, sectionStarts } from './parse.js';
export {
  CODE_COLORS,
  codeGrammar,
  codeGrammars,
  createCodeHighlighter,
  TOKEN_STYLE,
  tokenStyle,
  type CodeHighlighter,
  type CodeLines,
  type CodeToken,
} from './highlight.js';
export {
  createImageLoader,
  documentDir,
  imageFinding,
  imageNodes,
  loadDocumentImages,
  locateImage,
  MAX_IMAGE_BYTES,
  MAX_IMAGE_PIXELS,
  sniffImageType,
  type ImageLoader,
  type ImageResult,
  type ImageTarget,
  type ImageType,
  type LocalImage,
} from './images.js';
export { addMath, isDisplayMath, mayHaveMath, unpairedDollars, type UnpairedDollar } from './math.js';
export {
  DEFAULT_MAX_FILE_BYTES,
  describeFsError,
  readSource,
  readSourceBytes,
  sourceFromBytes,
  sourceFromText,
  type SourceFile,
} from './source.js';
export { buildDocument, documentOutline, headingText, type DocumentOutline } from './structure.js';
export { alertParts, CALLOUT_LABEL, withAlertTitles, type AlertParts } from './callouts.js';
export { hasRtl, withTextDirection } from './direction.js';
export { createEmbedLocator, splitWikiLinks, withWikiLinks, type EmbedLocator, type WikiLink } from './wikilinks.js';
export { blocksText, inlineText, squash } from './text.js';
export {
  checkDataset,
  DATASET_HEAD,
  datasetDocument,
  datasetNotes,
  formatAjvError,
  toDataset,
  validateDataset,
  type DatasetOptions,
} from './dataset.js';
export type * from '../generated/notes-schema.js';
export { notesSchema } from '../generated/notes-schema.js';
export { configSchema, type NotesConfig } from '../generated/config-schema.js';
export { frontMatterSchema, type NotesFrontMatter } from '../generated/front-matter-schema.js';
export {
  defineRule,
  type Fix,
  type Place,
  type Report,
  type RuleContext,
  type RuleDefinition,
  type RuleSetting,
  type Severity,
} from './rule.js';
export type { ExportFile, ExportOptions, ExportStream, Exporter } from './exporter.js';
export { stageFileAtomic, writeFileAtomic, type StagedFile } from './write.js';
export { collectGarbageIfGrown, detachedText } from './heap.js';
export { commonFolder, MAX_NESTING, nestingDepth } from './nesting.js';
