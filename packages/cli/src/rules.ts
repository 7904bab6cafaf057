import type { RuleDefinition } from '@notes/core';
import { bundledPlugins, loadRules } from '@notes/lint';

/** The rule plugins, resolved from the CLI (which depends on them): every lint thread loads these URLs. */
export const LINT_PLUGINS: readonly string[] = bundledPlugins.map((plugin) => import.meta.resolve(plugin));

/** The run's one rule registry (built-in and plugin rules), loaded once. */
export function ruleRegistry(): Promise<readonly RuleDefinition[]> {
  return loadRules(LINT_PLUGINS);
}
