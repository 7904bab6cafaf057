import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CodeActionRequest,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidOpenTextDocumentNotification,
  DocumentFormattingRequest,
  FileChangeType,
  InitializeRequest,
  InitializedNotification,
  type CodeAction,
  type Diagnostic,
  type InitializeResult,
  type TextEdit,
} from 'vscode-languageserver-protocol/node';
import { ROOT, run, tempDir } from './helpers.js';
import { startLsp, uriOf, type LspClient } from './lsp-client.js';

const SEED = join(ROOT, 'examples/raw/aws-prep-notes.raw.md');

interface JsonMessage {
  ruleId: string;
  severity: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** `notes lint --format json` on one file, run in `cwd`. */
async function lintJson(cwd: string, path: string): Promise<JsonMessage[]> {
  const { stdout } = await run(['lint', path, '--format', 'json'], { cwd });
  return (JSON.parse(stdout) as { files: { messages: JsonMessage[] }[] }).files[0]!.messages;
}

/** A diagnostic in the shape of the JSON reporter's message (1-based, as `notes lint` prints). */
function asFinding(d: Diagnostic): Pick<JsonMessage, 'ruleId' | 'severity' | 'line' | 'column'> {
  return {
    ruleId: String(d.code),
    severity: d.severity === 1 ? 'error' : 'warning',
    line: d.range.start.line + 1,
    column: d.range.start.character + 1,
  };
}

function apply(text: string, edits: readonly TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///x.md', 'markdown', 1, text), [...edits]);
}

async function initialize(client: LspClient, dir: string, options: object = {}): Promise<InitializeResult> {
  const result = await client.connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: uriOf(dir),
    workspaceFolders: [{ uri: uriOf(dir), name: 'notes' }],
    capabilities: { workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } },
    initializationOptions: options,
  });
  client.connection.onRequest('client/registerCapability', () => null);
  await client.connection.sendNotification(InitializedNotification.type, {});
  return result;
}

