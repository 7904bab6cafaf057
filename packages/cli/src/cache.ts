import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { writeFileAtomic, type RuleDefinition } from '@notes/core';
import type { BatchSettings, LintMessage } from '@notes/lint';

/** Default cache file, under the working directory's node_modules/.cache. */
export const DEFAULT_CACHE = 'node_modules/.cache/notes/lint-cache.json';

/** What `notes lint --cache` keeps: findings per file, valid for one key (version, rules, settings). */
export interface CacheData {
  key: string;
  files: Record<string, { hash: string; messages: LintMessage[] }>;
}

/** Where the cache lives: `--cache-location` (a file, or a folder when it ends with `/` or is one). */
export async function cachePath(cwd: string, location: string | undefined): Promise<string> {
  if (!location) return resolve(cwd, DEFAULT_CACHE);
  const full = resolve(cwd, location);
  if (location.endsWith('/')) return join(full, 'lint-cache.json');
  try {
    if ((await stat(full)).isDirectory()) return join(full, 'lint-cache.json');
  } catch {
    // not there yet: a file path
  }
  return full;
}

/** The cache key: any change of version, rule registry or settings (but `--fix`) starts a fresh cache. */
export function cacheKey(version: string, registry: readonly RuleDefinition[], settings: BatchSettings): string {
  return createHash('sha1')
    .update(
      JSON.stringify({
        v: version,
        rules: registry.map((r) => `${r.id}:${r.severity}`),
        settings: { ...settings, fix: false },
      }),
    )
    .digest('hex');
}

/** The cache at `path` when it has this key, else an empty one. */
export async function readCache(path: string, key: string): Promise<CacheData> {
  try {
    const data = JSON.parse(await readFile(path, 'utf8')) as CacheData;
    if (data && data.key === key && typeof data.files === 'object') return data;
  } catch {
    // missing or unreadable: start afresh
  }
  return { key, files: {} };
}

/** Save the cache atomically: a crash or a parallel run never leaves half a file. */
export async function writeCache(path: string, data: CacheData): Promise<void> {
  await writeFileAtomic(path, JSON.stringify(data), path);
}
