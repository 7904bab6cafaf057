#!/usr/bin/env node
// Render cards of the rich example as Anki shows them (the deck's card CSS, MathJax for `\(…\)`), light and night
// mode, into one HTML page, and screenshot it with headless Chromium: `node examples/rich/render-card.mjs OUT.png`.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildDocument, codeGrammars, createCodeHighlighter, createImageLoader, sourceFromText } from '@notes/core';
import { CARD_CSS, hashedMediaName, renderCards } from '@notes/export-anki';
import { CHROMIUM, CHROMIUM_FLAGS } from '../../packages/site/scripts/chromium.mjs';

const here = import.meta.dirname;
const notesDir = join(here, 'notes');
const file = join(notesDir, 'rich-notes.md');
const out = resolve(process.argv[2] ?? 'card.png');
const doc = buildDocument({ ...sourceFromText(readFileSync(file, 'utf8'), 'rich-notes.md'), absolutePath: file });
const highlighter = await createCodeHighlighter(codeGrammars([doc.tree]));
const list = renderCards([doc], { baseDir: notesDir, warn: () => {}, highlighter });
const dir = mkdtempSync(join(tmpdir(), 'card-'));
const loader = createImageLoader(notesDir);
const names = new Map();
for (const ref of list.media) {
  const result = await loader.loadFile(ref.path);
  if (!result.ok) continue;
  names.set(ref.name, hashedMediaName(result.image));
  copyFileSync(ref.path, join(dir, hashedMediaName(result.image)));
}
const pick = (front) => list.cards.find((c) => c.fields.Front.startsWith(front));
const card = (c, night) => {
  const back = c.fields.Back.replace(/<img src="([^"]+)"/g, (_m, n) => `<img src="${names.get(n) ?? n}"`);
  return `<div class="${night ? 'nightMode ' : ''}card"><div class="topic">${c.fields.Topic}</div>
<div class="front">${c.fields.Front}</div><hr id="answer"><div class="back">${back}</div>
<div class="source">${c.fields.Source}</div></div>`;
};
const mathjax = pathToFileURL(join(here, '../../node_modules/mathjax-full/es5/tex-svg.js')).href;
const html = `<!doctype html><meta charset="utf-8"><style>${CARD_CSS}
body { margin: 0; display: grid; grid-template-columns: 1fr 1fr; gap: 12px; padding: 12px; background: #e6e6e6; }
.card { margin: 0; padding: 10px 14px; border-radius: 8px; font-size: 15px; }</style>
<script>window.MathJax = { tex: { inlineMath: [['\\\\(', '\\\\)']], displayMath: [['\\\\[', '\\\\]']] } };</script>
<script src="${mathjax}"></script>
${card(pick('How is a bucket declared'), false)}
${card(pick('How is a bucket declared'), true)}
${card(pick('What is the availability'), false)}
${card(pick('How do latency percentiles'), false)}`;
writeFileSync(join(dir, 'card.html'), html);
execFileSync(CHROMIUM, [
  ...CHROMIUM_FLAGS,
  '--hide-scrollbars',
  '--virtual-time-budget=8000',
  '--window-size=1100,820',
  `--screenshot=${out}`,
  pathToFileURL(join(dir, 'card.html')).href,
]);
console.log(out);
