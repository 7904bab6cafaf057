import { isAbsolute, relative } from 'node:path';
import {
  collectGarbageIfGrown,
  type ExportFile,
  type ExportOptions,
  type Exporter,
  type ModelDocument,
} from '@notes/core';
import type { Node, Root } from 'mdast';
import { renderMarkdown } from './render.js';
import { finish } from './serialize.js';

export { cleanTree, LEVELS, MAX_SETTLE_PASSES, renderMarkdown, renderMarkdownReport } from './render.js';
export { finish, serialize } from './serialize.js';
export { wordCounts, wordDiff } from './words.js';

/** Options of the Markdown exporter: none beyond the common ones. */
export type MarkdownExportOptions = ExportOptions;

/** Folder the clean copies go to, inside the output folder. */
export const MARKDOWN_FOLDER = 'markdown';

function dirOf(path: string): string[] {
  const parts = path.split('/');
  parts.pop();
  return parts;
}

/** Keep a relative path inside the output folder: no empty, `.` or `..` segments, no drive or root. */
function confine(path: string): string {
  return path
    .replace(/\\/g, '/')
    .split('/')
    .filter((p) => p !== '' && p !== '.' && p !== '..' && !/^[A-Za-z]:$/.test(p))
    .join('/');
}

/**
 * Where each document's clean copy goes: `markdown/<its path relative to the common base>`. The base is the
 * folder the notes live in (`options.baseDir`) when every file is inside it, else the deepest folder common to
 * the documents' paths; `notes export --md examples/raw/` writes `markdown/aws-prep-notes.raw.md`.
 */
export function outputPaths(documents: readonly ModelDocument[], baseDir?: string): string[] {
  const absolute = documents.map((d) => d.file.absolutePath.replace(/\\/g, '/'));
  const base = baseDir?.replace(/\\/g, '/');
  let rel: string[];
  if (base && isAbsolute(base) && absolute.every((p) => isAbsolute(p) && !relative(base, p).startsWith('..'))) {
    rel = absolute.map((p) => relative(base, p).replace(/\\/g, '/'));
  } else {
    const paths = documents.map((d) => d.file.path.replace(/\\/g, '/'));
    let common = paths.length ? dirOf(paths[0]!) : [];
    for (const p of paths.slice(1)) {
      const dir = dirOf(p);
      let i = 0;
      while (i < common.length && common[i] === dir[i]) i++;
      common = common.slice(0, i);
    }
    rel = paths.map((p) => p.split('/').slice(common.length).join('/'));
  }
  const seen = new Map<string, number>();
  return rel.map((r, i) => {
    let path = `${MARKDOWN_FOLDER}/${confine(r) || `document-${i + 1}.md`}`;
    const n = (seen.get(path) ?? 0) + 1;
    seen.set(path, n);
    if (n > 1) path = path.replace(/(\.[^./]*)?$/, (ext) => `-${n}${ext}`);
    return path;
  });
}

/**
 * renderMarkdown, except that a document nested too deeply for the serializer (hundreds of list or quote
 * levels exhaust the stack) is written as its repaired text with only white space normalized, with a warning:
 * no word is lost and exporting it again gives the same bytes.
 */
function renderSafely(document: ModelDocument, warn: (message: string) => void): string {
  const fallback = (why: string): string => {
    warn(
      `${document.file.path}: nested too deeply to normalize (${why}); its clean copy is the repaired text as written`,
    );
    return finish(document.file.text.replace(/\r\n?/g, '\n'));
  };
  // Serializing and reading back a staircase of 1,000 quote levels took 19 s and 2.4 GB: stop before that.
  if (nestingDeeperThan(document.tree, MAX_NESTING)) return fallback(`more than ${MAX_NESTING} quote or list levels`);
  try {
    return renderMarkdown(document);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return fallback(error.message);
  }
}

/** Quote and list levels past which a document is not normalized (the PDF prints them as plain text too). */
const MAX_NESTING = 64;

/** Whether some block sits inside more than `limit` quotes and lists (walked without recursion). */
function nestingDeeperThan(tree: Root, limit: number): boolean {
  const stack: [Node, number][] = [[tree, 0]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    const level = node.type === 'blockquote' || node.type === 'list' ? depth + 1 : depth;
    if (level > limit) return true;
    const children = (node as { children?: Node[] }).children;
    if (children) for (const child of children) if ('children' in child) stack.push([child, level]);
  }
  return false;
}

/** The clean-Markdown exporter: one repaired, normalized `.md` per input file, mirroring the input paths. */
export const markdownExporter: Exporter = {
  format: 'md',
  extension: 'md',
  binary: false,
  async export(documents: readonly ModelDocument[], options: MarkdownExportOptions): Promise<ExportFile[]> {
    const paths = outputPaths(documents, options.baseDir);
    return documents.map((document, i) => {
      const data = renderSafely(document, options.warn);
      // Writing and reading back each copy leaves much garbage: keep the heap near what is live.
      collectGarbageIfGrown();
      return { path: paths[i]!, data };
    });
  },
};
