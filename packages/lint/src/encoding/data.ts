import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** A data file of `packages/lint/generated/`, found through the package: the same path from the compiled package,
 * the tests and the CLI bundle (which holds the code but not the data). Read on first use only. */
export function generatedFile(name: string): string {
  const main = createRequire(import.meta.url).resolve('@notes/lint');
  return join(dirname(main), '..', '..', 'generated', name);
}
