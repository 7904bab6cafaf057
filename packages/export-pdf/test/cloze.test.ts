import { buildDocument, sourceFromText } from '@notes/core';
import { renderCheatSheet } from '@notes/export-pdf';
import { describe, expect, it } from 'vitest';

const EPOCH = 1_764_000_000;

/** Every text run of a pdfmake definition, depth first. */
function runs(node: unknown, out: Record<string, unknown>[] = []): Record<string, unknown>[] {
  if (Array.isArray(node)) for (const n of node) runs(n, out);
  else if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    if (typeof o['text'] === 'string') out.push(o);
    for (const value of Object.values(o)) if (typeof value === 'object') runs(value, out);
  }
  return out;
}

describe('clozes in the cheat sheet', () => {
  it('prints a cloze as its text, highlighted, without its markers', () => {
    const doc = buildDocument(
      sourceFromText(
        '# T\n\n## Topic\n\n### Q\n\nSQS is ==pull-based== and {{c2::at-least-once::how often?}}.\n',
        'a.md',
      ),
    );
    const all = runs(renderCheatSheet([doc], { epoch: EPOCH }).content);
    const text = all.map((r) => r['text']).join('');
    expect(text).toContain('SQS is pull-based and at-least-once.');
    expect(text).not.toContain('==');
    expect(text).not.toContain('{{');
    const marked = all.filter((r) => r['background'] === '#fff1a8').map((r) => r['text']);
    expect(marked).toEqual(['pull-based', 'at-least-once']);
  });
});
