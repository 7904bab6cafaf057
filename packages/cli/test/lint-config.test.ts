import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NotesError } from '@notes/core';
import { findConfig, globToRegExp, loadSetup, parseConfig } from '../src/config.js';

function project(config?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'notes-config-'));
  if (config !== undefined) writeFileSync(join(dir, 'notes.config.json'), config);
  mkdirSync(join(dir, 'content', 'deep'), { recursive: true });
  return dir;
}

function error(fn: () => unknown): NotesError {
  try {
    fn();
  } catch (e) {
    if (e instanceof NotesError) return e;
    throw e;
  }
  throw new Error('expected a NotesError');
}

describe('notes.config.json', () => {
  it('is found upward from the working directory', () => {
    const dir = project('{}');
    expect(findConfig(join(dir, 'content', 'deep'))).toBe(join(dir, 'notes.config.json'));
  });

  it('sets severities and turns rules off', () => {
    const dir = project(JSON.stringify({ rules: { 'heading/missing-space': 'warning', 'text/truncated': 'off' } }));
    const setup = loadSetup(join(dir, 'content'));
    expect(setup.configDir).toBe(dir);
    expect(setup.rules.find((r) => r.rule.id === 'heading/missing-space')?.severity).toBe('warning');
    expect(setup.rules.some((r) => r.rule.id === 'text/truncated')).toBe(false);
  });

  it('passes frontMatter requirements to fields/front-matter', () => {
    const dir = project(JSON.stringify({ frontMatter: { required: ['exam'] } }));
    expect(loadSetup(dir).rules.find((r) => r.rule.id === 'fields/front-matter')?.options).toEqual({
      required: ['exam'],
    });
  });

  it('uses defaults when there is no configuration', () => {
    const dir = project();
    // (a notes.config.json in a folder above the temp dir would be found: tmp has none)
    expect(loadSetup(dir).configPath).toBeNull();
  });

  it('reports broken JSON in one line naming the file, exit 2', () => {
    const e = error(() => parseConfig('{ "rules": ', 'notes.config.json'));
    expect(e.message).toMatch(/^notes\.config\.json: invalid JSON \(.+\): fix the syntax$/);
    expect(e.exitCode).toBe(2);
  });

  it('reports an unknown key, with its place', () => {
    expect(error(() => parseConfig('{"rulez": {}}', 'notes.config.json')).message).toBe(
      'notes.config.json: invalid configuration at /: unknown key "rulez": see schemas/config.schema.json',
    );
  });

  it('reports a bad severity with the allowed values', () => {
    expect(error(() => parseConfig('{"rules": {"heading/missing-space": "loud"}}', 'notes.config.json')).message).toBe(
      'notes.config.json: invalid configuration at /rules/heading~1missing-space: must be one of "off", "warning", "error": see schemas/config.schema.json',
    );
  });

  it('reports an unknown rule id', () => {
    const dir = project(JSON.stringify({ rules: { 'heading/no-such-rule': 'error' } }));
    expect(error(() => loadSetup(dir)).message).toMatch(
      /notes\.config\.json: Unexpected rule `heading\/no-such-rule` in "rules", expected one of: /,
    );
  });

  it('reports a missing --config file', () => {
    const dir = project();
    expect(error(() => loadSetup(dir, 'nope.json')).message).toBe(
      'nope.json: configuration file not found: check the --config path',
    );
  });

  it('matches ignore globs', () => {
    expect(globToRegExp('drafts/**').test('drafts/a/b.md')).toBe(true);
    expect(globToRegExp('**/*.draft.md').test('x/y/z.draft.md')).toBe(true);
    expect(globToRegExp('*.md').test('x/y.md')).toBe(false);
  });
});
