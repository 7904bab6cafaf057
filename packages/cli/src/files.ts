import { readdir, realpath, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { describeFsError } from '@notes/core';

/** A Markdown file to process: where it is and how to show it. */
export interface FoundFile {
  absolutePath: string;
  /** Relative to the working directory, with `/` (absolute when outside it). */
  path: string;
  /** The folder the user named (or the file's folder): media may only come from inside it. */
  root: string;
}

const MARKDOWN = /\.(?:md|markdown)$/i;

/** Show a path relative to cwd with `/`, as every report and output does. */
export function displayPath(absolutePath: string, cwd: string): string {
  const rel = relative(cwd, absolutePath);
  const shown = rel === '' ? '.' : rel.startsWith('..') || isAbsolute(rel) ? absolutePath : rel;
  return shown.split(sep).join('/');
}

/**
 * Expand paths into Markdown files, sorted: folders are walked (node_modules and dot-folders skipped, symbolic
 * link loops detected and skipped with a warning), explicit files are taken whatever their extension.
 * A missing path is a NotesError (exit 2).
 */
export async function discover(
  paths: readonly string[],
  cwd: string,
  warn: (message: string) => void = () => {},
): Promise<FoundFile[]> {
  const found = new Map<string, FoundFile>();
  for (const given of paths) {
    const absolute = resolve(cwd, given);
    let info;
    try {
      info = await stat(absolute);
    } catch (error) {
      throw describeFsError(error, displayPath(absolute, cwd));
    }
    if (info.isFile()) {
      found.set(absolute, { absolutePath: absolute, path: displayPath(absolute, cwd), root: resolve(absolute, '..') });
      continue;
    }
    const seen = new Set<string>();
    const walk = async (dir: string): Promise<void> => {
      let real: string;
      try {
        real = await realpath(dir);
      } catch (error) {
        warn(`${describeFsError(error, displayPath(dir, cwd)).message}; skipped`);
        return;
      }
      if (seen.has(real)) {
        warn(
          `${displayPath(dir, cwd)}: symbolic link loop (back to ${displayPath(real, cwd)}), skipped: remove the link`,
        );
        return;
      }
      seen.add(real);
      let entries;
      try {
        entries = await readdir(dir, { withFileTypes: true });
      } catch (error) {
        throw describeFsError(error, displayPath(dir, cwd));
      }
      entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      for (const entry of entries) {
        if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
        const full = join(dir, entry.name);
        let isDir = entry.isDirectory();
        let isFile = entry.isFile();
        if (entry.isSymbolicLink()) {
          try {
            const target = await stat(full);
            isDir = target.isDirectory();
            isFile = target.isFile();
          } catch (error) {
            warn(`${describeFsError(error, displayPath(full, cwd)).message}; skipped`);
            continue;
          }
        }
        if (isDir) await walk(full);
        else if (isFile && MARKDOWN.test(entry.name)) {
          found.set(full, { absolutePath: full, path: displayPath(full, cwd), root: absolute });
        }
      }
    };
    await walk(absolute);
  }
  return [...found.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
