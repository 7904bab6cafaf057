import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { coverage, formatTexts, itemsOf } from '../../bench/preservation/check.mjs';
import { RAW_NOTES } from '../helpers/corpora.js';
import { notes } from '../helpers/cli.js';

// Every heading, paragraph and table cell of the repaired raw notes appears in all four formats. The Anki deck
// holds question notes, table rows and deck names: overviews (notes that are not questions) get no card by design.

const out = mkdtempSync(join(tmpdir(), 'notes-preserve-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('content preservation across formats', () => {
  it('keeps 100% of the raw notes in JSON, clean Markdown, PDF text and Anki fields', async () => {
    const run = await notes(['export', '--all', '--out', out, RAW_NOTES], process.cwd());
    expect(run.code).toBe(0);
    const items = itemsOf(readFileSync(RAW_NOTES, 'utf8'), 'aws-prep-notes.raw.md');
    expect(items.length).toBeGreaterThan(400);
    const result = coverage(items, await formatTexts(out));
    const summary = Object.fromEntries(
      Object.entries(result).map(([format, r]) => [
        format,
        { found: r.found, total: r.total, missing: r.missing.map((m) => `${m.line}: ${m.text}`) },
      ]),
    );
    for (const format of ['json', 'markdown', 'pdf', 'anki']) {
      expect(summary[format]!.missing, format).toEqual([]);
      expect(summary[format]!.found, format).toBe(summary[format]!.total);
    }
    expect(summary['json']!.total).toBe(items.length);
    expect(result['anki']!.outOfScope).toBe(items.filter((i) => i.scope === 'overview' && i.kind !== 'cell').length);
  });
});
