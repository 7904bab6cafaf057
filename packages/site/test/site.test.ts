import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildDocument, sourceFromText, type ModelDocument } from '@notes/core';
import { renderCards } from '@notes/export-anki';
import { renderDataset } from '@notes/export-json';
import * as api from '@notes/site';
import { buildSiteData, CONTENT_SECURITY_POLICY, renderDataScript, siteExporter } from '@notes/site';
import { Rating } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import { dueQueue, emptyState, mergeStates, parseState, rate } from '../app/schedule.js';
import { highlightOf, highlightRanges, matchRanges, normalizeTerm, tokenize } from '../app/tokenize.js';
import { clozeGroups, clozeSides } from '../src/cloze.js';
import { DataScript } from '../src/page.js';
import type { SiteData } from '../src/site-data.js';

const ROOT = resolve(import.meta.dirname, '../../..');
const SEED = resolve(ROOT, 'packages/export-anki/test/fixtures/aws-prep-notes.md');

function seed(): ModelDocument[] {
  return [buildDocument(sourceFromText(readFileSync(SEED, 'utf8'), 'aws-prep-notes.md'))];
}

const options = { epoch: 1_700_000_000, baseDir: ROOT, warn: () => {} };

describe('the public API', () => {
  it('exports exactly the documented names', () => {
    expect(Object.keys(api).sort()).toEqual([
      'APP_DIR',
      'CONTENT_SECURITY_POLICY',
      'DATA_GLOBAL',
      'buildSiteData',
      'linkMedia',
      'renderDataScript',
      'renderPage',
      'siteExporter',
    ]);
  });

  it('describes itself as the site exporter', () => {
    expect(siteExporter).toMatchObject({ format: 'site', extension: 'html', binary: false });
  });
});

