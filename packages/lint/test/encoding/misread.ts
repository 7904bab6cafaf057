import { CODE_PAGES, type CodePage } from '../../src/encoding/index.js';

/** How a misreading treats a byte its code page leaves undefined. */
export type Lost = 'c1' | 'drop' | 'replacement' | 'question';

/** Make mojibake on purpose: encode as UTF-8, decode with a single-byte code page. */
export function misread(text: string, page: CodePage | string, lost: Lost = 'c1'): string {
  const cp = typeof page === 'string' ? CODE_PAGES.find((p) => p.name === page)! : page;
  let out = '';
  for (const b of new TextEncoder().encode(text)) {
    if (b < 0x80) out += String.fromCharCode(b);
    else {
      const c = cp.high[b - 0x80]!;
      if (c !== '\u0000') out += c;
      else if (lost === 'c1') out += String.fromCharCode(b);
      else if (lost === 'replacement') out += '\uFFFD';
      else if (lost === 'question') out += '?';
    }
  }
  return out;
}
