/**
 * Encoding damage as a pure library: mojibake detection and exact repair, and the other kinds of damage the
 * `encoding/` rules report. No I/O but reading the word lexicon (`lexicon.ts`) the first time a lossy run has to be
 * chosen; the rules, the benchmark and the exporters share this code.
 */
export { CODE_PAGES, type CodePage } from './codepages.js';
export { findMojibake, repairMojibake, type MojibakeSpan } from './mojibake.js';
export { isPlausible } from './plausible.js';
export {
  findControlChars,
  findReplacementChars,
  findStrayBoms,
  lfText,
  locator,
  repairText,
  showChar,
  showText,
  type CharFinding,
} from './damage.js';
