import { writeFileAtomic, type SourceFile } from '@notes/core';

/**
 * Write repaired text back to a source file atomically (core's writeFileAtomic: a temporary file beside it,
 * then rename). The BOM and file mode are kept. A read-only file or folder gives a NotesError (one line, exit 2).
 */
export async function writeFixedFile(file: SourceFile, output: string): Promise<void> {
  await writeFileAtomic(file.absolutePath, (file.bom ? '\uFEFF' : '') + output, file.path, {
    refuseReadOnly: 'file is read-only, so --fix cannot repair it: make it writable (chmod u+w) or fix it by hand',
  });
}
