import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

/**
 * The version of @notes/cli, from its package.json: the nearest one named `@notes/cli` above this module, which
 * is `dist/` when compiled by tsc and `dist/bundle/` when bundled.
 */
export function cliVersion(): string {
  if (cached !== undefined) return cached;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let up = 0; up < 4; up++, dir = dirname(dir)) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === '@notes/cli' && typeof pkg.version === 'string') return (cached = pkg.version);
    } catch {
      // no package.json here: look further up
    }
  }
  return (cached = '0.0.0');
}
