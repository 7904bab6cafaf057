import type { RuleDefinition } from '@notes/core';
import * as pdfRules from '@notes/export-pdf/rules';
import { bundledPlugins, loadRules } from '@notes/lint';

/** The rule plugins, resolved from the CLI (which depends on them): every lint thread loads these URLs. */
export const LINT_PLUGINS: readonly string[] = bundledPlugins.map((plugin) => import.meta.resolve(plugin));

/**
 * The plugin modules this thread has already: the CLI imports them statically, so its bundle holds them and the
 * lint does not start Node's module loader for them (worker threads import them by URL).
 */
const LOADED: Readonly<Record<string, { lintRules?: readonly RuleDefinition[] }>> = {
  [import.meta.resolve('@notes/export-pdf/rules')]: pdfRules,
};

/** The run's one rule registry (built-in and plugin rules), loaded once. */
export function ruleRegistry(): Promise<readonly RuleDefinition[]> {
  return loadRules(LINT_PLUGINS, LOADED);
}
