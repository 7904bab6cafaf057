export { main } from './main.js';
export { FLAGS, helpText, parseArgs, UsageError, type FlagSpec } from './args.js';
export type { CliContext, Output, ParsedArgs } from './context.js';
export { discover, displayPath, type FoundFile } from './files.js';
