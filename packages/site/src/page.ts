import { DATA_GLOBAL, type SiteData } from './site-data.js';

/**
 * What the page may load: its own scripts, styles, fonts and images, nothing else. No inline script runs, so
 * even HTML that slipped past the sanitizer could not run any; nothing is fetched from the network. Inline
 * styles are allowed: typeset math and highlighted code colour themselves with them (the sanitizer keeps only
 * the deck's token styles), and a style cannot run script or, with no network, send anything anywhere.
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self'; font-src 'self' data:; base-uri 'none'; form-action 'none'";

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** `index.html`: the shell the app fills in; the data and the app are plain (non-module) scripts, for `file://`. */
export function renderPage(data: SiteData): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">
<meta name="color-scheme" content="light dark">
<title>${escapeHtml(data.title)}</title>
<link rel="stylesheet" href="assets/app.css">
<script src="data/notes.js" defer></script>
<script src="assets/app.js" defer></script>
</head>
<body>
<noscript><p>This study site needs JavaScript: the notes are also in notes.json and the deck.</p></noscript>
<div id="app"></div>
</body>
</html>
`;
}

/**
 * `data/notes.js`: the data as one `JSON.parse` of a string literal (parsed faster than an object literal), set
 * on a global because browsers refuse `fetch` of a JSON file on `file://`.
 */
export function renderDataScript(data: SiteData): string {
  return `globalThis.${DATA_GLOBAL} = JSON.parse(${JSON.stringify(JSON.stringify(data))});\n`;
}

/**
 * renderDataScript's text in pieces, made as they are written: the data's JSON a value at a time (each document,
 * card and answer), each piece escaped into the string literal on its own. Whole, the JSON of 3 MB of Korean
 * notes, its literal and the script were about 70 MB of strings at once, and their bytes 80 MB more. The same
 * characters: a piece starts and ends between JSON values, never inside a string, so no pair of surrogates is
 * cut. Read again, it gives them again.
 */
export class DataScript implements Iterable<string> {
  constructor(readonly data: SiteData) {}

  *[Symbol.iterator](): Iterator<string> {
    yield `globalThis.${DATA_GLOBAL} = JSON.parse("`;
    for (const piece of jsonPieces(this.data, 2)) yield JSON.stringify(piece).slice(1, -1);
    yield '");\n';
  }
}

/** A plain object or array, which JSON.stringify writes member by member (no `toJSON`, no other prototype). */
function plain(value: unknown): value is Record<string, unknown> | unknown[] {
  if (Array.isArray(value)) return true;
  if (value === null || typeof value !== 'object' || 'toJSON' in value) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** JSON.stringify(value) in pieces: plain objects and arrays opened `depth` levels down, the rest whole. */
function* jsonPieces(value: unknown, depth: number): Generator<string> {
  if (depth < 0 || !plain(value)) {
    yield JSON.stringify(value) ?? 'null';
    return;
  }
  if (Array.isArray(value)) {
    yield '[';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) yield ',';
      yield* jsonPieces(value[i], depth - 1);
    }
    yield ']';
    return;
  }
  yield '{';
  let first = true;
  for (const key of Object.keys(value)) {
    const member = value[key];
    const opened = depth > 0 && plain(member);
    // A member JSON.stringify leaves out (undefined, a function) has no text.
    const text = opened ? '' : (JSON.stringify(member) as string | undefined);
    if (text === undefined) continue;
    yield `${first ? '' : ','}${JSON.stringify(key)}:${text}`;
    first = false;
    if (opened) yield* jsonPieces(member, depth - 1);
  }
  yield '}';
}
