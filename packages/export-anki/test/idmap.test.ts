import { createHash } from 'node:crypto';
import { buildDocument, sourceFromText } from '@notes/core';
import {
  answerSketch,
  applyIdMap,
  formatIdMap,
  parseIdMap,
  RENAME_MIN_SIMILARITY,
  renderCards,
  sameAnswer,
  SketchCache,
  sketchSimilarity,
} from '@notes/export-anki';
import { describe, expect, it } from 'vitest';

const hashes = (prefix: string, n: number) =>
  Array.from({ length: n }, (_, i) => `${prefix}${i.toString(16).padStart(7, '0')}`);
const sketch = (list: string[]) => [...list].sort().join('');

function cards(markdown: string) {
  return renderCards([buildDocument(sourceFromText(markdown, 'notes.md'))], { baseDir: '/', warn: () => {} });
}

const NOTES = `# AWS

## Messaging

### What is SQS?

SQS is a managed message queue: producers send messages, consumers poll them, and messages stay until deleted.

### What is SNS?

SNS is a pub/sub service that pushes each message to every subscriber: queues, functions, HTTP endpoints, email.
`;

describe('answer similarity', () => {
  it('is 1 for the same answer and exact (Jaccard of words and word pairs) for short ones', () => {
    const a = answerSketch('a b c d');
    expect(sketchSimilarity(a, a)).toBe(1);
    // {a b c d ab bc cd} and {a b c e ab bc ce}: 5 shared of 9.
    expect(sketchSimilarity(a, answerSketch('a b c e'))).toBeCloseTo(5 / 9, 10);
    expect(sketchSimilarity(a, answerSketch('w x y z'))).toBe(0);
  });

  it('keeps the 32 smallest distinct sha1 heads of the words and word pairs, with or without a shared cache', () => {
    const head = (f: string) => createHash('sha1').update(f).digest('hex').slice(0, 8);
    const reference = (text: string) => {
      const words = text.toLowerCase().split(/\s+/).filter(Boolean);
      const features = [...words, ...words.slice(1).map((w, i) => `${words[i]} ${w}`)];
      return [...new Set(features.map(head))].sort().slice(0, 32).join('');
    };
    const texts = [
      'a b a b a',
      'SQS stores messages until a consumer deletes them',
      Array.from({ length: 60 }, (_, i) => `w${i % 23}`).join(' '),
      'messages until a consumer polls them',
      'Ünïcode wörds ok',
      '',
    ];
    const cache = new SketchCache();
    for (const text of [...texts, ...[...texts].reverse()]) {
      expect(answerSketch(text, cache)).toBe(reference(text));
      expect(answerSketch(text)).toBe(reference(text));
    }
    expect(answerSketch(texts[2]!)).toHaveLength(32 * 8);
  });

  it('counts two answers as the same exactly at the threshold, and not just below it', () => {
    expect(RENAME_MIN_SIMILARITY).toBe(0.55);
    const shared = hashes('0', 11);
    // 11 shared of 20 together: 0.55.
    const at = [sketch([...shared, ...hashes('a', 5)]), sketch([...shared, ...hashes('b', 4)])] as const;
    expect(sketchSimilarity(...at)).toBe(0.55);
    expect(sameAnswer(...at)).toBe(true);
    // 10 shared of 20: 0.5.
    const below = [
      sketch([...shared.slice(0, 10), ...hashes('a', 6)]),
      sketch([...shared.slice(0, 10), ...hashes('b', 4)]),
    ] as const;
    expect(sketchSimilarity(...below)).toBe(0.5);
    expect(sameAnswer(...below)).toBe(false);
  });

  it('finds a lightly edited answer the same and another answer different', () => {
    const sqs =
      'SQS is a managed message queue: producers send messages, consumers poll them, and messages stay until deleted.';
    expect(sameAnswer(answerSketch(sqs), answerSketch(sqs.replace('poll them', 'poll for them')))).toBe(true);
    expect(sameAnswer(answerSketch(sqs), answerSketch(`${sqs} Messages are kept up to 14 days.`))).toBe(true);
    expect(
      sameAnswer(
        answerSketch(sqs),
        answerSketch('SNS is a pub/sub service that pushes each message to every subscriber: queues, functions.'),
      ),
    ).toBe(false);
  });
});

