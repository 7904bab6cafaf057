export { MARKDOWN_FOLDER, markdownExporter, outputPaths, type MarkdownExportOptions } from './exporter.js';
export { cleanTree, LEVELS, MAX_SETTLE_PASSES, renderMarkdown, renderMarkdownReport } from './render.js';
export { finish, serialize } from './serialize.js';
export { wordCounts, wordDiff } from './words.js';
