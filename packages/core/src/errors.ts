/** A user-facing problem: one line naming the file and what to do. Never printed with a stack. */
export class NotesError extends Error {
  /** Exit code the CLI should use (2: usage or fatal input problem). */
  readonly exitCode: number;
  /** The file the problem is about, when there is one. */
  readonly file: string | undefined;
  constructor(message: string, options: { file?: string; exitCode?: number; cause?: unknown } = {}) {
    super(
      options.file ? `${options.file}: ${message}` : message,
      options.cause === undefined ? undefined : { cause: options.cause },
    );
    this.name = 'NotesError';
    this.exitCode = options.exitCode ?? 2;
    this.file = options.file;
  }
}
