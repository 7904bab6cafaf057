import type { Fix, ModelDocument, RuleDefinition, Severity } from '@notes/core';
import type { Root } from 'mdast';

/** One finding: what the reporters print and what `--fix` repairs. Positions are 1-based, end exclusive. */
export interface LintMessage {
  ruleId: string;
  severity: Severity;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
  fixable: boolean;
  /** Where the rule is documented (set on the findings of a batch run, which the reporters print). */
  docsUrl?: string;
  /** The edits that repair it (data, applied by the shared fixer). */
  fix?: Fix[];
}

/** A rule switched on, with the severity and options in effect. */
export interface ResolvedRule {
  rule: RuleDefinition;
  severity: Severity;
  options: Readonly<Record<string, unknown>>;
}

/** The rules in effect for a run, in registry order (rules set to `off` are left out). */
export type ResolvedRules = readonly ResolvedRule[];

/** A rule's configured setting: a severity, or `[severity, options]`. */
export type RuleConfigValue =
  'off' | Severity | readonly ['off' | Severity] | readonly ['off' | Severity, Record<string, unknown>];

/** Options of lintSource / fixSource. */
export interface LintOptions {
  /** The rules in effect (default: every rule at its default severity). */
  rules?: ResolvedRules;
  /** Extra rules (plugins), run at their default severity. */
  extraRules?: readonly RuleDefinition[];
  /** Folder of the notes.config.json in effect, or null. */
  configDir?: string | null;
  /**
   * The parse to share (default: the lean lint parse for small files). Exports pass core's `parseMarkdown` so
   * the model the rules built is the one every exporter needs.
   */
  parse?: (text: string) => Root;
  /**
   * Called by fixSource between two passes, once the last pass's tree is garbage: the caller may collect it
   * there (a 700 KB file's passes left about 190 MB of garbage). Lint never forces a collection itself.
   */
  betweenPasses?: () => void;
  /**
   * Called by lintSource and lintWithModel after the parse and after each rule: the caller may collect garbage
   * there on a big file (the parse and the rules leave hundreds of MB of it on a 10 MB file).
   */
  betweenSteps?: () => void;
}

/** What fixSource returns. */
export interface FixResult {
  /** The repaired text (no BOM; line endings and final newline kept). */
  output: string;
  /** Findings that remain after fixing. */
  messages: LintMessage[];
  /**
   * The first pass's findings, on the text as given: what `lintSource` reports for it, so a caller that reports
   * and then repairs (`notes build`) lints each file once.
   */
  found: LintMessage[];
  /** Whether any byte changed. */
  changed: boolean;
  /** The model of the repaired text, built from the last pass's parse (once, on first call). */
  document: () => ModelDocument;
}
