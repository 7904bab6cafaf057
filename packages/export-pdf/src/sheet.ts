import type { ModelDocument } from '@notes/core';
import type { PdfExportOptions } from './exporter.js';
import { NotesError } from '@notes/core';
import type { CheatSheetDefinition, CheatSheetOptions, ContentObject } from './definition.js';
import { sheetGeometry, type Geometry, type Unit } from './estimate.js';
import { bar, cutParts, noteUnits, pack } from './flow.js';
import { inlines, spans, spanText } from './inline.js';
import { RunPacker, unpackRuns, type PackedRuns } from './packed.js';
import { NO_RICH, withRich, type RichContent } from './rich.js';
import { PAPER, THEME, TOPIC_COLOURS, type Paper, type TopicColour } from './theme.js';

export type { CheatSheetDefinition, CheatSheetOptions, Content, ContentObject, PageContent } from './definition.js';

/** A command-line value for a message (flags arrive as strings or numbers). */
function shown(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : JSON.stringify(value);
}

/**
 * Check the cheat sheet's options as they come from the command line (`--paper Letter`, `--columns 4`): paper
 * `a4` or `letter` (any case), columns a whole number from 1 to 6. Throws `Unexpected …, expected …`.
 */
export function cheatSheetOptions(options: { epoch: number; paper?: unknown; columns?: unknown }): CheatSheetOptions {
  if (!Number.isFinite(options.epoch))
    throw new NotesError(`Unexpected epoch \`${String(options.epoch)}\`, expected seconds since 1970`);
  const out: CheatSheetOptions = { epoch: options.epoch };
  if (options.paper !== undefined) {
    const paper = shown(options.paper).toLowerCase();
    if (!Object.hasOwn(PAPER, paper))
      throw new NotesError(`Unexpected paper \`${shown(options.paper)}\`, expected \`a4\` or \`letter\``);
    out.paper = paper as Paper;
  }
  if (options.columns !== undefined) {
    const columns = Number(options.columns);
    if (!Number.isInteger(columns) || columns < 1 || columns > 6) {
      throw new NotesError(`Unexpected columns \`${shown(options.columns)}\`, expected a whole number from 1 to 6`);
    }
    out.columns = columns;
  }
  return out;
}

/** UTC calendar date of an epoch in seconds, `YYYY-MM-DD`. */
export function formatDate(epoch: number): string {
  return new Date(epoch * 1000).toISOString().slice(0, 10);
}

/** Document titles named in the sheet title before the rest are counted ("+ 12 more"). */
const TITLES_NAMED = 3;

/**
 * The cheat sheet's title: the document's title, or the first titles of several joined and the rest counted.
 * It is printed on every page, so it must not grow with the number of documents (2,000 titles on each of
 * 1,500 pages made the layout quadratic).
 */
export function sheetTitle(documents: readonly ModelDocument[]): string {
  if (documents.length === 0) return 'Cheat sheet';
  const titles = [...new Set(documents.map((d) => d.title))];
  const named = titles.length > TITLES_NAMED + 1 ? titles.slice(0, TITLES_NAMED) : titles;
  const rest = documents.length - named.length;
  return named.join(' · ') + (titles.length > named.length ? ` + ${rest} more` : '');
}

/**
 * The sheet's language, declared in the PDF (`/Lang`): the language of most of its notes (the first document's
 * on a tie), `und` for a sheet with no document.
 */
export function sheetLang(documents: readonly ModelDocument[]): string {
  const weight = new Map<string, number>();
  for (const d of documents) weight.set(d.lang, (weight.get(d.lang) ?? 0) + d.notes.length + 1);
  let best = 'und';
  let most = 0;
  for (const [lang, n] of weight) if (n > most) [best, most] = [lang, n];
  return best;
}

/** A cheat sheet laid out in parts: very big sheets are laid out a part at a time to bound memory. */
export interface CheatSheetPlan {
  /** How many parts (1 unless the sheet is estimated to be longer than `partPages`). */
  count: number;
  /**
   * The definition of part `index`. Its pages are numbered from `before + 1` of `total` in the footer;
   * `total` null numbers them as pdfmake counts them (the whole sheet when there is one part).
   */
  part(index: number, before?: number, total?: number | null): CheatSheetDefinition;
  /** Parts `from` to `to - 1` as plain data, for another thread (see SheetShare). */
  share(from: number, to: number): SheetShare;
  /**
   * Part `index` is drawn: its blocks go, and its definition has no content from here on (its footers are drawn
   * later, from the rest). On 3 MB of Korean notes the blocks of the sheet's 15 parts held 89 MB.
   */
  printed(index: number): void;
  /**
   * Part `index` as the plan keeps it, its text runs packed (see packed.ts): what `part` gives, not yet
   * unpacked, for reading the fonts and images it uses.
   */
  packed(index: number): CheatSheetDefinition;
}

/** The options a plan reads: the sheet's, and `betweenSteps`, called after each document is planned. */
export type PlanOptions = CheatSheetOptions | Pick<PdfExportOptions, 'epoch' | 'paper' | 'columns' | 'betweenSteps'>;

