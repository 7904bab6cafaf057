import {
  buildDocument,
  type Fix,
  type ModelDocument,
  type Report,
  type RuleContext,
  type SourceFile,
} from '@notes/core';
import { readDisables } from './disables.js';
import { parseForLint } from './parse.js';
import { defaultRules, resolveExtra } from './resolve.js';
import type { LintMessage, LintOptions, ResolvedRules } from '../types.js';
import { indexTree } from '../helpers/tree-index.js';

/** Order findings by position, then rule id, so output is stable. */
export function compareMessages(a: LintMessage, b: LintMessage): number {
  return a.line - b.line || a.column - b.column || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
}

function normalizeFix(fix: Report['fix']): Fix[] | undefined {
  if (!fix) return undefined;
  const list = Array.isArray(fix) ? fix : [fix];
  return list.length > 0 ? list : undefined;
}

/** Lint one file: one parse shared by every rule, inline disables applied, findings sorted. */
export function lintSource(file: SourceFile, options: LintOptions = {}): LintMessage[] {
  return lintWithModel(file, options).messages;
}

/**
 * lintSource, also handing out the parse and the model the rules shared, so a caller that needs the model
 * (every export) does not parse the same text again.
 */
export function lintWithModel(
  file: SourceFile,
  options: LintOptions = {},
): { messages: LintMessage[]; document: () => ModelDocument } {
  const rules: ResolvedRules = [...(options.rules ?? defaultRules()), ...resolveExtra(options.extraRules)];
  const text = file.text;
  const lines = text.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
  const parse = options.parse ?? parseForLint;
  const tree = parse(text);
  const index = indexTree(tree, lines.length);
  const disables = readDisables(lines, (line) => index.code[line] === true);
  options.betweenSteps?.();
  let document: ModelDocument | undefined;
  const messages: LintMessage[] = [];
  for (const { rule, severity, options: ruleOptions } of rules) {
    const context: RuleContext = {
      file,
      text,
      lines,
      tree,
      parse,
      get document() {
        return (document ??= buildDocument(file, tree));
      },
      options: ruleOptions,
      configDir: options.configDir ?? null,
      report(report) {
        const { place } = report;
        if (disables.isDisabled(rule.id, place.line)) return;
        const fix = rule.fixable ? normalizeFix(report.fix) : undefined;
        const message: LintMessage = {
          ruleId: rule.id,
          severity,
          line: place.line,
          column: place.column,
          endLine: place.endLine ?? place.line,
          endColumn: place.endColumn ?? place.column,
          message: report.message,
          fixable: fix !== undefined,
        };
        if (fix) message.fix = fix;
        messages.push(message);
      },
    };
    try {
      rule.check(context);
      options.betweenSteps?.();
    } catch (error) {
      // One rule failing on odd input must not stop the run: say so as a finding, on line 1.
      messages.push({
        ruleId: rule.id,
        severity: 'error',
        line: 1,
        column: 1,
        endLine: 1,
        endColumn: 1,
        message: `Unexpected failure of rule ${rule.id} (${String((error as Error)?.message ?? error).split('\n')[0]}), expected a clean run: please report it`,
        fixable: false,
      });
    }
  }
  return { messages: messages.sort(compareMessages), document: () => (document ??= buildDocument(file, tree)) };
}
