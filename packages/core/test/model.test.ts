import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  buildDocument,
  slugTag,
  sourceFromBytes,
  sourceFromText,
  stableId,
  toDataset,
  validateDataset,
} from '@notes/core';

const seed = readFileSync(new URL('./fixtures/seed-repaired.md', import.meta.url), 'utf8');
const model = (text: string, path = 'notes/test.md') => buildDocument(sourceFromText(text, path));
const questions = (text: string) => model(text).notes.filter((n) => n.kind === 'question');

describe('structure of the seed (title ###, numbered topics and questions at ####, stray ###)', () => {
  const doc = model(seed, 'aws-prep-notes.md');

  it('takes the first ### heading as the title', () => {
    expect(doc.title).toBe('📌 AWS Prep Notes');
  });

  it('finds the three numbered topics', () => {
    expect(doc.topics.map((t) => t.title)).toEqual([
      '1\uFE0F\u20E3 Messaging & Event-Driven Architectures',
      '2\uFE0F\u20E3 Networking & Security',
      '3\uFE0F\u20E3 Databases & Scaling',
    ]);
  });

  it('finds the 23 question notes with their topics', () => {
    const qs = doc.notes.filter((n) => n.kind === 'question');
    expect(qs).toHaveLength(23);
    expect(qs.filter((q) => q.topic?.includes('Messaging'))).toHaveLength(4);
    expect(qs.filter((q) => q.topic?.includes('Networking'))).toHaveLength(6);
    expect(qs.filter((q) => q.topic?.includes('Databases'))).toHaveLength(13);
  });

  it('keeps stray ### sub-headings inside their question', () => {
    const vpn = doc.notes.find((n) => n.title === 'is vpn similar to VPC on aws')!;
    expect(vpn.answer.markdown).toContain('### **How They Work Together**');
    expect(vpn.answer.text).toContain('So, while VPN provides secure connectivity');
  });

  it('gives each topic an overview note with the content before its first question', () => {
    const overviews = doc.notes.filter((n) => n.kind === 'overview');
    expect(overviews.map((o) => o.topic)).toEqual(doc.topics.map((t) => t.title));
    expect(overviews[0]!.answer.text).toMatch(/^- SQS vs\. SNS: Use SQS for queuing/);
  });

  it('fills down "same as above" cells of the database table and marks them', () => {
    const db = doc.notes.find((n) => n.title === 'Compare all DBs on AWS')!;
    const rows = db.tables[0]!.rows;
    expect(rows[1]![0]).toEqual({ text: 'Relational (SQL)', markdown: '**Relational (SQL)**', filled: true });
    expect(rows[0]![0]!.filled).toBe(false);
    expect(rows.filter((r) => r[0]!.filled)).toHaveLength(2);
  });

  it('collects callouts with their labels', () => {
    const s3 = doc.notes.find((n) => n.title.startsWith('Why would we use S3'))!;
    expect(s3.callouts).toEqual([
      expect.objectContaining({
        label: 'Note',
        text: 'Note for unpredictable pattern, always go with intelligent tiering',
      }),
    ]);
  });

  it('labels GitHub alerts and Obsidian callouts, folded or not, by their kind', () => {
    const [note] = questions(
      '# T\n\n## Q?\n\nA.\n\n> [!warning]- Common mistake\n> One AZ.\n\n> [!example]\n> Two AZs.\n\n> Example: not a label\n',
    );
    expect(note!.callouts.map((c) => c.label)).toEqual(['Warning', 'Example', null]);
  });

  it('records source lines of each note', () => {
    const q = doc.notes.find((n) => n.title === 'can SNS read from SQS')!;
    expect(q.source).toEqual({ path: 'aws-prep-notes.md', line: 32, endLine: 37 });
  });

  it('produces a dataset valid against the schema', () => {
    const dataset = toDataset([doc]);
    expect(validateDataset(dataset)).toEqual([]);
    expect(new Set(dataset.notes.map((n) => n.id)).size).toBe(dataset.notes.length);
  });
});

