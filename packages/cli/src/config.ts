import { readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { validateConfig as validator } from '@notes/core/validators';
import { DEFAULT_MAX_FILE_BYTES, formatAjvError, NotesError, type NotesConfig, type RuleDefinition } from '@notes/core';
import { resolveRules, type LintOptions, type ResolvedRules, type RuleConfigValue } from '@notes/lint';

/** The configuration file's name, looked for in the working directory and every folder above it. */
export const CONFIG_NAME = 'notes.config.json';

/** A loaded configuration: the validated data, where it came from, and the rules it turns on. */
export interface LintSetup {
  config: NotesConfig;
  /** Absolute path of the notes.config.json in effect, or null (defaults). */
  configPath: string | null;
  /** Its folder (paths in the config resolve from here), or null. */
  configDir: string | null;
  rules: ResolvedRules;
  maxFileBytes: number;
  /** Path globs from `ignores`, as a test on a path relative to the config folder (or cwd). */
  ignored(absolutePath: string): boolean;
  /** The lint options for one file (one configuration per run, found from the working directory). */
  optionsFor(absolutePath: string): LintOptions;
}

/**
 * Find notes.config.json in `cwd` or the nearest folder above it (but not above `stopAt`, when given); null when
 * there is none.
 */
export function findConfig(
  cwd: string,
  exists: (path: string) => boolean = fileExists,
  stopAt?: string,
): string | null {
  let dir = resolve(cwd);
  for (;;) {
    const candidate = join(dir, CONFIG_NAME);
    if (exists(candidate)) return candidate;
    const up = dirname(dir);
    if (up === dir || (stopAt !== undefined && dir === resolve(stopAt))) return null;
    dir = up;
  }
}

function fileExists(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** Parse and validate a configuration file's text; every problem is a one-line NotesError (exit 2). */
export function parseConfig(text: string, shown: string): NotesConfig {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const reason = (error as Error).message.replace(/^JSON\.parse: /, '').split('\n')[0];
    throw new NotesError(`invalid JSON (${reason}): fix the syntax`, { file: shown });
  }
  // config.schema.json, compiled at build time (ajv standalone code, allErrors, not strict).
  if (!validator(data)) {
    const errors = validator.errors ?? [];
    // oneOf / additionalProperties errors come in groups: show the most specific one.
    const first =
      errors.find((e) => e.keyword === 'propertyNames') ??
      errors.find((e) => e.keyword === 'additionalProperties') ??
      errors.find((e) => e.keyword === 'enum') ??
      errors[0];
    const detail = first
      ? first.keyword === 'propertyNames'
        ? `at ${first.instancePath || '/'}: key "${(first.params as { propertyName: string }).propertyName}" is not a rule id (category/name)`
        : first.keyword === 'additionalProperties'
          ? `at ${first.instancePath || '/'}: unknown key "${(first.params as { additionalProperty: string }).additionalProperty}"`
          : first.keyword === 'enum'
            ? `at ${first.instancePath}: must be one of ${(first.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')}`
            : formatAjvError(first)
      : 'does not match schemas/config.schema.json';
    throw new NotesError(`invalid configuration ${detail}: see schemas/config.schema.json`, { file: shown });
  }
  return data;
}

/** Glob (`*`, `**`, `?`) to a regular expression over `/`-separated relative paths. */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*') {
      if (glob[i + 1] === '*') {
        i++;
        if (glob[i + 1] === '/') {
          i++;
          re += '(?:.*/)?';
        } else re += '.*';
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re.replace(/\/$/, '(?:/.*)?')}(?:/.*)?$`);
}

/**
 * Load the configuration in effect: `--config FILE` when given, else notes.config.json found upward from the
 * working directory, else the defaults. Returns the rules of `registry` it turns on (default: the built-in rules;
 * the commands pass the run's registry, `ruleRegistry()`). `within` bounds the search (the language server reads
 * nothing outside the workspace): a folder to stop at, or null for the defaults without searching.
 */
export function loadSetup(
  cwd: string,
  configFlag?: string,
  registry?: readonly RuleDefinition[],
  within?: string | null,
): LintSetup {
  const configPath = configFlag
    ? resolve(cwd, configFlag)
    : within === null
      ? null
      : findConfig(cwd, fileExists, within);
  let config: NotesConfig = {};
  // Shown relative to the working directory, as every path in a message is.
  const shown =
    configFlag ?? (configPath ? relative(cwd, configPath).split(sep).join('/') || CONFIG_NAME : CONFIG_NAME);
  if (configPath) {
    let text: string;
    try {
      text = readFileSync(configPath, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new NotesError(
        code === 'ENOENT'
          ? 'configuration file not found: check the --config path'
          : `cannot read the configuration (${code ?? String(error)})`,
        { file: shown },
      );
    }
    config = parseConfig(text, shown);
  }
  const configDir = configPath ? dirname(configPath) : null;
  let rules: ResolvedRules;
  try {
    rules = resolveRules(
      (config.rules ?? {}) as Record<string, RuleConfigValue>,
      { frontMatter: config.frontMatter },
      registry,
    );
  } catch (error) {
    if (error instanceof NotesError) throw new NotesError(error.message, { file: shown });
    throw error;
  }
  const base = configDir ?? cwd;
  const patterns = (config.ignores ?? []).map(globToRegExp);
  return {
    config,
    configPath,
    configDir,
    rules,
    maxFileBytes: config.limits?.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES,
    ignored(absolutePath) {
      if (patterns.length === 0) return false;
      const rel = absolutePath.startsWith(`${base}/`) ? absolutePath.slice(base.length + 1) : absolutePath;
      return patterns.some((p) => p.test(rel));
    },
    optionsFor() {
      return { rules, configDir };
    },
  };
}
