import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sourceFromText } from '@notes/core';
import { lintSource } from '@notes/lint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crashLines, notes } from '../helpers/cli.js';
import { apkgFields, pdfContent } from '../helpers/formats.js';

// SPEC §6: nothing in a note can make an export read or embed a file outside the notes' folder, or put live
// script into an Anki card.

let dir: string;
let server: Server;
let port = 0;
const requests: string[] = [];
const SECRET = 'SECRET-OUTSIDE-7f3a9c';

const hostile = (url: string): string => `# Safety

## What does raw HTML do?

<script>alert('script-block')</script>

Inline <img src=x onerror="alert('onerror')"> and <a href="javascript:alert('a-href')">anchor</a> and <iframe src="https://evil.example"></iframe>.

## Which links are hostile?

[plain](javascript:alert('md-link')) and [mixed](JaVaScRiPt:alert('case')) and [spaced]( javascript:alert(1) ) and [data](data:text/html,<script>alert(1)</script>) and [vb](vbscript:msgbox(1)) and <javascript:alert('autolink')>.

| Service | Link |
|---|---|
| S3 | [x](javascript:alert('cell')) <b onclick="alert('cell-html')">bold</b> |

## Which images are outside?

![abs](/etc/hostname) ![up](../outside/secret.png) ![url](${url}/pixel.png) ![proto](//127.0.0.1:${port}/proto.png) ![file](file:///etc/passwd) ![ref][outside]

[outside]: ${url}/ref.png
`;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'notes-safety-'));
  server = createServer((req, res) => {
    requests.push(req.url ?? '');
    res.end('no');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  port = (server.address() as { port: number }).port;
  mkdirSync(join(dir, 'notes'));
  mkdirSync(join(dir, 'outside'));
  writeFileSync(join(dir, 'outside/secret.png'), SECRET);
  writeFileSync(join(dir, 'notes/hostile.md'), hostile(`http://127.0.0.1:${port}`));
  writeFileSync(
    join(dir, 'notes/aliases.md'),
    `---\na: &a ["x","x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e,*e]\ng: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f,*f]\nh: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g,*g]\n---\n# Aliases\n\n## What is a billion laughs?\n\nA YAML bomb.\n`,
  );
});

afterAll(async () => {
  await new Promise<void>((done) => server.close(() => done()));
  rmSync(dir, { recursive: true, force: true });
});

