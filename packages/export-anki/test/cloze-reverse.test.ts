import { buildDocument, sourceFromText, type ModelDocument } from '@notes/core';
import {
  ankiExporter,
  CLOZE_NOTETYPE_ID,
  COMPARISON_NOTETYPE_ID,
  QUESTION_NOTETYPE_ID,
  renderCards,
  REVERSE_NOTETYPE_ID,
} from '@notes/export-anki';
import { describe, expect, it } from 'vitest';
import { FIXTURES, fixtureDocument, openApkg } from './helpers.js';

const EPOCH = 1_764_000_000;
const FIXTURE = 'cloze-reverse.md';

async function exportDocs(documents: ModelDocument[], extra: Record<string, unknown> = {}) {
  const warnings: string[] = [];
  const [file] = await ankiExporter.export(documents, {
    epoch: EPOCH,
    baseDir: FIXTURES,
    warn: (m) => warnings.push(m),
    ...extra,
  });
  return { bytes: file!.data as Uint8Array, warnings };
}

function doc(markdown: string, path = 'doc.md'): ModelDocument {
  return buildDocument(sourceFromText(markdown, path));
}

const TABLE = `| Service | Purpose | Pricing |
| --- | --- | --- |
| Amazon SQS | Queues messages | Per request |
| Amazon SNS | Fans out messages | Per publish |
`;

describe('cloze notes', () => {
  it('makes an Anki cloze note type (type 1, {{cloze:Text}}) with a fixed id', async () => {
    const apkg = await openApkg((await exportDocs([fixtureDocument(FIXTURE)])).bytes);
    const model = apkg.models[String(CLOZE_NOTETYPE_ID)] as unknown as {
      type: number;
      name: string;
      tmpls: { qfmt: string; afmt: string }[];
      flds: { name: string }[];
      req?: unknown;
    };
    expect(model).toMatchObject({ type: 1, name: 'notes: Cloze' });
    expect(model.tmpls).toHaveLength(1);
    expect(model.tmpls[0]!.qfmt).toContain('{{cloze:Text}}');
    expect(model.tmpls[0]!.afmt).toContain('{{cloze:Text}}');
    expect(model.flds.map((f) => f.name)).toEqual(['Text', 'Context', 'Topic', 'Source']);
    expect(model.req).toBeUndefined();
  });

  it('turns both syntaxes into Anki clozes, and makes one card per cloze group', async () => {
    const apkg = await openApkg((await exportDocs([fixtureDocument(FIXTURE)])).bytes);
    const clozes = apkg.notes.filter((n) => n.mid === CLOZE_NOTETYPE_ID);
    expect(clozes).toHaveLength(2);
    const [overview, question] = clozes;
    expect(overview!.fields[0]).toBe(
      '<p>SQS is a {{c1::pull-based}} queue; SNS is {{c2::push-based::push or pull?}}.</p>',
    );
    expect(overview!.fields[1]).toBe('Messaging');
    expect(question!.fields[0]).toContain('{{c1::at least once}}');
    expect(question!.fields[0]).toContain('{{c2::exactly once}}');
    expect(question!.fields[0]).toContain('{{c3::order}}');
    expect(question!.fields[0]).toContain('{{c3::30 seconds}}');
    expect(question!.fields[1]).toBe('How does SQS deliver messages?');
    const ords = (nid: number) =>
      apkg.cards
        .filter((c) => c.nid === nid)
        .map((c) => c.ord)
        .sort();
    expect(ords(overview!.id)).toEqual([0, 1]);
    expect(ords(question!.id)).toEqual([0, 1, 2]);
    // The question with clozes has no question card besides; the plain question keeps its own.
    const fronts = apkg.notes.filter((n) => n.mid === QUESTION_NOTETYPE_ID).map((n) => n.fields[0]);
    expect(fronts).toEqual(['Which database fits?', 'What is a plain question?']);
    expect(new Set(apkg.cards.map((c) => c.id)).size).toBe(apkg.cards.length);
  });

  it('keeps a cloze note’s GUID whatever its numbers', () => {
    const guid = (text: string) =>
      renderCards([doc(`# T\n\n### Q\n\n${text}\n`)], { baseDir: '/', warn: () => {} }).cards[0]!.guid;
    expect(guid('A ==b== c ==d==.')).toBe(guid('A ==2:b== c {{c1::d}}.'));
    expect(guid('A ==b== c.')).not.toBe(
      renderCards([doc('# T\n\n### Q\n\nA b c.\n')], { baseDir: '/', warn: () => {} }).cards[0]!.guid,
    );
  });

  it('keeps :: and }} inside a cloze from ending it', () => {
    const [card] = renderCards([doc('# T\n\n### Q\n\nDeck ==A::B== and {{c2::x}} y}}\n')], {
      baseDir: '/',
      warn: () => {},
    }).cards;
    expect(card!.fields).toMatchObject({ Text: '<p>Deck {{c1::A&#58;:B}} and {{c2::x}} y}}</p>' });
  });

  it('shows clozes in comparison cells as highlighted text', () => {
    const cards = renderCards([doc(`# T\n\n### Q\n\n${TABLE.replace('Queues messages', '==Queues== messages')}`)], {
      baseDir: '/',
      warn: () => {},
    }).cards;
    const row = cards.find((c) => c.kind === 'comparison' && c.fields.Front.startsWith('Amazon SQS'))!;
    expect(row.fields.Back).toContain('<mark>Queues</mark> messages');
  });
});

