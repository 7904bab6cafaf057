import { isAbsolute, relative } from 'node:path';
import {
  commonFolder,
  MAX_NESTING,
  nestingDepth,
  type ExportFile,
  type ExportOptions,
  type Exporter,
  type ModelDocument,
} from '@notes/core';
import type { Nodes } from 'mdast';
import { renderMarkdown } from './render.js';
import { finish } from './serialize.js';

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
    const common = commonFolder(paths.map(dirOf));
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

/** Quote and list levels count towards the nesting limit (the PDF prints deeper ones as plain text too). */
function quoteOrList(node: Nodes): boolean {
  return node.type === 'blockquote' || node.type === 'list';
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
  if (nestingDepth(document.tree, quoteOrList) > MAX_NESTING)
    return fallback(`more than ${MAX_NESTING} quote or list levels`);
  try {
    return renderMarkdown(document);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return fallback(error.message);
  }
}

/** The clean-Markdown exporter: one repaired, normalized `.md` per input file, mirroring the input paths. */
export const markdownExporter: Exporter<MarkdownExportOptions> = {
  format: 'md',
  extension: 'md',
  binary: false,
  async export(documents: readonly ModelDocument[], options: MarkdownExportOptions): Promise<ExportFile[]> {
    const paths = outputPaths(documents, options.baseDir);
    return documents.map((document, i) => {
      const data = renderSafely(document, options.warn);
      // Writing and reading back each copy leaves much garbage: let the caller collect it.
      options.betweenSteps?.();
      return { path: paths[i]!, data };
    });
  },
};
