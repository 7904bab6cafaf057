/** A byte sequence that is not valid UTF-8, located for a finding. */
export interface InvalidByte {
  /** Offset of the first bad byte in the file (0-based, BOM included). */
  byteOffset: number;
  /** How many bytes were replaced by one U+FFFD. */
  length: number;
  /** 1-based line of the replacement character in the decoded text. */
  line: number;
  /** 1-based column (UTF-16 units) of the replacement character. */
  column: number;
  /** Offset (UTF-16 units) of the replacement character in the decoded text. */
  offset: number;
  /** The bad bytes, as hex (`e9`, `c3 28`). */
  hex: string;
}

/** The result of decoding a file's bytes strictly as UTF-8. */
export interface Decoded {
  /** The text, without a leading BOM; invalid bytes appear as U+FFFD. */
  text: string;
  /** True when the file started with a UTF-8 BOM. */
  bom: boolean;
  /** Every invalid byte sequence, in file order (empty for valid UTF-8). */
  invalid: InvalidByte[];
  /** Offset of the first NUL byte when the file looks binary, else null. */
  binaryAt: number | null;
}

const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Length of the valid UTF-8 sequence starting at `i`, or 0 when the byte there starts no valid sequence. */
function sequenceLength(bytes: Uint8Array, i: number): number {
  const b0 = bytes[i]!;
  if (b0 < 0x80) return 1;
  const cont = (k: number, lo = 0x80, hi = 0xbf): boolean => {
    const b = bytes[i + k];
    return b !== undefined && b >= lo && b <= hi;
  };
  if (b0 >= 0xc2 && b0 <= 0xdf) return cont(1) ? 2 : 0;
  if (b0 === 0xe0) return cont(1, 0xa0) && cont(2) ? 3 : 0;
  if ((b0 >= 0xe1 && b0 <= 0xec) || b0 === 0xee || b0 === 0xef) return cont(1) && cont(2) ? 3 : 0;
  if (b0 === 0xed) return cont(1, 0x80, 0x9f) && cont(2) ? 3 : 0;
  if (b0 === 0xf0) return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0;
  if (b0 >= 0xf1 && b0 <= 0xf3) return cont(1) && cont(2) && cont(3) ? 4 : 0;
  if (b0 === 0xf4) return cont(1, 0x80, 0x8f) && cont(2) && cont(3) ? 4 : 0;
  return 0;
}

/**
 * Decode bytes as UTF-8 without guessing: a leading BOM is accepted and dropped, every invalid sequence
 * becomes one U+FFFD and is reported with its byte offset, line and column, so nothing is replaced silently.
 */
export function decodeUtf8(bytes: Uint8Array): Decoded {
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const start = bom ? 3 : 0;
  const nul = bytes.indexOf(0, start);
  const binaryAt = nul === -1 ? null : nul;
  const body = bytes.subarray(start);
  try {
    return { text: strict.decode(body), bom, invalid: [], binaryAt };
  } catch {
    // fall through to the slow path that locates every bad sequence
  }
  const parts: string[] = [];
  const invalid: InvalidByte[] = [];
  let runStart = start;
  let i = start;
  let offset = 0; // UTF-16 offset of runStart in the output
  let line = 1;
  let lineStart = 0; // UTF-16 offset where the current line starts
  const flush = (end: number): void => {
    if (end <= runStart) return;
    const chunk = strict.decode(bytes.subarray(runStart, end));
    for (let k = chunk.indexOf('\n'); k !== -1; k = chunk.indexOf('\n', k + 1)) {
      line++;
      lineStart = offset + k + 1;
    }
    parts.push(chunk);
    offset += chunk.length;
  };
  while (i < bytes.length) {
    const n = sequenceLength(bytes, i);
    if (n > 0) {
      i += n;
      continue;
    }
    flush(i);
    // Maximal subpart rule (as WHATWG decoders do): a truncated but well-started sequence is one error.
    let len = 1;
    const b0 = bytes[i]!;
    const need = b0 >= 0xf0 && b0 <= 0xf4 ? 4 : b0 >= 0xe0 && b0 <= 0xef ? 3 : b0 >= 0xc2 && b0 <= 0xdf ? 2 : 1;
    while (len < need && i + len < bytes.length && bytes[i + len]! >= 0x80 && bytes[i + len]! <= 0xbf) len++;
    if (len > 1 && sequenceLength(bytes, i) === 0) {
      // keep only the prefix that could still have been valid
      let ok = 1;
      const probe = new Uint8Array(4);
      for (let k = 1; k < len; k++) {
        probe.set(bytes.subarray(i, i + k + 1));
        const lo = b0 === 0xe0 && k === 1 ? 0xa0 : b0 === 0xed && k === 1 ? 0x80 : b0 === 0xf0 && k === 1 ? 0x90 : 0x80;
        const hi = b0 === 0xed && k === 1 ? 0x9f : b0 === 0xf4 && k === 1 ? 0x8f : 0xbf;
        const b = bytes[i + k]!;
        if (b < lo || b > hi) break;
        ok = k + 1;
      }
      len = ok;
    }
    const hex = Array.from(bytes.subarray(i, i + len), (b) => b.toString(16).padStart(2, '0')).join(' ');
    invalid.push({ byteOffset: i, length: len, line, column: offset - lineStart + 1, offset, hex });
    parts.push('\uFFFD');
    offset += 1;
    i += len;
    runStart = i;
  }
  flush(bytes.length);
  return { text: parts.join(''), bom, invalid, binaryAt };
}
