import type { Root } from 'mdast';
import type { ModelDocument } from './model.js';
import type { SourceFile } from './source.js';

/** How much a finding matters; only severity decides the exit code. */
export type Severity = 'error' | 'warning';
/** A configured severity: `off` disables the rule. */
export type RuleSetting = Severity | 'off';

/**
 * A fix as data: at 1-based `line` and `column` (UTF-16 code units, as in the text), delete `deleteCount` code
 * units (newlines count as one) and insert `insert`. One shared fixer applies fixes; rules never write text.
 */
export interface Fix {
  line: number;
  column: number;
  deleteCount: number;
  insert: string;
}

/** Where a finding is: 1-based, end exclusive like ESLint. */
export interface Place {
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
}

/** What a rule reports. `fix` may hold several edits that must be applied together. */
export interface Report {
  place: Place;
  /** `Unexpected <found>, expected <wanted>` */
  message: string;
  fix?: Fix | Fix[];
}

/** What a rule sees: the file, its text split in lines, one shared parse and the model built from it. */
export interface RuleContext {
  readonly file: SourceFile;
  /** The text being linted (no BOM; CRLF kept as is). */
  readonly text: string;
  /** The text split on `\n`, `\r` removed from line ends. */
  readonly lines: readonly string[];
  /** mdast with positions, parsed once per file and shared by every rule. */
  readonly tree: Root;
  /** The note model of the file (built lazily, once). */
  readonly document: ModelDocument;
  /** Options from configuration (`["error", {...}]`) or a fixture's `notes-config` comment. */
  readonly options: Readonly<Record<string, unknown>>;
  /** Folder of the notes.config.json in effect (to resolve paths in options), or null. */
  readonly configDir: string | null;
  /**
   * Parse another text (a rule judging the text a fix would give) the way `tree` was parsed: the lint engine
   * gives the parse that made `tree` (its lean parse, or core's `parseMarkdown` when exporting), or an
   * incremental equivalent of `parseMarkdown` from callers that parse successive versions (the language
   * server). Absent when a caller builds a context by hand: use `parseMarkdown`.
   */
  readonly parse?: (text: string) => Root;
  report(report: Report): void;
}

/** A lint rule, metadata kept as data. */
export interface RuleDefinition {
  /** `category/name`: category one of encoding, heading, table, fields, text. */
  id: `${'encoding' | 'heading' | 'table' | 'fields' | 'text'}/${string}`;
  /** One line: what it checks. */
  description: string;
  tags: readonly string[];
  fixable: boolean;
  severity: Severity;
  /** Where the rule is documented, for rules documented outside the lint README's rule table (plugins). */
  docsUrl?: string;
  check(context: RuleContext): void;
}

/** Declare a rule; returns it unchanged (a typed identity, so rule files stay plain data). */
export function defineRule<const T extends RuleDefinition>(rule: T): T {
  return rule;
}
