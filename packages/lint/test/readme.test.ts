import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bundledPlugins, loadRules } from '@notes/lint';

describe('README', () => {
  it('has the rule table generated from the registry', async () => {
    const script = new URL('../scripts/rule-table.mjs', import.meta.url).pathname;
    const run = spawnSync(process.execPath, [script, '--check'], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    for (const rule of await loadRules(bundledPlugins)) expect(readme).toContain(`\`${rule.id}\``);
  });
});
