import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { validateDataset, type NotesDataset } from '@notes/core';
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { openApkg, type OpenedApkg } from '../../packages/export-anki/test/helpers.js';
import { notes, type Run } from '../../test/helpers/cli.js';

const run = promisify(execFile);
const root = join(import.meta.dirname, '../..');
const notesDir = join(import.meta.dirname, 'notes');
const source = join(notesDir, 'rich-notes.md');
const tools = join(root, '../shared/tools');
const sha256 = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');
const IMAGES = ['img/vpc.svg', 'img/latency.png', 'img/az.jpg', 'img/healthy.gif'];

let out: string;
let result: Run;
let pdfText: string;
let apkg: OpenedApkg;
/** The page with the inline formula: its number, the text render modes it sets, where the formula's TeX is. */
let mathPage: { page: number; renderModes: number[]; tex: { x: number; y: number; width: number; height: number } };

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'rich-'));
  result = await notes(['export', '--all', 'examples/rich/notes', '--out', out], root);
  const pdf = await getDocument({ data: new Uint8Array(readFileSync(join(out, 'cheatsheet.pdf'))), verbosity: 0 })
    .promise;
  const pages: string[] = [];
  for (let p = 1; p <= pdf.numPages; p++) {
    const page = await pdf.getPage(p);
    const content = await page.getTextContent();
    pages.push(content.items.map((i) => ('str' in i ? i.str + (i.hasEOL ? '\n' : '') : '')).join(''));
    const tex = content.items.find((i) => 'str' in i && i.str === 'A = 1 - (1 - p)^2');
    if (tex && 'str' in tex) {
      const { fnArray, argsArray } = await page.getOperatorList();
      mathPage = {
        page: p,
        renderModes: fnArray.flatMap((fn, i) => (fn === OPS.setTextRenderingMode ? [argsArray[i][0] as number] : [])),
        tex: { x: tex.transform[4], y: tex.transform[5], width: tex.width, height: page.view[3]! },
      };
    }
  }
  pdfText = pages.join('\n');
  apkg = await openApkg(new Uint8Array(readFileSync(join(out, 'notes.apkg'))));
});

