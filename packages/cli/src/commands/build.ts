import type { CliContext, ParsedArgs } from '../context.js';
import { EXPORTERS, exportCommand } from './export.js';
import { lintCommand } from './lint.js';

/** `notes build`: lint (stylish report), then export every format; exit 1 when lint found errors. */
export async function buildCommand(args: ParsedArgs, ctx: CliContext): Promise<number> {
  const lintArgs: ParsedArgs = { command: 'lint', paths: args.paths, flags: { config: args.flags['config'] } };
  const lintCode = await lintCommand(lintArgs, ctx);
  if (lintCode === 2) return 2;
  const exportCode = await exportCommand(
    args,
    ctx,
    EXPORTERS.map(([flag]) => flag),
  );
  return Math.max(lintCode, exportCode);
}
