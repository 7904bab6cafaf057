import fc from 'fast-check';
import { describe, it } from 'vitest';
import { anyMarkdown, damagedNotes } from '../../bench/property/arbitraries.mjs';
import { cleanUnchanged, idempotent, keepsUndamaged, noFindingNoChange } from '../../bench/property/properties.mjs';

// Notes with injected damage (cp1252 mojibake of random words, `##Heading`, a delimiter row with one cell too
// many, merged `>>` callouts), CRLF or LF. bench/property/run.mjs runs the same properties 10,000+ times.
const runs = Number(process.env['PROPERTY_RUNS'] ?? 150);

describe('fixSource on damaged notes', () => {
  it('is idempotent', () => {
    fc.assert(fc.property(damagedNotes, idempotent), { numRuns: runs });
  });

  it('keeps every line outside a defect, and gives each repaired line its clean form', () => {
    fc.assert(fc.property(damagedNotes, keepsUndamaged), { numRuns: runs });
  });

  it('leaves clean notes byte for byte', () => {
    fc.assert(fc.property(damagedNotes, cleanUnchanged), { numRuns: runs });
  });

  it('changes nothing when no finding carries a fix, on arbitrary input', () => {
    fc.assert(fc.property(anyMarkdown, noFindingNoChange), { numRuns: runs });
  });
});
