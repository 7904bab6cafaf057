import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv2020Module from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { lintCommand } from '../src/commands/lint.js';
import type { CliContext } from '../src/context.js';

const Ajv2020 = Ajv2020Module as unknown as typeof Ajv2020Module.default;
const README = readFileSync(new URL('../../lint/README.md', import.meta.url), 'utf8');

async function lint(text: string, format: string, isTTY = false): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'notes-docs-'));
  writeFileSync(join(dir, 'a.md'), text);
  let out = '';
  const stdout = { isTTY, write: (s: string) => void (out += s) };
  const stderr = { isTTY: false, write: () => undefined };
  const ctx: CliContext = { argv: [], cwd: dir, stdout, stderr, env: {} };
  await lintCommand({ command: 'lint', paths: ['a.md'], flags: { format } }, ctx);
  return out;
}

/** A file with a finding of a built-in rule and one of the PDF plugin's rule. */
const TEXT = '# Notes\n\n##What is SQS?\n\nA queue service with an icon \uE000.\n';

/** The anchor a docs URL points at must exist in the lint README (the rule table's `<a id>`). */
function anchorExists(url: string): boolean {
  const anchor = url.split('#')[1] ?? '';
  return anchor !== '' && README.includes(`<a id="${anchor}"></a>`);
}

describe('docs URLs', () => {
  it('lists encoding/unprintable in SARIF with a help URL whose anchor exists', async () => {
    const log = JSON.parse(await lint(TEXT, 'sarif')) as {
      runs: { tool: { driver: { rules: { id: string; helpUri?: string; shortDescription: { text: string } }[] } } }[];
    };
    const rules = log.runs[0]!.tool.driver.rules;
    expect(rules.map((r) => r.id)).toEqual(['heading/missing-space', 'encoding/unprintable']);
    const unprintable = rules.find((r) => r.id === 'encoding/unprintable')!;
    expect(unprintable.shortDescription.text).toBe('Characters no font of the PDF cheat sheet can draw');
    expect(unprintable.helpUri).toMatch(/^https:\/\/www\.npmjs\.com\/package\/@notes\/lint#encodingunprintable$/);
    for (const rule of rules) expect(anchorExists(rule.helpUri!), rule.id).toBe(true);
  });

  it('gives every JSON finding the docs URL of its rule', async () => {
    const report = JSON.parse(await lint(TEXT, 'json')) as {
      files: { messages: { ruleId: string; docsUrl: string }[] }[];
    };
    const messages = report.files[0]!.messages;
    expect(messages.map((m) => m.ruleId)).toEqual(['heading/missing-space', 'encoding/unprintable']);
    for (const m of messages) {
      expect(m.docsUrl.endsWith(`#${m.ruleId.replace('/', '')}`)).toBe(true);
      expect(anchorExists(m.docsUrl)).toBe(true);
    }
  });

  it('links each rule id to its docs in a terminal, and prints plain ids elsewhere', async () => {
    const tty = await lint(TEXT, 'stylish', true);
    expect(tty).toContain('\u001b]8;;https://');
    expect(tty).toMatch(/#encodingunprintable\u001b\\encoding\/unprintable\u001b\]8;;\u001b\\/);
    expect(await lint(TEXT, 'stylish')).not.toContain('\u001b]8;;');
  });
});

describe('the JSON report', () => {
  it('matches schemas/lint-report.schema.json, docs URLs included', async () => {
    const schema = JSON.parse(
      readFileSync(new URL('../../../schemas/lint-report.schema.json', import.meta.url), 'utf8'),
    ) as object;
    const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);
    const report = JSON.parse(await lint(TEXT, 'json')) as unknown;
    expect(validate(report) ? '' : JSON.stringify(validate.errors)).toBe('');
    expect(validate({ files: [], errorCount: 0, warningCount: 0, fixableCount: 0, extra: 1 })).toBe(false);
  });
});
