import type { ContentObject } from './definition.js';
import { PAPER, THEME, type Paper } from './theme.js';

export interface Geometry {
  columnWidth: number;
  columnHeight: number;
}

/** The size of a column on the sheet. */
export function sheetGeometry(paper: Paper = 'a4', columns = 3): Geometry {
  const { width, height } = PAPER[paper];
  const { margins } = THEME;
  return {
    columnWidth: (width - margins.left - margins.right - (columns - 1) * THEME.columnGap) / columns,
    columnHeight: height - margins.top - margins.bottom,
  };
}

/** Images are at most this share of a column's height, so one picture cannot take a whole column. */
export const MAX_IMAGE_SHARE = 0.45;
/** A pixel of an image is drawn at this many points (CSS's 96 dpi). */
export const POINTS_PER_PIXEL = 0.75;

/** The printed size (points) of an image of `width` × `height` pixels in a column `columnWidth` wide. */
export function printedImageSize(
  image: { width: number; height: number },
  columnWidth: number,
  columnHeight = 400,
): { width: number; height: number } {
  let width = Math.min(columnWidth, image.width * POINTS_PER_PIXEL);
  let height = (width / image.width) * image.height;
  const maxHeight = columnHeight * MAX_IMAGE_SHARE;
  if (height > maxHeight) {
    width *= maxHeight / height;
    height = maxHeight;
  }
  return { width, height };
}

/** A block of the flow and its estimated height, so the layout can decide what to keep whole. */
export interface Unit {
  content: ContentObject;
  height: number;
  /** A heading or bar that must not end a column: it is glued to the next unit. */
  glue?: boolean;
  /**
   * A table too tall to keep whole: the estimated height of each row, the header first. Parts of a big sheet may
   * be cut between two of its rows (see cutParts).
   */
  rows?: number[];
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
