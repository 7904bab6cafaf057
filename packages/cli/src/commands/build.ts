import { describeFsError, NotesError, readSource } from '@notes/core';
import { ruleDocsUrl, type LintMessage } from '@notes/lint';
import { loadSetup } from '../config.js';
import type { CliContext, ParsedArgs } from '../context.js';
import { discover } from '../files.js';
import { startPdfThread } from '../pdf-thread.js';
import { prepareSource, type Prepared } from '../pipeline.js';
import { progress } from '../progress.js';
import { ruleRegistry } from '../rules.js';
import type { FileResult } from '../reporters/index.js';
import { EXPORTERS, noMarkdownFiles, noteSizes, writeExports } from './export.js';
import { reportFindings } from './lint.js';

/**
 * `notes build`: lint (stylish report), then export every format; exit 1 when lint found errors. Each file is
 * read, parsed and linted once: the first lint pass of its repair is the report, its last pass's parse and model
 * feed every exporter.
 */
export async function buildCommand(args: ParsedArgs, ctx: CliContext): Promise<number> {
  // The PDF's thread starts first: pdfmake and the fonts load while the notes are linted. A path that is missing
  // is the lint's to report.
  const paths = args.paths.length > 0 ? args.paths : ['content/'];
  const early = await discover(paths, ctx.cwd, () => undefined).catch(() => null);
  const pdfThread = early ? startPdfThread(await noteSizes(early)) : null;
  try {
    const registry = await ruleRegistry();
    const setup = loadSetup(
      ctx.cwd,
      typeof args.flags['config'] === 'string' ? args.flags['config'] : undefined,
      registry,
    );
    const warn = (message: string): void => void ctx.stderr.write(`notes: ${message}\n`);
    const found = (await discover(paths, ctx.cwd, warn)).filter((f) => !setup.ignored(f.absolutePath));
    const docs = new Map(setup.rules.map(({ rule }) => [rule.id as string, ruleDocsUrl(rule)]));
    const withDocs = (messages: readonly LintMessage[]): LintMessage[] =>
      messages.map((m) => {
        const url = docs.get(m.ruleId);
        return url === undefined ? { ...m } : { ...m, docsUrl: url };
      });

    // Read, lint and repair each file once; one that cannot be read is reported as `notes lint` reports it.
    let fatal = 0;
    const results: FileResult[] = [];
    const prepared: Prepared[] = [];
    const bar = progress(ctx.stderr, found.length, 'linting');
    for (const f of found) {
      try {
        const file = await readSource(f.absolutePath, { path: f.path, maxBytes: setup.maxFileBytes });
        const one = prepareSource(file, setup);
        prepared.push(one);
        results.push({ path: f.path, messages: withDocs(one.found) });
      } catch (error) {
        const e = error instanceof NotesError ? error : describeFsError(error, f.path);
        warn(e.message);
        fatal++;
        results.push({ path: f.path, messages: [] });
      }
      bar.tick(f.path);
    }
    bar.done();

    const lintCode = reportFindings(results, registry, ctx, {
      format: 'stylish',
      quiet: false,
      maxWarnings: -1,
      fatal,
    });
    if (lintCode === 2) return 2;
    if (found.length === 0) throw noMarkdownFiles(args.paths);
    const chosen = EXPORTERS.map(([flag]) => flag);
    const written = await writeExports(prepared, found, args, ctx, chosen, { setup, pdfThread, handOver: true });
    return Math.max(lintCode, written === null ? 1 : 0);
  } finally {
    pdfThread?.stop();
  }
}
