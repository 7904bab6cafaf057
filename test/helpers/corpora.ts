import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The shared corpora folder (absent on other machines, e.g. CI). */
export const CORPORA = resolve(process.env['NOTES_CORPORA'] ?? '/work/shared/corpora');
/** The user's raw notes: always present. */
export const RAW_NOTES = resolve(import.meta.dirname, '../../examples/raw/aws-prep-notes.raw.md');

/** Every Markdown file below `dir`, sorted; empty when the folder does not exist. */
export function markdownFiles(dir: string = CORPORA): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      const s = statSync(p);
      if (s.isDirectory()) walk(p);
      else if (/\.(?:md|markdown)$/i.test(name)) out.push(p);
    }
  };
  walk(dir);
  return out;
}