describe('rich notes through every export', () => {
  it('exports with one finding: the remote image, with its alt text and address, printed once', () => {
    expect(result.code).toBe(0);
    const findings = result.stderr.split('\n').filter((l) => l.includes('image '));
    expect(findings).toEqual([
      'notes: warning: examples/rich/notes/rich-notes.md:135: image https://example.com/diagram.png "Remote diagram" is not local: not fetched',
    ]);
  });

  it('prints the code of every language in the PDF, long lines wrapped with a continuation mark', () => {
    for (const line of [
      'kubectl get pods -n kube-system -o wide',
      'apiVersion: apps/v1',
      '"Effect": "Allow"',
      'def read(bucket: str, key: str) -> bytes:',
      'export const handler = async (event)',
      'interface Event { id: string }',
      'resource "aws_s3_bucket" "logs" {',
      'FROM node:20-slim',
      "Get-Service | Where-Object { $_.Status -eq 'Running' }",
      "DISPLAY 'HELLO'.",
      'no language at all',
    ])
      expect(pdfText.replace(/\n↪ /g, '')).toContain(line);
    expect(pdfText).toContain('↪ ');
    // The long `aws s3 ls` line is cut into rows, and every character of it survives.
    expect(pdfText.replace(/\n↪ /g, '')).toContain('--recursive --human-readable --summarize --page-size 1000');
  });

  it('draws math as vector paths: no dollar signs, the TeX only as invisible text where each formula is', () => {
    expect(pdfText).not.toContain('$A');
    expect(pdfText).not.toContain('$p$');
    expect(pdfText).not.toContain('$$');
    // Inline and display math: the TeX laid invisibly (render mode 3) over the formula, where it is drawn.
    expect(pdfText).toContain('with A = 1 - (1 - p)^2. A reserved');
    expect(pdfText).toContain('A_{\\text{total}} = \\prod_{i=1}^{n} A_i, \\qquad \\sigma = \\sqrt{');
    expect(mathPage.renderModes).toContain(3);
    expect(pdfText).toContain('$5 and a spot one $10');
  });

  it('draws the inline formula where its invisible TeX is: ink there, though no visible text', async () => {
    // Rendered at 300 dpi in grey, the box from the baseline up 5 pt over the formula's width has ink, which no
    // visible text and no image puts there: the formula's paths.
    const dpi = 300 / 72;
    const { x, y, width, height } = mathPage.tex;
    const box = {
      x: Math.round(x * dpi),
      y: Math.round((height - y - 5) * dpi),
      w: Math.round(width * dpi),
      h: 7 * dpi,
    };
    const file = join(out, 'formula');
    await run('pdftoppm', [
      ...['-r', '300', '-gray', '-singlefile', '-f', String(mathPage.page), '-l', String(mathPage.page)],
      ...['-x', String(box.x), '-y', String(box.y), '-W', String(box.w), '-H', String(Math.round(box.h))],
      join(out, 'cheatsheet.pdf'),
      file,
    ]);
    const pgm = readFileSync(`${file}.pgm`);
    const pixels = pgm.subarray(pgm.length - box.w * Math.round(box.h));
    const ink = pixels.filter((v) => v < 128).length / pixels.length;
    expect(ink).toBeGreaterThan(0.05);
  });

  it('embeds every image, the SVG rasterized at 300 dpi, each once, the repeated one by reference (pdfimages)', async () => {
    const { stdout } = await run('pdfimages', ['-list', join(out, 'cheatsheet.pdf')]);
    const rows = stdout
      .split('\n')
      .slice(2)
      .map((l) => l.trim().split(/\s+/))
      .filter((r) => r[2] === 'image');
    // vpc.svg (400x200 px, printed the column's width) at print resolution, latency.png twice (one object),
    // az.jpg as JPEG, healthy.gif as PNG.
    expect(rows.map((r) => `${r[3]}x${r[4]} ${r[8]}`)).toEqual([
      '1098x549 image',
      '360x200 image',
      '360x200 image',
      '320x120 jpeg',
      '150x60 image',
    ]);
    expect(Number(rows[0]![12])).toBeGreaterThanOrEqual(300);
    expect(rows[1]![10]).toBe(rows[2]![10]);
    expect(new Set(rows.map((r) => r[10])).size).toBe(IMAGES.length);
    // The SVG's text is in the picture; its caption stays text.
    expect(pdfText).toContain('VPC layout');
  });

  it('passes pdf-check.sh', async () => {
    const { stdout } = await run('bash', [join(tools, 'pdf-check.sh'), '-q', join(out, 'cheatsheet.pdf'), source]);
    expect(stdout).toContain('RESULT: PASS');
  });

  it('packs every local image into the deck under its content hash', () => {
    const names = Object.values(apkg.media).sort();
    const wanted = IMAGES.map((p) => {
      const ext = p.split('.').pop()!.replace('jpeg', 'jpg');
      return `notes-${sha256(join(notesDir, p)).slice(0, 24)}.${ext}`;
    }).sort();
    expect(names).toEqual(wanted);
    for (const [index, name] of Object.entries(apkg.media)) {
      const file = IMAGES.find((p) => name.startsWith(`notes-${sha256(join(notesDir, p)).slice(0, 24)}`))!;
      expect(apkg.files[index]).toEqual(new Uint8Array(readFileSync(join(notesDir, file))));
    }
  });

  it('gives Anki MathJax delimiters and highlighted code', () => {
    const backs = apkg.notes.map((n) => n.fields[1]!).join('\n');
    expect(backs).toContain('\\(A = 1 - (1 - p)^2\\)');
    expect(backs).toContain('\\[A_{\\text{total}} = \\prod_{i=1}^{n} A_i');
    expect(backs).toContain('costs $5 and a spot one $10');
    expect(backs).toMatch(
      /<pre style="background:#f6f8fa;color:#24292e"><code class="language-hcl"><span style="color:#/,
    );
    expect(backs).toContain('<pre><code class="language-cobol">');
    expect(backs).toContain('<code>kubectl get nodes</code>');
  });

  it('passes apkg-verify.py --strict', async () => {
    const { stdout } = await run('python3', [join(tools, 'apkg-verify.py'), '--strict', join(out, 'notes.apkg')]);
    expect(stdout).toMatch(/ok\s*$/);
  });

  it('lists math and image nodes in the JSON dataset, valid against the schema', () => {
    const dataset = JSON.parse(readFileSync(join(out, 'notes.json'), 'utf8')) as NotesDataset;
    expect(validateDataset(dataset)).toEqual([]);
    const math = dataset.notes.flatMap((n) => n.math ?? []);
    expect(math.map((m) => [m.display, m.tex.slice(0, 12)])).toEqual([
      [false, 'p'],
      [false, 'A = 1 - (1 -'],
      [true, 'A_{\\text{tot'],
    ]);
    const images = dataset.notes.flatMap((n) => n.images ?? []);
    expect(images.map((i) => i.path ?? i.problem)).toEqual([
      'img/vpc.svg',
      'img/latency.png',
      'img/latency.png',
      'img/az.jpg',
      'img/healthy.gif',
      'is not local: not fetched',
    ]);
    for (const image of images.filter((i) => i.path))
      expect(image).toMatchObject({
        sha256: sha256(join(notesDir, image.path!)),
        size: readFileSync(join(notesDir, image.path!)).length,
      });
    // The plain text keeps the TeX.
    expect(dataset.notes.find((n) => n.math)!.answer.text).toContain('A = 1 - (1 - p)^2');
  });

  it('writes the clean Markdown back unchanged, math included', () => {
    expect(readFileSync(join(out, 'markdown/rich-notes.md'), 'utf8')).toBe(readFileSync(source, 'utf8'));
  });
});