describe('stable ids', () => {
  it('does not change any id when an answer is edited', () => {
    const before = model(seed).notes.map((n) => n.id);
    const edited = seed.replace('It ensures reliable message delivery', 'It guarantees at-least-once delivery');
    expect(edited).not.toBe(seed);
    expect(model(edited).notes.map((n) => n.id)).toEqual(before);
  });

  it('does not depend on line numbers or emphasis', () => {
    const a = questions('# T\n\n## What is S3?\n\nStorage.\n');
    const b = questions('# T\n\n\n\nIntro.\n\n## What is **S3**?\n\nObject storage.\n');
    expect(b[0]!.id).toBe(a[0]!.id);
  });

  it('changes when the question changes', () => {
    expect(questions('# T\n\n## What is S3?\n\nx\n')[0]!.id).not.toBe(
      questions('# T\n\n## What is EBS?\n\nx\n')[0]!.id,
    );
  });

  it('keeps duplicate questions apart', () => {
    const qs = questions('# T\n\n## Same?\n\na\n\n## Same?\n\nb\n');
    expect(qs).toHaveLength(2);
    expect(qs[0]!.id).not.toBe(qs[1]!.id);
  });
});

describe('other shapes of notes', () => {
  it('standard # title, ## topics, ### questions', () => {
    const doc = model(
      '# Cloud\n\n## Storage\n\n### What is S3?\n\nObjects.\n\n#### Detail\n\nMore.\n\n### What is EBS?\n\nBlocks.\n\n## Compute\n\n### What is EC2?\n\nVMs.\n',
    );
    expect(doc.title).toBe('Cloud');
    expect(doc.topics.map((t) => t.title)).toEqual(['Storage', 'Compute']);
    const qs = doc.notes.filter((n) => n.kind === 'question');
    expect(qs.map((q) => [q.topic, q.title])).toEqual([
      ['Storage', 'What is S3?'],
      ['Storage', 'What is EBS?'],
      ['Compute', 'What is EC2?'],
    ]);
    expect(qs[0]!.answer.markdown).toBe('Objects.\n\n#### Detail\n\nMore.');
  });

  it('a document with no topics: questions directly under the title', () => {
    const doc = model('# Quiz\n\n## What is IAM?\n\nIdentity.\n\n### Sub\n\nx\n\n## What is KMS?\n\nKeys.\n');
    expect(doc.topics).toEqual([]);
    expect(doc.notes.map((n) => [n.kind, n.topic, n.title])).toEqual([
      ['question', null, 'What is IAM?'],
      ['question', null, 'What is KMS?'],
    ]);
  });

  it('numbered questions are questions, not topics', () => {
    const doc = model('# Quiz\n\n## 1. What is IAM?\n\nIdentity.\n\n## 2. What is KMS?\n\nKeys.\n');
    expect(doc.topics).toEqual([]);
    expect(doc.notes.filter((n) => n.kind === 'question')).toHaveLength(2);
  });

  it('an empty file gives a document with no notes', () => {
    const doc = model('', 'empty.md');
    expect(doc.title).toBe('empty');
    expect(doc.notes).toEqual([]);
    expect(validateDataset(toDataset([doc]))).toEqual([]);
  });

  it('front matter only: title and tags come from it', () => {
    const doc = model('---\ntitle: AWS prep\nexam: SAA-C03\ntags: [aws, saa]\n---\n', 'fm.md');
    expect(doc.title).toBe('AWS prep');
    expect(doc.frontMatter).toEqual({ title: 'AWS prep', exam: 'SAA-C03', tags: ['aws', 'saa'] });
    expect(doc.tags).toEqual(['aws', 'saa']);
    expect(doc.notes).toEqual([]);
  });

  it('broken front matter is reported as data, not thrown', () => {
    const doc = model('---\ntitle: [unclosed\n---\n\n# T\n\n## Q?\n\nA.\n');
    expect(doc.frontMatter).toBeNull();
    expect(doc.frontMatterInfo?.error?.message).toBeTruthy();
    expect(doc.notes).toHaveLength(1);
  });

  it('front matter cannot expand aliases into a huge document', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 12; i++)
      bomb.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10)
          .fill(`*${String.fromCharCode(96 + i)}`)
          .join(',')}]`,
      );
    const doc = model(`---\n${bomb.join('\n')}\n---\n# T\n`);
    expect(doc.frontMatter).toBeNull();
    expect(doc.frontMatterInfo?.error?.message).toMatch(/alias/i);
  });

  it('a BOM is dropped from the text and remembered', () => {
    const file = sourceFromBytes(Buffer.from('\uFEFF# Title\n\n## Q?\n\nA.\n'), { path: 'bom.md' });
    expect(file.bom).toBe(true);
    const doc = buildDocument(file);
    expect(doc.title).toBe('Title');
    expect(doc.notes[0]!.source.line).toBe(3);
  });

  it('CRLF line endings give the same structure and clean text', () => {
    const doc = model('# T\r\n\r\n## Topic\r\n\r\n### Q?\r\n\r\nLine one\r\nline two\r\n');
    const q = doc.notes.find((n) => n.kind === 'question')!;
    expect(q.title).toBe('Q?');
    expect(q.answer.text).not.toContain('\r\n\r\n');
    expect(q.source.line).toBe(5);
  });

  it('invalid UTF-8 bytes stay visible as U+FFFD in the model', () => {
    const file = sourceFromBytes(
      Buffer.concat([Buffer.from('# T\n\n## Caf'), Buffer.from([0xe9]), Buffer.from('?\n\nx\n')]),
      { path: 'bad.md' },
    );
    expect(file.invalid).toHaveLength(1);
    expect(buildDocument(file).notes[0]!.title).toBe('Caf\uFFFD?');
  });

  it('keeps a table with too many cells without dropping any', () => {
    const doc = model('# T\n\n## Q?\n\n| a | b |\n| - | - |\n| 1 | 2 | 3 |\n');
    expect(doc.notes[0]!.tables[0]!.rows[0]!.map((c) => c.text)).toEqual(['1', '2 | 3']);
  });

  it('a 10 MB file builds, every question kept (one linear-time parse)', () => {
    const block =
      '## Question number N?\n\nSome **answer** text with `code` and a [link](https://x.y), long enough to look like a real answer in a study note.\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\n- item one\n- item two\n\n';
    const parts = ['# Big\n\n'];
    let size = 0;
    for (let i = 0; size < 10 * 1024 * 1024; i++) {
      const b = block.replace('N', String(i));
      parts.push(b);
      size += b.length;
    }
    const doc = model(parts.join(''), 'big.md');
    expect(doc.notes.length).toBe(parts.length - 1);
    expect(doc.notes.at(-1)!.answer.text).toContain('item two');
    // The fast parse: 17.6 s under load (164 s with remark section by section, same run), so 120 s leaves room.
  }, 120_000);
});

