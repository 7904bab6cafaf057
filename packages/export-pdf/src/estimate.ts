import type { ContentObject } from './definition.js';
import { THEME } from './theme.js';

export interface Geometry {
  columnWidth: number;
  columnHeight: number;
}

/** A block of the flow and its estimated height, so the layout can decide what to keep whole. */
export interface Unit {
  content: ContentObject;
  height: number;
  /** A heading or bar that must not end a column: it is glued to the next unit. */
  glue?: boolean;
}

export const LINE = 1.3 * THEME.lineHeight;
/** Average advance of a character in em: a little above IBM Plex Sans Condensed's, so estimates err high. */
export const EM_PER_CHAR = { body: 0.5, bold: 0.53, mono: 0.6 };

export function lineHeight(size: number): number {
  return size * LINE;
}

/** Lines `text` takes at `size` in `width` points (greedy word wrap on estimated advances). */
export function estimateLines(text: string, width: number, size: number, em = EM_PER_CHAR.body): number {
  const perLine = Math.max(1, Math.floor(width / (size * em)));
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    let used = 0;
    let count = 1;
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const len = [...word].length;
      if (used === 0) used = len;
      else if (used + 1 + len <= perLine) used += 1 + len;
      else {
        count++;
        used = len;
      }
      while (used > perLine) {
        count++;
        used -= perLine;
      }
    }
    lines += count;
  }
  return lines;
}
