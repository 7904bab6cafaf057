import { existsSync, statSync, watch, type FSWatcher } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { NotesError } from '@notes/core';
import { CONFIG_NAME, findConfig, loadSetup, type LintSetup } from '../config.js';
import type { CliContext, Output, ParsedArgs } from '../context.js';
import { discover, displayPath, type FoundFile } from '../files.js';
import { prepare, type Prepared } from '../pipeline.js';
import { countMessages, reporters, type FileResult } from '../reporters/index.js';
import { ruleRegistry } from '../rules.js';
import { lintCommand } from './lint.js';

/**
 * Wait after the last file event before a run: an editor's save is several events (write, rename, chmod) and
 * `git checkout` touches many files within a few milliseconds.
 */
export const WATCH_DEBOUNCE_MS = 100;

const MARKDOWN = /\.(?:md|markdown)$/i;

/**
 * `notes lint --watch` and `notes build --watch`: run once, then again for the files that change, with one
 * status line per run. Ends with exit 0 on SIGINT or SIGTERM, after the run in progress has finished writing.
 */
export async function watchCommand(args: ParsedArgs, ctx: CliContext): Promise<number> {
  return new WatchSession(args, ctx).start();
}

/** Everything one watch keeps between runs: no module state. */
class WatchSession {
  private readonly roots: string[];
  private readonly configFlag: string | undefined;
  /** Absolute paths changed since the last run; `all` asks for a full run (start, configuration change). */
  private readonly pending = new Set<string>();
  private all = true;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | null = null;
  private runs = 0;
  private readonly watchers: FSWatcher[] = [];
  private stopping = false;
  /** build: each file's repaired model, kept until the file changes. */
  private readonly prepared = new Map<string, Prepared>();
  /** lint: each file's findings, kept until the file changes. */
  private readonly results = new Map<string, FileResult>();

  constructor(
    private readonly args: ParsedArgs,
    private readonly ctx: CliContext,
  ) {
    this.roots = (args.paths.length ? args.paths : ['content/']).map((p) => resolve(ctx.cwd, p));
    this.configFlag = typeof args.flags['config'] === 'string' ? args.flags['config'] : undefined;
  }

