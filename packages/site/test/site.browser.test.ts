import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { main } from '@notes/cli';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, seriousViolations, siteUrl, watch, type Watched } from './browser.js';

const ROOT = resolve(import.meta.dirname, '../../..');
/** The raw seed (mojibake and all): the site is built from the repaired notes, as every export is. */
const SEED = resolve(ROOT, 'examples/raw/aws-prep-notes.raw.md');
const INTL = resolve(import.meta.dirname, 'fixtures/intl');

let browser: Browser;
let out: string;

async function exportSite(paths: string[], dir: string): Promise<string> {
  let stderr = '';
  const code = await main({
    argv: ['export', '--site', ...paths, '--out', dir],
    cwd: ROOT,
    stdout: { write: () => true, isTTY: false },
    stderr: { write: (s: string) => ((stderr += s), true), isTTY: false },
    env: { SOURCE_DATE_EPOCH: '1700000000' },
  });
  expect(code, stderr).toBe(0);
  return join(dir, 'site');
}

async function clean(w: Watched): Promise<void> {
  expect(w.errors).toEqual([]);
  expect(w.network).toEqual([]);
  expect(w.dialogs).toEqual([]);
  await w.page.context().close();
}

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'notes-site-'));
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  rmSync(out, { recursive: true, force: true });
});

/** Review the first card: show, reveal, rate Good; return its key. */
async function reviewOne(w: Watched, site: string): Promise<string> {
  await w.page.goto(siteUrl(site, '#/review'));
  const card = w.page.locator('.card[data-card-key]');
  await card.waitFor();
  const key = (await card.getAttribute('data-card-key'))!;
  expect(await w.page.locator('.card-back').count()).toBe(0);
  await w.page.keyboard.press('Space');
  await w.page.locator('.card-back').waitFor();
  expect((await w.page.locator('.card-back').innerText()).trim()).not.toBe('');
  await w.page.keyboard.press('3');
  await w.page.waitForFunction((k) => document.querySelector('.card')?.getAttribute('data-card-key') !== k, key);
  return key;
}

describe.each([
  { name: 'the seed', paths: [SEED], questions: 23, query: 'Kinesis', first: /kinesis/i },
  { name: 'Korean and Japanese notes', paths: [INTL], questions: 6, query: 'Kinesis', first: /kinesis/i },
])('the study site of $name', ({ paths, questions, query, first }) => {
  let site: string;

  beforeAll(async () => {
    site = await exportSite(paths, mkdtempSync(join(out, 'x-')));
  });

  it('loads from file:// with no network request and no console error, and lists every question', async () => {
    const w = await watch(browser);
    await w.page.goto(siteUrl(site));
    await w.page.locator('main h1').waitFor();
    expect(await w.page.locator('ol.questions a[data-note]').count()).toBe(questions);
    await clean(w);
  });

  it(`finds the notes about ${query} first`, async () => {
    const w = await watch(browser);
    await w.page.goto(siteUrl(site));
    await w.page.locator('#q').fill(query);
    await w.page.locator('ol.results li').first().waitFor();
    const titles = await w.page.locator('ol.results .result-title').allInnerTexts();
    expect(titles[0]).toMatch(first);
    expect(await w.page.locator('ol.results li').first().locator('mark').count()).toBeGreaterThan(0);
    await clean(w);
  });

  it('reviews a card (show, reveal, rate) and, after a reload, does not show it again', async () => {
    const w = await watch(browser);
    const key = await reviewOne(w, site);
    const stored = await w.page.evaluate(() => localStorage.getItem('notes-site:review'));
    const state = JSON.parse(stored!) as { cards: Record<string, { due: string; reps: number }> };
    expect(state.cards[key]?.reps).toBe(1);
    expect(Date.parse(state.cards[key]!.due)).toBeGreaterThan(Date.now());
    await w.page.reload();
    const card = w.page.locator('.card[data-card-key]');
    await card.waitFor();
    expect(await card.getAttribute('data-card-key')).not.toBe(key);
    await clean(w);
  });
});

