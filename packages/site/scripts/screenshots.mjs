// The README's screenshots: the seed's site (browse, search, review) at desktop and 360 px phone width, and the
// Korean and Japanese site's search, taken in Debian's headless Chromium. Usage (after npm run build):
//   node packages/site/scripts/screenshots.mjs
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launch } from './chromium.mjs';

const root = resolve(import.meta.dirname, '../../..');
const docs = resolve(import.meta.dirname, '../docs');
const tmp = mkdtempSync(join(tmpdir(), 'notes-shots-'));

function site(paths, name) {
  const out = join(tmp, name);
  const r = spawnSync(
    process.execPath,
    [join(root, 'packages/cli/bin/notes.js'), 'export', '--site', ...paths, '--out', out],
    {
      cwd: root,
      env: { ...process.env, SOURCE_DATE_EPOCH: '1700000000' },
      encoding: 'utf8',
    },
  );
  if (r.status !== 0) throw new Error(r.stderr);
  return pathToFileURL(join(out, 'site/index.html')).href;
}

const seed = site([join(root, 'examples/raw/aws-prep-notes.raw.md')], 'seed');
const intl = site([join(root, 'packages/site/test/fixtures/intl')], 'intl');
const browser = await launch();
const sizes = { desktop: { width: 1280, height: 800 }, phone: { width: 360, height: 740 } };
const shots = [
  { name: 'browse', url: seed, route: '#/topic/', ready: 'article.note' },
  { name: 'search', url: seed, route: '#/search?q=Kinesis', ready: 'ol.results li' },
  { name: 'review', url: seed, route: '#/review', ready: '.card', reveal: true },
  { name: 'search-ko', url: intl, route: `#/search?q=${encodeURIComponent('구독자')}`, ready: 'ol.results li' },
  { name: 'search-ja', url: intl, route: `#/search?q=${encodeURIComponent('キュー')}`, ready: 'ol.results li' },
];
try {
  for (const [size, viewport] of Object.entries(sizes)) {
    for (const shot of shots) {
      if (shot.name.includes('-') && size === 'phone') continue;
      const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
      const page = await context.newPage();
      let route = shot.route;
      if (route === '#/topic/') {
        // The third topic of the seed: a comparison table, a callout and lists.
        await page.goto(shot.url);
        route = (await page.locator('.toc-topic h3 a').nth(2).getAttribute('href')) ?? '#/';
      }
      await page.goto(shot.url + route);
      await page.locator(shot.ready).first().waitFor();
      if (shot.reveal) {
        await page.keyboard.press('Space');
        await page.locator('.card-back').waitFor();
      }
      await page.evaluate(() => {
        if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
        window.scrollTo(0, 0);
      });
      const path = join(docs, `${shot.name}-${size}.png`);
      await page.screenshot({ path });
      console.log(path);
      await context.close();
    }
  }
} finally {
  await browser.close();
  rmSync(tmp, { recursive: true, force: true });
}
