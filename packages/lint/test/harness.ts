import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { sourceFromBytes, type SourceFile } from '@notes/core';
import {
  bundledPlugins,
  fixSource,
  lintSource,
  loadRules,
  resolveRules,
  type LintMessage,
  type ResolvedRules,
} from '@notes/lint';

/** The registry the CLI runs: built-in rules and the plugins' (`encoding/unprintable`). */
export const registry = await loadRules(bundledPlugins);

/** Root of the rule fixtures. */
export const FIXTURES = new URL('./fixtures/', import.meta.url).pathname;

/** One fixture: a Markdown file in fixtures/<category>/<name>/. */
export interface Fixture {
  ruleId: string;
  name: string;
  path: string;
  file: SourceFile;
  /** Lines that must be reported for the fixture's rule, ascending (duplicates kept: two findings on one line). */
  expected: number[];
  options: Record<string, unknown>;
}

const MARK = /\{([a-z]+\/[a-z0-9-]+)(?::([+-]?\d+))?\}/g;
const CONFIG = /<!--\s*notes-config\s+(\{[\s\S]*?\})\s*-->/;

/** Every fixture under fixtures/, sorted by path. */
export function loadFixtures(root = FIXTURES): Fixture[] {
  const out: Fixture[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir).sort()) {
      const full = join(dir, entry);
      if (statSync(full).isDirectory()) walk(full);
      else if (/\.(md|markdown)$/.test(entry)) out.push(load(root, full));
    }
  };
  walk(root);
  return out;
}

function load(root: string, full: string): Fixture {
  const rel = relative(root, full).split('\\').join('/');
  const parts = rel.split('/');
  const ruleId = `${parts[0]}/${parts[1]}`;
  const file = sourceFromBytes(readFileSync(full), { path: rel, absolutePath: full });
  const expected: number[] = [];
  file.text.split('\n').forEach((line, i) => {
    for (const m of line.matchAll(MARK)) if (m[1] === ruleId) expected.push(i + 1 + Number(m[2] ?? 0));
  });
  const config = CONFIG.exec(file.text);
  const options = config ? (JSON.parse(config[1]!) as Record<string, unknown>) : {};
  return { ruleId, name: parts.slice(2).join('/'), path: rel, file, expected: expected.sort((a, b) => a - b), options };
}

/** Only the fixture's rule, with the fixture's options. */
export function fixtureRules(fixture: Fixture): ResolvedRules {
  const rule = registry.find((r) => r.id === fixture.ruleId);
  if (!rule) throw new Error(`fixture ${fixture.path}: no rule ${fixture.ruleId}`);
  return resolveRules({ [fixture.ruleId]: [rule.severity, fixture.options] } as never, {}, [rule]);
}

/** Lint and fix a fixture with its rule only. */
export function runFixture(fixture: Fixture): { messages: LintMessage[]; fixed: string; refixed: LintMessage[] } {
  const options = { rules: fixtureRules(fixture), configDir: null };
  const messages = lintSource(fixture.file, options);
  const { output } = fixSource(fixture.file, options);
  const refixed = lintSource({ ...fixture.file, text: output }, options);
  return { messages, fixed: output, refixed };
}
