import {
  buildDocument,
  parseMarkdown,
  sourceFromBytes,
  sourceFromText,
  type Report,
  type RuleDefinition,
  type SourceFile,
} from '@notes/core';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyFixes } from '../../src/engine/fixer.js';
import { encodingRules } from '../../src/rules/encoding/index.js';
import type { LintMessage } from '../../src/types.js';

const rule = (id: string): RuleDefinition => encodingRules.find((r) => r.id === id)!;

/** Run one rule's check() on a hand-made context, as the engine would, and apply its fixes. */
function run(r: RuleDefinition, file: SourceFile): { reports: Report[]; fixed: string } {
  const text = file.text;
  const lines = text.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
  const tree = parseMarkdown(text);
  const reports: Report[] = [];
  r.check({
    file,
    text,
    lines,
    tree,
    document: buildDocument(file, tree),
    options: {},
    configDir: null,
    report: (report) => reports.push(report),
  });
  const messages = reports.map((rep): LintMessage => ({
    ruleId: r.id,
    severity: r.severity,
    line: rep.place.line,
    column: rep.place.column,
    endLine: rep.place.endLine ?? rep.place.line,
    endColumn: rep.place.endColumn ?? rep.place.column,
    message: rep.message,
    fixable: rep.fix !== undefined,
    ...(rep.fix ? { fix: Array.isArray(rep.fix) ? rep.fix : [rep.fix] } : {}),
  }));
  return { reports, fixed: applyFixes(text, messages).output };
}

const SEED = new URL('../../../../examples/raw/aws-prep-notes.raw.md', import.meta.url);

describe('encoding/mojibake', () => {
  it('reports and repairs the 8 damaged spots of the user’s notes exactly', () => {
    const file = sourceFromBytes(readFileSync(SEED), { path: 'aws-prep-notes.raw.md' });
    const { reports, fixed } = run(rule('encoding/mojibake'), file);
    expect(reports.map((r) => r.place.line)).toEqual([1, 2, 37, 40, 62, 67, 165, 218]);
    expect(reports[0]!.message).toBe('Unexpected mojibake `ðŸ“Œ`, expected `📌`');
    expect(reports[1]!.message).toBe('Unexpected mojibake `1ï¸âƒ£`, expected `1\uFE0F\u20E3`');
    expect(reports[4]!.message).toBe('Unexpected mojibake `â€™`, expected `’`');
    const lines = fixed.split('\n');
    expect(lines[0]).toBe('### **📌 AWS Prep Notes**');
    for (const [n, d] of [
      [2, '1'],
      [40, '2'],
      [165, '3'],
    ] as const)
      expect(lines[n - 1]).toBe(`#### **${d}\uFE0F\u20E3 ${lines[n - 1]!.split('\u20E3 ')[1]}`);
    expect(lines[36]).toContain('message—essentially');
    expect([lines[61], lines[66], lines[217]].every((l) => l!.includes('’') && !l!.includes('â€'))).toBe(true);
    expect(run(rule('encoding/mojibake'), { ...file, text: fixed }).reports).toEqual([]);
  });

  it('gives exact UTF-16 positions in headings, table cells, code spans and fences', () => {
    const text = [
      '# CafÃ© 📌 notes',
      '',
      '| a | b |',
      '| --- | --- |',
      '| ✅ x | Itâ€™s |',
      '',
      'Run `open ./rÃ©sumÃ©.pdf` now.',
      '',
      '```sh',
      'echo "naÃ¯ve"',
      '```',
    ].join('\n');
    const { reports, fixed } = run(rule('encoding/mojibake'), sourceFromText(text));
    expect(reports.map((r) => [r.place.line, r.place.column, r.place.endColumn])).toEqual([
      [1, 6, 8],
      [5, 11, 14],
      [7, 14, 16],
      [7, 19, 21],
      [10, 9, 11],
    ]);
    expect(fixed).toBe(text.replaceAll('Ã©', 'é').replace('â€™', '’').replace('Ã¯', 'ï'));
  });

  it('counts UTF-16 units after an astral character on the same line', () => {
    const { reports } = run(rule('encoding/mojibake'), sourceFromText('📌 Itâ€™s'));
    expect(reports[0]!.place).toEqual({ line: 1, column: 6, endLine: 1, endColumn: 9 });
  });

  it('reports lossy damage with several restorations without a fix, naming them', () => {
    const { reports, fixed } = run(rule('encoding/mojibake'), sourceFromText('CafÃ\uFFFD and rÃ©sumÃ©\n'));
    const lossy = reports.find((r) => r.fix === undefined)!;
    expect(lossy.message).toMatch(/^Unexpected mojibake `Ã�`, expected one of `Á`, /);
    expect(fixed).toBe('CafÃ\uFFFD and résumé\n');
  });

  it('keeps CRLF line endings when fixing', () => {
    const { fixed } = run(rule('encoding/mojibake'), sourceFromText('Itâ€™s\r\nfine â€” yes\r\n'));
    expect(fixed).toBe('It’s\r\nfine — yes\r\n');
  });

  it('leaves a table of broken → intended characters alone', () => {
    const text = '| Broken | Intended |\n| --- | --- |\n| `â€™` | `’` |\n| `Ã©` | `é` |\n';
    expect(run(rule('encoding/mojibake'), sourceFromText(text)).reports).toEqual([]);
  });
});

