import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { rules, type LintMessage } from '@notes/lint';
import { github, json, sarif, stylish, type FileResult } from '../src/reporters/index.js';

const msg = (over: Partial<LintMessage>): LintMessage => ({
  ruleId: 'heading/missing-space',
  severity: 'error',
  line: 20,
  column: 1,
  endLine: 20,
  endColumn: 30,
  message: 'Unexpected `####**` (no space after the hashes), expected `#### **`',
  fixable: true,
  fix: [{ line: 20, column: 5, deleteCount: 0, insert: ' ' }],
  ...over,
});

const results: FileResult[] = [
  {
    path: 'content/aws.md',
    messages: [
      msg({}),
      msg({
        ruleId: 'text/chat-residue',
        severity: 'warning',
        line: 245,
        column: 3,
        endColumn: 18,
        message: 'Unexpected chat residue `Great question!`, expected note content only',
        fixable: false,
        fix: undefined,
      }),
    ],
  },
  { path: 'content/clean.md', messages: [] },
];

describe('json reporter', () => {
  it('prints SPEC §3.1 exactly: every file, positions, counts, no fix data', () => {
    expect(JSON.parse(json({ results, rules }))).toEqual({
      files: [
        {
          path: 'content/aws.md',
          messages: [
            {
              ruleId: 'heading/missing-space',
              severity: 'error',
              line: 20,
              column: 1,
              endLine: 20,
              endColumn: 30,
              message: 'Unexpected `####**` (no space after the hashes), expected `#### **`',
              fixable: true,
            },
            {
              ruleId: 'text/chat-residue',
              severity: 'warning',
              line: 245,
              column: 3,
              endLine: 20,
              endColumn: 18,
              message: 'Unexpected chat residue `Great question!`, expected note content only',
              fixable: false,
            },
          ],
        },
        { path: 'content/clean.md', messages: [] },
      ],
      errorCount: 1,
      warningCount: 1,
      fixableCount: 1,
    });
    expect(json({ results, rules }).endsWith('}\n')).toBe(true);
  });
});

describe('stylish reporter', () => {
  it('groups by file, aligns columns and ends with a summary', () => {
    const text = stylish({ results, rules });
    expect(text).toBe(
      [
        'content/aws.md',
        '  20:1   error    Unexpected `####**` (no space after the hashes), expected `#### **`    heading/missing-space',
        '  245:3  warning  Unexpected chat residue `Great question!`, expected note content only  text/chat-residue',
        '',
        '✖ 2 problems (1 error, 1 warning)',
        '  1 problem potentially fixable with the `--fix` option.',
        '',
      ].join('\n'),
    );
    expect(text).toMatchSnapshot();
  });

  it('colours only when asked', () => {
    expect(stylish({ results, rules })).not.toContain('\u001b[');
    expect(stylish({ results, rules, color: true })).toContain('\u001b[31m');
  });

  it('prints nothing for a clean run', () => {
    expect(stylish({ results: [{ path: 'a.md', messages: [] }], rules })).toBe('');
  });
});

describe('github reporter', () => {
  it('prints one workflow command per finding, escaped', () => {
    const text = github({
      results: [{ path: 'a,b.md', messages: [msg({ message: 'Unexpected 50%\nthing' })] }, ...results.slice(1)],
      rules,
    });
    expect(text).toBe(
      '::error file=a%2Cb.md,line=20,col=1,endLine=20,endColumn=30,title=heading/missing-space::Unexpected 50%25%0Athing\n',
    );
    expect(github({ results, rules }).split('\n')[1]).toBe(
      '::warning file=content/aws.md,line=245,col=3,endLine=20,endColumn=18,title=text/chat-residue::Unexpected chat residue `Great question!`, expected note content only',
    );
  });
});

describe('sarif reporter', () => {
  it('is valid SARIF 2.1.0 per the published schema', async () => {
    const log = JSON.parse(sarif({ results, rules, version: '1.2.3' })) as Record<string, unknown>;
    // The schema ships in @microsoft/jest-sarif (draft-04, so its own ajv 6 validates it).
    const require = createRequire(import.meta.url);
    const schemaPath = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
    const schema = JSON.parse(readFileSync(schemaPath, 'utf8')) as object;
    const Ajv = require(require.resolve('ajv', { paths: [schemaPath] })) as new (o: object) => {
      addMetaSchema(s: object): void;
      validate(s: object, d: unknown): boolean;
      errorsText(): string;
    };
    const ajv = new Ajv({ schemaId: 'auto', allErrors: true });
    const ajvDir = require.resolve('ajv', { paths: [schemaPath] }).replace(/lib\/ajv\.js$/, '');
    ajv.addMetaSchema(JSON.parse(readFileSync(`${ajvDir}lib/refs/json-schema-draft-04.json`, 'utf8')) as object);
    const ok = ajv.validate(schema, log);
    expect(ok ? '' : ajv.errorsText()).toBe('');
    expect(log['version']).toBe('2.1.0');
  });

  it('carries rule metadata, levels and regions', () => {
    const log = JSON.parse(sarif({ results, rules, version: '1.2.3' })) as {
      runs: {
        tool: { driver: { name: string; version: string; rules: { id: string }[] } };
        results: {
          ruleId: string;
          ruleIndex: number;
          level: string;
          locations: { physicalLocation: { artifactLocation: { uri: string }; region: object } }[];
        }[];
      }[];
    };
    const run = log.runs[0]!;
    expect(run.tool.driver.name).toBe('notes');
    expect(run.tool.driver.rules.map((r) => r.id)).toEqual(['heading/missing-space', 'text/chat-residue']);
    expect(run.results.map((r) => [r.ruleId, r.ruleIndex, r.level])).toEqual([
      ['heading/missing-space', 0, 'error'],
      ['text/chat-residue', 1, 'warning'],
    ]);
    expect(run.results[0]!.locations[0]!.physicalLocation.artifactLocation.uri).toBe('content/aws.md');
    expect(run.results[0]!.locations[0]!.physicalLocation.region).toEqual({
      startLine: 20,
      startColumn: 1,
      endLine: 20,
      endColumn: 30,
    });
    expect(log).toMatchSnapshot();
  });
});
