import type { RuleDefinition } from '@notes/core';
import * as pdfRules from '@notes/export-pdf/rules';
import { bundledPlugins, loadRules } from '@notes/lint';

/**
 * The plugin modules this thread has already, by name: the CLI imports them statically, so its bundle holds them
 * and the lint does not start Node's module loader for them.
 */
const LOADED: Readonly<Record<string, { lintRules?: readonly RuleDefinition[] }>> = {
  '@notes/export-pdf/rules': pdfRules,
};

/** The run's one rule registry (built-in and plugin rules), loaded once. */
export function ruleRegistry(): Promise<readonly RuleDefinition[]> {
  return loadRules(bundledPlugins, LOADED);
}

/**
 * The rule plugins as `notes lint` hands them to its batch, whose registry is loaded here first with this thread's
 * modules. By name when this thread lints alone: resolving them cost every lint about 3 ms. Resolved from the CLI
 * (which depends on them) when worker threads lint too: every worker imports them by URL.
 */
export async function batchPlugins(workers: boolean): Promise<readonly string[]> {
  if (!workers) {
    await ruleRegistry();
    return bundledPlugins;
  }
  const urls = bundledPlugins.map((plugin) => import.meta.resolve(plugin));
  const modules = Object.fromEntries(
    bundledPlugins.flatMap((plugin, i) => (Object.hasOwn(LOADED, plugin) ? [[urls[i]!, LOADED[plugin]!]] : [])),
  );
  await loadRules(urls, modules);
  return urls;
}