describe('search in scripts without spaces', () => {
  let site: string;
  beforeAll(async () => {
    site = await exportSite([INTL], mkdtempSync(join(out, 'intl-')));
  });

  it.each([
    {
      query: '구독자',
      first: 'SQS와 SNS의 차이점은 무엇인가요?',
      why: 'Hangul inside a word with a particle (구독자에게)',
    },
    { query: '선택', first: 'RDS와 Aurora 중 무엇을 선택해야 하나요?', why: 'Hangul in a title' },
    { query: 'キュー', first: 'SQS と SNS の違いは何ですか？', why: 'katakana in running text' },
    { query: 'いつ', first: 'Kinesis はいつ使いますか？', why: 'hiragana in a title' },
    { query: '保存期間', first: 'SQS と SNS の違いは何ですか？', why: 'Han in a table cell' },
  ])('finds $query ($why) and marks it', async ({ query, first }) => {
    const w = await watch(browser);
    await w.page.goto(siteUrl(site, `#/search?q=${encodeURIComponent(query)}`));
    await w.page.locator('ol.results li').first().waitFor();
    expect((await w.page.locator('ol.results .result-title').first().innerText()).replace(/ \(overview\)$/, '')).toBe(
      first,
    );
    const marked = await w.page.locator('ol.results li').first().locator('mark').allInnerTexts();
    expect(marked.join('')).toContain(query);
    await clean(w);
  });

  it('finds nothing for a word that is in no note', async () => {
    const w = await watch(browser);
    await w.page.goto(siteUrl(site, `#/search?q=${encodeURIComponent('東京')}`));
    await expect.poll(() => w.page.locator('p.status').innerText()).toMatch(/^0 results/);
    await clean(w);
  });
});

describe('quality on the seed site', () => {
  let site: string;
  beforeAll(async () => {
    site = await exportSite([SEED], mkdtempSync(join(out, 'q-')));
  });

  const pages = [
    { name: 'browse', route: '', ready: 'ol.questions' },
    { name: 'topic', route: '#/note/q-539b735132fb670f', ready: 'article.note' },
    { name: 'search', route: '#/search?q=Kinesis', ready: 'ol.results li' },
    { name: 'review', route: '#/review', ready: '.card' },
  ];

  it.each(pages)(
    'axe-core finds no serious or critical violation on the $name page, light and dark',
    async ({ route, ready }) => {
      const w = await watch(browser);
      await w.page.goto(siteUrl(site, route));
      await w.page.locator(ready).first().waitFor();
      if (route === '#/review') {
        await w.page.keyboard.press('Space');
        await w.page.locator('.card-back').waitFor();
      }
      // The page itself is clean; axe then reads the stylesheets, which the page's policy refuses (and logs).
      expect([w.errors, w.network, w.dialogs]).toEqual([[], [], []]);
      expect(await seriousViolations(w.page)).toEqual([]);
      await w.page.locator('button.theme').click();
      expect(await w.page.evaluate(() => document.documentElement.dataset['theme'])).toBe('dark');
      expect(await seriousViolations(w.page)).toEqual([]);
      expect(w.network).toEqual([]);
      await w.page.context().close();
    },
  );

  it.each(pages)(
    'fits a 360 px phone on the $name page (no sideways scrolling of the page)',
    async ({ route, ready }) => {
      const w = await watch(browser, 360, 740);
      await w.page.goto(siteUrl(site, route));
      await w.page.locator(ready).first().waitFor();
      expect(await w.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      await clean(w);
    },
  );

  it('is usable from the keyboard alone: skip link, search, a result, review with Space and 1-4', async () => {
    const w = await watch(browser);
    const { page } = w;
    await page.goto(siteUrl(site));
    await page.locator('main h1').waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('q');
    await page.keyboard.type('Aurora');
    await page.locator('ol.results li').first().waitFor();
    // From the search box to the first result, then open it: the note is the focus of its page.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.className);
    expect(focused).toBe('result-title');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => location.hash.startsWith('#/note/'));
    const id = await page.evaluate(() => location.hash.slice('#/note/'.length).split('?')[0]);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(`n-${id}`);
    // The search's words are marked in the note it opened.
    expect(await page.locator(`#n-${id} mark`).first().innerText()).toMatch(/^aurora$/i);
    // Review without a mouse.
    await page.goto(siteUrl(site, '#/review'));
    await page.locator('.card').waitFor();
    const key = await page.locator('.card').getAttribute('data-card-key');
    await page.keyboard.press('Space');
    await page.locator('.rating').waitFor();
    await page.keyboard.press('1');
    await page.waitForFunction((k) => document.querySelector('.card')?.getAttribute('data-card-key') !== k, key);
    await clean(w);
  });

  it('opens a deep link at its note', async () => {
    const w = await watch(browser);
    await w.page.goto(siteUrl(site));
    const link = w.page.locator('ol.questions a[data-note]').nth(7);
    const id = await link.getAttribute('data-note');
    const title = await link.innerText();
    await w.page.goto(siteUrl(site, `#/note/${id}`));
    const article = w.page.locator(`#n-${id}`);
    await article.waitFor();
    expect(await article.locator('h3').innerText()).toContain(title);
    expect(await article.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await article.evaluate((el) => el.getBoundingClientRect().top)).toBeLessThan(200);
    await clean(w);
  });

  it('reviews one topic: only its cards, as many as the chooser says', async () => {
    const w = await watch(browser);
    const { page } = w;
    await page.goto(siteUrl(site));
    const topic = page.locator('.toc-topic h3 a').nth(1);
    const title = await topic.innerText();
    const id = (await topic.getAttribute('href'))!.slice('#/topic/'.length);
    await page.goto(siteUrl(site, `#/topic/${id}`));
    await page.getByRole('link', { name: 'Review this topic' }).click();
    await page.locator('.card').waitFor();
    const label = await page.locator(`#deck option[value="${id}"]`).innerText();
    expect(await page.locator('#deck').inputValue()).toBe(id);
    const expected = Number(/\((\d+) cards?\)/.exec(label)![1]);
    const seen: string[] = [];
    while ((await page.locator('.summary').count()) === 0) {
      await page.locator('.card').waitFor();
      seen.push(await page.locator('.card .where').innerText());
      await page.keyboard.press('Space');
      await page.locator('.rating').waitFor();
      await page.keyboard.press('4');
    }
    expect(seen.length).toBe(Math.min(expected, 20));
    for (const where of seen) expect(where.endsWith(title)).toBe(true);
    await clean(w);
  });

  it('runs a whole session to its summary, and exports the state that import takes back', async () => {
    const w = await watch(browser);
    const { page } = w;
    await page.goto(siteUrl(site, '#/review'));
    for (let i = 0; i < 25; i++) {
      const card = page.locator('.card');
      if ((await page.locator('.summary').count()) > 0) break;
      await card.waitFor();
      await page.keyboard.press('Space');
      await page.locator('.rating').waitFor();
      await page.keyboard.press('4');
    }
    await page.locator('.summary').waitFor();
    expect(await page.locator('.summary').innerText()).toMatch(/20 cards reviewed, 20 ratings/);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export progress' }).click();
    const file = await (await download).path();
    const exported = JSON.parse(readFileSync(file, 'utf8')) as { cards: Record<string, unknown> };
    expect(Object.keys(exported.cards)).toHaveLength(20);
    // A fresh browser takes the file back: those 20 cards are scheduled there too.
    const other = await watch(browser);
    await other.page.goto(siteUrl(site, '#/review'));
    await other.page.locator('.card').waitFor();
    await other.page.locator('#import-file').setInputFiles(file);
    await expect.poll(() => other.page.locator('.tool-message').innerText()).toBe('Imported 20 card states.');
    const keys = await other.page.evaluate(() =>
      Object.keys(JSON.parse(localStorage.getItem('notes-site:review')!).cards),
    );
    expect(keys.sort()).toEqual(Object.keys(exported.cards).sort());
    expect(Object.keys(exported.cards)).not.toContain(await other.page.locator('.card').getAttribute('data-card-key'));
    await clean(other);
    await clean(w);
  });
});

