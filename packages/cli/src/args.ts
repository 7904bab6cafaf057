import { NotesError } from '@notes/core';
import type { ParsedArgs } from './context.js';

/** One flag, declared once: drives parsing and `--help`. */
export interface FlagSpec {
  name: string;
  type: 'boolean' | 'string' | 'number';
  commands: readonly ParsedArgs['command'][];
  help: string;
  /** Accepted values for a string flag. */
  choices?: readonly string[];
  value?: string;
}

/** Every flag of every command. */
export const FLAGS: readonly FlagSpec[] = [
  {
    name: 'format',
    type: 'string',
    commands: ['lint'],
    choices: ['stylish', 'json', 'sarif', 'github'],
    value: 'NAME',
    help: 'output format (default stylish)',
  },
  { name: 'fix', type: 'boolean', commands: ['lint'], help: 'repair what is safe to repair, in place' },
  {
    name: 'config',
    type: 'string',
    commands: ['lint', 'export', 'build'],
    value: 'FILE',
    help: 'use this notes.config.json instead of searching upward',
  },
  {
    name: 'max-warnings',
    type: 'number',
    commands: ['lint'],
    value: 'N',
    help: 'exit 1 when there are more than N warnings',
  },
  { name: 'quiet', type: 'boolean', commands: ['lint'], help: 'report errors only' },
  {
    name: 'cache',
    type: 'boolean',
    commands: ['lint'],
    help: 'skip files unchanged since the last run (keyed on content and config)',
  },
  {
    name: 'cache-location',
    type: 'string',
    commands: ['lint'],
    value: 'PATH',
    help: 'where the cache lives (default node_modules/.cache/notes)',
  },
  { name: 'json', type: 'boolean', commands: ['export'], help: 'write the JSON dataset (notes.json)' },
  { name: 'md', type: 'boolean', commands: ['export'], help: 'write clean Markdown (markdown/…)' },
  { name: 'anki', type: 'boolean', commands: ['export'], help: 'write the Anki deck (notes.apkg)' },
  { name: 'pdf', type: 'boolean', commands: ['export'], help: 'write the PDF cheat sheet (cheatsheet.pdf)' },
  { name: 'site', type: 'boolean', commands: ['export'], help: 'write the study site (site/index.html)' },
  { name: 'all', type: 'boolean', commands: ['export'], help: 'write every format' },
  { name: 'out', type: 'string', commands: ['export', 'build'], value: 'DIR', help: 'output folder (default dist/)' },
  {
    name: 'strict',
    type: 'boolean',
    commands: ['export', 'build'],
    help: 'refuse to export (exit 1, nothing written) while lint errors remain',
  },
  {
    name: 'paper',
    type: 'string',
    commands: ['export', 'build'],
    choices: ['a4', 'letter'],
    value: 'SIZE',
    help: 'PDF paper size (default a4)',
  },
  {
    name: 'columns',
    type: 'number',
    commands: ['export', 'build'],
    value: 'N',
    help: 'PDF columns per page (default 3)',
  },
  {
    name: 'no-id-map',
    type: 'boolean',
    commands: ['export', 'build'],
    help: 'Anki: neither read nor write the id map (no renames kept, no orphans listed)',
  },
  {
    name: 'watch',
    type: 'boolean',
    commands: ['lint', 'build'],
    help: 'run again when a note or the configuration changes (Ctrl-C stops)',
  },
  {
    name: 'stdio',
    type: 'boolean',
    commands: ['lsp'],
    help: 'talk LSP over stdin/stdout (the default and only transport; editors pass it)',
  },
  {
    name: 'clientProcessId',
    type: 'number',
    commands: ['lsp'],
    value: 'PID',
    help: 'exit when this process (the editor) is gone (vscode-languageclient passes it)',
  },
  { name: 'force', type: 'boolean', commands: ['init'], help: 'overwrite files that already exist' },
  { name: 'help', type: 'boolean', commands: ['lint', 'export', 'build', 'lsp', 'init'], help: 'show this help' },
];

