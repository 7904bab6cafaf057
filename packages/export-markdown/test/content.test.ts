import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sourceFromText } from '@notes/core';
import { lintSource } from '@notes/lint';
import { wordDiff } from '@notes/export-markdown';
import { exportText } from './roundtrip.js';

const content = readFileSync(new URL('../../../content/aws-prep-notes.md', import.meta.url), 'utf8');
const raw = readFileSync(new URL('./fixtures/seed.raw.md', import.meta.url), 'utf8');

describe('content/aws-prep-notes.md (the seed repaired, exported, and the two judgement calls made by hand)', () => {
  it('lints with no finding at all', () => {
    expect(lintSource(sourceFromText(content, 'content/aws-prep-notes.md'))).toEqual([]);
  });

  it('is its own clean copy: exporting it gives the same bytes', () => {
    expect(exportText(content, 'content/aws-prep-notes.md').output).toBe(content);
  });

  it('keeps its front matter and differs from the golden export only by the hand edits', () => {
    expect(content.startsWith('---\ntitle: AWS Prep Notes\nexam: ')).toBe(true);
    expect(content).toMatch(/\ntags: \[aws, saa-c03\]\n---\n\n# \*\*📌 AWS Prep Notes\*\*\n/);
    const golden = readFileSync(new URL('./fixtures/seed.expected.md', import.meta.url), 'utf8');
    const { lost, added } = wordDiff(golden, content);
    expect(Object.fromEntries(lost)).toEqual({
      topi: 1,
      Great: 1,
      question: 1,
      Let: 1,
      s: 1,
      break: 1,
      it: 1,
      down: 1,
    });
    expect(Object.fromEntries(added)).toEqual({
      topic: 1,
      title: 1,
      AWS: 2,
      Prep: 1,
      Notes: 1,
      exam: 1,
      Certified: 1,
      Solutions: 1,
      Architect: 1,
      Associate: 1,
      SAA: 1,
      C03: 1,
      tags: 1,
      aws: 1,
      saa: 1,
      c03: 1,
    });
    expect(wordDiff(raw, content).lost.has('topi')).toBe(true);
  });
});