describe('hostile notes', () => {
  let site: string;
  beforeAll(async () => {
    site = await exportSite(
      [resolve(ROOT, 'packages/export-anki/test/fixtures/hostile')],
      mkdtempSync(join(out, 'h-')),
    );
  });

  it('run no script, fetch nothing and show local images from media/, on every page and card', async () => {
    const w = await watch(browser);
    const { page } = w;
    await page.goto(siteUrl(site));
    const topics = await page.locator('.toc-topic h3 a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    expect(topics.length).toBeGreaterThan(0);
    for (const route of topics) {
      await page.goto(siteUrl(site, route));
      await page.locator('article.note').first().waitFor();
      const hrefs = await page.locator('main a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
      expect(hrefs.filter((h) => !/^(#\/|https?:|mailto:)/i.test(h))).toEqual([]);
      expect(await page.locator('main script, main iframe, main style, main [onerror], main [onload]').count()).toBe(0);
    }
    await page.goto(siteUrl(site, '#/search?q=diagram'));
    await page.locator('ol.results li').first().waitFor();
    await page.locator('ol.results .result-title').first().click();
    const img = page.locator('main img[alt="local diagram"]');
    await img.waitFor();
    expect(await img.getAttribute('src')).toMatch(/^media\/[^/]+\.png$/);
    expect(await img.evaluate((el) => (el as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
    expect(await page.locator('main').innerText()).toContain('[image: missing]');
    // Every card, revealed.
    await page.goto(siteUrl(site, '#/review'));
    for (let i = 0; i < 50 && (await page.locator('.summary').count()) === 0; i++) {
      await page.locator('.card').waitFor();
      await page.keyboard.press('Space');
      await page.locator('.rating').waitFor();
      await page.keyboard.press('4');
    }
    await page.locator('.summary').waitFor();
    await clean(w);
  });
});

describe('math', () => {
  it('is typeset with KaTeX and its own fonts, inline and displayed, with nothing fetched and no error', async () => {
    const site = await exportSite([resolve(import.meta.dirname, 'fixtures/math')], mkdtempSync(join(out, 'm-')));
    const w = await watch(browser);
    const { page } = w;
    await page.goto(siteUrl(site));
    await page.locator('ol.questions a[data-note]').first().click();
    await page.locator('article.note .katex').first().waitFor();
    expect(await page.locator('article.note .katex').count()).toBe(3);
    expect(await page.locator('article.note .katex-display').count()).toBe(1);
    expect(await page.locator('article.note').first().innerText()).toContain('\\notacommand');
    await page.evaluate(() => document.fonts.ready);
    expect(await page.evaluate(() => document.fonts.check('16px KaTeX_Main'))).toBe(true);
    await clean(w);
  });
});

/** Export a fixture's site, open it in a fresh page and go to its first topic, whose two questions are drawn. */
async function openFirstTopic(fixture: string, prefix: string) {
  const site = await exportSite(
    [resolve(import.meta.dirname, `fixtures/${fixture}`)],
    mkdtempSync(join(out, `${prefix}-`)),
  );
  const w = await watch(browser);
  const { page } = w;
  await page.goto(siteUrl(site));
  await page.locator('.toc-topic h3 a').first().click();
  const articles = page.locator('article.note-question');
  await articles.nth(1).waitFor();
  return { site, w, page, articles };
}

describe('footnotes', () => {
  it('jump to their note, not to another note’s footnote nor to "Not found", and back', async () => {
    const { site, w, page, articles } = await openFirstTopic('footnotes', 'f');
    const route = await page.evaluate(() => location.hash);
    // Every id on the page is unique, though both notes have a footnote 1.
    const ids = await page.locator('main [id]').evaluateAll((els) => els.map((e) => e.id));
    expect(new Set(ids).size).toBe(ids.length);
    for (const [n, text] of [
      [0, 'Since 2020'],
      [1, 'Not every service'],
    ] as const) {
      const article = articles.nth(n);
      await article.locator('sup a').first().click();
      expect(await page.evaluate(() => location.hash)).toBe(route);
      expect(await page.locator('main h1').innerText()).not.toMatch(/not found/i);
      const focused = await page.evaluate(() => document.activeElement?.textContent ?? '');
      expect(focused).toContain(text);
      expect(await article.evaluate((el) => el.contains(document.activeElement))).toBe(true);
      // The way back: the footnote's back link returns to its reference.
      await page.evaluate(() => (document.activeElement!.querySelector('a[href]') as HTMLElement).click());
      expect(await page.evaluate(() => document.activeElement?.closest('sup') !== null)).toBe(true);
      expect(await page.evaluate(() => location.hash)).toBe(route);
    }
    // A footnote link opened on its own (a new tab, a bookmark) shows its note at the footnote, not "Not found".
    for (const [n, text] of [
      [0, 'Since 2020'],
      [1, 'Not every service'],
    ] as const) {
      const href = (await articles.nth(n).locator('sup a').first().getAttribute('href')) ?? '';
      expect(href).toMatch(/^#\/note\/[^?]+\?at=/);
      const tab = await watch(browser);
      await tab.page.goto(siteUrl(site, href));
      await tab.page.locator('article.note-question').nth(1).waitFor();
      expect(await tab.page.locator('main h1').innerText()).not.toMatch(/not found/i);
      expect(await tab.page.evaluate(() => document.activeElement?.textContent ?? '')).toContain(text);
      await clean(tab);
    }
    await clean(w);
  });
});

describe('right-to-left notes', () => {
  it('read right to left beside English ones: answer blocks by dir="auto", titles by their first letter', async () => {
    const { w, page, articles } = await openFirstTopic('rtl', 'r');
    // The direction an answer's paragraph takes in the page: the Hebrew note's right to left, the English one's not.
    const reads = (n: number, dir: 'rtl' | 'ltr') =>
      articles
        .nth(n)
        .locator('.answer p')
        .evaluate((p, d) => p.matches(`:dir(${d})`), dir);
    expect(await reads(0, 'rtl')).toBe(true);
    expect(await reads(1, 'ltr')).toBe(true);
    // Where each title's text sits in its heading: the Hebrew one against the right edge, the English one the left.
    const side = (n: number) =>
      articles
        .nth(n)
        .locator('.note-title')
        .evaluate((h) => {
          const range = document.createRange();
          range.selectNodeContents(h.firstChild!);
          const text = range.getBoundingClientRect();
          const box = h.getBoundingClientRect();
          return box.right - text.right < text.left - box.left ? 'right' : 'left';
        });
    expect(await side(0)).toBe('right');
    expect(await side(1)).toBe('left');
    await clean(w);
  });
});
