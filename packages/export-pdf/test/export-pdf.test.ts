import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import {
  buildDocument,
  NotesError,
  sourceFromText,
  type ModelDocument,
  type Report,
  type RuleContext,
} from '@notes/core';
import * as api from '@notes/export-pdf';
import {
  cheatSheetPdf,
  fontRuns,
  packPdf,
  planCheatSheet,
  pdfExporter,
  pdfRules,
  renderCheatSheet,
  unrenderableCharacters,
  type ContentObject,
} from '@notes/export-pdf';
import { PDFDocument } from 'pdf-lib';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { encodeRanges, printableRanges } from '../scripts/printable-ranges.mjs';
import { PRINTABLE_RANGES } from '../generated/printable.js';
import { comparable, EPOCH, fixtureDocument, headingsAndCells, openPdf } from './helpers.js';

const A4 = { width: 841.89, height: 595.28 };

/** How many times `key` opens an object's dictionary in a PDF (pdfkit writes dictionaries uncompressed). */
function objectCount(bytes: Uint8Array, key: string): number {
  return Buffer.from(bytes).toString('latin1').split(key).length - 1;
}
const SEED = 'aws-prep-notes.md';

async function exportPdf(documents: ModelDocument[], extra: Record<string, unknown> = {}) {
  const warnings: string[] = [];
  const files = await pdfExporter.export(documents, {
    epoch: EPOCH,
    baseDir: '/nonexistent',
    warn: (m) => warnings.push(m),
    ...extra,
  });
  expect(files).toHaveLength(1);
  expect(files[0]!.path).toBe('cheatsheet.pdf');
  expect(files[0]!.data).toBeInstanceOf(Uint8Array);
  return { bytes: files[0]!.data as Uint8Array, warnings };
}

