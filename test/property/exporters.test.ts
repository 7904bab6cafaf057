import fc from 'fast-check';
import { describe, it } from 'vitest';
import { anyMarkdown, damagedNotes } from '../../bench/property/arbitraries.mjs';
import { throughEverything } from '../../bench/property/pipeline.mjs';

// Lint and every exporter never throw, whatever the text. The PDF renderer is slow: fewer runs.
const runs = Number(process.env['PROPERTY_RUNS'] ?? 150);

describe('lint and every exporter on arbitrary input', () => {
  it('never throw in lint, repair, JSON, Markdown and Anki', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          anyMarkdown,
          damagedNotes.map((d) => d.damaged),
        ),
        (text) => throughEverything(text),
      ),
      { numRuns: runs },
    );
  });

  it('never throw in the PDF exporter', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          anyMarkdown,
          damagedNotes.map((d) => d.damaged),
        ),
        (text) => throughEverything(text, ['pdf']),
      ),
      {
        numRuns: Math.max(5, Math.round(runs / 6)),
      },
    );
  });
});
