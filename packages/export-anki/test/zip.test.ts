import { crc32 } from 'node:zlib';
import fc from 'fast-check';
import { unzipSync, zipSync, type Zippable } from 'fflate';
import { describe, expect, it } from 'vitest';
import { zipFiles, type ZipInput } from '../src/zip.js';

const MTIME = new Date(1980, 0, 1, 12, 0, 0);

/** The same files as fflate takes them. */
function asZippable(files: Record<string, ZipInput>): Zippable {
  const out: Zippable = {};
  for (const [name, [data, options]] of Object.entries(files)) out[name] = [data, { ...options }];
  return out;
}

describe('zipFiles: fflate zipSync byte for byte, with the native CRC-32', () => {
  it('writes the bytes fflate writes for a deck-like set of files', () => {
    const collection = new Uint8Array(200_000).map((_, i) => (i * 7919) % 251);
    const files: Record<string, ZipInput> = {
      'collection.anki2': [collection, { mtime: MTIME, level: 1 }],
      media: [new TextEncoder().encode('{"0":"café.png","1":"b.svg"}'), { mtime: MTIME, level: 6 }],
      '0': [new Uint8Array([137, 80, 78, 71, 0, 255]), { mtime: MTIME, level: 0 }],
      '1': [new Uint8Array(0), { mtime: MTIME, level: 0 }],
    };
    const ours = zipFiles(files);
    expect(Buffer.from(ours).equals(Buffer.from(zipSync(asZippable(files))))).toBe(true);
    // Integer-like names first, as fflate orders them; every file reads back.
    const back = unzipSync(ours);
    expect(Object.keys(back)).toEqual(['0', '1', 'collection.anki2', 'media']);
    expect(Buffer.from(back['collection.anki2']!).equals(Buffer.from(collection))).toBe(true);
  });

  it('sets the UTF-8 name flag and a local-time DOS date as fflate does', () => {
    const files: Record<string, ZipInput> = {
      'naïve/ノート.txt': [new TextEncoder().encode('hello'), { mtime: new Date(2026, 11, 5, 9, 41, 37), level: 6 }],
    };
    const ours = zipFiles(files);
    expect(Buffer.from(ours).equals(Buffer.from(zipSync(asZippable(files))))).toBe(true);
    const view = new DataView(ours.buffer);
    expect(view.getUint16(6, true)).toBe(0x800);
    expect(view.getUint32(14, true)).toBe(crc32('hello'));
  });

  it('matches fflate on random files, names and levels', () => {
    const level = fc.constantFrom(0, 1, 6, 9) as fc.Arbitrary<0 | 1 | 6 | 9>;
    const file = fc.tuple(fc.uint8Array({ maxLength: 3000 }), level);
    fc.assert(
      fc.property(fc.dictionary(fc.string({ minLength: 1, maxLength: 12 }), file, { maxKeys: 5 }), (spec) => {
        const files: Record<string, ZipInput> = {};
        for (const [name, [data, l]] of Object.entries(spec)) files[name] = [data, { mtime: MTIME, level: l }];
        return Buffer.from(zipFiles(files)).equals(Buffer.from(zipSync(asZippable(files))));
      }),
      { numRuns: 150 },
    );
  });

  it('refuses a date a zip cannot hold', () => {
    expect(() => zipFiles({ a: [new Uint8Array(1), { mtime: new Date(1979, 0, 1), level: 0 }] })).toThrow(/1980-2099/);
  });
});