/** Walk a definition's content, calling `visit` with each object and its ancestors. */
function walk(
  node: unknown,
  visit: (node: ContentObject, ancestors: ContentObject[]) => void,
  ancestors: ContentObject[] = [],
): void {
  if (Array.isArray(node)) {
    for (const child of node) walk(child, visit, ancestors);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  const object = node as ContentObject;
  visit(object, ancestors);
  const inner = [...ancestors, object];
  for (const key of ['stack', 'columns', 'ul', 'ol', 'text']) if (key in object) walk(object[key], visit, inner);
  if (object.table) walk((object.table as { body: unknown }).body, visit, inner);
}

function plain(node: unknown): string {
  if (typeof node === 'string') return node;
  if (Array.isArray(node)) return node.map(plain).join('');
  if (node && typeof node === 'object') {
    const object = node as ContentObject;
    return plain(object.text ?? object.columns ?? object.stack ?? '');
  }
  return '';
}

describe('the public API', () => {
  it('exports exactly the documented names', () => {
    expect(Object.keys(api).sort()).toEqual([
      'PART_PAGES',
      'cheatSheetOptions',
      'cheatSheetPdf',
      'countPdfPages',
      'fontRuns',
      'formatDate',
      'lintRules',
      'packPdf',
      'pdfExporter',
      'pdfRules',
      'planCheatSheet',
      'planOfShare',
      'printShare',
      'renderCheatSheet',
      'unprintable',
      'unrenderableCharacters',
    ]);
  });

  it('describes itself as the pdf exporter', () => {
    expect(pdfExporter).toMatchObject({ format: 'pdf', extension: 'pdf', binary: true });
  });
});

describe('font runs', () => {
  it('keeps plain text in the body font as one run', () => {
    expect(fontRuns('Amazon SQS & SNS – “fan-out”')).toEqual([{ text: 'Amazon SQS & SNS – “fan-out”', font: 'Body' }]);
  });

  it('sends a keycap sequence to the emoji font as one run, spaces back to the body font', () => {
    expect(fontRuns('1️⃣ Messaging')).toEqual([
      { text: '1\uFE0F\u20E3', font: 'Emoji' },
      { text: ' Messaging', font: 'Body' },
    ]);
  });

  it('draws emoji with VS16 and pictographs in the emoji font', () => {
    expect(fontRuns('📌 Note ✔️')).toEqual([
      { text: '📌', font: 'Emoji' },
      { text: ' Note ', font: 'Body' },
      { text: '✔\uFE0F', font: 'Emoji' },
    ]);
  });

  it('falls back to DejaVu for symbols the body font lacks', () => {
    expect(fontRuns('a ⇒ b')).toEqual([
      { text: 'a ', font: 'Body' },
      { text: '⇒', font: 'Fallback' },
      { text: ' b', font: 'Body' },
    ]);
  });

  it('keeps code spaces in a monospaced font', () => {
    const runs = fontRuns('a + b', { mono: true });
    expect(runs.map((r) => r.font)).not.toContain('Emoji');
    expect(runs.map((r) => r.font)).not.toContain('Body');
    expect(runs.map((r) => r.text).join('')).toBe('a + b');
  });

  it('shows the code point of a character no font has instead of tofu', () => {
    expect(fontRuns('\u{13000}')).toEqual([{ text: '[U+13000]', font: 'Fallback', unrenderable: true }]);
  });
});

describe('unrenderableCharacters and encoding/unprintable', () => {
  it('finds characters no font can draw, with their UTF-16 index', () => {
    expect(unrenderableCharacters('ok 📌 漢 ✓ \u{13000}')).toEqual([{ char: '\u{13000}', index: 10 }]);
  });

  it('does not report white space, invisible format characters or emoji sequences', () => {
    expect(unrenderableCharacters('a\u200B b\t1️⃣ 👩‍💻 ½ € ≥ →')).toEqual([]);
  });

  it('answers from a table that matches the installed fonts (npm run generate -w @notes/export-pdf)', () => {
    const ranges = printableRanges();
    expect(ranges.length).toBeGreaterThan(1000);
    expect(PRINTABLE_RANGES).toBe(encodeRanges(ranges));
    // The table's answer at the edges of a few ranges is the fonts' answer.
    for (const [first, last] of ranges.filter((_r, i) => i % 97 === 0)) {
      const inside = String.fromCodePoint(first) + String.fromCodePoint(last);
      expect(unrenderableCharacters(inside)).toEqual([]);
    }
    expect(unrenderableCharacters('\u{13000}\u{E0080}')).toEqual([{ char: '\u{13000}', index: 0 }]);
  });

  it('reports nothing in ASCII text (its quick answer), which the fonts cover', () => {
    // Through the character-by-character check (the leading é is not ASCII): every printable ASCII character.
    for (let point = 0x21; point <= 0x7e; point++)
      expect(unrenderableCharacters(`é${String.fromCharCode(point)}`), `U+00${point.toString(16)}`).toEqual([]);
    expect(unrenderableCharacters('plain \u0001 text\u007f')).toEqual([]);
    expect(unrenderableCharacters('plain \u{13000}')).toEqual([{ char: '\u{13000}', index: 6 }]);
  });

  it('reports each unprintable character as a warning at its line and column', () => {
    const [rule] = pdfRules;
    expect(rule.id).toBe('encoding/unprintable');
    expect(rule.severity).toBe('warning');
    expect(rule.fixable).toBe(false);
    const reports: Report[] = [];
    const text = '# T\nfine 📌 漢字\nsee \u{13000}\n';
    rule.check({
      text,
      lines: text.split('\n'),
      options: {},
      report: (r: Report) => reports.push(r),
    } as unknown as RuleContext);
    expect(reports.map((r) => r.place)).toEqual([{ line: 3, column: 5, endLine: 3, endColumn: 7 }]);
    expect(reports[0]!.message).toBe(
      'Unexpected unprintable character `\u{13000}` (U+13000), expected a character the PDF fonts can draw',
    );
  });
});

describe('renderCheatSheet (the document definition)', () => {
  const seed = fixtureDocument(SEED);
  const definition = renderCheatSheet([seed], { epoch: EPOCH });

  it('lays out landscape A4 in three snaking columns by default', () => {
    expect(definition.pageSize).toBe('A4');
    expect(definition.pageOrientation).toBe('landscape');
    const flow = definition.content[0] as ContentObject;
    expect(flow.snakingColumns).toBe(true);
    expect(flow.columns).toHaveLength(3);
    expect(definition.defaultStyle).toMatchObject({ font: 'Body', fontSize: 7 });
  });

  it('honours the paper and columns options', () => {
    const letter = renderCheatSheet([seed], { epoch: EPOCH, paper: 'letter', columns: 4 });
    expect(letter.pageSize).toBe('LETTER');
    expect((letter.content[0] as ContentObject).columns).toHaveLength(4);
    expect(() => api.cheatSheetOptions({ epoch: 0, baseDir: '/', warn() {}, paper: 'A3' })).toThrow(
      /expected `a4` or `letter`/,
    );
    expect(() => renderCheatSheet([seed], { epoch: 0, paper: 'A3' })).toThrow(NotesError);
    expect(() => api.cheatSheetOptions({ epoch: 0, baseDir: '/', warn() {}, columns: 0 })).toThrow(/from 1 to 6/);
    expect(api.cheatSheetOptions({ epoch: 0, baseDir: '/', warn() {}, paper: 'Letter', columns: '2' })).toEqual({
      epoch: 0,
      paper: 'letter',
      columns: 2,
    });
  });

  it('dates the sheet from the injected epoch, in UTC, never the clock', () => {
    expect(definition.info.creationDate.toISOString()).toBe('2025-11-27T00:00:00.000Z');
    expect(definition.info.modDate.toISOString()).toBe('2025-11-27T00:00:00.000Z');
    expect(definition.info.producer).toBe('notes (pdfmake)');
    expect(plain(definition.header(1, 3))).toBe('📌 AWS Prep Notesnotes as of 2025-11-27');
    expect(plain(definition.header(2, 3))).toBe('');
    expect(plain(definition.footer(2, 3))).toBe('📌 AWS Prep Notespage 2 / 3');
  });

  it('names at most three documents in the title, so the footer of a big sheet does not grow with it', () => {
    const many = Array.from({ length: 50 }, (_, i) => fixtureDocumentFromText(`# Doc ${i}\n\n## Q${i}?\n\nA.\n`));
    const sheet = renderCheatSheet(many, { epoch: EPOCH });
    expect(sheet.info.title).toBe('Doc 0 · Doc 1 · Doc 2 + 47 more');
    expect(plain(sheet.footer(7, 9))).toBe('Doc 0 · Doc 1 · Doc 2 + 47 morepage 7 / 9');
    const four = renderCheatSheet(many.slice(0, 4), { epoch: EPOCH });
    expect(four.info.title).toBe('Doc 0 · Doc 1 · Doc 2 · Doc 3');
    const same = renderCheatSheet([many[5]!, many[5]!], { epoch: EPOCH });
    expect(same.info.title).toBe('Doc 5');
  });

  it('puts each topic on a coloured bar with white bold text, one colour per topic', () => {
    const bars: { text: string; fill: unknown }[] = [];
    walk(definition.content, (node) => {
      if (node.layout === 'bar') {
        const cell = (node.table as { body: ContentObject[][] }).body[0]![0]!;
        const runs = cell.text as ContentObject[];
        expect(runs.every((r) => r.color === '#ffffff' && r.bold === true)).toBe(true);
        bars.push({ text: plain(cell), fill: cell.fillColor });
      }
    });
    expect(bars.map((b) => b.text)).toEqual(seed.topics.map((t) => t.title));
    expect(new Set(bars.map((b) => b.fill)).size).toBe(3);
  });

  it('gives every table a repeated header row and keeps it whole when it fits a column', () => {
    let tables = 0;
    walk(definition.content, (node, ancestors) => {
      if (node.layout !== 'cheatsheet') return;
      tables++;
      expect(node.table).toMatchObject({ headerRows: 1, dontBreakRows: true });
      expect(ancestors.some((a) => a.unbreakable === true)).toBe(true);
    });
    expect(tables).toBe(seed.notes.reduce((n, note) => n + note.tables.length, 0));
  });

  it('keeps every question title in one unbreakable block with the start of its answer', () => {
    const titles = new Set(seed.notes.filter((n) => n.kind === 'question').map((n) => n.title));
    let found = 0;
    walk(definition.content, (node) => {
      if (!Array.isArray(node.stack) || node.unbreakable !== true) return;
      const stack = node.stack as ContentObject[];
      stack.forEach((child, i) => {
        if (typeof child === 'object' && titles.has(plain(child)) && child.fontSize === 7.6) {
          found++;
          expect(i).toBeLessThan(stack.length - 1);
          expect(child.text).toSatisfy((runs: ContentObject[]) => runs.every((r) => r.bold === true));
        }
      });
    });
    expect(found).toBe(titles.size);
  });

  it('splits a table too tall for a column, repeating its header row', () => {
    const rows = Array.from({ length: 150 }, (_, i) => `| row ${i} | value ${i} |`).join('\n');
    const big = fixtureDocumentFromText(`# Big\n\n## Q?\n\n| Key | Value |\n| --- | --- |\n${rows}\n`);
    const def = renderCheatSheet([big], { epoch: EPOCH });
    let table: ContentObject | undefined;
    let unbreakable = false;
    walk(def.content, (node, ancestors) => {
      if (node.layout === 'cheatsheet') {
        table = node;
        unbreakable = ancestors.some((a) => a.unbreakable === true);
      }
    });
    expect(table?.table).toMatchObject({ headerRows: 1, keepWithHeaderRows: 1 });
    expect(unbreakable).toBe(false);
  });

  it('prints raw HTML as its text, without script or style bodies, and images as their alt text', () => {
    const document = fixtureDocumentFromText(
      '# T\n\n## Q?\n\n<script>alert(1)</script>\n\nsee <b>bold</b><br>next ![diagram](/etc/passwd)\n',
    );
    const json = JSON.stringify(renderCheatSheet([document], { epoch: EPOCH }).content);
    expect(json).not.toContain('alert');
    expect(json).not.toContain('/etc/passwd');
    expect(json).toContain('see bold');
    expect(json).not.toContain('<b>');
    expect(json).toContain('diagram');
  });

  it('prints a GitHub alert or Obsidian callout with its title in bold instead of the `[!KIND]` marker', () => {
    const document = fixtureDocumentFromText(
      '# T\n\n## Q?\n\nA.\n\n> [!warning]- Common mistake\n> One AZ is a single point of failure.\n\n> [!TIP]\n> Use lifecycle rules.\n',
    );
    const callouts: ContentObject[] = [];
    walk(renderCheatSheet([document], { epoch: EPOCH }).content, (node) => {
      if (typeof node.layout === 'string' && node.layout.startsWith('callout-')) callouts.push(node);
    });
    expect(callouts).toHaveLength(2);
    const lines = callouts.map((c) => {
      const cell = (c.table as { body: ContentObject[][] }).body[0]![0]!;
      return (cell.stack as ContentObject[]).map(plain);
    });
    expect(lines).toEqual([
      ['Common mistake', 'One AZ is a single point of failure.'],
      ['Tip', 'Use lifecycle rules.'],
    ]);
    expect(JSON.stringify(callouts)).not.toContain('[!');
    const title = (callouts[0]!.table as { body: ContentObject[][] }).body[0]![0]!.stack as ContentObject[];
    expect(JSON.stringify(title[0])).toContain('"bold":true');
  });

  it('prints Obsidian wiki links as the text Obsidian shows, and a picture embed not at hand by its name', () => {
    const document = fixtureDocumentFromText(
      '# T\n\n## Q?\n\nSee [[VPC basics|the VPC page]], [[Subnets#Private]] and ![[img/diagram.png|300]].\n',
    );
    const text = plain(renderCheatSheet([document], { epoch: EPOCH }).content);
    expect(text).toContain('See the VPC page, Subnets > Private and diagram.png.');
    expect(text).not.toContain('[[');
  });

  it('prints an Obsidian picture embed as the picture, and reports one that is missing as the deck does', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'notes-pdf-embed-'));
    try {
      const png = new PNG({ width: 4, height: 4 });
      png.data.fill(120);
      writeFileSync(join(dir, 'vpc diagram.png'), PNG.sync.write(png));
      const text0 = '# T\n\n## Q?\n\nThe layout: ![[vpc diagram.png|300]]\n\n## R?\n\nNot here: ![[gone.png]]\n';
      const document = buildDocument(sourceFromText(text0, join(dir, 'n.md'), EPOCH));
      const warnings: string[] = [];
      const pdf = await cheatSheetPdf([document], { epoch: EPOCH, baseDir: dir, warn: (m) => warnings.push(m) });
      // The picture and its alpha mask.
      expect(objectCount(pdf, '/Subtype /Image')).toBe(2);
      expect(warnings).toEqual([expect.stringMatching(/n\.md:7: image gone\.png "gone\.png" not found$/)]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps the blocks of raw HTML apart and decodes its character references', () => {
    const document = fixtureDocumentFromText(
      '# T\n\n## Q?\n\n<details><summary>Exam tip</summary>NACLs &amp; SGs differ.</details>\n',
    );
    const text = plain(renderCheatSheet([document], { epoch: EPOCH }).content);
    expect(text).toContain('Exam tip NACLs & SGs differ.');
  });

  it('prints a footnote where it is defined, after the mark its reference prints', () => {
    const document = fixtureDocumentFromText(
      '# T\n\n## Which port does HTTPS use?\n\n443[^tcp].\n\n[^tcp]: Over TCP.\n',
    );
    const json = plain(renderCheatSheet([document], { epoch: EPOCH }).content);
    expect(json).toContain('443[^tcp].');
    expect(json).toContain('[^tcp] Over TCP.');
  });

  it('groups the seed into these keep-together blocks (outline snapshot)', () => {
    const kind = (node: ContentObject): string =>
      node.layout === 'bar'
        ? `bar:${plain((node.table as { body: ContentObject[][] }).body[0]![0]).slice(0, 24)}`
        : typeof node.layout === 'string'
          ? String(node.layout).replace(/-\d+$/, '')
          : node.ul
            ? 'ul'
            : node.ol
              ? 'ol'
              : node.fontSize === 7.6
                ? `q:${plain(node).slice(0, 24)}`
                : node.fontSize === 7.2
                  ? 'sub'
                  : 'p';
    const flow = ((definition.content[0] as ContentObject).columns as ContentObject[])[0]!.stack as ContentObject[];
    const outline = flow.map((node) =>
      node.unbreakable ? `[${(node.stack as ContentObject[]).map(kind).join(' + ')}]` : kind(node),
    );
    expect(outline.filter((line) => !line.startsWith('['))).toEqual([]);
    expect(outline).toMatchSnapshot();
  });

  it('renders the feature sampler as this definition (snapshot)', () => {
    const features = renderCheatSheet([fixtureDocument('features.md')], { epoch: EPOCH });
    const json = JSON.stringify(features.content);
    expect(json).toContain('"font":"Mono"');
    expect(json).toContain('"link":"https://example.com/docs"');
    expect(json).not.toContain('secret.txt');
    expect(json).toContain('[U+13000]');
    expect(features.content).toMatchSnapshot();
  });
});

