// Code blocks on the cheat sheet: token colours from the shared highlighter, long lines wrapped (never cut off)
// with a continuation mark.
import type { CodeLines } from '@notes/core';
import type { Code } from 'mdast';
import type { Context } from './blocks.js';
import type { ContentObject } from './definition.js';
import { EM_PER_CHAR, estimateLines, lineHeight, type Unit } from './estimate.js';
import { inlines, merge } from './inline.js';
import { richNow } from './rich.js';
import { TAB_WIDTH, THEME } from './theme.js';

/**
 * Tabs as spaces up to the next tab stop, counting from `column` (where the text starts on its line). The mono font
 * has no tab glyph to measure, and code lines up by tab stops.
 */
export function expandTabs(text: string, column = 0): string {
  if (!text.includes('\t')) return text;
  let out = '';
  let at = column;
  for (const char of text) {
    if (char === '\t') {
      const width = TAB_WIDTH - (at % TAB_WIDTH);
      out += ' '.repeat(width);
      at += width;
    } else {
      out += char;
      at = char === '\n' ? 0 : at + 1;
    }
  }
  return out;
}

/** Marks the start of a code line that continues the line above (a long line wrapped, never cut off). */
export const CONTINUATION = '↪ ';

/** Code lines as pdfmake runs in the mono font, coloured by their tokens, wrapped at `perLine` characters. */
function codeRuns(lines: CodeLines, perLine: number): { runs: ContentObject[]; rows: number } {
  const runs: ContentObject[] = [];
  let rows = 0;
  const piece = (text: string, color: string | null, italics: boolean, bold: boolean): void => {
    for (const p of inlines([{ text, style: { mono: true, italics, bold } }])) {
      const { background: _, ...rest } = p;
      runs.push(color && rest['color'] === undefined ? { ...rest, color } : rest);
    }
  };
  lines.forEach((line, k) => {
    if (k > 0) runs.push({ text: '\n' });
    rows++;
    let used = 0;
    let column = 0;
    for (const token of line) {
      const text = expandTabs(token.text, column);
      column += [...text].length;
      let chars = [...text];
      while (chars.length > 0) {
        if (used >= perLine) {
          runs.push({ text: '\n' });
          piece(CONTINUATION, THEME.muted, false, false);
          used = [...CONTINUATION].length;
          rows++;
        }
        const take = chars.slice(0, perLine - used);
        chars = chars.slice(take.length);
        piece(take.join(''), token.color, token.italic, token.bold);
        used += take.length;
      }
    }
  });
  return { runs: merge(runs), rows };
}

export function codeUnit(raw: string, ctx: Context, node?: Code): Unit {
  const value = expandTabs(raw);
  const lines = value.split('\n');
  const size = THEME.code;
  const inner = ctx.width - 6;
  // One character short of the estimate's line, so pdfmake never has to wrap (or cut) a line of its own.
  const perLine = Math.max(8, Math.floor(inner / (size * EM_PER_CHAR.mono)) - 1);
  const tokens = node ? richNow().code.get(node) : undefined;
  if (tokens || lines.some((l) => [...l].length > perLine)) {
    const { runs, rows } = codeRuns(
      tokens ?? lines.map((l) => [{ text: l, color: THEME.text, italic: false, bold: false }]),
      perLine,
    );
    return {
      content: {
        table: { widths: ['*'], body: [[{ text: runs, preserveLeadingSpaces: true }]] },
        layout: 'code',
        fontSize: size,
        margin: [0, 0.5, 0, 2],
      },
      height: rows * lineHeight(size) + 6,
    };
  }
  const wrapped = lines.reduce((sum, l) => sum + estimateLines(l || ' ', ctx.width - 6, size, EM_PER_CHAR.mono), 0);
  return {
    content: {
      table: {
        widths: ['*'],
        body: [
          [
            {
              text: inlines([{ text: value, style: { mono: true } }], { lang: ctx.lang }).map(
                ({ background: _, ...p }) => p,
              ),
              preserveLeadingSpaces: true,
            },
          ],
        ],
      },
      layout: 'code',
      fontSize: size,
      margin: [0, 0.5, 0, 2],
    },
    height: wrapped * lineHeight(size) + 6,
  };
}