describe('structure edge cases', () => {
  it('several # headings after a # title are parts of the document, not stray sub-headings', () => {
    const doc = model('# Guide\n\nIntro.\n\n# Part A\n\n## What is A?\n\nA.\n\n# Part B\n\n## What is B?\n\nB.\n');
    expect(doc.title).toBe('Guide');
    expect(doc.topics.map((t) => t.title)).toEqual(['Part A', 'Part B']);
    expect(doc.notes.filter((n) => n.kind === 'question').map((n) => [n.topic, n.title])).toEqual([
      ['Part A', 'What is A?'],
      ['Part B', 'What is B?'],
    ]);
  });

  it('numbered headings under unnumbered shallower ones are not taken as topics', () => {
    const doc = model(
      '# Exams\n\n## Overview\n\n### I. Format\n\nx\n\n### II. Scoring\n\ny\n\n## Domains\n\n### III. Design\n\nz\n',
    );
    expect(doc.topics.map((t) => t.title)).toEqual(['Overview', 'Domains']);
    expect(doc.notes.filter((n) => n.kind === 'question').map((n) => n.title)).toEqual([
      'I. Format',
      'II. Scoring',
      'III. Design',
    ]);
  });

  it("an unnumbered section added at the numbered topics' depth is one more topic, and the questions stay", () => {
    const numbered =
      '# Notes\n\n## 1. Compute\n\n### What is EC2?\n\na\n\n### What is Lambda?\n\nb\n\n## 2. Storage\n\n### What is S3?\n\nc\n';
    const before = model(numbered);
    const after = model(`${numbered}\n## Conclusion\n\nReview the above.\n`);
    const asked = (doc: typeof before) => doc.notes.filter((n) => n.kind === 'question').map((n) => [n.topic, n.title]);
    expect(asked(before)).toEqual([
      ['1. Compute', 'What is EC2?'],
      ['1. Compute', 'What is Lambda?'],
      ['2. Storage', 'What is S3?'],
    ]);
    expect(asked(after)).toEqual(asked(before));
    expect(after.topics.map((t) => t.title)).toEqual(['1. Compute', '2. Storage', 'Conclusion']);
    expect(after.notes.find((n) => n.kind === 'question' && n.title === 'What is S3?')!.answer.text).toBe('c');
  });

  it('quotes and lists nested a thousand levels deep do not overflow the stack', () => {
    const quotes = model(`# T\n\n## Q?\n\n${'> '.repeat(1000)}deep text\n`);
    expect(quotes.notes[0]!.answer.text).toBe('deep text');
    expect(quotes.notes[0]!.callouts).toHaveLength(1);
    const lists = model(
      `# T\n\n## Q?\n\n${Array.from({ length: 150 }, (_, i) => `${'  '.repeat(i)}- item ${i}`).join('\n')}\n`,
    );
    expect(lists.notes[0]!.answer.text).toContain('item 149');
  });
});