/** Estimated pages in one part of a big sheet (pdfmake keeps a whole layout in memory until it is written). */
export const PART_PAGES = 25;

/**
 * Plan the cheat sheet of `documents`: the flow of blocks, cut into parts of about `partPages` estimated pages
 * (at a document or topic bar where one is near). Each part starts on a new page; only the first has the header.
 */
export function planCheatSheet(
  documents: readonly ModelDocument[],
  options: PlanOptions,
  partPages = PART_PAGES,
  rich: RichContent = NO_RICH,
): CheatSheetPlan {
  return withRich(rich, () => plan(documents, options, partPages, rich));
}

function plan(
  documents: readonly ModelDocument[],
  options: PlanOptions,
  partPages: number,
  rich: RichContent,
): CheatSheetPlan {
  const checked = cheatSheetOptions(options);
  const betweenSteps = 'betweenSteps' in options ? options.betweenSteps : undefined;
  const paper = PAPER[checked.paper ?? 'a4'];
  const columns = checked.columns ?? 3;
  const { margins } = THEME;
  const geometry: Geometry = sheetGeometry(checked.paper ?? 'a4', columns);
  const { columnWidth } = geometry;
  const keepWhole = (height: number) => height <= geometry.columnHeight * 0.9;
  const title = sheetTitle(documents);
  const lang = sheetLang(documents);
  const date = formatDate(checked.epoch);
  // Computed here, not in `part`: the plan must not keep the documents alive (the exporter lets them go).
  const keywords = [...new Set(documents.flatMap((d) => d.tags))].join(', ');

  const units: Unit[] = [];
  // The plan keeps the blocks' text runs packed until their part is printed (see packed.ts).
  const packer = new RunPacker();
  let topicIndex = 0;
  for (const document of documents) {
    const from = units.length;
    if (documents.length > 1)
      units.push(bar(document.title, '#222222', THEME.documentTitle, columnWidth, units.length ? 4 : 0, document.lang));
    const colours = new Map<string | null, TopicColour>();
    for (const topic of document.topics) colours.set(topic.title, TOPIC_COLOURS[topicIndex++ % TOPIC_COLOURS.length]!);
    const topicBar = (title: string) => {
      const topic = document.topics.find((t) => t.title === title);
      const text = topic ? spanText(spans(topic.heading.children, {})) : title;
      const colour = colours.get(title) ?? TOPIC_COLOURS[TOPIC_COLOURS.length - 1]!;
      units.push(bar(text.trim() || title, colour.bar, THEME.topic, columnWidth, units.length ? 3 : 0, document.lang));
    };
    // A topic with no note under it still gets its bar, in its place among the others: its heading is content.
    const order = new Map(document.topics.map((t, i) => [t.title, i]));
    const withNotes = new Set(document.notes.map((n) => n.topic));
    const empty = document.topics.filter((t) => !withNotes.has(t.title));
    let nextEmpty = 0;
    const emptyBefore = (position: number) => {
      while (nextEmpty < empty.length && order.get(empty[nextEmpty]!.title)! < position)
        topicBar(empty[nextEmpty++]!.title);
    };
    let current: string | null | undefined;
    for (const note of document.notes) {
      const colour = colours.get(note.topic) ?? TOPIC_COLOURS[TOPIC_COLOURS.length - 1]!;
      if (note.topic !== current) {
        current = note.topic;
        if (note.topic !== null) {
          emptyBefore(order.get(note.topic) ?? Infinity);
          topicBar(note.topic);
        }
      }
      units.push(...noteUnits(note, geometry, colour, keepWhole, document.lang));
    }
    emptyBefore(Infinity);
    for (let i = from; i < units.length; i++) packer.pack(units[i]!.content);
    // A document's blocks were made as runs before they were packed: 3 MB of Korean notes left 190 MB of them
    // (and of the models' copies) before the layout's first collection.
    betweenSteps?.();
  }
  const flow = pack(units, keepWhole);
  const parts = cutParts(flow, partPages * columns * geometry.columnHeight);
  const frame: SheetFrame = {
    paper: paper.name,
    margins: [margins.left, margins.top, margins.right, margins.bottom],
    lang,
    title,
    date,
    keywords,
    epoch: checked.epoch,
    columns,
    columnWidth,
  };
  const contents = parts.map((blocks) => blocks.map((b) => b.content));
  return framedPlan(frame, contents, rich.dataUrls.size ? (key) => rich.dataUrls.get(key)! : null, 0);
}

/** What every part of a sheet shares: the page, the header's and footer's texts, the columns. Plain data. */
export interface SheetFrame {
  paper: string;
  margins: [number, number, number, number];
  lang: string;
  title: string;
  date: string;
  keywords: string;
  epoch: number;
  columns: number;
  columnWidth: number;
}

/**
 * Parts `first` to `first + parts.length - 1` of a sheet, as plain data that a structured clone copies to another
 * thread: the frame, each part's blocks and the images they draw. `planOfShare` makes it a plan again.
 */
export interface SheetShare {
  frame: SheetFrame;
  first: number;
  parts: ContentObject[][];
  images: Record<string, string>;
}

