import type { ModelDocument } from './model.js';

/** One file an exporter produces; the CLI writes it (atomically) under the output folder. */
export interface ExportFile {
  /** Path relative to the output folder, with `/`. */
  path: string;
  data: string | Uint8Array;
}

/** What every exporter receives besides the documents. */
export interface ExportOptions {
  /**
   * The clock, injected: seconds since the epoch of `SOURCE_DATE_EPOCH` when set, else the newest modification
   * time of the source files. Exporters never read the real clock, so the same input gives the same bytes.
   */
  epoch: number;
  /** Absolute folder the notes live in: media may only be read from inside it. */
  baseDir: string;
  /** Report a problem that does not stop the export (printed to stderr as a warning). */
  warn(message: string): void;
  /** Exporter-specific options from the command line (`paper`, `columns`…). */
  [key: string]: unknown;
}

/** An exporter: the model in, files out. Never reads Markdown, never writes files. */
export interface Exporter {
  format: 'json' | 'md' | 'anki' | 'pdf' | 'site';
  /** Default file extension of the main output. */
  extension: string;
  binary: boolean;
  export(documents: readonly ModelDocument[], options: ExportOptions): Promise<ExportFile[]>;
}