describe('reverse cards', () => {
  const count = (cards: { kind: string }[], kind: string) => cards.filter((c) => c.kind === kind).length;

  it('are off by default', () => {
    const cards = renderCards([doc(`# T\n\n## Top\n\n### Q\n\n${TABLE}`)], { baseDir: '/', warn: () => {} }).cards;
    expect(count(cards, 'comparison')).toBe(2);
    expect(count(cards, 'reverse')).toBe(0);
  });

  it('ask for the row label from its values', () => {
    const cards = renderCards([doc(`# T\n\n## Top\n\n### Q\n\n${TABLE}`)], {
      baseDir: '/',
      warn: () => {},
      reverse: true,
    }).cards;
    const reverse = cards.filter((c) => c.kind === 'reverse');
    expect(reverse.map((c) => c.fields.Back)).toEqual(['Amazon SQS', 'Amazon SNS']);
    expect(reverse[0]!.fields.Front).toBe(
      'Which service?<table class="comparison"><tbody><tr><th>Purpose</th><td>Queues messages</td></tr><tr><th>Pricing</th><td>Per request</td></tr></tbody></table>',
    );
    const guids = cards.map((c) => c.guid);
    expect(new Set(guids).size).toBe(guids.length);
  });

  it('opt in per question, per topic and per document by marker or front matter', () => {
    const md = (marker: { q?: boolean; topic?: boolean; doc?: boolean; fm?: string }) =>
      `${marker.fm ? `---\n${marker.fm}\n---\n\n` : ''}# T\n\n${marker.doc ? '<!-- notes: reverse -->\n\n' : ''}## A\n\n${
        marker.topic ? '<!-- notes: reverse -->\n\n' : ''
      }### Q1\n\n${marker.q ? '<!-- notes: reverse -->\n\n' : ''}${TABLE}\n### Q2\n\n${TABLE}\n## B\n\n### Q3\n\n${TABLE}`;
    const reversed = (text: string) =>
      renderCards([doc(text)], { baseDir: '/', warn: () => {} })
        .cards.filter((c) => c.kind === 'reverse')
        .map((c) => c.fields.Context);
    const two = (q: string) => [q, q];
    expect(reversed(md({}))).toEqual([]);
    expect(reversed(md({ q: true }))).toEqual(two('Q1'));
    expect(reversed(md({ topic: true }))).toEqual([...two('Q1'), ...two('Q2')]);
    expect(reversed(md({ doc: true }))).toEqual([...two('Q1'), ...two('Q2'), ...two('Q3')]);
    expect(reversed(md({ fm: 'reverse: true' }))).toEqual([...two('Q1'), ...two('Q2'), ...two('Q3')]);
    expect(reversed(md({ fm: 'reverse: [B]' }))).toEqual(two('Q3'));
  });

  it('use their own note type with a fixed id, only when there are some', async () => {
    const plain = await openApkg((await exportDocs([doc(`# T\n\n### Q\n\n${TABLE}`)])).bytes);
    expect(Object.keys(plain.models).sort()).toEqual([String(QUESTION_NOTETYPE_ID), String(COMPARISON_NOTETYPE_ID)]);
    const on = await openApkg((await exportDocs([doc(`# T\n\n### Q\n\n${TABLE}`)], { reverse: true })).bytes);
    expect(on.models[String(REVERSE_NOTETYPE_ID)]?.name).toBe('notes: Comparison (reverse)');
    expect(on.notes.filter((n) => n.mid === REVERSE_NOTETYPE_ID)).toHaveLength(2);
  });
});

describe('decks and styles', () => {
  const decksOf = (documents: ModelDocument[], deck?: string) => [
    ...new Set(
      renderCards(documents, { baseDir: '/notes', warn: () => {}, ...(deck ? { deck } : {}) }).cards.map((c) => c.deck),
    ),
  ];
  const inFolder = (markdown: string, path: string) => {
    const source = sourceFromText(markdown, path);
    return buildDocument({ ...source, absolutePath: `/notes/${path}` });
  };
  const TEXT = '# Title\n\n## Topic\n\n### Q\n\nA.\n';

  it('name decks by a pattern of title, topic, folder and file', () => {
    expect(decksOf([inFolder(TEXT, 'aws/net/a.md')])).toEqual(['Title::Topic']);
    expect(decksOf([inFolder(TEXT, 'aws/net/a.md')], '{folder}::{topic}')).toEqual(['aws::net::Topic']);
    expect(decksOf([inFolder(TEXT, 'aws/net/a.md')], 'Exam::{file}')).toEqual(['Exam::a']);
    expect(decksOf([inFolder('# Title\n\n### Q\n\nA.\n', 'a.md')], '{title}::{topic}')).toEqual(['Title']);
  });

  it('take front-matter deck as the title part, or as the pattern when it has a placeholder', () => {
    expect(decksOf([inFolder(`---\ndeck: AWS::SAA\n---\n\n${TEXT}`, 'a.md')])).toEqual(['AWS::SAA::Topic']);
    expect(decksOf([inFolder(`---\ndeck: 'Exam::{topic}'\n---\n\n${TEXT}`, 'a.md')])).toEqual(['Exam::Topic']);
  });

  it('append the user CSS to every note type, keeping the ids', async () => {
    const css = '.card { font-size: 22px; }';
    const apkg = await openApkg((await exportDocs([doc(`# T\n\n### Q\n\n${TABLE}`)], { css })).bytes);
    for (const model of Object.values(apkg.models)) expect(model.css.endsWith(`${css}\n`)).toBe(true);
    expect(Object.keys(apkg.models).sort()).toEqual([String(QUESTION_NOTETYPE_ID), String(COMPARISON_NOTETYPE_ID)]);
  });
});
