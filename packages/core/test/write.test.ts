import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NotesError, stageFileAtomic, writeFileAtomic } from '@notes/core';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'notes-write-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('writeFileAtomic with text produced a piece at a time', () => {
  it('writes every piece, in order, lazily', async () => {
    const target = join(dir, 'out.json');
    const pulled: number[] = [];
    function* pieces() {
      for (let i = 0; i < 5; i++) {
        pulled.push(i);
        yield `${i}${'x'.repeat(i === 2 ? 1 << 21 : 3)}\n`;
      }
    }
    const lazy = pieces();
    expect(pulled).toEqual([]);
    await writeFileAtomic(target, lazy);
    expect(pulled).toEqual([0, 1, 2, 3, 4]);
    const text = readFileSync(target, 'utf8');
    expect(text.split('\n').map((l) => l.slice(0, 4))).toEqual(['0xxx', '1xxx', '2xxx', '3xxx', '4xxx', '']);
    expect(text.length).toBe(4 * 5 + 2 + (1 << 21));
  });

  it('leaves no partial file and the old bytes when the producer fails half-way, and rethrows its error', async () => {
    const target = join(dir, 'notes.json');
    writeFileSync(target, 'old\n');
    const failure = new NotesError('internal error: the dataset does not match notes.schema.json');
    async function* pieces() {
      yield 'new ';
      yield 'x'.repeat(1 << 21);
      throw failure;
    }
    await expect(writeFileAtomic(target, pieces())).rejects.toBe(failure);
    expect(readFileSync(target, 'utf8')).toBe('old\n');
    expect(readdirSync(dir)).toEqual(['notes.json']);
  });

  it('stages a file without touching the target until it is committed, or discards it', async () => {
    const target = join(dir, 'a.txt');
    writeFileSync(target, 'before');
    const staged = await stageFileAtomic(target, ['af', 'ter']);
    expect(readFileSync(target, 'utf8')).toBe('before');
    expect(readdirSync(dir).length).toBe(2);
    await staged.commit();
    expect(readFileSync(target, 'utf8')).toBe('after');
    const dropped = await stageFileAtomic(target, 'never');
    await dropped.discard();
    expect(readFileSync(target, 'utf8')).toBe('after');
    expect(readdirSync(dir)).toEqual(['a.txt']);
  });
});
