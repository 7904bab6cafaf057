import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SourceFile } from '@notes/core';
import { describe, expect, it } from 'vitest';
import { loadSetup } from '../src/config.js';
import { exportRules, prepareSource } from '../src/pipeline.js';
import { ruleRegistry } from '../src/rules.js';
import { run, tempDir } from './helpers.js';

/** A duplicate question (a warning without a fix), a control character (a fixable error), a bad cloze (an error). */
const NOTES = [
  '# Notes',
  '',
  '## Queues',
  '',
  '### What does SQS do?',
  '',
  'It queues\u0007 messages.',
  '',
  '### What does SQS do?',
  '',
  'It keeps {{c1::messages for 14 days.',
  '',
].join('\n');

const source = (text: string): SourceFile => ({
  path: 'a.md',
  absolutePath: '/notes/a.md',
  text,
  size: Buffer.byteLength(text),
  mtime: 0,
});

describe('an export runs only the rules whose findings it uses (issue 14: the Anki ratio)', () => {
  it('keeps the fixable rules and the errors, and drops the warnings without a fix', async () => {
    const registry = await ruleRegistry();
    const all = loadSetup('/', undefined, registry, null).rules;
    const kept = exportRules(all).map((r) => r.rule.id);
    const dropped = all.filter((r) => !kept.includes(r.rule.id));
    expect(kept).toContain('heading/missing-space');
    expect(kept).toContain('text/merged-callouts'); // a warning, but fixable
    expect(kept).toContain('fields/cloze');
    expect(dropped.map((r) => r.rule.id)).toContain('heading/duplicate-question');
    for (const r of dropped) {
      expect(r.severity).toBe('warning');
      expect(r.rule.fixable ?? false).toBe(false);
    }
  });

  it('keeps a warning rule the configuration raises to an error', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'notes.config.json'), '{ "rules": { "heading/duplicate-question": "error" } }\n');
    const setup = loadSetup(dir, undefined, await ruleRegistry());
    expect(exportRules(setup.rules).map((r) => r.rule.id)).toContain('heading/duplicate-question');
  });

  it('repairs the same text, builds the same model and leaves the same errors as a run of every rule', async () => {
    const setup = loadSetup('/', undefined, await ruleRegistry(), null);
    const every = prepareSource(source(NOTES), setup, 'all');
    const used = prepareSource(source(NOTES), setup, 'export');
    expect(used.repaired).toBe(every.repaired);
    expect(used.repaired).not.toContain('\u0007');
    expect(JSON.stringify(used.document.notes)).toBe(JSON.stringify(every.document.notes));
    const errors = (p: typeof every) => p.remaining.filter((m) => m.severity === 'error');
    expect(errors(used)).toEqual(errors(every));
    expect(errors(used).map((m) => m.ruleId)).toContain('fields/cloze');
    // The duplicate question is reported by the full run only.
    expect(every.found.map((m) => m.ruleId)).toContain('heading/duplicate-question');
    expect(used.found.map((m) => m.ruleId)).not.toContain('heading/duplicate-question');
  });

  it('notes export prints the errors left after the repair, as before', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'a.md'), NOTES);
    const r = await run(['export', '--json', '--out', join(dir, 'dist'), join(dir, 'a.md')], {
      env: { SOURCE_DATE_EPOCH: '1' },
    });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/a\.md:11:\d+: warning: .*\(fields\/cloze\)/);
    expect(r.stderr).not.toMatch(/duplicate-question|control-character/);
  });
});
