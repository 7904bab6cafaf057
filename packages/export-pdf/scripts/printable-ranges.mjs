// The printable code points of the cheat sheet, computed from the fonts (shared by the generator and the test
// that checks the committed table against the installed fonts).
import { coverage, fontFiles, scriptFontIndex, SCRIPT_FONT_KEYS } from '../dist/src/fonts.js';

/** Script fonts draw only what the body fonts leave, and only from U+0370 (Latin stays on IBM Plex). */
const SCRIPT_FROM = 0x370;

/** [first, last] ranges of the code points a body font (regular) or a script font slice draws. */
export function printableRanges() {
  const files = fontFiles();
  const body = ['Body', 'Emoji', 'Fallback'].map((family) => coverage(files[family].normal));
  const scripts = SCRIPT_FONT_KEYS.map((key) => scriptFontIndex(key).families);
  const drawn = (p) => body.some((set) => set.has(p)) || (p >= SCRIPT_FROM && scripts.some((map) => map.has(p)));
  const ranges = [];
  let start = -1;
  for (let p = 0; p <= 0x110000; p++) {
    const yes = p < 0x110000 && drawn(p);
    if (yes && start < 0) start = p;
    else if (!yes && start >= 0) {
      ranges.push([start, p - 1]);
      start = -1;
    }
  }
  return ranges;
}

/** Ranges as text: for each, the gap from the previous range's end and its length, in base 36. */
export function encodeRanges(ranges) {
  let end = -1;
  return ranges
    .map(([first, last]) => {
      const piece = `${(first - end - 1).toString(36)}.${(last - first).toString(36)}`;
      end = last;
      return piece;
    })
    .join(',');
}
