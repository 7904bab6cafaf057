import { NotesError } from '@notes/core';
import { helpText, parseArgs } from './args.js';
import { lintCommand } from './commands/lint.js';
import type { CliContext } from './context.js';
import { cliVersion } from './version.js';

/** Run the `notes` command; returns the exit code (0 clean, 1 errors found, 2 usage or fatal problem). */
export async function main(ctx: CliContext): Promise<number> {
  try {
    const parsed = parseArgs(ctx.argv);
    if ('version' in parsed) {
      ctx.stdout.write(`${cliVersion()}\n`);
      return 0;
    }
    if ('help' in parsed) {
      ctx.stdout.write(helpText(parsed.command));
      return 0;
    }
    switch (parsed.command) {
      case 'lint':
        if (parsed.flags['watch']) return await (await import('./commands/watch.js')).watchCommand(parsed, ctx);
        return await lintCommand(parsed, ctx);
      // The exporters (pdfmake, sql.js…) load only when exporting: `notes lint` starts faster without them.
      case 'export':
        return await (await import('./commands/export.js')).exportCommand(parsed, ctx);
      case 'build':
        return parsed.flags['watch']
          ? await (await import('./commands/watch.js')).watchCommand(parsed, ctx)
          : await (await import('./commands/build.js')).buildCommand(parsed, ctx);
      case 'lsp':
        return await (await import('./commands/lsp.js')).lspCommand(process.stdin, process.stdout);
      case 'init':
        return await (await import('./commands/init.js')).initCommand(parsed, ctx);
    }
  } catch (error) {
    if (error instanceof NotesError) {
      ctx.stderr.write(`notes: ${error.message}\n`);
      return error.exitCode;
    }
    const err = error as Error;
    ctx.stderr.write(
      `notes: internal error: ${err?.message ?? String(error)} — please report it${ctx.env['NOTES_DEBUG'] ? `\n${err?.stack ?? ''}` : ' (NOTES_DEBUG=1 shows the stack)'}\n`,
    );
    return 2;
  }
}