describe('document language', () => {
  const lang = (text: string) => buildDocument(sourceFromText(text, 'notes/x.md')).lang;

  it('takes a valid front matter lang in its canonical case', () => {
    expect(lang('---\ntitle: T\nlang: zh-hant\n---\n# T\n')).toBe('zh-Hant');
  });

  it('detects the language from the scripts of the text when front matter has none (or an invalid one)', () => {
    expect(lang('# 시험 노트\n\n디플로이먼트는 상태가 없는 애플리케이션을 위한 리소스입니다.\n')).toBe('ko');
    expect(lang('# ノート\n\nこれは日本語のテストです。\n')).toBe('ja');
    expect(lang('# 笔记\n\n这是一个测试，我们来学习网络。\n')).toBe('zh-Hans');
    expect(lang('# 筆記\n\n這是一個測試，我們來學習網絡。\n')).toBe('zh-Hant');
    expect(lang('---\nlang: not a tag\n---\n# Заметки\n\nПривет, мир.\n')).toBe('ru');
    expect(lang('# مذكرات\n\nمرحبا بالعالم\n')).toBe('ar');
    expect(lang('# Ghi chú\n\nĐây là ghi chú tiếng Việt về mạng máy tính.\n')).toBe('vi');
    expect(lang('# Notes\n\nThe bucket is in the region that you chose.\n')).toBe('en');
    expect(lang('# Notizen\n\nDer Hund ist klein und schnell.\n')).toBe('und');
  });

  it('reads a character outside the Basic Multilingual Plane whole, and a lone surrogate as no letter', () => {
    // Han of Extension B (U+20000…): each is a surrogate pair, and neither half is a Han letter on its own.
    expect(lang('# \u{20000}\u{20001}\n\n\u{20002}\u{20003}\u{20004}\n')).toBe('zh-Hans');
    expect(lang('# \ud840\n\n\udc00\n')).toBe('und');
  });
});

describe('ids and tags in any script', () => {
  it('keeps the combining marks of Devanagari, Thai and Arabic words, and drops emoji variation selectors', () => {
    expect(slugTag('हिंदी नोट्स')).toBe('हिंदी-नोट्स');
    expect(slugTag('ภาษาไทย')).toBe('ภาษาไทย');
    expect(slugTag('كَتَبَ الدرس')).toBe('كَتَبَ-الدرس');
    expect(slugTag('1️⃣ Messaging & Event-Driven')).toBe('1-messaging-event-driven');
  });

  it('gives titles written only in Hangul, kana, Han, Cyrillic, Arabic or Devanagari non-empty tags and distinct ids', () => {
    const titles = ['시험 노트', 'ストレージ', '网络', 'Файловая система', 'التخزين', 'भंडारण'];
    for (const title of titles) expect(slugTag(title)).toMatch(/^\S+$/);
    expect(new Set(titles.map((t) => stableId('t', [t]))).size).toBe(titles.length);
  });
});
