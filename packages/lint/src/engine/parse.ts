import type { Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfmTable } from 'micromark-extension-gfm-table';
import { parseMarkdown } from '@notes/core';

/** Files up to this many characters may take the lean parse (past it, core parses section by section). */
export const LEAN_MAX_CHARS = 720_000;
/** …and up to this many lines starting with a pipe (GFM table tokenizing is quadratic in rows). */
export const LEAN_MAX_PIPE_LINES = 1000;

const micromarkExtensions = [gfmTable(), frontmatter(['yaml', 'toml'])];
const mdastExtensions = [gfmTableFromMarkdown(), frontmatterFromMarkdown(['yaml', 'toml'])];

function pipeLines(text: string): number {
  let n = text.charCodeAt(0) === 124 ? 1 : 0;
  for (let i = text.indexOf('\n|'); i !== -1; i = text.indexOf('\n|', i + 2)) n++;
  return n;
}

/**
 * The parse the lint rules share: core's `parseMarkdown` (remark's tree built by the Lezer parser, in linear
 * time), the same tree the model and the exporters use, so one parse serves them all.
 */
export function parseForLint(text: string): Root {
  return parseMarkdown(text);
}

/** Whether a text is small enough, with few enough table rows, for `leanParse` (remark, CommonMark + tables). */
export function takesLeanParse(text: string): boolean {
  return text.length <= LEAN_MAX_CHARS && pipeLines(text) <= LEAN_MAX_PIPE_LINES;
}

/** remark's lean parse: CommonMark + GFM tables + front matter (no longer the lint parse; kept for comparisons). */
export function leanParse(text: string): Root {
  return fromMarkdown(text, { extensions: micromarkExtensions, mdastExtensions });
}
