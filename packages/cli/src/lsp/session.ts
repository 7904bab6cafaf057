import { readFileSync, watch, type FSWatcher } from 'node:fs';
import { basename, dirname, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NotesError, sourceFromBytes, sourceFromText, type RuleDefinition, type SourceFile } from '@notes/core';
import {
  fixSource,
  incrementalParser,
  lintWithModel,
  ruleDocsUrl,
  type IncrementalParse,
  type LintMessage,
} from '@notes/lint';
import {
  CodeActionKind,
  DidChangeWatchedFilesNotification,
  TextDocumentSyncKind,
  TextDocuments,
  type CodeAction,
  type CodeActionParams,
  type Connection,
  type Diagnostic,
  type DocumentFormattingParams,
  type InitializeParams,
  type InitializeResult,
  type TextEdit,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CONFIG_NAME, findConfig, loadSetup, type LintSetup } from '../config.js';
import { codeActionsFor, FIX_ALL_KIND } from './actions.js';
export { FIX_ALL_KIND } from './actions.js';
export { disableEdit, fileUri, toDiagnostic } from './edits.js';
import { minimalEdit, toDiagnostic, tooBig } from './edits.js';
import { ruleRegistry } from '../rules.js';

/**
 * Default wait after the last change before linting: long enough to coalesce the events of one keystroke burst
 * (an editor sends a change per character), short enough to stay under the ~50 ms at which a squiggle feels late.
 */
export const DEFAULT_DEBOUNCE_MS = 15;

/** Client settings, from `initializationOptions` (all optional). */
export interface LspOptions {
  /** Offer `textDocument/formatting` through the clean-Markdown export (off by default: it rewrites the file). */
  format?: boolean;
  /** Debounce of diagnostics after a change, in milliseconds. */
  debounceMs?: number;
}

/** What one version of an open document gave: the findings, and the repaired text once asked for. */
interface Linted {
  version: number;
  text: string;
  messages: LintMessage[];
  /** `--fix` output for this version (computed on the first fix-all or format request). */
  fixed?: string;
}

const MARKDOWN = /\.(?:md|markdown)$/i;

/**
 * One language-server session: the open documents, their last lint, the configurations in use and the pending
 * timers. Everything lives here (no module state), so a server is one `new LspSession(connection)`.
 */
export class LspSession {
  readonly documents = new TextDocuments(TextDocument);
  private folders: string[] = [];
  private options: LspOptions = {};
  private readonly linted = new Map<string, Linted>();
  /** Open documents whose file holds bytes that are not UTF-8: the file as `notes lint` decodes it. */
  private readonly disk = new Map<string, SourceFile>();
  /**
   * Each open document's parser: sections unchanged since the last keystroke are not parsed again (rules that
   * parse the text a fix would give, through `ctx.parse`, use it too).
   */
  private readonly parsers = new Map<string, IncrementalParse>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** Loaded configurations by the path of their notes.config.json ('' for defaults). */
  private readonly setups = new Map<string, LintSetup>();
  /** notes.config.json files watched by the server itself, when the client cannot watch files for it. */
  private readonly watchers = new Map<string, FSWatcher>();
  private clientWatches = false;
  /** The rules of `notes lint` (built-in and plugins), loaded once at initialize. */
  private registry: readonly RuleDefinition[] = [];
  private docsUrls = new Map<string, string>();

  constructor(private readonly connection: Connection) {
    connection.onInitialize((params) => this.initialize(params));
    connection.onInitialized(() => {
      if (this.clientWatches) {
        void connection.client.register(DidChangeWatchedFilesNotification.type, {
          watchers: [{ globPattern: `**/${CONFIG_NAME}` }],
        });
      }
    });
    connection.onCodeAction((params) => this.codeActions(params));
    connection.onDocumentFormatting((params) => this.format(params));
    connection.onDidChangeWatchedFiles(({ changes }) => {
      if (changes.some((c) => basename(fileURLToPath(c.uri)) === CONFIG_NAME)) this.configChanged();
    });
    connection.onShutdown(() => this.dispose());
    this.documents.onDidOpen(({ document }) => {
      this.readDisk(document);
      this.lintNow(document);
    });
    this.documents.onDidChangeContent(({ document }) => this.schedule(document));
    this.documents.onDidSave(({ document }) => {
      if (this.isMarkdown(document)) {
        this.readDisk(document);
        this.linted.delete(document.uri);
        this.lintNow(document);
      }
      if (basename(this.pathOf(document.uri) ?? '') === CONFIG_NAME) this.configChanged();
    });
    this.documents.onDidClose(({ document }) => {
      clearTimeout(this.timers.get(document.uri));
      this.timers.delete(document.uri);
      this.linted.delete(document.uri);
      this.parsers.delete(document.uri);
      this.disk.delete(document.uri);
      if (this.isMarkdown(document)) void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
    });
    this.documents.listen(connection);
  }

