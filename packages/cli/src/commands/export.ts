import { isAscii } from 'node:buffer';
import { readFile, rmdir, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import {
  collectGarbageIfGrown,
  commonFolder,
  NotesError,
  stageFileAtomic,
  writeFileAtomic,
  type ExportFile,
  type StagedFile,
  type Exporter,
  type ModelDocument,
} from '@notes/core';
import type { AnkiExportOptions, IdMap, IdMapResult, PackThread } from '@notes/export-anki';
import type { MarkdownExportOptions } from '@notes/export-markdown';
import type { PdfExportOptions } from '@notes/export-pdf';
import { UsageError } from '../args.js';
import type { CliContext, ParsedArgs } from '../context.js';
import { discover, displayPath, type FoundFile } from '../files.js';
import { sharesPdf, startShareHelper } from '../pdf-share.js';
import { startPdfThread, type NoteSizes, type PdfThread } from '../pdf-thread.js';
import { prepare, type Prepared } from '../pipeline.js';
import { loadSetup, type LintSetup } from '../config.js';
import { ruleRegistry } from '../rules.js';
import { missingFolders, renderAll, type StartedPdf } from './render.js';

/** What the CLI gives every exporter: the shared options and every exporter's own, as the flags set them. */
export type CliExportOptions = AnkiExportOptions & MarkdownExportOptions & PdfExportOptions;

/**
 * Exporters by flag, in the order `--all` runs them. Each is loaded when its format is asked for: pdfmake and its
 * fonts, sql.js and the study site's code cost start-up time that `notes export --json` does not need.
 */
export const EXPORTERS: readonly (readonly [flag: string, load: () => Promise<Exporter<CliExportOptions>>])[] = [
  ['json', async () => (await import('@notes/export-json')).jsonExporter],
  ['md', async () => (await import('@notes/export-markdown')).markdownExporter],
  ['anki', async () => (await import('@notes/export-anki')).ankiExporter],
  ['pdf', async () => (await import('@notes/export-pdf')).pdfExporter],
  ['site', async () => (await import('@notes/site')).siteExporter],
];

/** The exporter of a flag, loaded. */
function loadExporter(flag: string): Promise<Exporter<CliExportOptions>> {
  return EXPORTERS.find(([f]) => f === flag)![1]();
}

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
export async function exportCommand(
  args: ParsedArgs,
  ctx: CliContext,
  forced?: readonly string[],
  started?: PdfThread | null,
): Promise<number> {
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
  if (found.length === 0) throw noMarkdownFiles(args.paths);
  // The PDF thread loads pdfmake and the fonts while this thread reads and repairs the notes (`build` starts it
  // before its lint).
  const pdfThread =
    started !== undefined
      ? started
      : chosen.includes('pdf')
        ? startPdfThread(await noteSizes(found, setup.maxFileBytes), chosen.length > 1)
        : null;
  // The deck's thread loads sql.js while this thread reads and repairs the notes (big notes only, and not with a
  // PDF: beside the PDF's thread two cores are taken, and without one its heap would live on through the PDF, whose
  // layout is the export's peak: 3 MB of notes went from 385 to 395 MB, 430 at most, against issue 14's 400).
  const packThread = chosen.includes('anki') && !chosen.includes('pdf') ? await startPackThread(found) : null;
  try {
    const prepared = await prepare(found, setup, ctx.stderr);
    const written = await writeExports(prepared, found, args, ctx, chosen, {
      setup,
      pdfThread,
      packThread,
      handOver: true,
    });
    return written === null ? 1 : 0;
  } finally {
    pdfThread?.stop();
    packThread?.stop();
  }
}

/** The error of an export that found no notes in `paths`. */
export function noMarkdownFiles(paths: readonly string[]): NotesError {
  return new NotesError(
    `no Markdown files (*.md, *.markdown) found in ${paths.join(', ') || 'content/'}: check the path`,
  );
}

/**
 * Bytes of the files found, and of the biggest (a file that cannot be read counts nothing: reading it reports it),
 * with the biggest file itself when the limit it is read with (`maxBytes`) is known.
 */
export async function noteSizes(found: readonly FoundFile[], maxBytes?: number): Promise<NoteSizes> {
  const sizes = await Promise.all(
    found.map((f) =>
      stat(f.absolutePath).then(
        (s) => s.size,
        () => 0,
      ),
    ),
  );
  let at = 0;
  for (let i = 1; i < sizes.length; i++) if (sizes[i]! > sizes[at]!) at = i;
  const biggest = found[at];
  return {
    bytes: sizes.reduce((a, b) => a + b, 0),
    largest: sizes[at] ?? 0,
    ...(biggest && maxBytes !== undefined
      ? { biggest: { absolutePath: biggest.absolutePath, path: biggest.path, maxBytes } }
      : {}),
  };
}

/** The Anki deck's pack thread, when the notes are big enough for it to pay (`startPackThread`). */
async function startPackThread(found: readonly FoundFile[]): Promise<PackThread | null> {
  const { startPackThread: start } = await import('@notes/export-anki');
  return start((await noteSizes(found)).bytes);
}

/** What writeExports needs besides the prepared files and the formats. */
export interface WriteOptions {
  setup?: LintSetup | undefined;
  /** The PDF's thread when one was started (`startPdfThread`). */
  pdfThread?: PdfThread | null | undefined;
  /** The Anki deck's pack thread when one was started (`startPackThread` of @notes/export-anki). */
  packThread?: PackThread | null | undefined;
  /**
   * writeExports takes the list of prepared files over and empties it, so that the last exporter can let each
   * model go once it has read it (the command's run ends with the export; `watch` keeps its models).
   */
  handOver?: boolean;
}

/**
 * Render the chosen formats from prepared files and write them atomically: each format's files go to temporary
 * files as soon as it is rendered (so finished outputs do not stay in memory), and none replaces its target until
 * every format is written, so a failing exporter leaves the output folder as it was. Returns the written paths,
 * or null when `--strict` refused (lint errors remain).
 */
export async function writeExports(
  prepared: Prepared[],
  found: readonly FoundFile[],
  args: ParsedArgs,
  ctx: CliContext,
  chosen: readonly string[],
  { setup, pdfThread, packThread, handOver = false }: WriteOptions = {},
): Promise<string[] | null> {
  // Several exporters may report the same thing (an image that is not used): each finding is printed once.
  const said = new Set<string>();
  const warn = (message: string): void => {
    if (said.has(message)) return;
    said.add(message);
    ctx.stderr.write(`notes: warning: ${message}\n`);
  };
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
  const baseDir = commonRoot(found.map((f) => f.root));
  const mtimes = prepared.map((p) => p.file.mtime);
  const documents: (ModelDocument | undefined)[] = prepared.map((p) => p.document);
  // From here on `documents` is the only list of the models (the repaired texts and findings go too).
  if (handOver) prepared.length = 0;
  // The PDF's thread needs none of the Anki options: its render starts before they load (the deck's code, the id
  // map). A clock that is not a number is reported below, in its turn.
  const pdfAt = pdfThread ? chosen.indexOf('pdf') : -1;
  let early: StartedPdf | null = null;
  if (pdfAt >= 0) {
    let epoch: number | null = null;
    try {
      epoch = exportEpoch(ctx.env, mtimes);
    } catch {
      // reported with the other options
    }
    if (epoch !== null) {
      const warnings: string[] = [];
      const pdfOptions: PdfExportOptions = {
        epoch,
        baseDir,
        warn: (m) => void warnings.push(m),
        paper: args.flags['paper'] ?? 'a4',
        columns: args.flags['columns'] ?? 3,
      };
      const done = pdfThread!.render(documents as ModelDocument[], pdfOptions);
      // Read by renderAll; when loading the other options fails first, its outcome no longer matters.
      done.catch(() => undefined);
      early = { done, warnings };
    }
  }
  const anki = chosen.includes('anki')
    ? await ankiOptions(
        setup ??
          loadSetup(
            ctx.cwd,
            typeof args.flags['config'] === 'string' ? args.flags['config'] : undefined,
            await ruleRegistry(),
          ),
        outDir,
        args,
        ctx,
      )
    : {};
  const options: CliExportOptions = {
    epoch: exportEpoch(ctx.env, mtimes),
    baseDir,
    warn,
    paper: args.flags['paper'] ?? 'a4',
    columns: args.flags['columns'] ?? 3,
    // Forced collection belongs to the CLI: exporters only say when a step is done.
    betweenSteps: collectGarbageIfGrown,
    // A big cheat sheet printed here prints its later half on a second thread (the PDF's own thread does the same).
    ...(chosen.includes('pdf') && !pdfThread && sharesPdf(await noteSizes(found)) ? { helper: startShareHelper } : {}),
    ...anki.options,
    ...(packThread ? { packThread } : {}),
  };
  // Every file (the streamed ones made while they are written) goes to a temporary file first, and none replaces
  // its target until all are written: an exporter failing half-way through changes nothing, and the folders made
  // for the temporary files are removed again.
  const staged: StagedFile[][] = chosen.map(() => []);
  const made: string[] = [];
  const stage = async (at: number, files: readonly ExportFile[]): Promise<void> => {
    for (const file of files) {
      const target = resolve(outDir, file.path);
      made.push(...(await missingFolders(dirname(target))));
      staged[at]!.push(await stageFileAtomic(target, file.data, displayPath(target, ctx.cwd)));
    }
  };
  let written: string[][];
  try {
    written = await renderAll(chosen, loadExporter, documents, options, warn, stage, { pdfThread, early, handOver });
  } catch (error) {
    await Promise.all(staged.flat().map((s) => s.discard()));
    for (const dir of made.reverse()) await rmdir(dir).catch(() => undefined);
    throw error;
  }
  for (const file of staged.flat()) await file.commit();
  if (anki.finish) await anki.finish();
  const shown = displayPath(outDir, ctx.cwd);
  const paths = written.flat().map((path) => `${shown}/${path}`);
  if (ctx.stderr.isTTY) ctx.stderr.write(`notes: wrote ${paths.join(', ')}\n`);
  return paths;
}

/** The deepest folder containing every root (media and Markdown paths are resolved against it). */
function commonRoot(roots: readonly string[]): string {
  if (roots.length === 0) return process.cwd();
  return commonFolder(roots.map((r) => r.split('/'))).join('/') || '/';
}

/** The id map's file name: beside the config (committed), or beside the deck when there is no config. */
export const ID_MAP_NAME = 'notes.anki-ids.json';

/**
 * The Anki options from the config (deck pattern, reverse cards, comparison rows, the user's CSS) and the id map:
 * read before the export, printed and written (only when it changed) after the outputs are written.
 */
async function ankiOptions(
  setup: LintSetup,
  outDir: string,
  args: ParsedArgs,
  ctx: CliContext,
): Promise<{ options?: Record<string, unknown>; finish?: () => Promise<void> }> {
  const config = setup.config.anki ?? {};
  const base = setup.configDir ?? ctx.cwd;
  const options: Record<string, unknown> = {};
  if (config.deck !== undefined) options['deck'] = config.deck;
  if (config.reverse !== undefined) options['reverse'] = config.reverse;
  if (config.comparisons !== undefined) options['comparisons'] = config.comparisons;
  if (config.css !== undefined) {
    const path = resolve(base, config.css);
    try {
      options['css'] = await readFile(path, 'utf8');
    } catch (error) {
      throw new NotesError(
        `cannot read the card CSS (${(error as NodeJS.ErrnoException).code ?? String(error)}): check anki.css in the config`,
        { file: displayPath(path, ctx.cwd) },
      );
    }
  }
  if (args.flags['no-id-map'] || config.idMap === false) return { options };
  const { formatIdMap, parseIdMap } = await import('@notes/export-anki');
  const mapPath =
    typeof config.idMap === 'string'
      ? resolve(base, config.idMap)
      : setup.configDir
        ? resolve(setup.configDir, ID_MAP_NAME)
        : resolve(outDir, ID_MAP_NAME);
  const shownMap = displayPath(mapPath, ctx.cwd);
  let before: string | null = null;
  let previous: IdMap | null = null;
  try {
    // Read whole and decoded at once (as Latin-1 when it is ASCII, the same text): a map is about twice the size of
    // the notes, and decoding it in the chunks of an 'utf8' read took a third of its parse.
    const bytes = await readFile(mapPath);
    before = bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8');
  } catch (error) {
    // No map yet; an output path that cannot exist is reported when the outputs are written.
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && code !== 'ENOTDIR')
      throw new NotesError(`cannot read the id map (${(error as NodeJS.ErrnoException).code ?? String(error)})`, {
        file: shownMap,
      });
  }
  if (before !== null) {
    try {
      previous = parseIdMap(before);
    } catch (error) {
      throw new NotesError(
        `invalid id map (${(error as Error).message.split('\n')[0]}): fix it, delete it, or export with --no-id-map`,
        { file: shownMap },
      );
    }
  }
  // What the end of the run prints and writes: not the deck's card list, which would stay alive through the
  // exporters after Anki's (every card's rendered fields).
  // The map's text is made as soon as the map is (while a pack thread writes the deck).
  let result: (Omit<IdMapResult, 'list' | 'map'> & { text: string }) | null = null;
  options['idMap'] = {
    previous,
    done: ({ map, renamed, orphans }: IdMapResult) => void (result = { text: formatIdMap(map), renamed, orphans }),
  };
  return {
    options,
    async finish() {
      const done = result;
      if (!done) return;
      for (const r of done.renamed)
        ctx.stderr.write(`notes: renamed: "${r.from}" → "${r.to}" (kept its Anki history)\n`);
      if (done.orphans.length) {
        const n = done.orphans.length;
        ctx.stderr.write(
          `notes: ${n} note${n === 1 ? '' : 's'} of the last export ${n === 1 ? 'is' : 'are'} gone from the notes; Anki keeps ${n === 1 ? 'it' : 'them'} until you delete ${n === 1 ? 'it' : 'them'} (nothing was deleted):\n`,
        );
        for (const o of done.orphans) {
          ctx.stderr.write(
            `notes:   gone: "${o.title}" in deck "${o.deck}"; find it in Anki's browser with: ${o.search}\n`,
          );
        }
        if (n > 1) ctx.stderr.write(`notes:   all of them: ${done.orphans.map((o) => `(${o.search})`).join(' OR ')}\n`);
      }
      if (done.text !== before) await writeFileAtomic(mapPath, done.text, shownMap);
    },
  };
}