function fixtureDocumentFromText(text: string): ModelDocument {
  return buildDocument(sourceFromText(text, 'notes/big.md', EPOCH));
}

describe('the PDF bytes', () => {
  const seed = fixtureDocument(SEED);

  it('holds every heading and table cell of the seed on at most 3 landscape A4 pages under 300 KB', async () => {
    const { bytes, warnings } = await exportPdf([seed]);
    expect(warnings).toEqual([]);
    expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    expect(bytes.length).toBeLessThan(300 * 1024);
    const pages = await openPdf(bytes);
    expect(pages.length).toBeGreaterThanOrEqual(2);
    expect(pages.length).toBeLessThanOrEqual(3);
    for (const page of pages) {
      expect(page.width).toBeCloseTo(A4.width, 1);
      expect(page.height).toBeCloseTo(A4.height, 1);
    }
    const text = comparable(pages.map((p) => p.text).join('\n'));
    const { headings, cells } = headingsAndCells(seed);
    expect(headings.length).toBeGreaterThan(30);
    expect(cells.length).toBeGreaterThan(200);
    expect(headings.filter((h) => !text.includes(comparable(h)))).toEqual([]);
    expect(cells.filter((c) => !text.includes(comparable(c)))).toEqual([]);
    expect(text).toContain(comparable('1️⃣ Messaging & Event-Driven Architectures'));
    expect(text).toContain(comparable('page 1 / ' + pages.length));
    expect(text).toContain('2025-11-27');
  });

  it('prints tabs in code as spaces to the next tab stop (the mono font has no tab glyph)', async () => {
    const document = fixtureDocumentFromText('    \tit’s\n\n# T\n\n## Q?\n\n`a\tb` and\n\n```\nx\ty\n\tz\n```\n');
    const { bytes } = await exportPdf([document]);
    const text = (await openPdf(bytes)).map((p) => p.text).join('\n');
    expect(text).toContain('it’s');
    expect(text).toContain('x y');
    const pieces: string[] = [];
    JSON.stringify(renderCheatSheet([document], { epoch: EPOCH }).content, (key, value: unknown) => {
      if (key === 'text' && typeof value === 'string') pieces.push(value);
      return value;
    });
    const printed = pieces.join('');
    expect(printed).toContain('x   y\n    z');
    expect(printed).toContain('a    b');
    expect(printed).not.toContain('\t');
  });

  it('uses every column of every page but the last, from the top', async () => {
    const { bytes } = await exportPdf([seed]);
    const pages = await openPdf(bytes);
    const columnWidth = (A4.width - 32 - 20) / 3;
    for (const page of pages.slice(0, -1)) {
      const heights: number[] = [];
      for (let c = 0; c < 3; c++) {
        const left = 16 + c * (columnWidth + 10);
        const inColumn = page.items.filter(
          (i) => i.x >= left - 1 && i.x < left + columnWidth && i.y > 20 && i.y < A4.height - 26,
        );
        expect(inColumn.length).toBeGreaterThan(10);
        // pdf y grows upwards: the column starts at the top margin and runs at least half way down.
        expect(Math.max(...inColumn.map((i) => i.y))).toBeGreaterThan(A4.height - 45);
        heights.push(Math.min(...inColumn.map((i) => i.y)));
      }
      expect(Math.max(...heights)).toBeLessThan(A4.height / 2);
    }
  });

  it('leaves no topic bar, question title or sub-heading last in a column', async () => {
    const { bytes } = await exportPdf([seed]);
    const pages = await openPdf(bytes);
    const columnWidth = (A4.width - 32 - 20) / 3;
    let headings = 0;
    for (const page of pages) {
      const body = page.items.filter((i) => i.y > 22 && i.y < A4.height - 24);
      for (let c = 0; c < 3; c++) {
        const left = 16 + c * (columnWidth + 10);
        const column = body.filter((i) => i.x >= left - 1 && i.x < left + columnWidth);
        if (column.length === 0) continue;
        const lowest = Math.min(...column.map((i) => i.y));
        for (const item of column.filter((i) => [7.2, 7.6, 8.6].some((s) => Math.abs(i.size - s) < 0.05))) {
          headings++;
          expect(item.y, `"${item.str}" ends a column on page ${pages.indexOf(page) + 1}`).toBeGreaterThan(lowest + 1);
        }
      }
    }
    expect(headings).toBeGreaterThan(30);
  });

  it('gives the same bytes twice', async () => {
    const a = await exportPdf([seed]);
    const b = await exportPdf([fixtureDocument(SEED)]);
    expect(Buffer.from(a.bytes).equals(Buffer.from(b.bytes))).toBe(true);
    const c = await exportPdf([seed], { epoch: EPOCH + 86_400 });
    expect(Buffer.from(a.bytes).equals(Buffer.from(c.bytes))).toBe(false);
  });

  it('lays a very big sheet out in parts, numbered across the sheet, losing nothing', async () => {
    const features = fixtureDocument('features.md');
    const plan = planCheatSheet([seed, features], { epoch: EPOCH }, 1);
    expect(plan.count).toBeGreaterThan(2);
    expect(planCheatSheet([seed, features], { epoch: EPOCH }).count).toBe(1);
    // Every part after the first starts at a document or topic bar when one is near its end.
    const firstBlocks = Array.from({ length: plan.count }, (_, i) => {
      const flow = (plan.part(i).content[0] as { columns: ContentObject[] }).columns[0]!.stack as ContentObject[];
      return flow[0]!;
    });
    expect(firstBlocks.slice(1).filter((b) => JSON.stringify(b).includes('"layout":"bar"')).length).toBeGreaterThan(0);

    const options = { epoch: EPOCH, baseDir: '/nonexistent', warn: () => {} };
    const bytes = await cheatSheetPdf([seed, features], options, 1);
    const pages = await openPdf(bytes);
    const whole = await openPdf(await cheatSheetPdf([seed, features], options));
    expect(pages.length).toBeGreaterThan(whole.length);
    pages.forEach((page, i) => {
      expect(page.text).toContain(`page ${i + 1} / ${pages.length}`);
      expect(page.text.includes('notes as of 2025-11-27')).toBe(i === 0);
      expect(page.width).toBeCloseTo(A4.width, 1);
    });
    const text = comparable(pages.map((p) => p.text).join('\n'));
    for (const document of [seed, features]) {
      const { headings, cells } = headingsAndCells(document);
      expect([...headings, ...cells].filter((t) => !text.includes(comparable(t)))).toEqual([]);
    }
    expect(Buffer.from(await cheatSheetPdf([seed, features], options, 1)).equals(Buffer.from(bytes))).toBe(true);
    // The parts are drawn into one document: each font is embedded once, as in the sheet laid out whole.
    const wholeBytes = await cheatSheetPdf([seed, features], options);
    expect(objectCount(bytes, '/FontFile2')).toBe(objectCount(wholeBytes, '/FontFile2'));
    expect(objectCount(bytes, '/FontFile2')).toBeGreaterThan(0);
    const merged = await PDFDocument.load(bytes, { updateMetadata: false });
    expect([
      merged.getTitle(),
      merged.getProducer(),
      merged.getCreator(),
      merged.getCreationDate()?.toISOString(),
    ]).toEqual(['📌 AWS Prep Notes · 🧪 Feature Sampler', 'notes (pdfmake)', 'notes', '2025-11-27T00:00:00.000Z']);
  });

  it('reads a sequence of documents once and lets each model go before the sheet is laid out', async () => {
    setFlagsFromString('--expose-gc');
    const collect = runInNewContext('gc') as () => void;
    // A registry, not WeakRefs: a WeakRef keeps its target alive until the job that made it ends.
    let collected = 0;
    const registry = new FinalizationRegistry(() => void collected++);
    const names = [SEED, 'features.md'];
    function* documents(): Generator<ModelDocument> {
      for (const name of names) {
        const document = fixtureDocument(name);
        registry.register(document, name);
        registry.register(document.tree, name);
        yield document;
      }
    }
    const settle = async () => {
      for (let i = 0; i < 5; i++) await new Promise((done) => setImmediate(done));
    };
    // A collection between the parts of the layout: the models that are gone by then are finalized after it.
    let steps = 0;
    const options = {
      epoch: EPOCH,
      baseDir: '/nonexistent',
      warn: () => {},
      betweenSteps: () => {
        steps++;
        collect();
      },
    };
    const once = await cheatSheetPdf(documents(), options, 1);
    await settle();
    expect(steps).toBeGreaterThan(2);
    expect(collected).toBe(4);
    // A list its holder keeps alive all through: nothing is collected, and the bytes are the same.
    collected = 0;
    const list = [...documents()];
    const kept = await cheatSheetPdf(list, options, 1);
    await settle();
    expect(collected).toBe(0);
    expect(Buffer.from(kept).equals(Buffer.from(once))).toBe(true);
    expect(list).toHaveLength(2);
  });

  it('gives the caller a step before the layout and between the pages it draws, one part or several', async () => {
    const seed = fixtureDocument(SEED);
    for (const partPages of [1, 1000]) {
      let steps = 0;
      const options = { epoch: EPOCH, baseDir: '/nonexistent', warn: () => {}, betweenSteps: () => void steps++ };
      const bytes = await cheatSheetPdf([seed], options, partPages);
      const pages = (await PDFDocument.load(bytes, { updateMetadata: false })).getPageCount();
      expect(pages).toBeGreaterThan(1);
      // One before the layout, one before each page is drawn (and, in parts, one after each count and each part).
      expect(steps).toBeGreaterThanOrEqual(1 + pages);
      const noSteps = await cheatSheetPdf([seed], { ...options, betweenSteps: undefined }, partPages);
      expect(Buffer.from(noSteps).equals(Buffer.from(bytes))).toBe(true);
    }
  });

  it('stores a picture once however many parts draw it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'notes-pdf-parts-'));
    try {
      const png = new PNG({ width: 4, height: 4 });
      png.data.fill(200);
      writeFileSync(join(dir, 'dot.png'), PNG.sync.write(png));
      const notes = Array.from(
        { length: 60 },
        (_, i) => `## Q${i}?\n\n${'Some words to fill the column. '.repeat(12)}\n\n![dot](dot.png)\n`,
      );
      const document = buildDocument(sourceFromText(`# Pictures\n\n${notes.join('\n')}`, join(dir, 'p.md'), EPOCH));
      const options = { epoch: EPOCH, baseDir: dir, warn: () => {} };
      expect(planCheatSheet([document], options, 1).count).toBeGreaterThan(1);
      const parts = await cheatSheetPdf([document], options, 1);
      const whole = await cheatSheetPdf([document], options);
      // The picture and its alpha mask, once each.
      expect(objectCount(whole, '/Subtype /Image')).toBe(2);
      expect(objectCount(parts, '/Subtype /Image')).toBe(2);
      expect((await openPdf(parts)).length).toBeGreaterThan(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('prints the bar of a topic with no note under it, in its place', async () => {
    const text0 =
      '# T\n\n## Empty first\n\n## Full\n\n### Q?\n\nA.\n\n## Empty between\n\n## Last\n\n### R?\n\nB.\n\n### S?\n\nC.\n\n## Empty last\n';
    const document = fixtureDocumentFromText(text0.replace('## Last', '## Middle\n\n### P?\n\nD.\n\n## Last'));
    expect(document.topics.map((t) => t.title)).toEqual([
      'Empty first',
      'Full',
      'Empty between',
      'Middle',
      'Last',
      'Empty last',
    ]);
    const { bytes } = await exportPdf([document]);
    const text = (await openPdf(bytes)).map((p) => p.text).join('\n');
    const at = ['Empty first', 'Full', 'Q?', 'Empty between', 'Middle', 'Last', 'R?', 'Empty last'].map((s) =>
      text.indexOf(s),
    );
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });

  it('prints letter paper when asked', async () => {
    const { bytes } = await exportPdf([seed], { paper: 'letter' });
    const pages = await openPdf(bytes);
    expect(pages[0]!.width).toBeCloseTo(792, 1);
    expect(pages[0]!.height).toBeCloseTo(612, 1);
  });

  it('puts several documents in one sheet, a section per document', async () => {
    const features = fixtureDocument('features.md');
    const { bytes } = await exportPdf([seed, features]);
    const text = comparable((await openPdf(bytes)).map((p) => p.text).join('\n'));
    for (const document of [seed, features]) {
      const { headings, cells } = headingsAndCells(document);
      expect([...headings, ...cells].filter((t) => !text.includes(comparable(t)))).toEqual([]);
    }
    expect(text).toContain(comparable('📌 AWS Prep Notes · 🧪 Feature Sampler'));
  });

  it('draws emoji, keycaps and symbols as text and marks what no font has', async () => {
    const { bytes } = await exportPdf([fixtureDocument('features.md')]);
    const text = comparable((await openPdf(bytes)).map((p) => p.text).join('\n'));
    for (const sample of ['🧪', '1️⃣', '🔟', '✔️', '⚠️', '→ ≥ ½ € ©', '⌘ + K', 'return a + b;', '漢字', '[U+13000]']) {
      expect(text).toContain(comparable(sample));
    }
  });

  it('loses no row of tables around the height of a column, kept whole or split', async () => {
    const cell = 'wordy '.repeat(22);
    for (const n of [18, 20, 22, 24]) {
      const rows = Array.from({ length: n }, (_, i) => `| r${i} | ${cell} | end${i} |`).join('\n');
      const document = fixtureDocumentFromText(`# T\n\n## Q?\n\n| A | B | C |\n| - | - | - |\n${rows}\n`);
      const { bytes } = await exportPdf([document]);
      const text = (await openPdf(bytes)).map((p) => p.text).join(' ');
      expect(
        Array.from({ length: n }, (_, i) => `end${i}`).filter((s) => !new RegExp(`\\b${s}\\b`).test(text)),
      ).toEqual([]);
    }
  });

  it('cuts a table taller than a part between its rows, each piece under the header row, losing no row', async () => {
    const n = 1500;
    const rows = Array.from({ length: n }, (_, i) => `| r${i} | row ${i} | end${i} |`).join('\n');
    const document = fixtureDocumentFromText(`# T\n\n## Q?\n\n| A | B | C |\n| - | - | - |\n${rows}\n`);
    const plan = planCheatSheet([document], { epoch: EPOCH }, 1);
    // Before: the table was one block, so one part held it whole, however long.
    expect(plan.count).toBeGreaterThan(3);
    const bodies: unknown[][][] = [];
    for (let i = 0; i < plan.count; i++) {
      walk(plan.part(i).content, (node) => {
        if (node.table) bodies.push(node.table.body as unknown[][]);
      });
    }
    expect(bodies.length).toBe(plan.count);
    const header = JSON.stringify(bodies[0]![0]);
    expect(bodies.every((body) => JSON.stringify(body[0]) === header)).toBe(true);
    const cells = bodies.flatMap((body) => body.slice(1).map((row) => JSON.stringify(row[2])));
    expect(cells).toHaveLength(n);
    expect(cells.every((c, i) => c.includes(`end${i}"`))).toBe(true);
    // Printed: every row once, on pages numbered across the sheet.
    const options = { epoch: EPOCH, baseDir: '/nonexistent', warn: () => {} };
    const pages = await openPdf(await cheatSheetPdf([document], options, 1));
    const text = pages.map((p) => p.text).join(' ');
    expect(Array.from({ length: n }, (_, i) => `end${i}`).filter((s) => !new RegExp(`\\b${s}\\b`).test(text))).toEqual(
      [],
    );
    expect(pages.at(-1)!.text).toContain(`page ${pages.length} / ${pages.length}`);
  });

  it('prints deeply nested lists and quotes without running out of column', async () => {
    const list = Array.from({ length: 40 }, (_, i) => `${'  '.repeat(i)}- level ${i}`).join('\n');
    const quote = `${'>'.repeat(30)} deep quote`;
    const { bytes } = await exportPdf([fixtureDocumentFromText(`# D\n\n## Q?\n\n${list}\n\n${quote}\n`)]);
    const text = (await openPdf(bytes)).map((p) => p.text).join('\n');
    expect(Array.from({ length: 40 }, (_, i) => `level ${i}`).filter((s) => !text.includes(s))).toEqual([]);
    expect(text).toContain('deep quote');
  });

  it('lays a block out again, breakable, rather than let pdfmake drop it when it is taller than a column', async () => {
    const definition = renderCheatSheet([fixtureDocumentFromText('# D\n\n## Q?\n\nhello\n')], { epoch: EPOCH });
    const flow = definition.content[0] as { columns: ContentObject[] };
    flow.columns[0]!.stack = [
      { stack: Array.from({ length: 200 }, (_, i) => ({ text: `line${i}` })), unbreakable: true },
    ];
    const warnings: string[] = [];
    const bytes = await packPdf(definition, (m) => warnings.push(m));
    const text = (await openPdf(bytes)).map((p) => p.text).join('\n');
    expect(warnings).toEqual([
      'cheat sheet: a block was taller than a column; it was laid out without keeping it together',
    ]);
    expect(
      Array.from({ length: 200 }, (_, i) => `line${i}`).filter((s) => !new RegExp(`\\b${s}\\b`).test(text)),
    ).toEqual([]);
  });

  it('refuses to read any file but its fonts', async () => {
    const definition = renderCheatSheet([fixtureDocument('features.md')], { epoch: EPOCH });
    const sneaky = { ...definition, content: [{ image: '/etc/passwd' }], images: {} };
    await expect(packPdf(sneaky as typeof definition)).rejects.toThrow(/denied/);
    const remote = { ...definition, content: [{ image: 'logo' }], images: { logo: 'https://example.com/logo.png' } };
    await expect(packPdf(remote as typeof definition)).rejects.toThrow(/denied/);
  });
});
