import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeUtf8, NotesError, readSource, sourceFromBytes } from '@notes/core';

const bytes = (...parts: (string | number[])[]): Uint8Array =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));

describe('decodeUtf8', () => {
  it('decodes valid UTF-8 without findings', () => {
    const d = decodeUtf8(bytes('héllo 📌\n'));
    expect(d).toEqual({ text: 'héllo 📌\n', bom: false, invalid: [], binaryAt: null });
  });

  it('accepts and drops a leading BOM', () => {
    const d = decodeUtf8(bytes([0xef, 0xbb, 0xbf], '# T\n'));
    expect(d.bom).toBe(true);
    expect(d.text).toBe('# T\n');
  });

  it('keeps a BOM that is not at the start as U+FEFF so lint can report it', () => {
    expect(decodeUtf8(bytes('a', [0xef, 0xbb, 0xbf], 'b')).text).toBe('a\uFEFFb');
  });

  it('reports each invalid byte with line, column and byte offset instead of replacing it silently', () => {
    const d = decodeUtf8(bytes('ok\ncaf', [0xe9], ' and ', [0xc3, 0x28], '\n'));
    expect(d.text).toBe('ok\ncaf\uFFFD and \uFFFD(\n');
    expect(d.invalid).toEqual([
      { byteOffset: 6, length: 1, line: 2, column: 4, offset: 6, hex: 'e9' },
      { byteOffset: 12, length: 1, line: 2, column: 10, offset: 12, hex: 'c3' },
    ]);
  });

  it('counts a truncated multi-byte sequence as one error (WHATWG maximal subpart)', () => {
    const d = decodeUtf8(bytes('x', [0xe2, 0x82], 'y'));
    expect(d.text).toBe('x\uFFFDy');
    expect(d.invalid[0]).toMatchObject({ byteOffset: 1, length: 2, hex: 'e2 82' });
  });

  it('offsets account for a BOM', () => {
    const d = decodeUtf8(bytes([0xef, 0xbb, 0xbf], 'a', [0xff]));
    expect(d.invalid[0]).toMatchObject({ byteOffset: 4, line: 1, column: 2 });
  });

  it('flags NUL bytes as binary', () => {
    expect(decodeUtf8(bytes('PK', [0, 0, 3])).binaryAt).toBe(2);
  });
});

describe('readSource', () => {
  it('names the file and the fix for a missing path', async () => {
    await expect(readSource('/nonexistent/notes.md', { path: 'notes.md' })).rejects.toThrow(
      'notes.md: no such file or folder: check the path',
    );
  });

  it('refuses a binary file with one line naming it', () => {
    expect(() => sourceFromBytes(bytes([0x89], 'PNG', [0, 0]), { path: 'img.md' })).toThrow(NotesError);
    expect(() => sourceFromBytes(bytes([0x89], 'PNG', [0, 0]), { path: 'img.md' })).toThrow(/^img\.md: binary file/);
  });

  it('refuses a file over the size limit early and says how to raise it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'notes-'));
    await writeFile(join(dir, 'big.md'), 'x'.repeat(2048));
    await expect(readSource(join(dir, 'big.md'), { path: 'big.md', maxBytes: 1024 })).rejects.toThrow(
      /limits\.maxFileBytes/,
    );
  });

  it('reads mtime in whole seconds and keeps CRLF as is', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'notes-'));
    await writeFile(join(dir, 'a.md'), '# T\r\n\r\ntext\r\n');
    const f = await readSource(join(dir, 'a.md'), { path: 'a.md' });
    expect(f.text).toBe('# T\r\n\r\ntext\r\n');
    expect(Number.isInteger(f.mtime)).toBe(true);
    expect(f.size).toBe(13);
  });
});