describe('notes lsp (a JSON-RPC client over stdio, as an editor talks to it)', () => {
  let dir: string;
  let client: LspClient;
  let path: string;
  let uri: string;
  let raw: string;
  let first: Diagnostic[];
  let capabilities: InitializeResult['capabilities'];

  beforeAll(async () => {
    dir = await tempDir();
    await mkdir(join(dir, 'content'));
    path = join(dir, 'content/aws.md');
    await copyFile(SEED, path);
    raw = await readFile(path, 'utf8');
    uri = uriOf(path);
    client = startLsp(dir);
    capabilities = (await initialize(client, dir)).capabilities;
    const published = client.nextDiagnostics(uri);
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'markdown', version: 1, text: raw },
    });
    first = (await published).diagnostics;
  });

  afterAll(async () => {
    expect(await client.stop()).toBe(0);
  });

  it('publishes on open the findings of notes lint --format json: same rule ids, severities, lines and columns', async () => {
    const expected = await lintJson(dir, 'content/aws.md');
    expect(expected.length).toBeGreaterThan(10);
    expect(first.map(asFinding)).toEqual(
      expected.map(({ ruleId, severity, line, column }) => ({ ruleId, severity, line, column })),
    );
    // Ranged findings keep their end too.
    for (const [i, m] of expected.entries()) {
      if (m.endLine > m.line || m.endColumn > m.column) {
        expect(first[i]!.range.end).toEqual({ line: m.endLine - 1, character: m.endColumn - 1 });
      }
    }
  });

  it('gives each diagnostic its rule id as code and the docs URL of notes lint as codeDescription', async () => {
    const expected = (await lintJson(dir, 'content/aws.md')) as (JsonMessage & { docsUrl: string })[];
    expect(first.map((d) => d.codeDescription?.href)).toEqual(expected.map((m) => m.docsUrl));
    const mojibake = first.find((d) => d.code === 'encoding/mojibake')!;
    expect(mojibake.source).toBe('notes');
    expect(mojibake.codeDescription?.href).toMatch(/#encodingmojibake$/);
    expect(capabilities.documentFormattingProvider).toBeUndefined();
  });

  it('offers a quick fix for a mojibake finding that writes what --fix writes there', async () => {
    const expectedFixed = await fixedByCli(raw);
    // A line with a single fixable finding: after the quick fix it must read as in the --fix output.
    const lines = raw.split('\n');
    const target = first.find(
      (d) =>
        d.code === 'encoding/mojibake' && first.filter((o) => o.range.start.line === d.range.start.line).length === 1,
    )!;
    expect(target).toBeDefined();
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: target.range,
      context: { diagnostics: [target], only: ['quickfix'] },
    })) as CodeAction[];
    const fix = actions.find((a) => a.title.startsWith('Fix: '))!;
    expect(fix.kind).toBe('quickfix');
    expect(fix.diagnostics?.[0]?.code).toBe('encoding/mojibake');
    const after = apply(raw, fix.edit!.changes![uri]!);
    const line = after.split('\n')[target.range.start.line]!;
    expect(line).not.toBe(lines[target.range.start.line]);
    expect(expectedFixed.split('\n')).toContain(line);
    // Only that line changed.
    expect(after.split('\n').filter((l, i) => l !== lines[i])).toEqual([line]);
  });

  it('source.fixAll.notes gives exactly the output of notes lint --fix', async () => {
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll.notes'] },
    })) as CodeAction[];
    expect(actions.map((a) => a.kind)).toEqual(['source.fixAll.notes']);
    expect(apply(raw, actions[0]!.edit!.changes![uri]!)).toBe(await fixedByCli(raw));
  });

  it('disables a rule for one line with an inline comment, and the finding goes away', async () => {
    const target = first.find((d) => d.code === 'encoding/mojibake')!;
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: target.range,
      context: { diagnostics: [target] },
    })) as CodeAction[];
    const disable = actions.find((a) => a.title === 'Disable encoding/mojibake for this line')!;
    const edited = apply(raw, disable.edit!.changes![uri]!);
    expect(edited.split('\n')[target.range.start.line]).toMatch(/<!-- notes-disable-line encoding\/mojibake -->$/);
    const published = client.nextDiagnostics(uri, (p) => p.version === 2);
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: 2 },
      contentChanges: [{ text: edited }],
    });
    const after = (await published).diagnostics;
    const onLine = (list: Diagnostic[]): Diagnostic[] =>
      list.filter((d) => d.code === 'encoding/mojibake' && d.range.start.line === target.range.start.line);
    expect(onLine(first).length).toBeGreaterThan(0);
    expect(onLine(after)).toEqual([]);
    expect(after.length).toBe(first.length - onLine(first).length);
    await writeFile(join(dir, 'content/disabled.md'), edited);
    expect(
      (await lintJson(dir, 'content/disabled.md')).map(({ ruleId, severity, line, column }) => ({
        ruleId,
        severity,
        line,
        column,
      })),
    ).toEqual(after.map(asFinding));
  });

  it('lints again on an incremental change, reusing nothing stale', async () => {
    const published = client.nextDiagnostics(uri, (p) => p.version === 3);
    // Back to the raw text, as one incremental edit of the changed line.
    const doc = TextDocument.create(uri, 'markdown', 2, raw);
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: 3 },
      contentChanges: [{ range: { start: doc.positionAt(0), end: doc.positionAt(raw.length + 200) }, text: raw }],
    });
    expect((await published).diagnostics).toEqual(first);
  });

  it('lints the open files again when notes.config.json changes', async () => {
    await writeFile(join(dir, 'notes.config.json'), JSON.stringify({ rules: { 'encoding/mojibake': 'off' } }));
    const published = client.nextDiagnostics(uri, (p) => !p.diagnostics.some((d) => d.code === 'encoding/mojibake'));
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [{ uri: uriOf(join(dir, 'notes.config.json')), type: FileChangeType.Created }],
    });
    const after = (await published).diagnostics;
    expect(after.map(asFinding)).toEqual(
      (await lintJson(dir, 'content/aws.md')).map(({ ruleId, severity, line, column }) => ({
        ruleId,
        severity,
        line,
        column,
      })),
    );
    expect(after.length).toBeLessThan(first.length);
  });

  it('reads no configuration outside the workspace', async () => {
    const outside = await tempDir();
    await writeFile(join(outside, 'notes.config.json'), JSON.stringify({ rules: { 'encoding/mojibake': 'off' } }));
    const other = uriOf(join(outside, 'other.md'));
    const published = client.nextDiagnostics(other);
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri: other, languageId: 'markdown', version: 1, text: raw },
    });
    // The defaults, not the outside configuration that switches mojibake off.
    expect((await published).diagnostics.map(asFinding)).toEqual(first.map(asFinding));
  });

  it('reports bytes that are not UTF-8 as notes lint does, though the editor shows them as U+FFFD', async () => {
    const bad = join(dir, 'content/bad.md');
    await writeFile(
      bad,
      Buffer.concat([
        Buffer.from('# Notes\n\n## Topic\n\n### Why?\n\nA bad byte '),
        Buffer.from([0xff]),
        Buffer.from(' here.\n'),
      ]),
    );
    const badUri = uriOf(bad);
    const published = client.nextDiagnostics(badUri);
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri: badUri, languageId: 'markdown', version: 1, text: (await readFile(bad)).toString('utf8') },
    });
    const diagnostics = (await published).diagnostics;
    const expected = await lintJson(dir, 'content/bad.md');
    expect(expected.map((m) => m.ruleId)).toContain('encoding/invalid-utf8');
    expect(diagnostics.map(asFinding)).toEqual(
      expected.map(({ ruleId, severity, line, column }) => ({ ruleId, severity, line, column })),
    );
  });

  async function fixedByCli(text: string): Promise<string> {
    const fixDir = await tempDir();
    await writeFile(join(fixDir, 'note.md'), text);
    await run(['lint', 'note.md', '--fix'], { cwd: fixDir });
    return readFile(join(fixDir, 'note.md'), 'utf8');
  }
});

describe('notes lsp formatting (opt-in)', () => {
  it('formats through the clean-Markdown export, the text notes export --md writes', async () => {
    const dir = await tempDir();
    await mkdir(join(dir, 'content'));
    const path = join(dir, 'content/aws.md');
    await copyFile(SEED, path);
    const raw = await readFile(path, 'utf8');
    const client = startLsp(dir);
    const { capabilities } = await initialize(client, dir, { format: true });
    expect(capabilities.documentFormattingProvider).toBe(true);
    const uri = uriOf(path);
    const published = client.nextDiagnostics(uri);
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'markdown', version: 1, text: raw },
    });
    await published;
    const edits = await client.connection.sendRequest(DocumentFormattingRequest.type, {
      textDocument: { uri },
      options: { tabSize: 2, insertSpaces: true },
    });
    expect(await run(['export', 'content/', '--md'], { cwd: dir })).toMatchObject({ code: 0 });
    const exported = await readFile(join(dir, 'dist/markdown/aws.md'), 'utf8');
    expect(apply(raw, edits ?? [])).toBe(exported);
    expect(await client.stop()).toBe(0);
  });
});