  private async initialize(params: InitializeParams): Promise<InitializeResult> {
    this.registry = await ruleRegistry();
    this.docsUrls = new Map(this.registry.map((rule) => [rule.id, ruleDocsUrl(rule)]));
    const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    this.folders = folders.flatMap((uri) => (uri.startsWith('file:') ? [fileURLToPath(uri)] : []));
    const init = (params.initializationOptions ?? {}) as LspOptions;
    this.options = {
      format: init.format === true,
      debounceMs: typeof init.debounceMs === 'number' && init.debounceMs >= 0 ? init.debounceMs : DEFAULT_DEBOUNCE_MS,
    };
    this.clientWatches = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: true },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        ...(this.options.format ? { documentFormattingProvider: true } : {}),
      },
      serverInfo: { name: 'notes' },
    };
  }

  private diagnostic(m: LintMessage, document: TextDocument): Diagnostic {
    return toDiagnostic(
      m,
      document,
      m.docsUrl ?? this.docsUrls.get(m.ruleId) ?? ruleDocsUrl({ id: m.ruleId as RuleDefinition['id'] }),
    );
  }

  /** Stop every timer and watcher (on shutdown). */
  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    for (const watcher of this.watchers.values()) watcher.close();
    this.watchers.clear();
  }

  private pathOf(uri: string): string | null {
    return uri.startsWith('file:') ? fileURLToPath(uri) : null;
  }

  private isMarkdown(document: TextDocument): boolean {
    return document.languageId === 'markdown' || MARKDOWN.test(document.uri);
  }

  /** The workspace folder holding a path, or null: nothing outside the workspace is read. */
  private folderOf(path: string): string | null {
    let best: string | null = null;
    for (const folder of this.folders) {
      const rel = relative(folder, path);
      if (!rel.startsWith('..') && !rel.startsWith(sep) && (best === null || folder.length > best.length))
        best = folder;
    }
    return best;
  }

  /**
   * The configuration of a file, as `notes lint` run from its workspace folder finds it: the nearest
   * notes.config.json upward from the file, but never above the workspace folder.
   */
  private setupFor(path: string | null): LintSetup {
    const folder = path ? this.folderOf(path) : null;
    const configPath = path && folder ? (findConfig(dirname(path), undefined, folder) ?? '') : '';
    const known = this.setups.get(configPath);
    if (known) return known;
    let setup: LintSetup;
    try {
      setup = configPath
        ? loadSetup(dirname(configPath), configPath, this.registry)
        : loadSetup('/', undefined, this.registry, null);
    } catch (error) {
      if (!(error instanceof NotesError)) throw error;
      // A broken configuration: say so once, and lint with the defaults until it is fixed.
      void this.connection.window.showErrorMessage(`notes: ${error.message}`);
      setup = loadSetup('/', undefined, this.registry, null);
    }
    this.setups.set(configPath, setup);
    if (configPath && !this.clientWatches && !this.watchers.has(configPath)) this.watchConfig(configPath);
    return setup;
  }

  private watchConfig(configPath: string): void {
    try {
      const watcher = watch(configPath, { persistent: false }, () => this.configChanged());
      watcher.on('error', () => watcher.close());
      this.watchers.set(configPath, watcher);
    } catch {
      // The file went away between finding and watching it: the next lint finds the change.
    }
  }

  /** A notes.config.json changed: forget every loaded configuration and lint the open notes again. */
  configChanged(): void {
    this.setups.clear();
    for (const watcher of this.watchers.values()) watcher.close();
    this.watchers.clear();
    this.linted.clear();
    for (const document of this.documents.all()) if (this.isMarkdown(document)) this.lintNow(document);
  }

  private schedule(document: TextDocument): void {
    if (!this.isMarkdown(document)) return;
    clearTimeout(this.timers.get(document.uri));
    this.timers.set(
      document.uri,
      setTimeout(() => {
        this.timers.delete(document.uri);
        const current = this.documents.get(document.uri);
        if (current) this.lintNow(current);
      }, this.options.debounceMs ?? DEFAULT_DEBOUNCE_MS),
    );
  }

  private lintNow(document: TextDocument): void {
    if (!this.isMarkdown(document)) return;
    const result = this.lint(document);
    void this.connection.sendDiagnostics({
      uri: document.uri,
      version: document.version,
      diagnostics: result.messages.map((m) => this.diagnostic(m, document)),
    });
  }

  private sourceOf(document: TextDocument): { source: SourceFile; setup: LintSetup; skip: boolean } {
    const path = this.pathOf(document.uri);
    const setup = this.setupFor(path);
    const folder = path ? this.folderOf(path) : null;
    const shown = path ? (folder ? relative(folder, path).split(sep).join('/') : path) : document.uri;
    const text = document.getText();
    // The text as `notes lint` decodes the file, while the editor shows what is saved: bytes that are not UTF-8
    // (which the editor shows as U+FFFD) are then reported as `notes lint` reports them.
    const disk = this.disk.get(document.uri);
    const source =
      disk && disk.text === text
        ? { ...disk, path: shown }
        : { ...sourceFromText(text, shown), absolutePath: path ?? shown };
    return { source, setup, skip: path !== null && setup.ignored(path) };
  }

  /** Read a workspace file as `notes lint` does, to know its invalid bytes (on open and save only). */
  private readDisk(document: TextDocument): void {
    this.disk.delete(document.uri);
    const path = this.pathOf(document.uri);
    if (!path || !this.folderOf(path) || !this.isMarkdown(document)) return;
    try {
      const bytes = readFileSync(path);
      if (bytes.length > this.setupFor(path).maxFileBytes) return;
      const source = sourceFromBytes(bytes, { path, absolutePath: path });
      if (source.invalid.length > 0) this.disk.set(document.uri, source);
    } catch {
      // Unsaved, unreadable or binary: lint the editor's text alone.
    }
  }

  /** The lint of a document's current version: reused by every request until the text changes. */
  private lint(document: TextDocument): Linted {
    const known = this.linted.get(document.uri);
    if (known && known.version === document.version) return known;
    const { source, setup, skip } = this.sourceOf(document);
    let messages: LintMessage[] = [];
    if (!skip) {
      if (source.size > setup.maxFileBytes) {
        messages = [tooBig(source.size, setup.maxFileBytes)];
      } else {
        let parse = this.parsers.get(document.uri);
        if (!parse) {
          parse = incrementalParser('lint');
          this.parsers.set(document.uri, parse);
        }
        const options = { ...setup.optionsFor(source.absolutePath), parse };
        messages = lintWithModel(source, options).messages;
      }
    }
    const linted: Linted = { version: document.version, text: source.text, messages };
    this.linted.set(document.uri, linted);
    return linted;
  }

  /** `--fix` of the document's current version, computed once per version. */
  private fixed(document: TextDocument): string {
    const linted = this.lint(document);
    if (linted.fixed === undefined) {
      const { source, setup } = this.sourceOf(document);
      linted.fixed = linted.messages.some((m) => m.fix)
        ? fixSource(source, setup.optionsFor(source.absolutePath)).output
        : source.text;
    }
    return linted.fixed;
  }

  private codeActions(params: CodeActionParams): CodeAction[] {
    const document = this.documents.get(params.textDocument.uri);
    if (!document || !this.isMarkdown(document)) return [];
    return codeActionsFor(document, params, this.lint(document), {
      diagnostic: (m) => this.diagnostic(m, document),
      fixed: () => this.fixed(document),
    });
  }

  /** Formatting: the clean-Markdown export of the repaired text (opt-in, `format: true`). */
  private async format(params: DocumentFormattingParams): Promise<TextEdit[]> {
    const document = this.documents.get(params.textDocument.uri);
    if (!this.options.format || !document || !this.isMarkdown(document)) return [];
    const { source, setup, skip } = this.sourceOf(document);
    if (skip || source.size > setup.maxFileBytes) return [];
    const [{ parseMarkdown }, { markdownExporter }] = await Promise.all([
      import('@notes/core'),
      import('@notes/export-markdown'),
    ]);
    const { document: model } = fixSource(source, { ...setup.optionsFor(source.absolutePath), parse: parseMarkdown });
    const [out] = await markdownExporter.export([model()], {
      epoch: 0,
      baseDir: dirname(source.absolutePath),
      warn: (message) => void this.connection.console.warn(message),
    });
    const clean = typeof out?.data === 'string' ? out.data : null;
    if (clean === null || clean === source.text) return [];
    return [minimalEdit(document, source.text, clean)];
  }
}
