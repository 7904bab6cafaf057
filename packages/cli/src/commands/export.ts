import { resolve } from 'node:path';
import {
  collectGarbageIfGrown,
  commonFolder,
  NotesError,
  writeFileAtomic,
  type ExportFile,
  type Exporter,
} from '@notes/core';
import { ankiExporter, type AnkiExportOptions } from '@notes/export-anki';
import { jsonExporter } from '@notes/export-json';
import { markdownExporter, type MarkdownExportOptions } from '@notes/export-markdown';
import { pdfExporter, type PdfExportOptions } from '@notes/export-pdf';
import { siteExporter } from '@notes/site';
import { UsageError } from '../args.js';
import type { CliContext, ParsedArgs } from '../context.js';
import { discover, displayPath, type FoundFile } from '../files.js';
import { prepare, type Prepared } from '../pipeline.js';
import { loadSetup } from '../config.js';
import { ruleRegistry } from '../rules.js';

/** What the CLI gives every exporter: the shared options and every exporter's own, as the flags set them. */
export type CliExportOptions = AnkiExportOptions & MarkdownExportOptions & PdfExportOptions;

/** Exporters by flag, in the order `--all` runs them. */
export const EXPORTERS: readonly (readonly [flag: string, exporter: Exporter<CliExportOptions>])[] = [
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
  const warn = (message: string): void => void ctx.stderr.write(`notes: warning: ${message}\n`);
  const found = (await discover(args.paths.length ? args.paths : ['content/'], ctx.cwd, warn)).filter(
    (f) => !setup.ignored(f.absolutePath),
  );
  if (found.length === 0) {
    throw new NotesError(
      `no Markdown files (*.md, *.markdown) found in ${args.paths.join(', ') || 'content/'}: check the path`,
    );
  }
  const prepared = await prepare(found, setup, ctx.stderr);
  const written = await writeExports(prepared, found, args, ctx, chosen);
  return written === null ? 1 : 0;
}

/**
 * Render the chosen formats from prepared files and write them atomically: everything is rendered before the
 * first write, so a failing exporter leaves the output folder as it was. Returns the written paths, or null when
 * `--strict` refused (lint errors remain).
 */
export async function writeExports(
  prepared: readonly Prepared[],
  found: readonly FoundFile[],
  args: ParsedArgs,
  ctx: CliContext,
  chosen: readonly string[],
): Promise<string[] | null> {
  const warn = (message: string): void => void ctx.stderr.write(`notes: warning: ${message}\n`);
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
    return null;
  }
  const outDir = resolve(ctx.cwd, String(args.flags['out'] ?? 'dist'));
  const options: CliExportOptions = {
    epoch: exportEpoch(
      ctx.env,
      prepared.map((p) => p.file.mtime),
    ),
    baseDir: commonRoot(found.map((f) => f.root)),
    warn,
    paper: args.flags['paper'] ?? 'a4',
    columns: args.flags['columns'] ?? 3,
    // Forced collection belongs to the CLI: exporters only say when a step is done.
    betweenSteps: collectGarbageIfGrown,
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
  const paths = outputs.map((o) => `${shown}/${o.path}`);
  if (ctx.stderr.isTTY) ctx.stderr.write(`notes: wrote ${paths.join(', ')}\n`);
  return paths;
}

/** The deepest folder containing every root (media and Markdown paths are resolved against it). */
function commonRoot(roots: readonly string[]): string {
  if (roots.length === 0) return process.cwd();
  return commonFolder(roots.map((r) => r.split('/'))).join('/') || '/';
}
