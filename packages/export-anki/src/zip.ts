// The `.apkg` container: a zip written as fflate's `zipSync` writes it, byte for byte (the decks made so far keep
// their bytes), with its DEFLATE (`deflateSync`) but zlib's native CRC-32, which fflate computes in a JavaScript
// loop (about 25 ms of the 5.4 MB collection of a 5,000-question deck).
import { crc32 } from 'node:zlib';
import { deflateSync, strToU8, type DeflateOptions } from 'fflate';

/** A file to zip: its bytes, its DEFLATE level (0: stored) and its modification time. */
export type ZipInput = readonly [
  data: Uint8Array,
  options: { level: NonNullable<DeflateOptions['level']>; mtime: Date },
];

/** A date as the MS-DOS time and date fields of a zip header, in local time (as fflate writes them). */
function dosTime(date: Date): number {
  const year = date.getFullYear() - 1980;
  if (year < 0 || year > 119) throw new Error(`a zip entry's date must be in 1980-2099, got ${date.toISOString()}`);
  return (
    ((year << 25) |
      ((date.getMonth() + 1) << 21) |
      (date.getDate() << 16) |
      (date.getHours() << 11) |
      (date.getMinutes() << 5) |
      (date.getSeconds() >> 1)) >>>
    0
  );
}

/**
 * Zip files given by name, in the object's own key order (integer-like names first, as `for…in` and fflate go).
 * The same bytes as fflate's `zipSync(files)` for files given as `[data, { level, mtime }]`, without comments or
 * extra fields.
 */
export function zipFiles(files: Readonly<Record<string, ZipInput>>): Uint8Array {
  const entries = Object.keys(files).map((name) => {
    const [data, { level, mtime }] = files[name]!;
    const nameBytes = strToU8(name);
    if (nameBytes.length > 65535) throw new Error(`zip entry name too long: ${name.slice(0, 40)}…`);
    const stored = level === 0;
    return {
      nameBytes,
      // Bit 11 of the flags: the name is UTF-8 (set when it is not ASCII).
      utf8: nameBytes.length !== name.length,
      method: stored ? 0 : 8,
      compressed: stored ? data : deflateSync(data, { level }),
      size: data.length,
      crc: crc32(data),
      time: dosTime(mtime),
      offset: 0,
    };
  });
  let localSize = 0;
  for (const e of entries) {
    e.offset = localSize;
    localSize += 30 + e.nameBytes.length + e.compressed.length;
  }
  const centralSize = entries.reduce((n, e) => n + 46 + e.nameBytes.length, 0);
  const out = new Uint8Array(localSize + centralSize + 22);
  const view = new DataView(out.buffer);
  /** The fields local and central headers share, from the version needed to the name length. */
  const common = (at: number, e: (typeof entries)[number]): void => {
    view.setUint16(at, 20, true);
    view.setUint16(at + 2, e.utf8 ? 0x800 : 0, true);
    view.setUint16(at + 4, e.method, true);
    view.setUint32(at + 6, e.time, true);
    view.setUint32(at + 10, e.crc, true);
    view.setUint32(at + 14, e.compressed.length, true);
    view.setUint32(at + 18, e.size, true);
    view.setUint16(at + 22, e.nameBytes.length, true);
  };
  let at = localSize;
  for (const e of entries) {
    view.setUint32(e.offset, 0x04034b50, true);
    common(e.offset + 4, e);
    out.set(e.nameBytes, e.offset + 30);
    out.set(e.compressed, e.offset + 30 + e.nameBytes.length);
    view.setUint32(at, 0x02014b50, true);
    // Version made by 2.0, MS-DOS: no comment, no attributes.
    view.setUint16(at + 4, 20, true);
    common(at + 6, e);
    view.setUint32(at + 42, e.offset, true);
    out.set(e.nameBytes, at + 46);
    at += 46 + e.nameBytes.length;
  }
  view.setUint32(at, 0x06054b50, true);
  view.setUint16(at + 8, entries.length, true);
  view.setUint16(at + 10, entries.length, true);
  view.setUint32(at + 12, centralSize, true);
  view.setUint32(at + 16, localSize, true);
  return out;
}
