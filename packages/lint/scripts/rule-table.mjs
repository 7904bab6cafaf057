#!/usr/bin/env node
// Rebuild the rule table of packages/lint/README.md from the registry (run after `npx tsc -p packages/lint`).
// `--check` exits 1 when the README is out of date (CI).
import { readFileSync, writeFileSync } from 'node:fs';
import { bundledPlugins, loadRules } from '../dist/src/index.js';

// The registry every consumer sees: built-in rules, then the plugins' (`encoding/unprintable`).
const rules = await loadRules(bundledPlugins);

const README = new URL('../README.md', import.meta.url);
const START = '<!-- rule-table:start -->';
const END = '<!-- rule-table:end -->';

/** The Markdown table of every rule, in registry order. */
export function ruleTable() {
  const rows = rules.map(
    (r) =>
      `| <a id="${r.id.replace('/', '')}"></a>\`${r.id}\` | ${r.severity} | ${r.fixable ? 'yes' : ''} | ${r.description.replace(/\|/g, '\\|')} |`,
  );
  return ['| Rule | Default | Fix | What it checks |', '| --- | --- | --- | --- |', ...rows].join('\n');
}

const text = readFileSync(README, 'utf8');
const a = text.indexOf(START);
const b = text.indexOf(END);
if (a === -1 || b === -1) throw new Error('README.md has no rule-table markers');
const next = `${text.slice(0, a + START.length)}\n${ruleTable()}\n${text.slice(b)}`;
if (process.argv.includes('--check')) {
  if (next !== text) {
    console.error(
      'packages/lint/README.md: the rule table is out of date: run node packages/lint/scripts/rule-table.mjs',
    );
    process.exit(1);
  }
} else if (next !== text) writeFileSync(README, next);
