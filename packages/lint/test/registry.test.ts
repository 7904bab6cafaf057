import { describe, expect, it } from 'vitest';
import { bundledPlugins, loadRules, ruleDocsUrl, rules } from '@notes/lint';

const plugin = (source: string) => `data:text/javascript,${encodeURIComponent(source)}`;

describe('loadRules', () => {
  it('gives the built-in rules, then each plugin module’s lintRules, loaded once per list', async () => {
    const registry = await loadRules(bundledPlugins);
    expect(registry.slice(0, rules.length)).toEqual(rules);
    expect(registry.slice(rules.length).map((r) => r.id)).toEqual(['encoding/unprintable']);
    expect(await loadRules(bundledPlugins)).toBe(registry);
    expect(await loadRules()).toEqual(rules);
  });

  it('takes a plugin module the caller has already loaded instead of importing it', async () => {
    const rule = { id: 'text/provided', description: 'x', tags: [], fixable: false, severity: 'warning', check() {} };
    // Not a module Node could import: only the given module can answer for it.
    const registry = await loadRules(['notes-test:provided'], { 'notes-test:provided': { lintRules: [rule] } });
    expect(registry.at(-1)).toBe(rule);
    await expect(loadRules(['notes-test:missing'], { 'notes-test:provided': {} })).rejects.toThrow();
  });

  it('refuses a plugin rule whose id is already registered', async () => {
    const twice = plugin('export const lintRules = [{ id: "heading/empty", check() {} }];');
    await expect(loadRules([twice])).rejects.toThrow(
      /^Unexpected second rule `heading\/empty` from data:text\/javascript,.*, expected one$/,
    );
  });

  it('points each rule at its row of the lint README unless the rule names its own docs', () => {
    expect(ruleDocsUrl({ id: 'table/empty-header' })).toMatch(
      /^https:\/\/www\.npmjs\.com\/package\/@notes\/lint#tableempty-header$/,
    );
    expect(ruleDocsUrl({ id: 'text/x', docsUrl: 'https://example.org/x' })).toBe('https://example.org/x');
  });
});
