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