describe('applying the id map', () => {
  it('gives every card its own GUID on a first export and records it', () => {
    const list = cards(NOTES);
    const result = applyIdMap(list, null);
    expect(result.list.cards.map((c) => c.guid)).toEqual(list.cards.map((c) => c.guid));
    expect(result.renamed).toEqual([]);
    expect(result.orphans).toEqual([]);
    expect(Object.keys(result.map.notes)).toHaveLength(2);
    expect(parseIdMap(formatIdMap(result.map))).toEqual(result.map);
  });

  it('keeps the old GUID for a renamed question with the same answer, once', () => {
    const before = applyIdMap(cards(NOTES), null);
    const renamed = cards(NOTES.replace('### What is SQS?', '### What does SQS do?'));
    const after = applyIdMap(renamed, before.map);
    const oldGuid = before.list.cards.find((c) => c.fields.Front === 'What is SQS?')!.guid;
    expect(after.list.cards.find((c) => c.fields.Front === 'What does SQS do?')!.guid).toBe(oldGuid);
    expect(after.renamed).toEqual([{ from: 'What is SQS?', to: 'What does SQS do?', guid: oldGuid }]);
    expect(after.orphans).toEqual([]);
    // The map follows the new name, and a third export is quiet.
    const third = applyIdMap(renamed, after.map);
    expect(third.renamed).toEqual([]);
    expect(third.list.cards.map((c) => c.guid)).toEqual(after.list.cards.map((c) => c.guid));
    expect(formatIdMap(third.map)).toBe(formatIdMap(after.map));
  });

  it('lists a deleted question as an orphan with its deck, title and a search for it', () => {
    const before = applyIdMap(cards(NOTES), null);
    const after = applyIdMap(cards(NOTES.replace(/### What is SNS\?[\s\S]*$/, '')), before.map);
    expect(after.orphans).toEqual([
      {
        deck: 'AWS::Messaging',
        title: 'What is SNS?',
        kind: 'question',
        guid: before.list.cards[1]!.guid,
        search: '"deck:AWS::Messaging" "note:notes: Question" "Front:What is SNS?"',
      },
    ]);
  });

  it('escapes Anki search characters in the search', () => {
    const list = cards('# A_B\n\n### Is *this* "it"?\n\nYes.\n');
    const search = applyIdMap(list, null).map.notes[list.cards[0]!.key]!.search;
    expect(search).toBe('"deck:A\\_B" "note:notes: Question" "Front:Is this &quot;it&quot;?"');
  });

  it('matches every renamed question of a big file to its old GUID, answers without words included', () => {
    // Every key changes (each question reworded); answers stay, two of them only an image each.
    const answer = (i: number) =>
      i < 2 ? `![diagram](img/${i}.png)` : `Service ${i} keeps item ${i * 7} for ${i % 50} days in region ${i % 13}.`;
    const notes = (ask: string) =>
      `# Big\n\n${Array.from({ length: 1500 }, (_, i) => `### ${ask} ${i}?\n\n${answer(i)}\n`).join('\n')}`;
    const before = applyIdMap(cards(notes('What is service')), null);
    // How long the matching takes is measured whole-process by `bench/anki/bench.mjs --cli --renamed`, not here.
    const after = applyIdMap(cards(notes('What does service do, number')), before.map);
    expect(after.orphans).toEqual([]);
    expect(after.renamed).toHaveLength(1500);
    expect(after.list.cards.map((c) => c.guid)).toEqual(before.list.cards.map((c) => c.guid));
  });

  it('writes one note a line with sorted keys, whatever the order of the cards', () => {
    const list = cards(NOTES);
    const forward = formatIdMap(applyIdMap(list, null).map);
    const backward = formatIdMap(applyIdMap({ ...list, cards: [...list.cards].reverse() }, null).map);
    expect(backward).toBe(forward);
    expect(forward.split('\n').filter((l) => l.startsWith('    "q-'))).toHaveLength(2);
  });
});
