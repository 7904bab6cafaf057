import { chmod, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { describeFsError, NotesError, type SourceFile } from '@notes/core';

/**
 * Write repaired text back to a source file atomically: a temporary file beside it, then rename. The BOM and
 * file mode are kept. A read-only file or folder gives a NotesError (one line, exit 2).
 */
export async function writeFixedFile(file: SourceFile, output: string): Promise<void> {
  const target = file.absolutePath;
  let mode: number;
  try {
    const info = await stat(target);
    mode = info.mode & 0o7777;
  } catch (error) {
    throw describeFsError(error, file.path, 'write');
  }
  if ((mode & 0o222) === 0) {
    throw new NotesError('file is read-only, so --fix cannot repair it: make it writable (chmod u+w) or fix it by hand', { file: file.path });
  }
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.${Date.now().toString(36)}.notes-tmp`);
  try {
    await writeFile(temp, (file.bom ? '\uFEFF' : '') + output, { mode });
    await chmod(temp, mode);
    await rename(temp, target);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw describeFsError(error, file.path, 'write');
  }
}