describe('encoding/invalid-utf8', () => {
  it('reports each invalid byte run with its bytes and offset, without a fix', () => {
    const bytes = Buffer.concat([Buffer.from('# Title\n\ncaf'), Buffer.from([0xe9]), Buffer.from(' ok\n')]);
    const file = sourceFromBytes(bytes, { path: 'bad.md' });
    const { reports, fixed } = run(rule('encoding/invalid-utf8'), file);
    expect(reports).toEqual([
      {
        place: { line: 3, column: 4, endLine: 3, endColumn: 5 },
        message: 'Unexpected invalid UTF-8 byte `e9` at byte 12, expected valid UTF-8 (re-save the file as UTF-8)',
      },
    ]);
    expect(fixed).toBe(file.text);
    // The same U+FFFD is not reported twice.
    expect(run(rule('encoding/replacement-character'), file).reports).toEqual([]);
  });
});

describe('encoding/replacement-character', () => {
  it('reports U+FFFD in the text that no mojibake explains', () => {
    const { reports } = run(rule('encoding/replacement-character'), sourceFromText('a \uFFFD b\nâ€œxâ€\uFFFD\n'));
    expect(reports.map((r) => [r.place.line, r.place.column])).toEqual([[1, 3]]);
    expect(reports[0]!.message).toBe(
      'Unexpected replacement character `\uFFFD`, expected the character it replaced (retype it)',
    );
  });
});

describe('encoding/control-character', () => {
  it('reports and deletes stray C0 and C1 controls, not tabs or C1 mojibake', () => {
    const { reports, fixed } = run(
      rule('encoding/control-character'),
      sourceFromText('a\u0007b\tc\u0081d parlé\u0085 e\n'),
    );
    expect(reports.map((r) => [r.place.column, r.message])).toEqual([
      [2, 'Unexpected control character U+0007, expected no control character'],
      [6, 'Unexpected control character U+0081, expected no control character'],
    ]);
    expect(fixed).toBe('ab\tcd parlé\u0085 e\n');
  });
});

describe('encoding/misplaced-bom', () => {
  it('reports and deletes a BOM inside the text, not the one the file starts with', () => {
    const file = sourceFromText('\uFEFF# Title\n\nsee\uFEFF here\n');
    expect(file.bom).toBe(true);
    const { reports, fixed } = run(rule('encoding/misplaced-bom'), file);
    expect(reports.map((r) => [r.place.line, r.place.column])).toEqual([[3, 4]]);
    expect(fixed).toBe('# Title\n\nsee here\n');
  });
});

describe('the encoding rules on CRLF files', () => {
  it('report the same places and make the same repairs as on the LF copy', () => {
    const lf = '# Notes\n\nItâ€™s here.\n\nA bell\u0007 and \uFFFD and a\uFEFFBOM.\n';
    const crlf = lf.replace(/\n/g, '\r\n');
    for (const id of [
      'encoding/mojibake',
      'encoding/control-character',
      'encoding/replacement-character',
      'encoding/misplaced-bom',
    ]) {
      const a = run(rule(id), sourceFromText(lf, 'a.md'));
      const b = run(rule(id), sourceFromText(crlf, 'a.md'));
      expect(a.reports.length, id).toBe(1);
      expect(b.reports, id).toEqual(a.reports);
      expect(b.fixed, id).toBe(a.fixed.replace(/\n/g, '\r\n'));
    }
  });
});

describe('encodingRules', () => {
  it('lists every encoding rule once, as documented data', () => {
    expect(encodingRules.map((r) => r.id)).toEqual([
      'encoding/mojibake',
      'encoding/invalid-utf8',
      'encoding/replacement-character',
      'encoding/control-character',
      'encoding/misplaced-bom',
    ]);
    for (const r of encodingRules) {
      expect(r.severity).toBe('error');
      expect(r.tags).toContain('encoding');
      expect(r.description).not.toContain('\n');
    }
  });
});
