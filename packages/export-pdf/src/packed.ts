// A cheat sheet's plan holds every part's blocks until the part is printed. Their text runs are most of it: Korean
// text alternates between the slices of its font (each a family of its own) from one syllable to the next, so its
// runs never merge, and 3 MB of Korean notes made a plan of 89 MB, one run object per syllable. The plan keeps each
// text's runs packed (their texts joined, each run's style and length in a string) and unpacks a part's when it is
// printed: the same runs, in the same objects' shape, one part at a time.
import type { ContentObject } from './definition.js';

/**
 * A text's runs, packed: plain data (a structured clone copies it to another thread). Each run is its text and
 * one of `packedStyles`: its other properties, in their order.
 */
export interface PackedRuns {
  /** The runs' texts, joined. */
  packedText: string;
  /**
   * Per run, the index of its style in `packedStyles`, then its text's length in 15-bit digits, the lowest first,
   * each but the last with 0x8000 added.
   */
  packedRuns: string;
  /** The styles of the runs, in the order of their first run; shared with the other texts of the plan. */
  packedStyles: ContentObject[];
}

/** Texts of fewer runs stay as they are: packing one or two runs saves less than the packed form costs. */
const MIN_PACKED_RUNS = 3;

/** A style index must fit one digit of `packedRuns`. */
const MAX_STYLES = 0x8000;

/** Characters per String.fromCharCode call (its arguments go on the stack). */
const CHUNK = 8192;

/** Whether `value` is packed runs (`packRuns`). */
export function isPacked(value: unknown): value is PackedRuns {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as PackedRuns).packedText === 'string' &&
    typeof (value as PackedRuns).packedRuns === 'string'
  );
}

/** A value a run's style may hold and a spread copies as it is. */
function plain(value: unknown): boolean {
  return typeof value === 'string' || typeof value === 'boolean' || typeof value === 'number';
}

/** A style and its keys, in order. */
interface KnownStyle {
  style: ContentObject;
  keys: string[];
}

/**
 * Packs the text runs of content trees, in place. The styles of all their runs are shared (one object per
 * distinct style), and a runs array met twice packs to the same object.
 */
export class RunPacker {
  /** Styles by their font (most runs differ by their font alone), each once. */
  private readonly styles = new Map<unknown, KnownStyle[]>();
  private readonly done = new WeakMap<readonly unknown[], PackedRuns>();

  /**
   * Replace each `text` array of `content` (at any depth) whose items are all runs (a plain object with its text
   * first, a string, and other properties of strings, numbers or booleans) by its packed runs.
   */
  pack(content: unknown): void {
    swapTexts(content, (value) => {
      if (!Array.isArray(value) || value.length < MIN_PACKED_RUNS) return undefined;
      const packed = this.done.get(value) ?? this.packed(value);
      if (packed) this.done.set(value, packed);
      return packed ?? undefined;
    });
  }

  /** The packed form of `runs`, or null when an item is not a run that unpacks to the same. */
  private packed(runs: readonly unknown[]): PackedRuns | null {
    const styles: ContentObject[] = [];
    const codes: number[] = [];
    const texts: string[] = [];
    for (const run of runs) {
      if (run === null || typeof run !== 'object' || Object.getPrototypeOf(run) !== Object.prototype) return null;
      const style = this.styleOf(run as ContentObject);
      if (style === null) return null;
      let at = styles.indexOf(style);
      if (at < 0) at = styles.push(style) - 1;
      if (at >= MAX_STYLES) return null;
      const text = (run as { text: string }).text;
      texts.push(text);
      codes.push(at);
      let length = text.length;
      for (; length >= 0x8000; length = Math.floor(length / 0x8000)) codes.push(0x8000 + (length % 0x8000));
      codes.push(length);
    }
    const chunks: string[] = [];
    for (let i = 0; i < codes.length; i += CHUNK) chunks.push(String.fromCharCode(...codes.slice(i, i + CHUNK)));
    // Joined into flat strings, not concatenations that keep every piece.
    return { packedText: texts.join(''), packedRuns: chunks.join(''), packedStyles: styles };
  }

  /** The shared style of a run (its properties but the text), or null when it is not a run that packs. */
  private styleOf(run: ContentObject): ContentObject | null {
    let first = true;
    let size = 0;
    for (const key in run) {
      const value = run[key];
      if (first) {
        if (key !== 'text' || typeof value !== 'string') return null;
        first = false;
      } else if (!plain(value)) return null;
      else size++;
    }
    if (first) return null;
    const font = run['font'];
    const known = this.styles.get(font);
    for (const entry of known ?? []) if (sameStyle(entry, run, size)) return entry.style;
    const { text: _, ...style } = run;
    const entry = { style, keys: Object.keys(style) };
    if (known) known.push(entry);
    else this.styles.set(font, [entry]);
    return style;
  }
}

/** Whether `known` is the style of `run` (of `size` properties besides its text): the same keys, order and values. */
function sameStyle({ style, keys }: KnownStyle, run: ContentObject, size: number): boolean {
  if (keys.length !== size) return false;
  let count = 0;
  for (const key in run) {
    if (key === 'text') continue;
    if (keys[count] !== key || !Object.is(style[key], run[key])) return false;
    count++;
  }
  return true;
}

/** The runs of `packed`, as they were before packing: new objects, the text first and then the style's properties. */
export function unpackedRuns(packed: PackedRuns): ContentObject[] {
  const { packedText: text, packedRuns: codes, packedStyles: styles } = packed;
  const runs: ContentObject[] = [];
  let at = 0;
  for (let i = 0; i < codes.length;) {
    const style = styles[codes.charCodeAt(i++)]!;
    let length = 0;
    for (let scale = 1; ; scale *= 0x8000) {
      const digit = codes.charCodeAt(i++);
      if (digit < 0x8000) {
        length += digit * scale;
        break;
      }
      length += (digit - 0x8000) * scale;
    }
    runs.push({ text: text.slice(at, at + length), ...style });
    at += length;
  }
  return runs;
}

/**
 * Unpack, in place, every packed text of `content` (`RunPacker.pack`). A packed text met twice (in this call or
 * an earlier one with the same `done`) unpacks to the same array, as it was one array before packing.
 */
export function unpackRuns(content: unknown, done: WeakMap<PackedRuns, ContentObject[]>): void {
  swapTexts(content, (value) => {
    if (!isPacked(value)) return undefined;
    let runs = done.get(value);
    if (!runs) done.set(value, (runs = unpackedRuns(value)));
    return runs;
  });
}

/**
 * Walk `content` (objects and arrays, at any depth) and give each `text` value that is an object or array to
 * `swap`: what it returns takes the value's place and is not walked into; undefined leaves the value, and the walk
 * goes on inside it.
 */
function swapTexts(content: unknown, swap: (text: object) => unknown): void {
  const stack: unknown[] = [content];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (node === null || typeof node !== 'object') continue;
    if (Array.isArray(node)) {
      for (const item of node) if (item !== null && typeof item === 'object') stack.push(item);
      continue;
    }
    const object = node as ContentObject;
    for (const key in object) {
      const value = object[key];
      if (value === null || typeof value !== 'object') continue;
      const swapped = key === 'text' ? swap(value) : undefined;
      if (swapped === undefined) stack.push(value);
      else object[key] = swapped;
    }
  }
}
