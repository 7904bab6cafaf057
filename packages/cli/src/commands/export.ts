import { resolve } from 'node:path';
import { collectGarbageIfGrown, NotesError, writeFileAtomic, type ExportFile, type Exporter } from '@notes/core';
import { ankiExporter } from '@notes/export-anki';
import { jsonExporter } from '@notes/export-json';
import { markdownExporter } from '@notes/export-markdown';
import { pdfExporter } from '@notes/export-pdf';
import { siteExporter } from '@notes/site';
import { UsageError } from '../args.js';
import type { CliContext, ParsedArgs } from '../context.js';
import { discover, displayPath } from '../files.js';
import { prepare } from '../pipeline.js';
import { loadSetup } from '../config.js';
import { ruleRegistry } from '../rules.js';

/** Exporters by flag, in the order `--all` runs them. */
export const EXPORTERS: readonly (readonly [flag: string, exporter: Exporter])[] = [
  ['json', jsonExporter],
  ['md', markdownExporter],
  ['anki', ankiExporter],
  ['pdf', pdfExporter],
  ['site', siteExporter],
];

/** The clock every exporter gets: SOURCE_DATE_EPOCH when set, else the newest source modification time. */
export function exportEpoch(env: CliContext['env'], mtimes: readonly number[]): number {
  const fixed = env['SOURCE_DATE_EPOCH'];
  if (fixed !== undefined && fixed !== '') {
    if (!/^\d+$/.test(fixed))
      throw new UsageError(`SOURCE_DATE_EPOCH must be whole seconds since 1970, got "${fixed}"`);
    return Number(fixed);
  }
  return mtimes.length ? Math.max(...mtimes) : 0;
}

/** `notes export`: lint-repair in memory, build the model, run the chosen exporters, write atomically. */
export async function exportCommand(args: ParsedArgs, ctx: CliContext, forced?: readonly string[]): Promise<number> {
  const chosen =
    forced ?? (args.flags['all'] ? EXPORTERS.map(([f]) => f) : EXPORTERS.map(([f]) => f).filter((f) => args.flags[f]));
  if (chosen.length === 0)
    throw new UsageError('choose what to export: --json, --md, --anki, --pdf, --site or --all (notes export --help)');
  const configFlag = typeof args.flags['config'] === 'string' ? args.flags['config'] : undefined;
  const setup = loadSetup(ctx.cwd, configFlag, await ruleRegistry());
  // Several exporters may report the same thing (an image that is not used): each finding is printed once.
  const said = new Set<string>();
  const warn = (message: string): void => {
    if (said.has(message)) return;
    said.add(message);
    ctx.stderr.write(`notes: warning: ${message}\n`);
  };
  const found = (await discover(args.paths.length ? args.paths : ['content/'], ctx.cwd, warn)).filter(
    (f) => !setup.ignored(f.absolutePath),
  );
  if (found.length === 0) {
    throw new NotesError(
      `no Markdown files (*.md, *.markdown) found in ${args.paths.join(', ') || 'content/'}: check the path`,
    );
  }
  const prepared = await prepare(found, setup, ctx.stderr);
  const errors = prepared.flatMap((p) =>
    p.remaining.filter((m) => m.severity === 'error').map((m) => ({ path: p.file.path, m })),
  );
  for (const { path, m } of errors) {
    ctx.stderr.write(
      `${path}:${m.line}:${m.column}: ${args.flags['strict'] ? 'error' : 'warning'}: ${m.message} (${m.ruleId})\n`,
    );
  }
  if (errors.length && args.flags['strict']) {
    ctx.stderr.write(
      `notes: ${errors.length} lint error${errors.length === 1 ? '' : 's'} remain after repair: nothing exported (--strict); run notes lint to see them\n`,
    );
    return 1;
  }
  const outDir = resolve(ctx.cwd, String(args.flags['out'] ?? 'dist'));
  const options = {
    epoch: exportEpoch(
      ctx.env,
      prepared.map((p) => p.file.mtime),
    ),
    baseDir: commonRoot(found.map((f) => f.root)),
    warn,
    paper: args.flags['paper'] ?? 'a4',
    columns: args.flags['columns'] ?? 3,
  };
  const documents = prepared.map((p) => p.document);
  // Render everything first: a failing exporter must not leave a half-updated output folder.
  const outputs: ExportFile[] = [];
  for (const flag of chosen) {
    const exporter = EXPORTERS.find(([f]) => f === flag)![1];
    outputs.push(...(await exporter.export(documents, options)));
    collectGarbageIfGrown();
  }
  for (const file of outputs) {
    const target = resolve(outDir, file.path);
    await writeFileAtomic(target, file.data, displayPath(target, ctx.cwd));
  }
  const shown = displayPath(outDir, ctx.cwd);
  if (ctx.stderr.isTTY) ctx.stderr.write(`notes: wrote ${outputs.map((o) => `${shown}/${o.path}`).join(', ')}\n`);
  return 0;
}

/** The deepest folder containing every root (media and Markdown paths are resolved against it). */
function commonRoot(roots: readonly string[]): string {
  if (roots.length === 0) return process.cwd();
  let common = roots[0]!.split('/');
  for (const r of roots.slice(1)) {
    const parts = r.split('/');
    let i = 0;
    while (i < common.length && common[i] === parts[i]) i++;
    common = common.slice(0, i);
  }
  return common.join('/') || '/';
}
