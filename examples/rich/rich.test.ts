import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { validateDataset, type NotesDataset } from '@notes/core';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
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

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'rich-'));
  result = await notes(['export', '--all', 'examples/rich/notes', '--out', out], root);
  const pdf = await getDocument({ data: new Uint8Array(readFileSync(join(out, 'cheatsheet.pdf'))), verbosity: 0 })
    .promise;
  const pages: string[] = [];
  for (let p = 1; p <= pdf.numPages; p++) {
    const content = await (await pdf.getPage(p)).getTextContent();
    pages.push(content.items.map((i) => ('str' in i ? i.str + (i.hasEOL ? '\n' : '') : '')).join(''));
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

  it('typesets math in the PDF: no dollar signs and no TeX source left, the SVG diagram drawn', () => {
    expect(pdfText).not.toContain('$A');
    expect(pdfText).not.toContain('\\prod');
    expect(pdfText).not.toContain('\\sqrt');
    expect(pdfText).toContain('A = 1 − (1 − p)');
    expect(pdfText).toContain('$5 and a spot one $10');
    expect(pdfText).toContain('VPC 10.0.0.0/16');
  });

  it('embeds each raster image once in the PDF, the repeated one by reference (pdfimages)', async () => {
    const { stdout } = await run('pdfimages', ['-list', join(out, 'cheatsheet.pdf')]);
    const rows = stdout
      .split('\n')
      .slice(2)
      .map((l) => l.trim().split(/\s+/))
      .filter((r) => r[2] === 'image');
    // latency.png twice (one object), az.jpg as JPEG, healthy.gif as PNG; vpc.svg is drawn as vectors.
    expect(rows.map((r) => `${r[3]}x${r[4]} ${r[8]}`)).toEqual([
      '360x200 image',
      '360x200 image',
      '320x120 jpeg',
      '150x60 image',
    ]);
    expect(rows[0]![10]).toBe(rows[1]![10]);
    expect(new Set(rows.map((r) => r[10])).size).toBe(3);
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
