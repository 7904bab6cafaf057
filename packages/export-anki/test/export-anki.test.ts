import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildDocument, sourceFromText, type ModelDocument } from '@notes/core';
import * as api from '@notes/export-anki';
import { ankiExporter, isComparisonTable, packApkg, renderCards } from '@notes/export-anki';
import { unzipSync } from 'fflate';
import type { BlockContent } from 'mdast';
import initSqlJs from 'sql.js';
import { describe, expect, it } from 'vitest';
import { FIXTURES, fixtureDocument, openApkg } from './helpers.js';

const EPOCH = 1_764_000_000;
const SEED = 'aws-prep-notes.md';
const QUESTION_ID = api.QUESTION_NOTETYPE_ID;
const COMPARISON_ID = api.COMPARISON_NOTETYPE_ID;

async function exportDocs(documents: ModelDocument[], epoch = EPOCH, baseDir = FIXTURES) {
  const warnings: string[] = [];
  const files = await ankiExporter.export(documents, { epoch, baseDir, warn: (m) => warnings.push(m) });
  expect(files).toHaveLength(1);
  const file = files[0]!;
  expect(file.path).toBe('notes.apkg');
  expect(file.data).toBeInstanceOf(Uint8Array);
  return { bytes: file.data as Uint8Array, warnings };
}

function checksum(text: string): number {
  return Number.parseInt(createHash('sha1').update(text).digest('hex').slice(0, 8), 16);
}

describe('the public API', () => {
  it('exports exactly the documented names', () => {
    expect(Object.keys(api).sort()).toEqual([
      'CARD_CSS',
      'CLOZE_NOTETYPE_ID',
      'COMPARISON_NOTETYPE_ID',
      'DEFAULT_DECK_PATTERN',
      'PACK_THREAD_MIN_BYTES',
      'QUESTION_NOTETYPE_ID',
      'RENAME_MIN_SIMILARITY',
      'REVERSE_NOTETYPE_ID',
      'SKETCH_SIZE',
      'SketchCache',
      'ankiExporter',
      'answerSketch',
      'applyIdMap',
      'blocksToHtml',
      'formatIdMap',
      'hashedMediaName',
      'isComparisonTable',
      'loadMedia',
      'loadMediaImages',
      'packApkg',
      'parseIdMap',
      'renderCards',
      'sameAnswer',
      'sketchSimilarity',
      'startPackThread',
    ]);
  });

  it('describes itself as the binary anki exporter', () => {
    expect(ankiExporter).toMatchObject({ format: 'anki', extension: 'apkg', binary: true });
  });
});

