import { NotesError, type RuleDefinition } from '@notes/core';
import { rules } from '../rules/index.js';
import type { ResolvedRule, ResolvedRules, RuleConfigValue } from '../types.js';

const EMPTY: Readonly<Record<string, unknown>> = Object.freeze({});
let defaults: ResolvedRules | undefined;

/** Every registered rule at its default severity. */
export function defaultRules(): ResolvedRules {
  return (defaults ??= rules.map((rule) => ({ rule, severity: rule.severity, options: EMPTY })));
}

/** Extra rules (plugins) at their default severity. */
export function resolveExtra(extra: readonly RuleDefinition[] | undefined): ResolvedRule[] {
  return (extra ?? []).map((rule) => ({ rule, severity: rule.severity, options: EMPTY }));
}

/** Extra settings from configuration that some rules read (front matter requirements). */
export interface ResolveExtras {
  frontMatter?: { required?: readonly string[]; schema?: string } | undefined;
}

/**
 * Turn the `rules` of notes.config.json into the rules in effect: a rule id or a category (`table`) maps to
 * `off` / `warning` / `error` or `[severity, options]`. Unknown ids throw a NotesError (exit 2).
 */
export function resolveRules(
  configRules: Readonly<Record<string, RuleConfigValue>> = {},
  extras: ResolveExtras = {},
  registry: readonly RuleDefinition[] = rules,
): ResolvedRules {
  const known = new Set(registry.map((r) => r.id));
  const categories = new Set(registry.map((r) => r.id.split('/')[0]!));
  for (const key of Object.keys(configRules)) {
    if (!known.has(key as RuleDefinition['id']) && !categories.has(key)) {
      throw new NotesError(`Unexpected rule \`${key}\` in "rules", expected one of: ${[...known].join(', ')}`);
    }
  }
  const out: ResolvedRule[] = [];
  for (const rule of registry) {
    const setting = configRules[rule.id] ?? configRules[rule.id.split('/')[0]!];
    let severity: ResolvedRule['severity'] | 'off' = rule.severity;
    let options: Record<string, unknown> = {};
    if (typeof setting === 'string') severity = setting;
    else if (Array.isArray(setting)) {
      severity = setting[0];
      options = { ...((setting[1] as Record<string, unknown> | undefined) ?? {}) };
    }
    if (rule.id === 'fields/front-matter' && extras.frontMatter) options = { ...extras.frontMatter, ...options };
    if (severity === 'off') continue;
    out.push({ rule, severity, options: Object.keys(options).length > 0 ? options : EMPTY });
  }
  return out;
}