describe('the site of the seed', () => {
  it('holds the dataset as notes.json has it, every note rendered, and the deck’s cards', () => {
    const documents = seed();
    const { data } = buildSiteData(documents, options);
    const dataset = renderDataset(documents);
    expect(data.notes.map((n) => [n.id, n.kind, n.title, n.topicId, n.documentId, n.text])).toEqual(
      dataset.notes.map((n) => [n.id, n.kind, n.title, n.topicId, n.documentId, n.answer.text]),
    );
    expect(data.notes.flatMap((n) => n.tables.flatMap((t) => t.rows.flat()))).toEqual(
      dataset.notes.flatMap((n) => n.tables.flatMap((t) => t.rows.flat().map((c) => c.text))),
    );
    expect(data.documents.map((d) => d.topics.map((t) => t.title))).toEqual(
      dataset.documents.map((d) => d.topics.map((t) => t.title)),
    );
    expect(data.notes.filter((n) => n.kind === 'question')).toHaveLength(23);
    expect(Object.keys(data.html).sort()).toEqual(data.notes.map((n) => n.id).sort());
    // The deck's cards, field for field; a question's back is its note's answer.
    const deck = renderCards(documents, { baseDir: ROOT, warn: () => {} });
    expect(data.cards.map((c) => [c.noteId, c.kind, c.front, c.back ?? data.html[c.noteId]])).toEqual(
      deck.cards.map((c) => [c.noteId, c.kind, c.fields.Front, c.fields.Back]),
    );
    // Nothing about where the notes live on disk goes into a site meant to be shared.
    expect(JSON.stringify(data)).not.toContain(ROOT);
    expect(data.cards.filter((c) => c.kind === 'comparison').length).toBeGreaterThan(0);
    // Keys are the stable note ids (a comparison row adds its deck GUID), all distinct.
    expect(new Set(data.cards.map((c) => c.key)).size).toBe(data.cards.length);
    for (const card of data.cards) expect(card.key.startsWith(card.noteId)).toBe(true);
  });

  it('writes the same bytes for the same notes, with the app, the page and the data', async () => {
    const first = await siteExporter.export(seed(), options);
    const second = await siteExporter.export(seed(), options);
    expect(first.map((f) => f.path)).toEqual([
      'site/index.html',
      'site/data/notes.js',
      'site/assets/app.css',
      'site/assets/app.js',
    ]);
    expect(second).toEqual(first);
    const page = String(first[0]!.data);
    expect(page).toContain(`content="${CONTENT_SECURITY_POLICY}"`);
    expect(page).not.toMatch(/<script>|https?:\/\//);
    expect([...(first[1]!.data as Iterable<string>)].join('')).toBe(
      renderDataScript(buildSiteData(seed(), options).data),
    );
  });

  it('keeps script out of the page data: the deck’s sanitizer policy', () => {
    const text = `# T\n\n## Q?\n\n<script>alert(1)</script> <img src=x onerror="alert(2)"> [x](javascript:alert(3))\n`;
    const { data } = buildSiteData([buildDocument(sourceFromText(text, 't.md'))], options);
    // The HTML is sanitized; plain text (which keeps raw HTML as characters) is only ever shown as text.
    expect(JSON.stringify([data.html, data.cards])).not.toMatch(/<script|onerror|javascript:/i);
  });
});

describe('tokenize', () => {
  it('splits words in spaced scripts', () => {
    expect(tokenize('Amazon Kinesis, SQS & SNS — Привет мир')).toEqual([
      'Amazon',
      'Kinesis',
      'SQS',
      'SNS',
      'Привет',
      'мир',
    ]);
  });

  it('pairs Han, kana and Hangul characters, and keeps Latin words inside them apart', () => {
    expect(tokenize('東京都')).toEqual(['東京', '京都']);
    expect(tokenize('SQSはキュー')).toEqual(['SQS', 'はキ', 'キュ', 'ュー']);
    expect(tokenize('구독자에게')).toEqual(['구독', '독자', '자에', '에게']);
    expect(tokenize('SQS와')).toEqual(['SQS', '와']);
  });

  it('segments Thai into words', () => {
    const words = tokenize('ภาษาไทยง่ายนิดเดียว');
    expect(words.length).toBeGreaterThan(1);
    expect(words.join('')).toBe('ภาษาไทยง่ายนิดเดียว');
  });

  it('folds width and case', () => {
    expect(normalizeTerm('ＡＷＳ')).toBe('aws');
  });
});

describe('matchRanges', () => {
  it('merges overlapping matches (the pairs of a CJK word)', () => {
    expect(matchRanges('서비스는 서비스', tokenize('서비스'))).toEqual([
      [0, 3],
      [5, 8],
    ]);
  });

  it('marks a query word whole where it occurs, not the pairs it shares with other words', () => {
    const text = 'SQS はメッセージをキューに保存し、一つのコンシューマーが処理します';
    expect(highlightRanges(text, highlightOf('キュー')).map(([a, b]) => text.slice(a, b))).toEqual(['キュー']);
    // Matched through its pairs only (not written together): the pairs are marked.
    expect(highlightRanges('東京 京都', highlightOf('東京都')).map(([a, b]) => '東京 京都'.slice(a, b))).toEqual([
      '東京',
      '京都',
    ]);
  });

  it('matches case-insensitively and ignores empty terms', () => {
    expect(matchRanges('Kinesis and kinesis', ['KINESIS', ''])).toEqual([
      [0, 7],
      [12, 19],
    ]);
  });
});

describe('scheduling', () => {
  const now = new Date('2026-01-01T10:00:00Z');

  it('schedules a card rated Good into the future, so it is not due again right away', () => {
    const state = emptyState();
    state.cards['q-1'] = rate(undefined, Rating.Good, now);
    expect(Date.parse(state.cards['q-1'].due)).toBeGreaterThan(now.getTime());
    expect(dueQueue(['q-1', 'q-2'], state, now)).toEqual(['q-2']);
    expect(dueQueue(['q-1', 'q-2'], state, new Date(Date.parse(state.cards['q-1'].due)))).toEqual(['q-1', 'q-2']);
  });

  it('gives Easy a longer interval than Hard', () => {
    const hard = Date.parse(rate(undefined, Rating.Hard, now).due);
    const easy = Date.parse(rate(undefined, Rating.Easy, now).due);
    expect(easy).toBeGreaterThan(hard);
  });

  it('limits new cards per session', () => {
    const keys = Array.from({ length: 30 }, (_, i) => `q-${i}`);
    expect(dueQueue(keys, emptyState(), now, 20)).toHaveLength(20);
  });

  it('imports only review states, skips invalid cards and keeps the most recent review of each', () => {
    expect(() => parseState('{"cards":{}}')).toThrow(/notes-site-review/);
    const older = rate(undefined, Rating.Good, now);
    const newer = rate(undefined, Rating.Easy, new Date(now.getTime() + 60_000));
    const text = JSON.stringify({ format: 'notes-site-review', version: 1, cards: { a: newer, b: { due: 'x' } } });
    const { state, dropped } = parseState(text);
    expect(dropped).toBe(1);
    const current = { ...emptyState(), cards: { a: older } };
    expect(mergeStates(current, state).state.cards['a']).toEqual(newer);
    expect(mergeStates(state, current).changed).toBe(0);
  });
});

describe('cloze cards', () => {
  it('hide one group on the front (its hint, else …) and show it marked on the back, the others plain', () => {
    const text = '<p>{{c1::SQS}} queues, {{c2::SNS::a service}} fans out, {{c1::<strong>one</strong>}} consumer</p>';
    expect(clozeGroups(text)).toEqual([1, 2]);
    expect(clozeSides(text, 1)).toEqual({
      front: '<p><span class="cloze">[…]</span> queues, SNS fans out, <span class="cloze">[…]</span> consumer</p>',
      back: '<p><span class="cloze">SQS</span> queues, SNS fans out, <span class="cloze"><strong>one</strong></span> consumer</p>',
    });
    expect(clozeSides(text, 2).front).toBe(
      '<p>SQS queues, <span class="cloze">[a service]</span> fans out, <strong>one</strong> consumer</p>',
    );
  });
});

describe('the data script in pieces', () => {
  it("gives renderDataScript's characters, whatever the values, read once or twice", () => {
    const data = {
      version: 1,
      title: '한국어 "노트" \\ \u0007 😀 \ud800 end \udfff',
      documents: [{ id: 'a', skipped: undefined, run: () => 1, when: new Date(0), tags: ['x', undefined, 'y'] }],
      cards: [[1, [2, [3, { deep: '\u2028' }]]], null, -0, 1e21],
      empty: {},
      none: [],
    } as unknown as SiteData;
    const script = new DataScript(data);
    expect([...script].join('')).toBe(renderDataScript(data));
    expect([...script].join('')).toBe(renderDataScript(data));
    expect([...new DataScript(buildSiteData(seed(), options).data)].join('')).toBe(
      renderDataScript(buildSiteData(seed(), options).data),
    );
  });
});
