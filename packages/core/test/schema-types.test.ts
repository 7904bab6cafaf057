import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import * as core from '@notes/core';

const root = new URL('../../../', import.meta.url).pathname;

describe('schemas are the source of truth', () => {
  it('the generated TypeScript types and embedded schemas are up to date', () => {
    // exits 1 and names the stale file when schemas/ changed without `npm run generate`
    expect(() =>
      execFileSync(process.execPath, ['scripts/generate-schema-types.mjs', '--check'], { cwd: root, stdio: 'pipe' }),
    ).not.toThrow();
  });

  it('core exports exactly its documented API', () => {
    expect(Object.keys(core).sort()).toMatchInlineSnapshot(`
      [
        "CALLOUT_LABEL",
        "CODE_COLORS",
        "DATASET_HEAD",
        "DEFAULT_MAX_FILE_BYTES",
        "MAX_IMAGE_BYTES",
        "MAX_IMAGE_PIXELS",
        "MAX_NESTING",
        "NotesError",
        "TOKEN_STYLE",
        "addMath",
        "alertParts",
        "blocksText",
        "buildDocument",
        "canonicalLang",
        "checkDataset",
        "clozeProblems",
        "codeGrammar",
        "codeGrammars",
        "collectGarbageIfGrown",
        "commonFolder",
        "configSchema",
        "createCodeHighlighter",
        "createEmbedLocator",
        "createImageLoader",
        "datasetDocument",
        "datasetNotes",
        "decodeUtf8",
        "defineRule",
        "describeFsError",
        "detachedText",
        "detectLang",
        "documentDir",
        "documentLang",
        "documentOutline",
        "findClozes",
        "formatAjvError",
        "frontMatterSchema",
        "hasRtl",
        "headingText",
        "idWords",
        "imageFinding",
        "imageNodes",
        "inNoScript",
        "inlineText",
        "isDisplayMath",
        "isEnglish",
        "lazy",
        "loadDocumentImages",
        "locateImage",
        "mapClozes",
        "mayBeEnglish",
        "mayHaveMath",
        "nestingDepth",
        "normalizeForId",
        "notesSchema",
        "parseFrontMatter",
        "parseMarkdown",
        "primaryLanguage",
        "readSource",
        "readSourceBytes",
        "sectionStarts",
        "slugTag",
        "sniffImageType",
        "sourceFromBytes",
        "sourceFromText",
        "splitWikiLinks",
        "squash",
        "stableId",
        "stageFileAtomic",
        "toDataset",
        "tokenStyle",
        "unpairedDollars",
        "validateDataset",
        "withAlertTitles",
        "withTextDirection",
        "withWikiLinks",
        "writeFileAtomic",
      ]
    `);
  });
});
