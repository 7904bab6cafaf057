import type { CliContext, ParsedArgs } from '../context.js';
import { discover } from '../files.js';
import { startPdfThread } from '../pdf-thread.js';
import { EXPORTERS, exportCommand, totalBytes } from './export.js';
import { lintCommand } from './lint.js';

/** `notes build`: lint (stylish report), then export every format; exit 1 when lint found errors. */
export async function buildCommand(args: ParsedArgs, ctx: CliContext): Promise<number> {
  // The PDF's thread starts first: pdfmake and the fonts load while the notes are linted. A path that is missing
  // is the lint's to report.
  const paths = args.paths.length > 0 ? args.paths : ['content/'];
  const found = await discover(paths, ctx.cwd, () => undefined).catch(() => null);
  const pdfThread = found ? startPdfThread(await totalBytes(found)) : null;
  try {
    const lintArgs: ParsedArgs = { command: 'lint', paths: args.paths, flags: { config: args.flags['config'] } };
    const lintCode = await lintCommand(lintArgs, ctx);
    if (lintCode === 2) return 2;
    const exportCode = await exportCommand(
      args,
      ctx,
      EXPORTERS.map(([flag]) => flag),
      pdfThread,
    );
    return Math.max(lintCode, exportCode);
  } finally {
    pdfThread?.stop();
  }
}
