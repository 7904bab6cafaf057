import { readFileSync } from 'node:fs';
import { buildDocument, sourceFromText } from '@notes/core';
import { planCheatSheet, type ContentObject } from '@notes/export-pdf';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isPacked, RunPacker, unpackRuns, type PackedRuns } from '../src/packed.js';
import { EPOCH } from './helpers.js';

/** Every `text` array of a content tree, at any depth. */
function textArrays(content: unknown): unknown[][] {
  const found: unknown[][] = [];
  const walk = (node: unknown): void => {
    if (node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(walk);
    for (const [key, value] of Object.entries(node)) {
      if (key === 'text' && Array.isArray(value)) found.push(value);
      walk(value);
    }
  };
  walk(content);
  return found;
}

const run = fc.record(
  {
    // Lengths of one, two and three digits of `packedRuns`.
    text: fc.oneof(
      { weight: 8, arbitrary: fc.string() },
      { weight: 8, arbitrary: fc.constantFrom('한', '국', ' ', '') },
      { weight: 1, arbitrary: fc.constantFrom('a'.repeat(0x8000), '글'.repeat(0x8000 * 3 + 1)) },
    ),
    font: fc.constantFrom('Body', 'NotoKr-0', 'NotoKr-1', 'Mono'),
    bold: fc.constant(true),
    fontSize: fc.constantFrom(7.2, 8, -0),
    color: fc.constantFrom('#1d4e89', '#b00020'),
  },
  { requiredKeys: ['text', 'font'], noNullPrototype: true },
);

describe('packed text runs', () => {
  it('unpack to the runs they were: the same texts, properties and order of keys', () => {
    fc.assert(
      fc.property(fc.array(run, { maxLength: 40 }), fc.array(run, { maxLength: 8 }), (first, second) => {
        const content = { stack: [{ text: first, margin: [0, 1, 0, 0] }, { table: { body: [[{ text: second }]] } }] };
        const before = JSON.stringify(content);
        const expected = structuredClone(content);
        new RunPacker().pack(content);
        for (const runs of textArrays(content)) expect(runs.length).toBeLessThan(3);
        unpackRuns(content, new WeakMap());
        expect(JSON.stringify(content)).toBe(before);
        expect(content).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });

  it('keep one array met in two places one array', () => {
    const runs = [
      { text: '한', font: 'NotoKr-0' },
      { text: '국', font: 'NotoKr-1' },
      { text: '어', font: 'NotoKr-0' },
    ];
    const content = { stack: [{ text: runs }, { text: runs, bold: true }] };
    new RunPacker().pack(content);
    const [a, b] = content.stack as { text: unknown }[];
    expect(isPacked(a!.text)).toBe(true);
    expect(a!.text).toBe(b!.text);
    // The style of a run is shared by every run that has it.
    expect((a!.text as PackedRuns).packedStyles).toHaveLength(2);
    unpackRuns(content, new WeakMap());
    expect(a!.text).toBe(b!.text);
    expect(a!.text).toEqual(runs);
  });

  it('leave a text whose items are not plain runs as it is', () => {
    const math = { text: 'x', font: 'Body', notesMath: { svg: '<svg/>' } };
    const texts = [
      ['a', { text: 'b', font: 'Body' }, { text: 'c', font: 'Body' }],
      [{ font: 'Body', text: 'b' }, { text: 'c' }, { text: 'd' }],
      [{ text: 1, font: 'Body' }, { text: 'c' }, { text: 'd' }],
      [math, { text: 'c' }, { text: 'd' }],
    ];
    const content = { stack: texts.map((text) => ({ text })) };
    new RunPacker().pack(content);
    expect((content.stack as { text: unknown }[]).map((node) => node.text)).toEqual(texts);
  });
});

describe('a plan of Korean notes', () => {
  const korean = readFileSync(new URL('../../../test/fixtures/languages/ko.md', import.meta.url), 'utf8');
  const document = buildDocument(sourceFromText(korean, 'notes/ko.md', EPOCH));

  it('keeps its runs packed until the part is printed, then gives them as they were made', () => {
    const plan = planCheatSheet([document], { epoch: EPOCH });
    const kept = textArrays(plan.packed(0).content);
    const printed = textArrays(plan.part(0).content);
    const runs = (arrays: unknown[][]) => arrays.reduce((sum, a) => sum + a.length, 0);
    // One run per syllable, as the syllables alternate between the slices of the Korean font.
    expect(runs(printed)).toBeGreaterThan(200);
    expect(runs(kept)).toBeLessThan(runs(printed) / 5);
    for (const text of printed) for (const item of text) expect(isPacked(item)).toBe(false);
  });

  it('calls betweenSteps after each document', () => {
    let steps = 0;
    planCheatSheet([document, document, document], { epoch: EPOCH, betweenSteps: () => void steps++ });
    expect(steps).toBe(3);
  });
});
