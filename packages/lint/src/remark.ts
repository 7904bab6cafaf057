import type { Root } from 'mdast';
import { lintRule } from 'unified-lint-rule';
import { buildDocument, sourceFromText, type ModelDocument, type RuleContext, type RuleDefinition } from '@notes/core';
import { ruleDocsUrl } from './registry.js';
import { rules } from './rules/index.js';

type RemarkPlugin = ReturnType<typeof lintRule<Root, Record<string, unknown> | undefined>>;

/** Wrap one rule as a remark-lint plugin (unified-lint-rule): same checks, messages through vfile. */
function toPlugin(rule: RuleDefinition): RemarkPlugin {
  return lintRule<Root, Record<string, unknown> | undefined>(
    { origin: `notes:${rule.id}`, url: ruleDocsUrl(rule) },
    (tree, file, options) => {
      const text = String(file.value ?? '');
      const source = sourceFromText(text, file.path || 'input.md');
      let document: ModelDocument | undefined;
      const context: RuleContext = {
        file: source,
        text: source.text,
        lines: source.text.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l)),
        tree,
        get document() {
          return (document ??= buildDocument(source, tree));
        },
        options: options ?? {},
        configDir: file.cwd ?? null,
        report({ place, message }) {
          file.message(message, {
            place: {
              start: { line: place.line, column: place.column },
              end: { line: place.endLine ?? place.line, column: place.endColumn ?? place.column },
            },
          });
        },
      };
      rule.check(context);
    },
  );
}

/** Every rule as a remark-lint plugin, by rule id (use with remark-parse + remark-gfm + remark-frontmatter). */
export const remarkRules: Readonly<Record<string, RemarkPlugin>> = Object.fromEntries(
  rules.map((r) => [r.id, toPlugin(r)]),
);

/** A remark preset with every rule at its default severity: `remark --use @notes/lint/preset`-style use. */
export const remarkPreset: { plugins: [RemarkPlugin, 'error' | 'warn'][] } = {
  plugins: rules.map((r): [RemarkPlugin, 'error' | 'warn'] => [
    remarkRules[r.id]!,
    r.severity === 'error' ? 'error' : 'warn',
  ]),
};
