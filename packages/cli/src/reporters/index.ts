import { github } from './github.js';
import { json } from './json.js';
import { sarif } from './sarif.js';
import { stylish } from './stylish.js';
import type { Reporter } from './types.js';

export { countMessages, type FileResult, type ReportInput, type Reporter } from './types.js';
export { github, json, sarif, stylish };

/** The reporters by `--format` name. */
export const reporters: Readonly<Record<'stylish' | 'json' | 'sarif' | 'github', Reporter>> = {
  stylish,
  json,
  sarif,
  github,
};
