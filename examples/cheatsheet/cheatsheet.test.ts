import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';

const script = fileURLToPath(new URL('./make-cheatsheet.mjs', import.meta.url));
const seed = fileURLToPath(new URL('../../packages/export-pdf/test/fixtures/aws-prep-notes.md', import.meta.url));

describe('the cheat sheet example', () => {
  it('writes a landscape A4 cheat sheet of at most 3 pages holding the notes', async () => {
    const out = mkdtempSync(join(tmpdir(), 'cheatsheet-'));
    await promisify(execFile)(process.execPath, [script, out, seed], {
      env: { ...process.env, SOURCE_DATE_EPOCH: '1764201600' },
    });
    const bytes = new Uint8Array(readFileSync(join(out, 'cheatsheet.pdf')));
    expect(bytes.length).toBeLessThan(300 * 1024);
    const pdf = await getDocument({ data: bytes, verbosity: 0 }).promise;
    expect(pdf.numPages).toBeLessThanOrEqual(3);
    const page = await pdf.getPage(1);
    expect(page.getViewport({ scale: 1 })).toMatchObject({
      width: expect.closeTo(841.89, 1),
      height: expect.closeTo(595.28, 1),
    });
    const text = (await page.getTextContent()).items.map((i) => ('str' in i ? i.str : '')).join('');
    expect(text).toContain('AWS Prep Notes');
    expect(text).toContain('notes as of 2025-11-27');
    expect(text).toContain('Messaging & Event-Driven Architectures');
  });
});
