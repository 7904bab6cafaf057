import { readFile, stat } from 'node:fs/promises';
import { decodeUtf8, type InvalidByte } from './decode.js';
import { NotesError } from './errors.js';

/** A Markdown file read from disk and decoded: what every command starts from. */
export interface SourceFile {
  /** Path shown to the user: relative to the working directory, with `/`. */
  path: string;
  /** Absolute path on disk. */
  absolutePath: string;
  /** Decoded text without BOM (invalid bytes as U+FFFD, see `invalid`). */
  text: string;
  /** The file started with a BOM (kept when the file is rewritten). */
  bom: boolean;
  /** Invalid UTF-8 sequences found while decoding. */
  invalid: InvalidByte[];
  /** Modification time in whole seconds since the epoch. */
  mtime: number;
  /** Size in bytes. */
  size: number;
}

/**
 * Default ceiling on one file's size (SPEC §7: 16 MiB); a larger file is refused early with a message saying
 * how to raise it. Parsing is linear in time and bounded in memory (big files and big tables are parsed in
 * pieces), so a 10 MB file or a 100,000-row table is linted and exported in well under a minute of CPU.
 */
export const DEFAULT_MAX_FILE_BYTES = 16 * 1024 * 1024;

/** Turn a file-system error into one line a person can act on. */
export function describeFsError(error: unknown, path: string, action = 'read'): NotesError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const what =
    code === 'ENOENT'
      ? 'no such file or folder: check the path'
      : code === 'EACCES' || code === 'EPERM'
        ? `permission denied: make it ${action === 'read' ? 'readable' : 'writable'} or choose another path`
        : code === 'EISDIR'
          ? 'is a folder, expected a file'
          : code === 'ELOOP'
            ? 'too many levels of symbolic links: remove the link loop'
            : code === 'ENOSPC'
              ? 'no space left on the device: free some space'
              : code === 'ENOTDIR'
                ? 'a part of this path is a file, not a folder: choose another path'
                : code === 'EROFS'
                  ? 'read-only file system: choose another output folder with --out'
                  : `cannot ${action} (${code ?? String(error)})`;
  return new NotesError(what, { file: path, cause: error });
}

/**
 * Read one file's bytes and modification time (seconds), refusing a folder or a file over `maxBytes` with a
 * one-line NotesError. What readSource decodes; `notes lint` hashes the bytes for its cache.
 */
export async function readSourceBytes(
  absolutePath: string,
  options: { path?: string; maxBytes?: number } = {},
): Promise<{ bytes: Uint8Array; mtime: number }> {
  const shown = options.path ?? absolutePath;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_FILE_BYTES;
  try {
    const info = await stat(absolutePath);
    if (info.isDirectory()) throw Object.assign(new Error('directory'), { code: 'EISDIR' });
    if (info.size > maxBytes) {
      throw new NotesError(
        `file is ${(info.size / 1048576).toFixed(1)} MB, over the ${(maxBytes / 1048576).toFixed(1)} MB limit: split it, or raise "limits.maxFileBytes" in notes.config.json`,
        { file: shown },
      );
    }
    return { bytes: await readFile(absolutePath), mtime: Math.floor(info.mtimeMs / 1000) };
  } catch (error) {
    if (error instanceof NotesError) throw error;
    throw describeFsError(error, shown);
  }
}

/** Read and decode one Markdown file; refuses binary files and files over `maxBytes` with a NotesError. */
export async function readSource(
  absolutePath: string,
  options: { path?: string; maxBytes?: number } = {},
): Promise<SourceFile> {
  const shown = options.path ?? absolutePath;
  const { bytes, mtime } = await readSourceBytes(absolutePath, options);
  return sourceFromBytes(bytes, { path: shown, absolutePath, mtime });
}

/** Decode bytes already in memory (tests, stdin) into a SourceFile. */
export function sourceFromBytes(
  bytes: Uint8Array,
  meta: { path: string; absolutePath?: string; mtime?: number },
): SourceFile {
  const decoded = decodeUtf8(bytes);
  if (decoded.binaryAt !== null) {
    throw new NotesError(
      `binary file (NUL byte at offset ${decoded.binaryAt}), not Markdown text: remove it or give it another extension`,
      { file: meta.path },
    );
  }
  return {
    path: meta.path,
    absolutePath: meta.absolutePath ?? meta.path,
    text: decoded.text,
    bom: decoded.bom,
    invalid: decoded.invalid,
    mtime: meta.mtime ?? 0,
    size: bytes.length,
  };
}

/** Build a SourceFile from text (tests and in-memory pipelines). */
export function sourceFromText(text: string, path = 'input.md', mtime = 0): SourceFile {
  const bom = text.startsWith('\uFEFF');
  const body = bom ? text.slice(1) : text;
  return { path, absolutePath: path, text: body, bom, invalid: [], mtime, size: Buffer.byteLength(text) };
}
