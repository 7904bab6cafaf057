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
        "DEFAULT_MAX_FILE_BYTES",
        "NotesError",
        "blocksText",
        "buildDocument",
        "clozeProblems",
        "collectGarbageIfGrown",
        "configSchema",
        "decodeUtf8",
        "defineRule",
        "describeFsError",
        "findClozes",
        "formatAjvError",
        "frontMatterSchema",
        "headingText",
        "inlineText",
        "mapClozes",
        "normalizeForId",
        "notesSchema",
        "parseFrontMatter",
        "parseMarkdown",
        "readSource",
        "sectionStarts",
        "slugTag",
        "sourceFromBytes",
        "sourceFromText",
        "squash",
        "stableId",
        "toDataset",
        "validateDataset",
        "writeFileAtomic",
      ]
    `);
  });
});