  async start(): Promise<number> {
    // Problems the user must fix before watching makes sense (a missing folder, a broken flag) end at once.
    for (const root of this.roots) {
      if (!existsSync(root)) throw new NotesError(`${displayPath(root, this.ctx.cwd)}: not found: check the path`);
    }
    // Listen for Ctrl-C first: one during the first run must end it cleanly too.
    const stopped = new Promise<void>((done) => {
      const stop = (): void => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        this.stopping = true;
        done();
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
    // Watch before the first run, so an edit made while it runs is not missed.
    const configPath = this.configFlag
      ? resolve(this.ctx.cwd, this.configFlag)
      : (findConfig(this.ctx.cwd) ?? resolve(this.ctx.cwd, CONFIG_NAME));
    const changed = (absolute: string): void => {
      if (absolute === configPath) this.all = true;
      else if (MARKDOWN.test(absolute) && !this.skipped(absolute)) this.pending.add(absolute);
      else return;
      this.schedule();
    };
    for (const root of this.roots) {
      const folder = statSync(root).isDirectory();
      this.watchers.push(
        watch(root, { recursive: folder }, (_event, name) => {
          if (name !== null) changed(folder ? resolve(root, name) : root);
        }),
      );
    }
    // The configuration's folder, not the file: an editor's save replaces the file (a new inode).
    if (existsSync(dirname(configPath))) {
      this.watchers.push(
        watch(dirname(configPath), (_event, name) => {
          if (name === basename(configPath)) changed(configPath);
        }),
      );
    }
    for (const watcher of this.watchers) watcher.on('error', () => watcher.close());
    await Promise.race([this.runNow(), stopped]);
    if (!this.stopping) {
      this.ctx.stderr.write(
        `notes: watching ${this.roots.map((r) => displayPath(r, this.ctx.cwd)).join(', ')} (Ctrl-C stops)\n`,
      );
      await stopped;
    }
    clearTimeout(this.timer);
    for (const watcher of this.watchers) watcher.close();
    // Let the run in progress finish its atomic writes: no output is left half-written.
    await this.running;
    return 0;
  }

  /** node_modules and dot-folders below a watched folder are skipped, as `discover` skips them. */
  private skipped(path: string): boolean {
    const root = this.roots.find((r) => path === r || path.startsWith(`${r}/`));
    return root !== undefined && /\/(?:node_modules|\.[^/]+)(?:\/|$)/.test(path.slice(root.length));
  }

  private schedule(): void {
    if (this.stopping) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.runNow(), WATCH_DEBOUNCE_MS);
  }

  private async runNow(): Promise<void> {
    // One run at a time: a change during a run is picked up by the next one.
    while (this.running) await this.running;
    if (this.stopping || (!this.all && this.pending.size === 0)) return;
    const all = this.all;
    const changed = [...this.pending].sort();
    this.all = false;
    this.pending.clear();
    this.runs++;
    const started = performance.now();
    this.running = (this.args.command === 'build' ? this.build(all, changed) : this.lint(all, changed))
      .then((summary) => {
        this.status(`${summary} (${Math.round(performance.now() - started)} ms)`);
      })
      .catch((error: unknown) => {
        // A failed run keeps what the last good run wrote; the changed files are tried again next time.
        if (!all) for (const path of changed) this.pending.add(path);
        else this.all = true;
        const message = error instanceof NotesError ? error.message : String((error as Error)?.message ?? error);
        this.status(
          `failed: ${message}${this.args.command === 'build' ? `; ${this.outShown()}/ keeps the last good outputs` : ''}`,
        );
      })
      .finally(() => {
        this.running = null;
      });
    await this.running;
  }

  private outShown(): string {
    return displayPath(resolve(this.ctx.cwd, String(this.args.flags['out'] ?? 'dist')), this.ctx.cwd);
  }

  private status(text: string): void {
    this.ctx.stderr.write(`notes: [${this.args.command} ${this.runs}] ${text}\n`);
  }

  private async discover(setup: LintSetup): Promise<FoundFile[]> {
    const found = await discover(
      this.roots.filter((r) => existsSync(r)),
      this.ctx.cwd,
    );
    return found.filter((f) => !setup.ignored(f.absolutePath));
  }

  /** Re-lint the changed files (every file on a full run) through `notes lint`, and report them. */
  private async lint(all: boolean, changed: readonly string[]): Promise<string> {
    const registry = await ruleRegistry();
    const setup = loadSetup(this.ctx.cwd, this.configFlag, registry);
    const found = await this.discover(setup);
    const present = new Set(found.map((f) => f.absolutePath));
    for (const path of [...this.results.keys()]) if (!present.has(path)) this.results.delete(path);
    const todo = all ? found : found.filter((f) => changed.includes(f.absolutePath));
    if (todo.length === 0) return `lint: nothing to lint (${changed.length} removed or ignored)`;
    let json = '';
    const capture: Output = { write: (s: string) => (json += s) };
    const code = await lintCommand(
      {
        command: 'lint',
        paths: todo.map((f) => f.absolutePath),
        flags: { ...this.args.flags, watch: undefined, format: 'json', quiet: undefined },
      },
      { ...this.ctx, stdout: capture },
    );
    const report = JSON.parse(json) as { files: FileResult[] };
    const byPath = new Map(report.files.map((r) => [r.path, r.messages]));
    const shownResults = todo.map((f) => {
      const result = { path: f.path, messages: byPath.get(f.path) ?? [] };
      this.results.set(f.absolutePath, result);
      return result;
    });
    const format = String(this.args.flags['format'] ?? 'stylish') as keyof typeof reporters;
    const quiet = this.args.flags['quiet'] === true;
    const text = reporters[format]({
      results: quiet
        ? shownResults.map((r) => ({ ...r, messages: r.messages.filter((m) => m.severity === 'error') }))
        : shownResults,
      rules: registry,
      color: format === 'stylish' && this.ctx.stdout.isTTY === true && !this.ctx.env['NO_COLOR'],
    });
    if (text) this.ctx.stdout.write(text);
    const totals = countMessages([...this.results.values()]);
    if (code === 2) throw new NotesError(`could not lint every file (see above)`);
    const files = [...this.results.values()].filter((r) => r.messages.length > 0).length;
    return `lint: ${todo.length} file${todo.length === 1 ? '' : 's'} linted; ${totals.errorCount} error${totals.errorCount === 1 ? '' : 's'}, ${totals.warningCount} warning${totals.warningCount === 1 ? '' : 's'} in ${files} of ${this.results.size} file${this.results.size === 1 ? '' : 's'}`;
  }

  /** Repair and model the changed files again, then export every format from all the models. */
  private async build(all: boolean, changed: readonly string[]): Promise<string> {
    const setup = loadSetup(this.ctx.cwd, this.configFlag, await ruleRegistry());
    if (all) this.prepared.clear();
    const found = await this.discover(setup);
    if (found.length === 0) {
      throw new NotesError(
        `no Markdown files (*.md, *.markdown) found in ${this.roots.map((r) => displayPath(r, this.ctx.cwd)).join(', ')}`,
      );
    }
    const present = new Set(found.map((f) => f.absolutePath));
    for (const path of [...this.prepared.keys()]) if (!present.has(path)) this.prepared.delete(path);
    const todo = found.filter((f) => changed.includes(f.absolutePath) || !this.prepared.has(f.absolutePath));
    for (const f of todo) {
      this.prepared.delete(f.absolutePath);
      // One file at a time: a file that cannot be read fails the run and is tried again on its next change.
      const [one] = await prepare([f], setup, { write: () => true });
      this.prepared.set(f.absolutePath, one!);
    }
    const { writeExports, EXPORTERS } = await import('./export.js');
    const warnings: string[] = [];
    const quietCtx: CliContext = {
      ...this.ctx,
      stderr: { write: (s: string) => void warnings.push(s), isTTY: false },
    };
    const list = found.map((f) => this.prepared.get(f.absolutePath)!);
    // Format by format, quickest first: the JSON and Markdown are fresh while the PDF still renders. Each file is
    // written atomically, and a failure before the exporters (a file that cannot be read) writes nothing.
    const written: string[] = [];
    for (const [flag] of EXPORTERS) {
      const paths = await writeExports(list, found, this.args, quietCtx, [flag]);
      if (paths === null) break;
      written.push(...paths);
      if (this.stopping) break;
    }
    const remaining = list.reduce((n, p) => n + p.remaining.filter((m) => m.severity === 'error').length, 0);
    if (written.length === 0) throw new NotesError(`${remaining} lint errors remain after repair (--strict)`);
    for (const line of warnings) if (line.startsWith('notes: warning:')) this.ctx.stderr.write(line);
    return `build: ${todo.length} of ${found.length} file${found.length === 1 ? '' : 's'} rebuilt, ${written.length} outputs written to ${this.outShown()}/${remaining ? `; ${remaining} lint error${remaining === 1 ? '' : 's'} remain after repair (notes lint shows them)` : ''}`;
  }
}