describe('the seed notes as a deck', () => {
  const doc = fixtureDocument(SEED);
  const questions = doc.notes.filter((n) => n.kind === 'question');

  it('puts every one of the 23 questions on a card front', async () => {
    expect(questions).toHaveLength(23);
    const { bytes, warnings } = await exportDocs([doc]);
    expect(warnings).toEqual([]);
    const apkg = await openApkg(bytes);
    const fronts = apkg.notes.filter((n) => n.mid === QUESTION_ID).map((n) => n.fields[0]);
    expect(fronts).toHaveLength(23);
    for (const q of questions) {
      const escaped = q.title
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/"/g, '&quot;');
      expect(fronts).toContain(escaped);
    }
  });

  it('writes a schema-11 collection, a media map and nothing else', async () => {
    const apkg = await openApkg((await exportDocs([doc])).bytes);
    expect(apkg.members).toEqual(['collection.anki2', 'media']);
    expect(apkg.media).toEqual({});
    expect(apkg.ver).toBe(11);
    expect(apkg.colMod).toBe(EPOCH * 1000);
    expect(Object.keys(apkg.dconf)).toEqual(['1']);
    for (const key of ['id', 'mod', 'name', 'usn', 'maxTaken', 'autoplay', 'timer', 'new', 'rev', 'lapse']) {
      expect(apkg.dconf['1']).toHaveProperty(key);
    }
  });

  it('makes a Title::Topic sub-deck per topic under a deck per document', async () => {
    const apkg = await openApkg((await exportDocs([doc])).bytes);
    const names = Object.values(apkg.decks)
      .map((d) => d.name)
      .sort();
    expect(names).toEqual([
      'Default',
      '📌 AWS Prep Notes',
      '📌 AWS Prep Notes::1️⃣ Messaging & Event-Driven Architectures',
      '📌 AWS Prep Notes::2️⃣ Networking & Security',
      '📌 AWS Prep Notes::3️⃣ Databases & Scaling',
    ]);
    for (const [key, deck] of Object.entries(apkg.decks)) {
      expect(deck.id).toBe(Number(key));
      for (const k of ['usn', 'collapsed', 'dyn', 'conf', 'lrnToday', 'revToday', 'newToday', 'timeToday'])
        expect(deck).toHaveProperty(k);
    }
    const deckOf = new Map(apkg.cards.map((c) => [c.nid, apkg.decks[String(c.did)]!.name]));
    const kinesis = apkg.notes.find((n) => n.fields[0] === 'difference between amazon kinesis and sqs and sns')!;
    expect(deckOf.get(kinesis.id)).toBe('📌 AWS Prep Notes::1️⃣ Messaging & Event-Driven Architectures');
    const used = new Set(apkg.cards.map((c) => apkg.decks[String(c.did)]!.name));
    expect([...used].sort()).toEqual(names.filter((n) => n.includes('::')));
  });

  it('uses two note types with fixed ids and the field count of each', async () => {
    const apkg = await openApkg((await exportDocs([doc])).bytes);
    expect(Object.keys(apkg.models).map(Number).sort()).toEqual([QUESTION_ID, COMPARISON_ID].sort());
    const question = apkg.models[String(QUESTION_ID)]!;
    const comparison = apkg.models[String(COMPARISON_ID)]!;
    expect(question.flds.map((f) => f.name)).toEqual(['Front', 'Back', 'Topic', 'Source']);
    expect(comparison.flds.map((f) => f.name)).toEqual(['Front', 'Back', 'Context', 'Topic', 'Source']);
    expect(question.css).toContain('.nightMode');
    for (const note of apkg.notes) {
      expect(note.fields).toHaveLength(apkg.models[String(note.mid)]!.flds.length);
    }
  });

  it('fills csum, sfld, mod, usn and ids the way Anki reads them', async () => {
    const apkg = await openApkg((await exportDocs([doc])).bytes);
    for (const note of apkg.notes) {
      const plain = note.fields[0]!.replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&amp;/g, '&');
      expect(note.csum).toBe(checksum(plain));
      expect(String(note.sfld)).toBe(plain);
      expect(note.mod).toBe(EPOCH);
      expect(note.usn).toBe(-1);
      expect(note.id).toBeLessThanOrEqual(EPOCH * 1000);
    }
    expect(new Set(apkg.notes.map((n) => n.id)).size).toBe(apkg.notes.length);
    expect(apkg.cards).toHaveLength(apkg.notes.length);
    for (const card of apkg.cards) {
      expect(card.id).toBeLessThanOrEqual(EPOCH * 1000);
      expect(card.ord).toBe(0);
    }
  });

  it('tags each note with its document, topic and card kind', async () => {
    const apkg = await openApkg((await exportDocs([doc])).bytes);
    const kinesis = apkg.notes.find((n) => n.fields[0] === 'difference between amazon kinesis and sqs and sns')!;
    expect(kinesis.tags).toBe(' aws-prep-notes 1-messaging-event-driven-architectures notes::question ');
    const row = apkg.notes.find((n) => n.mid === COMPARISON_ID)!;
    expect(row.tags.trim().split(' ')).toContain('notes::comparison');
  });

  it('renders answers as HTML: tables as tables, lists as lists', async () => {
    const apkg = await openApkg((await exportDocs([doc])).bytes);
    const mq = apkg.notes.find((n) => n.fields[0] === 'Is MQ similar to SQS')!;
    expect(mq.fields[1]).toContain('<table>');
    expect(mq.fields[1]).toContain('<th>Amazon MQ</th>');
    expect(mq.fields[1]).toContain('<td>AMQP, JMS, MQTT</td>');
    expect(mq.fields[2]).toBe('1️⃣ Messaging &amp; Event-Driven Architectures');
    expect(mq.fields[3]).toBe('aws-prep-notes.md:20');
  });

  it('shows a GitHub alert or Obsidian callout with its title in bold, not its `[!KIND]` marker', async () => {
    const text =
      '# T\n\n## Topic\n\n### What is a NAT gateway?\n\nA managed egress.\n\n> [!warning]- Common mistake\n> One AZ is a single point of failure.\n\n> [!TIP]\n> Put one in each AZ.\n';
    const { bytes } = await exportDocs([buildDocument(sourceFromText(text, 'nat.md'))]);
    const back = (await openApkg(bytes)).notes[0]!.fields[1]!;
    expect(back).toContain(
      '<blockquote>\n<p><strong>Common mistake</strong></p>\n<p>One AZ is a single point of failure.</p>\n</blockquote>',
    );
    expect(back).toContain('<blockquote>\n<p><strong>Tip</strong></p>\n<p>Put one in each AZ.</p>\n</blockquote>');
    expect(back).not.toContain('[!');
  });

  it('links each footnote to its text in the card, and keeps task boxes ticked or not', async () => {
    const text =
      '# T\n\n## Topic\n\n### Which port does HTTPS use?\n\n443[^1].\n\n[^1]: Over TCP.\n\n- [ ] review VPC peering\n- [x] review Transit Gateway\n';
    const { bytes } = await exportDocs([buildDocument(sourceFromText(text, 'ports.md'))]);
    const back = (await openApkg(bytes)).notes[0]!.fields[1]!;
    const targets = [...back.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]!);
    const ids = new Set([...back.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]!));
    expect(targets).toHaveLength(2);
    expect(targets.filter((t) => !ids.has(t))).toEqual([]);
    expect(back).toContain('<p>Over TCP. <a href="#user-content-fnref-1"');
    expect(back).not.toContain('sr-only');
    expect(back).toContain('<input type="checkbox" disabled> review VPC peering');
    expect(back).toContain('<input type="checkbox" checked disabled> review Transit Gateway');
  });

  it('shows Obsidian wiki links as their text and packs a picture embed like an image', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'notes-wiki-'));
    try {
      mkdirSync(join(dir, 'img'));
      copyFileSync(
        resolve(import.meta.dirname, '../../../examples/rich/notes/img/latency.png'),
        join(dir, 'img', 'Pasted image.png'),
      );
      const text =
        '# T\n\n## Topic\n\n### What is a NAT gateway?\n\nSee [[VPC basics|the VPC page]] and [[Subnets#Private]].\n\n![[img/Pasted image.png|300]]\n';
      const doc = buildDocument(sourceFromText(text, 'nat.md'));
      const { bytes, warnings } = await exportDocs([doc], EPOCH, dir);
      expect(warnings).toEqual([]);
      const apkg = await openApkg(bytes);
      const back = apkg.notes[0]!.fields[1]!;
      expect(back).toMatch(/<p>See the VPC page and Subnets (?:>|&#x3E;|&gt;) Private\.<\/p>/);
      expect(back).toMatch(/<img src="[^"]+\.png" alt="Pasted image\.png">/);
      expect(back).not.toContain('[[');
      expect(Object.keys(apkg.media)).toHaveLength(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('finds a picture embed in the vault as Obsidian does (an attachments folder), not only beside the note', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'notes-vault-'));
    try {
      mkdirSync(join(dir, 'attachments'));
      mkdirSync(join(dir, 'aws'));
      copyFileSync(
        resolve(import.meta.dirname, '../../../examples/rich/notes/img/latency.png'),
        join(dir, 'attachments', 'Pasted image.png'),
      );
      const text = '# T\n\n## Topic\n\n### What is a NAT gateway?\n\nA gateway.\n\n![[Pasted image.png]]\n';
      const doc = buildDocument(sourceFromText(text, 'aws/nat.md'));
      const { bytes, warnings } = await exportDocs([doc], EPOCH, dir);
      expect(warnings).toEqual([]);
      const apkg = await openApkg(bytes);
      expect(apkg.notes[0]!.fields[1]!).toMatch(/<img src="[^"]+\.png" alt="Pasted image\.png">/);
      expect(Object.keys(apkg.media)).toHaveLength(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('makes a card per comparison-table row, naming the row and what is compared', async () => {
    const apkg = await openApkg((await exportDocs([doc])).bytes);
    const failover = apkg.notes.find((n) => n.fields[0] === 'Failover — Amazon RDS vs Amazon Aurora');
    expect(failover).toBeDefined();
    expect(failover!.mid).toBe(COMPARISON_ID);
    expect(failover!.fields[1]).toContain('<th>Amazon RDS</th><td>Manual (unless Multi-AZ enabled)</td>');
    expect(failover!.fields[1]).toContain('<th>Amazon Aurora</th><td>Automatic</td>');
    expect(failover!.fields[2]).toBe('Choosing between RDS and Aurora');
  });

  it('shows the whole row on the back, the first column under its header', async () => {
    const apkg = await openApkg((await exportDocs([doc])).bytes);
    const back = (front: string) => apkg.notes.find((n) => n.fields[0] === front)!.fields[1];
    expect(back('Failover — Amazon RDS vs Amazon Aurora')).toMatch(
      /^<table class="comparison"><tbody><tr><th>Feature<\/th><td>Failover<\/td><\/tr><tr><th>Amazon RDS<\/th>/,
    );
    expect(back('Amazon CloudFront — Purpose, How It Works')).toContain(
      '<tr><th>Service</th><td>Amazon CloudFront</td></tr><tr><th>Purpose</th>',
    );
  });

  it('names a row whose label is shared (filled down) by its group and next cell', () => {
    const list = renderCards([doc], { baseDir: FIXTURES, warn: () => {} });
    const fronts = list.cards.filter((c) => c.kind === 'comparison').map((c) => c.fields.Front);
    expect(fronts).toContain('Relational (SQL): Amazon RDS — Best For, Key Features');
    expect(fronts).toContain('Relational (SQL): Amazon Aurora — Best For, Key Features');
    expect(fronts).toContain('Amazon CloudFront — Purpose, How It Works');
    expect(new Set(list.cards.map((c) => c.guid)).size).toBe(list.cards.length);
  });

  it('gives two exports of the same input the same bytes', async () => {
    const a = await exportDocs([fixtureDocument(SEED)]);
    const b = await exportDocs([fixtureDocument(SEED)]);
    expect(Buffer.from(a.bytes).equals(Buffer.from(b.bytes))).toBe(true);
  });

  it('keeps every GUID and note type across an edited answer, with a newer mod', async () => {
    const before = await openApkg((await exportDocs([doc])).bytes);
    const edited = fixtureDocument(SEED, (t) =>
      t
        .replace('SSE-S3 lacks key-level access controls', 'SSE-S3 lacks any key-level access controls')
        .replace('| Failover | Manual', '| Failover | Manual, by hand'),
    );
    const after = await openApkg((await exportDocs([edited], EPOCH + 60)).bytes);
    const guidsBefore = new Map(before.notes.map((n) => [n.guid, n]));
    expect(after.notes.map((n) => n.guid).sort()).toEqual([...guidsBefore.keys()].sort());
    for (const note of after.notes) {
      const old = guidsBefore.get(note.guid)!;
      expect(note.mid).toBe(old.mid);
      expect(note.mod).toBeGreaterThan(old.mod);
    }
    const changed = after.notes.filter((n) => n.fields.join() !== guidsBefore.get(n.guid)!.fields.join());
    expect(changed.map((n) => n.fields[0]).sort()).toEqual(
      ['Failover — Amazon RDS vs Amazon Aurora', 'S3 SSE vs KMS SSE', 'Choosing between RDS and Aurora'].sort(),
    );
  });

  it('renders the card list as plain data (snapshot)', () => {
    const list = renderCards([doc], { baseDir: FIXTURES, warn: () => {} });
    expect(list.cards.filter((c) => c.kind === 'question')).toHaveLength(23);
    expect(list.cards.filter((c) => c.kind === 'comparison').length).toBeGreaterThan(0);
    expect(list.media).toEqual([]);
    expect(list).toMatchSnapshot();
  });
});

describe('hostile notes', () => {
  const doc = fixtureDocument('hostile/hostile.md');
  const baseDir = resolve(FIXTURES, 'hostile');

  it('puts no live content in any card', async () => {
    const { bytes } = await exportDocs([doc], EPOCH, baseDir);
    const apkg = await openApkg(bytes);
    const all = apkg.notes.flatMap((n) => n.fields).join('\n');
    expect(all).not.toMatch(/<script/i);
    expect(all).not.toMatch(/\son[a-z]+\s*=/i);
    expect(all).not.toMatch(/javascript:/i);
    expect(all).not.toMatch(/src="(?:https?:|\/\/|\/|data:|file:)/i);
    expect(all).not.toContain('tracker.example.com');
    expect(all).toContain('<a href="https://example.com/docs">good link</a>');
    expect(all).toContain('<a>bad link</a>');
    // Highlighted code: inline colours only, in the exact shapes the sanitizer lets through.
    expect(all).toContain(
      '<pre style="background:#f6f8fa;color:#24292e"><code class="language-js"><span style="color:#',
    );
    expect(
      all
        .match(/style="[^"]*"/g)!
        .every((s) =>
          /^style="(?:background:#f6f8fa;color:#24292e|color:#[0-9a-f]{6}(?:;font-style:italic)?(?:;font-weight:bold)?)"$/.test(
            s,
          ),
        ),
    ).toBe(true);
  });

  it('drops every script-bearing link scheme and every remote or inline image', async () => {
    const more = fixtureDocument('hostile/more.md');
    const { bytes, warnings } = await exportDocs([more], EPOCH, baseDir);
    const back = (await openApkg(bytes)).notes[0]!.fields[1]!;
    // Link text may still read `javascript:…`; what matters is that no attribute carries it.
    expect(back.match(/\b(?:href|src)="[^"]*"/g)).toEqual(['href="mailto:me@example.com"']);
    expect(back).not.toMatch(/<iframe|<style|<script|cdn\.example/i);
    expect(back).toContain('<a>mixed-case one</a>');
    expect(back).toContain('<a href="mailto:me@example.com">mail one</a>');
    expect(back).toContain('<span>[image: inline svg]</span>');
    expect(back).toContain('<span>[image: protocol relative]</span>');
    expect(warnings).toHaveLength(2);
    expect(warnings.every((w) => w.includes('is not local: not fetched'))).toBe(true);
  });

  it('packs images from inside the notes folder and reports the rest without reading them', async () => {
    const { bytes, warnings } = await exportDocs([doc], EPOCH, baseDir);
    const apkg = await openApkg(bytes);
    // Content-hashed name: the SHA-256 of img/dot.png, so the same picture never lands twice in Anki's media.
    expect(apkg.media).toEqual({ '0': 'notes-c414cd0e204de974f73753c7.png' });
    expect(apkg.files['0']?.length).toBe(70);
    const back = apkg.notes.find((n) => n.fields[0] === 'What does a script tag do?')!.fields[1]!;
    expect(back).toContain('<img src="notes-c414cd0e204de974f73753c7.png" alt="local diagram">');
    expect(back).toContain('<span>[image: missing]</span>');
    expect(back).toContain('<span>[image: remote pixel]</span>');
    expect(warnings).toHaveLength(4);
    expect(warnings[0]).toMatch(/tracker\.example\.com.*not local/);
    expect(warnings[1]).toMatch(/outside the notes' folder/);
    expect(warnings[2]).toMatch(/absolute path/);
    expect(warnings[3]).toBe('hostile/hostile.md:19: image img/missing.png "missing" not found');
  });

  it('does not follow a symbolic link out of the notes folder', async () => {
    const root = mkdtempSync(join(tmpdir(), 'anki-link-'));
    const notes = join(root, 'notes');
    mkdirSync(notes);
    writeFileSync(join(root, 'secret.png'), 'secret');
    symlinkSync(join(root, 'secret.png'), join(notes, 'link.png'));
    const text = '# Links\n\n## Topic\n\n### Where does the link go?\n\n![link](link.png)\n';
    const source = sourceFromText(text, 'notes/links.md');
    const linked = buildDocument({ ...source, absolutePath: join(notes, 'links.md') });
    const { bytes, warnings } = await exportDocs([linked], EPOCH, notes);
    const apkg = await openApkg(bytes);
    expect(apkg.media).toEqual({});
    expect(apkg.members).toEqual(['collection.anki2', 'media']);
    expect(warnings.join('\n')).toMatch(/outside the notes' folder/);
  });

  it('renders the hostile card list as plain data (snapshot)', () => {
    const warnings: string[] = [];
    const list = renderCards([doc], { baseDir, warn: (m) => warnings.push(m) });
    expect(list.cards).toHaveLength(4);
    expect(warnings).toHaveLength(3);
    expect(list.media.map((m) => [m.name, m.from])).toEqual([
      ['img_dot.png', 'hostile/hostile.md:17: image img/dot.png "local diagram"'],
      ['img_missing.png', 'hostile/hostile.md:19: image img/missing.png "missing"'],
    ]);
    expect({ ...list, media: list.media.map((m) => m.name) }).toMatchSnapshot();
  });
});

describe('edge cases', () => {
  it('recognises comparison tables by shape', () => {
    const cell = (text: string) => ({ text, markdown: text, filled: false });
    expect(isComparisonTable({ columns: ['Feature', 'A', 'B'], rows: [[cell('Cost'), cell('1'), cell('2')]] })).toBe(
      true,
    );
    expect(isComparisonTable({ columns: ['Name', 'Value'], rows: [[cell('a'), cell('b')]] })).toBe(false);
    expect(isComparisonTable({ columns: ['Feature', 'A', 'B'], rows: [[cell(''), cell('1'), cell('2')]] })).toBe(false);
    expect(isComparisonTable({ columns: ['Feature', 'A', 'B'], rows: [] })).toBe(false);
  });

  it('exports a document without topics into a deck named by its title', async () => {
    const text = '# Plain\n\n### What is a deck?\n\nA pile of cards.\n';
    const plain = buildDocument(sourceFromText(text, 'plain.md'));
    const apkg = await openApkg((await exportDocs([plain])).bytes);
    expect(apkg.notes).toHaveLength(1);
    expect(apkg.decks[String(apkg.cards[0]!.did)]!.name).toBe('Plain');
  });

  it('keeps deck names to one level per topic, even when a title holds ::', () => {
    const text = '# A::B\n\n## C :: D\n\n### Why?\n\nBecause.\n';
    const list = renderCards([buildDocument(sourceFromText(text, 'x.md'))], { baseDir: '/', warn: () => {} });
    expect(list.cards[0]!.deck).toBe('A:B::C : D');
  });

  it("files a document titled Default under Anki's own Default deck", async () => {
    const text = '# default\n\n## Topic\n\n### Why?\n\nBecause.\n';
    const apkg = await openApkg((await exportDocs([buildDocument(sourceFromText(text, 'd.md'))])).bytes);
    const names = Object.values(apkg.decks)
      .map((d) => d.name)
      .sort();
    expect(names).toEqual(['Default', 'Default::Topic']);
    expect(apkg.decks[String(apkg.cards[0]!.did)]!.name).toBe('Default::Topic');
  });

  it('warns and still writes a valid package for an empty file', async () => {
    const empty = buildDocument(sourceFromText('', 'empty.md'));
    const { bytes, warnings } = await exportDocs([empty]);
    expect(warnings).toEqual(['no questions found: the Anki deck is empty']);
    const apkg = await openApkg(bytes);
    expect(apkg.notes).toEqual([]);
  });

  it('shows nesting 10,000 levels deep as plain text instead of crashing', async () => {
    const doc = buildDocument(sourceFromText('# Deep\n\n## Topic\n\n### How deep?\n\nVery.\n', 'deep.md'));
    let node: BlockContent = { type: 'paragraph', children: [{ type: 'text', value: 'bottom' }] };
    for (let i = 0; i < 10_000; i++) node = { type: 'blockquote', children: [node] };
    doc.notes.find((n) => n.kind === 'question')!.body = [node];
    const { bytes, warnings } = await exportDocs([doc]);
    expect(warnings).toEqual(['deep.md:5: nesting deeper than 64 levels: the deepest part is shown as plain text']);
    const back = (await openApkg(bytes)).notes[0]!.fields[1]!;
    expect(back).toContain('<p>bottom</p>');
    expect(back.match(/<blockquote>/g)).toHaveLength(63); // the root counts as level 0
  });

  it('keeps CRLF line ends and control characters out of the fields', async () => {
    const text =
      '# Ends\r\n\r\n## Topic\r\n\r\n### Bell\x07 question?\r\n\r\nline one\r\nline two \x1f\x0b\x07 end\r\n';
    const apkg = await openApkg((await exportDocs([buildDocument(sourceFromText(text, 'crlf.md'))])).bytes);
    const fields = apkg.notes[0]!.fields;
    expect(fields).toHaveLength(4);
    expect(fields.join('')).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f]/);
    expect(fields[0]).toBe('Bell question?');
    expect(fields[1]).toBe('<p>line one\nline two  end</p>');
  });

  it('gives each document its own deck tree in one package', async () => {
    const a = buildDocument(sourceFromText('# Alpha\n\n## One\n\n### A1?\n\nYes.\n', 'a.md'));
    const b = buildDocument(sourceFromText('# Beta\n\n## Two\n\n### B1?\n\nNo.\n', 'b.md'));
    const apkg = await openApkg((await exportDocs([a, fixtureDocument(SEED), b])).bytes);
    const names = Object.values(apkg.decks).map((d) => d.name);
    expect(names).toEqual(expect.arrayContaining(['Alpha', 'Alpha::One', 'Beta', 'Beta::Two', '📌 AWS Prep Notes']));
    expect(apkg.notes.filter((n) => n.mid === QUESTION_ID)).toHaveLength(25);
    expect(new Set(apkg.notes.map((n) => n.guid)).size).toBe(apkg.notes.length);
  });

  it('stores every field as text, byte for byte as sql.js would bind the string', async () => {
    const list = renderCards(
      [buildDocument(sourceFromText('# T\n\n### Café 😀?\n\nNaïve — ok.\n\n### Q2?\n\nA.\n', 'u.md'))],
      {
        baseDir: '/',
        warn: () => {},
      },
    );
    // A lone surrogate (never from a decoded file, but a field is only a string): bound as the string it is.
    (list.cards[1]!.fields as Record<string, string>)['Back'] = 'half \ud83d pair';
    const files = unzipSync(await packApkg(list, { epoch: EPOCH }));
    const SQL = await initSqlJs();
    const db = new SQL.Database(files['collection.anki2']!);
    const reference = new SQL.Database();
    try {
      const rows = db.exec(
        'select typeof(guid), typeof(tags), typeof(flds), typeof(sfld), hex(flds), flds from notes order by id',
      )[0]!.values;
      expect(rows.map((r) => r.slice(0, 4))).toEqual([
        ['text', 'text', 'text', 'text'],
        ['text', 'text', 'text', 'text'],
      ]);
      expect(rows[0]![5]).toBe(`Café 😀?\x1f<p>Naïve — ok.</p>\x1fT\x1fu.md:3`);
      expect(rows[0]![4]).toBe(reference.exec('select hex(?)', [rows[0]![5] as string])[0]!.values[0]![0]);
      const lone = list.cards[1]!.fields;
      const expected = reference.exec('select hex(?)', [
        [lone.Front, (lone as Record<string, string>)['Back'], lone.Topic, lone.Source].join('\x1f'),
      ])[0]!.values[0]![0];
      expect(rows[1]![4]).toBe(expected);
    } finally {
      db.close();
      reference.close();
    }
  });

  it('never dates ids after the epoch, even for epoch 0', async () => {
    const bytes = await packApkg(renderCards([fixtureDocument(SEED)], { baseDir: FIXTURES, warn: () => {} }), {
      epoch: 0,
    });
    const apkg = await openApkg(bytes);
    expect(Math.max(...apkg.notes.map((n) => n.id))).toBeLessThan(Date.UTC(2002, 0, 1));
    expect(apkg.notes.every((n) => n.id > 0)).toBe(true);
  });

  it('makes cards from the rows of a comparison table in an overview, which itself gets no card', async () => {
    const text = [
      '# Storage',
      '',
      '## Block or file',
      '',
      '| Feature | Amazon EBS | Amazon EFS |',
      '| --- | --- | --- |',
      '| Access | One instance | Many instances |',
      '| Scope | One AZ | A Region |',
      '',
      '### Which one for shared files?',
      '',
      'Amazon EFS.',
      '',
      '## Archive',
      '',
      '| Class | Retrieval | Minimum days |',
      '| --- | --- | --- |',
      '| Glacier Flexible Retrieval | Minutes to hours | 90 |',
      '',
    ].join('\n');
    const apkg = await openApkg((await exportDocs([buildDocument(sourceFromText(text, 'storage.md'))])).bytes);
    const cards = apkg.notes.map((n) => ({
      kind: n.mid === QUESTION_ID ? 'question' : 'comparison',
      front: n.fields[0],
      context: n.mid === COMPARISON_ID ? n.fields[2] : null,
    }));
    // Both overviews ("Block or file", "Archive") get no card of their own; their table rows do.
    expect(cards.sort((a, b) => String(a.front).localeCompare(String(b.front)))).toEqual([
      { kind: 'comparison', front: 'Access — Amazon EBS vs Amazon EFS', context: 'Block or file' },
      { kind: 'comparison', front: 'Glacier Flexible Retrieval — Retrieval, Minimum days', context: 'Archive' },
      { kind: 'comparison', front: 'Scope — Amazon EBS vs Amazon EFS', context: 'Block or file' },
      { kind: 'question', front: 'Which one for shared files?', context: null },
    ]);
    const scope = apkg.notes.find((n) => n.fields[0] === 'Scope — Amazon EBS vs Amazon EFS')!;
    expect(scope.fields[1]).toContain('<th>Amazon EFS</th><td>A Region</td>');
    // The header over the labels is in no front: the back names it (an overview's table is shown nowhere else).
    expect(scope.fields[1]).toContain('<th>Feature</th><td>Scope</td>');
    const deckOf = (front: string) => {
      const note = apkg.notes.find((n) => n.fields[0] === front)!;
      return apkg.decks[String(apkg.cards.find((c) => c.nid === note.id)!.did)]!.name;
    };
    expect(deckOf('Access — Amazon EBS vs Amazon EFS')).toBe('Storage::Block or file');
    expect(deckOf('Glacier Flexible Retrieval — Retrieval, Minimum days')).toBe('Storage::Archive');
  });

  it('can leave comparison rows out', async () => {
    const files = await ankiExporter.export([fixtureDocument(SEED)], {
      epoch: EPOCH,
      baseDir: FIXTURES,
      warn: () => {},
      comparisons: false,
    });
    const apkg = await openApkg(files[0]!.data as Uint8Array);
    expect(apkg.notes).toHaveLength(23);
  });
});

describe('right-to-left notes', () => {
  it('give the cards of a Hebrew or Arabic file dir="auto" on their fields and blocks, and leave other files alone', () => {
    const hebrew = buildDocument(
      sourceFromText(
        '# רשת\n\n## פרוטוקולים\n\n### מה זה UDP?\n\nפרוטוקול ללא חיבור של AWS.\n\n- מהיר\n- simple\n',
        'he.md',
      ),
    );
    const english = buildDocument(sourceFromText('# Net\n\n## Protocols\n\n### What is TCP?\n\nA stream.\n', 'en.md'));
    const list = renderCards([hebrew, english], { baseDir: FIXTURES, warn: () => {} });
    const he = list.cards.find((c) => c.fields['Front']?.includes('UDP'))!;
    expect(he.fields['Front']).toBe('<div dir="auto">מה זה UDP?</div>');
    expect(he.fields['Back']).toMatch(/^<div dir="auto"><p dir="auto">פרוטוקול/);
    expect(he.fields['Back']).toContain('<ul dir="auto">');
    expect(he.fields['Back']).toContain('<li dir="auto">simple</li>');
    expect(he.fields['Source']).not.toContain('dir=');
    const en = list.cards.find((c) => c.fields['Front']?.includes('TCP'))!;
    expect(Object.values(en.fields).join('')).not.toContain('dir=');
  });
});