describe('hostile notes', () => {
  it('never put raw HTML or script links into Anki fields as live content, nor read outside files', async () => {
    const run = await notes(['export', '--anki', '--out', 'out', 'notes/hostile.md'], dir);
    expect(crashLines(run.stderr)).toEqual([]);
    expect(run.code).toBe(0);
    const apkg = await apkgFields(readFileSync(join(dir, 'out/notes.apkg')));
    const html = apkg.fields.flat().join('\n');
    expect(apkg.fields.length).toBeGreaterThan(0);
    expect(html).toContain('What does raw HTML do?');
    expect(html).not.toMatch(/<script|<iframe|<img[^>]*onerror|\son\w+\s*=/i);
    expect(html).not.toMatch(/(?:href|src)\s*=\s*["']?\s*(?:javascript|vbscript|data):/i);
    expect(html).not.toMatch(/(?:href|src)\s*=\s*["']?\s*(?:https?:)?\/\/127\.0\.0\.1/i);
    expect(Object.keys(apkg.media)).toEqual([]);
    expect(apkg.members.filter((m) => m !== 'collection.anki2' && m !== 'media')).toEqual([]);
    expect(html).not.toContain(SECRET);
  });

  it('never put script links into the PDF as live content, nor embed outside files', async () => {
    const run = await notes(['export', '--pdf', '--out', 'out', 'notes/hostile.md'], dir);
    expect(crashLines(run.stderr)).toEqual([]);
    expect(run.code).toBe(0);
    const bytes = readFileSync(join(dir, 'out/cheatsheet.pdf'));
    const raw = bytes.toString('latin1');
    expect(raw).not.toMatch(/\/(?:JavaScript|JS|Launch|SubmitForm|ImportData|EmbeddedFile)\b/);
    expect(raw).not.toContain(SECRET);
    const pdf = await pdfContent(bytes);
    expect(pdf.text).toContain('What does raw HTML do?');
    for (const link of pdf.links) expect(link).not.toMatch(/^\s*(?:javascript|vbscript|data|file):/i);
  });

  it('fetch nothing over the network in lint, export --all and build', async () => {
    for (const args of [
      ['lint', 'notes/hostile.md'],
      ['export', '--all', '--out', 'out-all', 'notes/hostile.md'],
      ['build', '--out', 'out-build', 'notes/hostile.md'],
    ]) {
      const run = await notes(args, dir);
      expect(crashLines(run.stderr), args.join(' ')).toEqual([]);
      expect(run.code, args.join(' ')).toBeLessThan(2);
    }
    expect(requests).toEqual([]);
    for (const out of ['out-all', 'out-build']) {
      expect(readFileSync(join(dir, out, 'notes.json'), 'utf8')).not.toContain(SECRET);
      expect(readFileSync(join(dir, out, 'cheatsheet.pdf')).toString('latin1')).not.toContain(SECRET);
      expect(readFileSync(join(dir, out, 'site/data/notes.js'), 'utf8')).not.toContain(SECRET);
    }
  });

  it('refuse to expand YAML aliases into a huge document, quickly and without a crash', async () => {
    const lint = await notes(['lint', '--format', 'json', 'notes/aliases.md'], dir, 60_000);
    expect(crashLines(lint.stderr)).toEqual([]);
    expect(lint.code).toBe(1);
    const report = JSON.parse(lint.stdout) as { files: { messages: { ruleId: string; message: string }[] }[] };
    expect(report.files[0]!.messages.map((m) => m.ruleId)).toContain('fields/front-matter-syntax');
    expect(report.files[0]!.messages.find((m) => m.ruleId === 'fields/front-matter-syntax')!.message).toMatch(/alias/i);
    const run = await notes(['export', '--json', '--out', 'out-alias', 'notes/aliases.md'], dir, 60_000);
    expect(run.code).toBe(0);
    expect(readFileSync(join(dir, 'out-alias/notes.json')).length).toBeLessThan(20_000);
  });
});

describe('images outside the notes folder', () => {
  it('are findings of fields/image-outside (URLs, absolute paths, `..`), relative ones inside are not', async () => {
    const { default: rule } = (await import('../../packages/lint/dist/src/rules/fields/image-outside.js')) as {
      default: Parameters<typeof lintSource>[1] extends infer O
        ? O extends { extraRules?: readonly (infer R)[] }
          ? R
          : never
        : never;
    };
    const text = hostile('http://127.0.0.1:1') + '\n![inside](img/ok.png) ![dot](./a/../b.png)\n';
    const found = lintSource(sourceFromText(text, 'notes/hostile.md'), { rules: [], extraRules: [rule] });
    expect(
      found.map((m) => `${m.line}:${m.column} ${m.message}`.replace(/127\.0\.0\.1:\d+/, '127.0.0.1:PORT')),
    ).toEqual([
      "19:1 Unexpected image absolute path `/etc/hostname`, expected a relative path inside the notes' folder",
      "19:23 Unexpected image path outside the notes' folder `../outside/secret.png`, expected a relative path inside the notes' folder",
      "19:52 Unexpected image URL `http://127.0.0.1:PORT/pixel.png`, expected a relative path inside the notes' folder",
      "19:89 Unexpected image URL `//127.0.0.1:PORT/proto.png`, expected a relative path inside the notes' folder",
      "19:127 Unexpected image URL `file:///etc/passwd`, expected a relative path inside the notes' folder",
      "19:155 Unexpected image URL `http://127.0.0.1:PORT/ref.png`, expected a relative path inside the notes' folder",
    ]);
  });

  it('are reported by notes lint through the registry', async () => {
    const run = await notes(['lint', '--format', 'json', 'notes/hostile.md'], dir);
    expect(crashLines(run.stderr)).toEqual([]);
    const report = JSON.parse(run.stdout) as { files: { messages: { ruleId: string; line: number }[] }[] };
    const found = report.files[0]!.messages.filter((m) => m.ruleId === 'fields/image-outside');
    expect(found.map((m) => m.line)).toEqual([19, 19, 19, 19, 19, 19]);
    expect(requests).toEqual([]);
  });
});
