import type { ModelDocument } from './model.js';

/**
 * Text an exporter produces lazily, a piece at a time, while it is written: the file is written to a temporary
 * file and renamed only when the last piece is there, so an error half-way leaves no partial output.
 */
export type ExportStream = Iterable<string> | AsyncIterable<string>;

/** One file an exporter produces; the CLI writes it (atomically) under the output folder. */
export interface ExportFile {
  /** Path relative to the output folder, with `/`. */
  path: string;
  data: string | Uint8Array | ExportStream;
}

/** What every exporter receives besides the documents; an exporter's own options extend it. */
export interface ExportOptions {
  /**
   * The clock, injected: seconds since the epoch of `SOURCE_DATE_EPOCH` when set, else the newest modification
   * time of the source files. Exporters never read the real clock, so the same input gives the same bytes.
   */
  epoch: number;
  /** Absolute folder the notes live in: media may only be read from inside it. */
  baseDir: string;
  /** Report a problem that does not stop the export (printed to stderr as a warning). */
  warn: (message: string) => void;
  /**
   * Called between the steps of a long export (a part of the PDF, a Markdown copy): the caller may collect
   * garbage there. Exporters never force a collection themselves.
   */
  betweenSteps?: () => void;
}

/**
 * An exporter: the model in, files out. Never reads Markdown, never writes files. `format` names it (the CLI's
 * flag); `Options` are the shared options plus its own.
 */
export interface Exporter<Options extends ExportOptions = ExportOptions> {
  format: string;
  /** Default file extension of the main output. */
  extension: string;
  binary: boolean;
  export(documents: readonly ModelDocument[], options: Options): Promise<ExportFile[]>;
  /**
   * The same files as `export`, from a sequence of the documents that may be read once only: the caller may let
   * each model go as it is read (the CLI hands its last exporter such a sequence). The exporter keeps a model no
   * longer than it needs it, so what it holds while it runs is what it made of them (the PDF: its flow of blocks).
   */
  exportOnce?(documents: Iterable<ModelDocument>, options: Options): Promise<ExportFile[]>;
}
