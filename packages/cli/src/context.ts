/** A stream the CLI writes to (process.stdout/stderr, or a buffer in tests). */
export interface Output {
  write(chunk: string): unknown;
  isTTY?: boolean;
}

/** Everything a command may touch of the outside world: injected so tests run in-process. */
export interface CliContext {
  argv: readonly string[];
  cwd: string;
  stdout: Output;
  stderr: Output;
  env: Readonly<Record<string, string | undefined>>;
}

/** Parsed command line: flags declared once as data in args.ts. */
export interface ParsedArgs {
  command: 'lint' | 'export' | 'build' | 'lsp' | 'init';
  /** Positional paths as given (default applied by the command: `content/`). */
  paths: string[];
  flags: Record<string, string | number | boolean | undefined>;
}
