import { randomBytes } from 'node:crypto';
import { chmod, mkdir, open, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { NotesError } from './errors.js';
import { describeFsError } from './source.js';

/**
 * mkdir -p that gives up instead of spinning: Node 20's recursive mkdir loops forever where a parent exists but
 * refuses new entries with ENOENT (e.g. under /proc).
 */
async function makeDir(dir: string): Promise<void> {
  try {
    await mkdir(dir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return;
    if (code !== 'ENOENT' || dirname(dir) === dir) throw error;
    await makeDir(dirname(dir));
    try {
      await mkdir(dir);
    } catch (again) {
      if ((again as NodeJS.ErrnoException).code !== 'EEXIST') throw again;
    }
  }
}

/**
 * Write a file atomically: a temporary file beside the target, flushed, then renamed over it, so a reader (or a
 * crash) sees the old bytes or the new ones, never half. Keeps the mode of an existing file.
 */
export async function writeFileAtomic(
  target: string,
  data: string | Uint8Array | Iterable<string> | AsyncIterable<string>,
  shown = target,
  options: { refuseReadOnly?: string } = {},
): Promise<void> {
  const staged = await stageFileAtomic(target, data, shown, options);
  await staged.commit();
}

/** A file written to its temporary name: `commit` renames it over the target, `discard` deletes it. */
export interface StagedFile {
  commit(): Promise<void>;
  discard(): Promise<void>;
}

/** Pieces of lazily produced text are written in batches of about this many characters. */
const BATCH = 1 << 20;

/**
 * The first half of writeFileAtomic: write `data` (text produced a piece at a time included) to a temporary file
 * beside the target and flush it. Nothing is left behind when writing fails; the target is untouched until
 * `commit`, so several files can be written before any of them replaces its target.
 */
export async function stageFileAtomic(
  target: string,
  data: string | Uint8Array | Iterable<string> | AsyncIterable<string>,
  shown = target,
  options: { refuseReadOnly?: string } = {},
): Promise<StagedFile> {
  const dir = dirname(target);
  const temp = join(dir, `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  let mode: number | undefined;
  try {
    mode = (await stat(target)).mode & 0o7777;
  } catch {
    mode = undefined;
  }
  // Renaming over a read-only file would succeed (the folder is writable): respect the user's protection instead.
  if (options.refuseReadOnly && mode !== undefined && (mode & 0o222) === 0) {
    throw new NotesError(options.refuseReadOnly, { file: shown });
  }
  let producing = false;
  try {
    await makeDir(dir);
    const handle = await open(temp, 'wx', mode ?? 0o644);
    try {
      if (typeof data === 'string' || data instanceof Uint8Array) await handle.writeFile(data);
      else {
        let batch = '';
        producing = true;
        for await (const piece of data) {
          producing = false;
          batch += piece;
          if (batch.length >= BATCH) {
            await handle.writeFile(batch);
            batch = '';
          }
          producing = true;
        }
        producing = false;
        await handle.writeFile(batch);
      }
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (mode !== undefined) await chmod(temp, mode);
  } catch (error) {
    await unlink(temp).catch(() => {});
    // An error of the exporter producing the text is its own, not the file system's.
    throw producing ? error : describeFsError(error, shown, 'write');
  }
  return {
    async commit() {
      try {
        await rename(temp, target);
      } catch (error) {
        await unlink(temp).catch(() => {});
        throw describeFsError(error, shown, 'write');
      }
    },
    async discard() {
      await unlink(temp).catch(() => {});
    },
  };
}