/** The plan of a share's parts: its part `i` is the whole sheet's part `first + i`, with the same definition. */
export function planOfShare(share: SheetShare): CheatSheetPlan {
  const { images } = share;
  return framedPlan(share.frame, share.parts, Object.keys(images).length ? (key) => images[key]! : null, share.first);
}

function framedPlan(
  frame: SheetFrame,
  given: ContentObject[][],
  dataUrl: ((key: string) => string) | null,
  first: number,
): CheatSheetPlan {
  // The plan's own list: printed parts are let go from it.
  const parts = given.slice();
  const { margins, lang, title, columns, columnWidth } = frame;
  const [left, , right] = margins;
  const emptyColumns = Array.from({ length: columns - 1 }, () => ({ text: '' }));
  const headerContent = {
    columns: [
      { text: inlines([{ text: title, style: { bold: true } }], { lang }), fontSize: THEME.header, width: '*' },
      {
        text: inlines([{ text: `notes as of ${frame.date}`, style: {} }], { color: THEME.muted }),
        fontSize: THEME.footer + 0.5,
        width: 'auto',
        margin: [0, 3, 0, 0],
      },
    ],
    margin: [left, 9, right, 0],
  };

  // A text packed once (in one part or two: a table cut between parts repeats its header row) unpacks to one array.
  const unpacked = new WeakMap<PackedRuns, ContentObject[]>();
  const definition = (index: number, before: number, total: number | null, unpack: boolean): CheatSheetDefinition => {
    const blocks = parts[index];
    if (blocks === undefined) throw new RangeError(`no part ${index} of ${parts.length}`);
    // In place: the part's blocks are printed once, and let go then (`printed`).
    if (unpack) unpackRuns(blocks, unpacked);
    const images = imageDictionary(blocks, dataUrl);
    return {
      ...(images ? { images } : {}),
      pageSize: frame.paper,
      pageOrientation: 'landscape',
      pageMargins: [...margins],
      language: lang,
      info: {
        title,
        subject: 'Cheat sheet',
        keywords: frame.keywords,
        creator: 'notes',
        producer: 'notes (pdfmake)',
        creationDate: new Date(frame.epoch * 1000),
        modDate: new Date(frame.epoch * 1000),
      },
      defaultStyle: { font: 'Body', fontSize: THEME.body, lineHeight: THEME.lineHeight, color: THEME.text },
      header: (currentPage: number) => (first + index === 0 && currentPage === 1 ? headerContent : { text: '' }),
      footer: (currentPage: number, pageCount: number) => ({
        columns: [
          { text: inlines([{ text: title, style: {} }], { color: THEME.muted, lang }), width: '*' },
          {
            text: inlines([{ text: `page ${before + currentPage} / ${total ?? pageCount}`, style: {} }], {
              color: THEME.muted,
            }),
            width: 'auto',
          },
        ],
        fontSize: THEME.footer,
        margin: [left, 6, right, 0],
      }),
      content: [
        {
          columns: [{ stack: blocks, width: columnWidth }, ...emptyColumns.map((c) => ({ ...c, width: columnWidth }))],
          columnGap: THEME.columnGap,
          snakingColumns: true,
        },
      ],
    };
  };

  return {
    count: parts.length,
    part: (index, before = 0, total = null) => definition(index, before, total, true),
    packed: (index) => definition(index, 0, null, false),
    share(from, to) {
      const shared = parts.slice(from, to);
      const images: Record<string, string> = {};
      for (const blocks of shared) Object.assign(images, imageDictionary(blocks, dataUrl));
      return { frame, first: first + from, parts: shared, images };
    },
    printed(index) {
      if (index >= 0 && index < parts.length) parts[index] = [];
    },
  };
}

/**
 * Render documents to one pdfmake document definition: pure data (plus header/footer functions of the page
 * number), no fonts, no clock, no files. `packPdf` turns it into bytes. (The exporter lays very big sheets out
 * in parts: see planCheatSheet.)
 */
export function renderCheatSheet(
  documents: readonly ModelDocument[],
  options: CheatSheetOptions | Pick<PdfExportOptions, 'epoch' | 'paper' | 'columns'>,
): CheatSheetDefinition {
  return planCheatSheet(documents, options, Infinity).part(0);
}

/** The raster images a part draws, by key: each picture's bytes once, however often it is shown. */
function imageDictionary(
  blocks: readonly ContentObject[],
  dataUrl: ((key: string) => string) | null,
): Record<string, string> | null {
  if (dataUrl === null) return null;
  const keys = new Set<string>();
  const stack: unknown[] = [...blocks];
  for (let n = stack.pop(); n !== undefined; n = stack.pop()) {
    if (Array.isArray(n)) stack.push(...(n as unknown[]));
    else if (n !== null && typeof n === 'object') {
      const image = (n as { image?: unknown }).image;
      if (typeof image === 'string') keys.add(image);
      stack.push(...Object.values(n as Record<string, unknown>));
    }
  }
  if (keys.size === 0) return null;
  return Object.fromEntries([...keys].sort().map((k) => [k, dataUrl(k)]));
}
