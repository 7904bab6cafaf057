import { createRequire } from 'node:module';
import type { CheatSheetDefinition } from './definition.js';

interface Writer {
  transactionLevel: number;
  context(): { pages: unknown[] };
}

type Method = (this: Writer, ...args: unknown[]) => unknown;
type Prototype = Record<string, unknown>;

/** Thrown by the footer of a count-only layout: pdfmake lays footers out after the body, so nothing is drawn. */
class Counted extends Error {
  constructor(readonly pages: number) {
    super('counted');
  }
}

/**
 * Every workaround for pdfmake's internals, in one object that owns its state: the patch of
 * `PageElementWriter`'s prototype, the truncation counter it feeds, the queue that runs one layout at a time (the
 * counter belongs to the layout in progress), and the page count taken by throwing from the footer.
 */
export class PdfmakeAdapter {
  /** The methods the adapter wraps or relies on, by `module#Class.method` (see `sources`). */
  static readonly RELIED_ON = [
    'pdfmake/js/PageElementWriter.js#commitUnbreakableBlock',
    'pdfmake/js/PageElementWriter.js#addFragment',
    'pdfmake/js/LayoutBuilder.js#tryLayoutDocument',
    'pdfmake/js/LayoutBuilder.js#addHeadersAndFooters',
  ] as const;

  /** Unbreakable blocks pdfmake cut short or dropped since the current job started. */
  private truncations = 0;
  /** One layout at a time: the truncation count belongs to the layout in progress. */
  private queue: Promise<unknown> = Promise.resolve();
  /** The source of each method in RELIED_ON as pdfmake shipped it (before the patch). */
  private original: Record<string, string> | null = null;

  /**
   * Run `job` once every earlier job has finished, with the truncation count reset, so `truncated` tells the
   * job about its own layouts only.
   */
  exclusive<T>(job: () => Promise<T>): Promise<T> {
    const run = this.queue.then(async () => {
      this.install();
      this.truncations = 0;
      return job();
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Whether a layout of the current job lost part of an unbreakable block (so it must be laid out again). */
  get truncated(): boolean {
    return this.truncations > 0;
  }

  /**
   * The number of pages `lay` makes of `definition`, from the body layout alone (no footer, header or
   * drawing): the footer, called with the page count once the body is laid out, stops the layout there.
   */
  async countPages(
    definition: CheatSheetDefinition,
    lay: (definition: CheatSheetDefinition) => Promise<unknown>,
  ): Promise<number> {
    try {
      await lay({
        ...definition,
        footer: (_page: number, pageCount: number) => {
          throw new Counted(pageCount);
        },
      });
    } catch (error) {
      if (error instanceof Counted) return error.pages;
      throw error;
    }
    throw new Error('pdfmake did not lay the footer out: cannot count pages');
  }

  /** The source text of each method in RELIED_ON as pdfmake ships it, so a test can notice an upgrade. */
  sources(): Record<string, string> {
    this.install();
    return { ...this.original! };
  }

  /**
   * pdfmake keeps only the first page of an unbreakable block (or a row under `dontBreakRows`) taller than the
   * space it may fill, and drops the rest without a word. Heights are estimated on the safe side, but a wrong
   * estimate must not lose text: count such truncations so the sheet can be laid out again without them.
   */
  private install(): void {
    if (this.original) return;
    const require = createRequire(import.meta.url);
    const prototypeOf = (module: string) =>
      (require(module) as { default: { prototype: Prototype } }).default.prototype;
    const writer = prototypeOf('pdfmake/js/PageElementWriter.js');
    const original = writer.__notesOriginal as Record<string, string> | undefined;
    if (original) {
      this.original = original;
      return;
    }
    this.original = {};
    for (const key of PdfmakeAdapter.RELIED_ON) {
      const [module, method] = key.split('#') as [string, string];
      this.original[key] = String(prototypeOf(module)[method]);
    }
    writer.__notesOriginal = this.original;
    const commit = writer.commitUnbreakableBlock as Method;
    const addFragment = writer.addFragment as Method;
    let committing = false;
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- pdfmake calls the patch with its own `this`
    const adapter = this;
    writer.commitUnbreakableBlock = function (this: Writer, ...args: unknown[]) {
      const outermost = this.transactionLevel === 1;
      if (outermost && this.context().pages.length > 1) adapter.truncations++;
      committing = outermost;
      try {
        return commit.apply(this, args);
      } finally {
        committing = false;
      }
    };
    // A block taller than a fresh column does not fit anywhere: pdfmake then drops it whole.
    writer.addFragment = function (this: Writer, ...args: unknown[]) {
      const placed = addFragment.apply(this, args);
      if (committing && !placed) adapter.truncations++;
      return placed;
    };
  }
}

/** The one adapter: pdfmake's prototype is process-wide, so its patch and the layout queue are too. */
export const pdfmakeAdapter = new PdfmakeAdapter();
