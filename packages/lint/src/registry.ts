import { NotesError, type RuleDefinition } from '@notes/core';
import { rules } from './rules/index.js';

/**
 * Modules of this repository that contribute lint rules, each exporting them as `lintRules` (the PDF exporter's
 * font coverage). Callers that depend on the packages resolve them from where they are installed.
 */
export const bundledPlugins: readonly string[] = ['@notes/export-pdf/rules'];

/** Where the rules are documented: the lint README's rule table (one anchor per rule id) on its npm page. */
export const RULE_DOCS = 'https://www.npmjs.com/package/@notes/lint';

/** The docs URL of a rule: its own `docsUrl`, else its row in the lint README's rule table. */
export function ruleDocsUrl(rule: Pick<RuleDefinition, 'id' | 'docsUrl'>): string {
  return rule.docsUrl ?? `${RULE_DOCS}#${rule.id.replace('/', '')}`;
}

const loaded = new Map<string, Promise<readonly RuleDefinition[]>>();

/** What a plugin module exports. */
interface PluginModule {
  lintRules?: readonly RuleDefinition[];
}

/**
 * The one rule registry: the built-in rules, then every plugin module's `lintRules`, in order. `plugins` are
 * module URLs or specifiers. Loaded once per list and shared by every consumer: the resolver, the cache key,
 * the reporters, the worker threads, the docs table and the fixture harness. `modules` holds plugin modules the
 * caller has already loaded (the CLI's bundle holds its own), by the same names: they are not imported again.
 */
export function loadRules(
  plugins: readonly string[] = [],
  modules: Readonly<Record<string, PluginModule>> = {},
): Promise<readonly RuleDefinition[]> {
  const key = plugins.join('\n');
  let registry = loaded.get(key);
  if (!registry) {
    registry = load(plugins, modules);
    loaded.set(key, registry);
  }
  return registry;
}

async function load(
  plugins: readonly string[],
  modules: Readonly<Record<string, PluginModule>>,
): Promise<readonly RuleDefinition[]> {
  const out: RuleDefinition[] = [...rules];
  const ids = new Set(out.map((r) => r.id));
  for (const plugin of plugins) {
    const mod = Object.hasOwn(modules, plugin) ? modules[plugin]! : ((await import(plugin)) as PluginModule);
    for (const rule of mod.lintRules ?? []) {
      if (ids.has(rule.id)) throw new NotesError(`Unexpected second rule \`${rule.id}\` from ${plugin}, expected one`);
      ids.add(rule.id);
      out.push(rule);
    }
  }
  return Object.freeze(out);
}
