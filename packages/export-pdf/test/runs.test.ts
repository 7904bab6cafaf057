import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fontRuns, graphemeRuns } from '../src/runs.js';

const styles = [{}, { bold: true }, { italics: true }, { bold: true, italics: true }, { mono: true }];

describe('fontRuns’ plain-ASCII shortcut', () => {
  it('gives the runs of the grapheme-by-grapheme walk', () => {
    const ascii = fc.string({ unit: fc.integer({ min: 0, max: 127 }).map((c) => String.fromCharCode(c)) });
    const mixed = fc.string({ unit: fc.constantFrom('a', ' ', '\n', '\r', '\t', 'é', '✔', '\uFE0F', '1', '#', '→') });
    fc.assert(
      fc.property(fc.oneof(ascii, mixed), fc.constantFrom(...styles), (text, style) => {
        expect(fontRuns(text, style)).toEqual(graphemeRuns(text, style));
      }),
      { numRuns: 500 },
    );
  });

  it('takes one run for ordinary text', () => {
    expect(fontRuns('SQS queues, SNS topics\n- and `code`', { bold: true })).toEqual([
      { text: 'SQS queues, SNS topics\n- and `code`', font: 'Body' },
    ]);
    expect(fontRuns('')).toEqual([]);
  });
});