const SYNOPSIS: Record<ParsedArgs['command'], string> = {
  lint: 'notes lint [paths…] [--format stylish|json|sarif|github] [--fix] [--config FILE] [--max-warnings N] [--quiet] [--watch]',
  export: 'notes export [paths…] (--json | --md | --anki | --pdf | --site | --all) [--out DIR] [--strict]',
  build: 'notes build [paths…] [--out DIR] [--watch]   lint, then export --all',
  lsp: 'notes lsp [--stdio]   language server for editors (diagnostics, quick fixes, fix all, formatting)',
  init: 'notes init [--force]   write notes.config.json, an example note, a CI workflow and .gitignore entries',
};

/** The commands, in the order `notes --help` lists them. */
export const COMMANDS = ['lint', 'export', 'build', 'lsp', 'init'] as const;

/** The text of `notes --help` or `notes <command> --help`, generated from FLAGS. */
export function helpText(command?: ParsedArgs['command']): string {
  const commands = command ? [command] : COMMANDS;
  const lines = ['Usage:'];
  for (const c of commands) lines.push(`  ${SYNOPSIS[c]}`);
  lines.push(
    '',
    'Paths are files or folders (every *.md / *.markdown below; node_modules and dot-folders skipped). Default: content/.',
  );
  for (const c of commands) {
    lines.push('', `Options for ${c}:`);
    for (const f of FLAGS.filter((x) => x.commands.includes(c))) {
      const left = `  --${f.name}${f.value ? ` ${f.value}` : ''}`;
      lines.push(
        `${left.padEnd(26)} ${f.help}${f.choices && !f.help.includes('|') ? ` (${f.choices.join('|')})` : ''}`,
      );
    }
  }
  lines.push('', 'Exit codes: 0 no errors, 1 errors found (or --strict refused), 2 usage error or fatal problem.');
  return `${lines.join('\n')}\n`;
}

/** Thrown for a usage mistake: printed with a pointer to --help, exit 2. */
export class UsageError extends NotesError {}

/** Parse argv (without node and script) into a command, paths and typed flags. */
export function parseArgs(
  argv: readonly string[],
): ParsedArgs | { help: true; command?: ParsedArgs['command'] } | { version: true } {
  const [first, ...rest] = argv;
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') return { help: true };
  if (first === '--version' || first === '-v') return { version: true };
  const command = COMMANDS.find((c) => c === first);
  if (command === undefined) {
    throw new UsageError(
      `unknown command "${first}": use ${COMMANDS.slice(0, -1).join(', ')} or ${COMMANDS.at(-1)} (notes --help)`,
    );
  }
  const paths: string[] = [];
  const flags: ParsedArgs['flags'] = {};
  let onlyPaths = false;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (onlyPaths || !arg.startsWith('-') || arg === '-') {
      paths.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyPaths = true;
      continue;
    }
    if (arg === '-h') return { help: true, command };
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq === -1 ? undefined : eq);
    const spec = FLAGS.find((f) => f.name === name);
    if (!arg.startsWith('--') || !spec)
      throw new UsageError(`unknown option "${arg}" for notes ${command} (notes ${command} --help)`);
    if (!spec.commands.includes(command))
      throw new UsageError(`option --${name} does not apply to notes ${command} (notes ${command} --help)`);
    if (spec.type === 'boolean') {
      if (eq !== -1) throw new UsageError(`option --${name} takes no value`);
      flags[name] = true;
      continue;
    }
    let value = eq === -1 ? rest[++i] : arg.slice(eq + 1);
    if (value === undefined || (eq === -1 && value.startsWith('--'))) {
      throw new UsageError(`option --${name} needs a value${spec.value ? ` (${spec.value})` : ''}`);
    }
    if (spec.type === 'number') {
      if (!/^\d+$/.test(value)) throw new UsageError(`option --${name} needs a whole number, got "${value}"`);
      flags[name] = Number(value);
      continue;
    }
    if (spec.choices && !spec.choices.includes(value)) {
      throw new UsageError(`option --${name} must be one of ${spec.choices.join(', ')}, got "${value}"`);
    }
    flags[name] = value;
    value = undefined;
  }
  if (flags['help']) return { help: true, command };
  return { command, paths, flags };
}
