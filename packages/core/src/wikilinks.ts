import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { Image, PhrasingContent, RootContent } from 'mdast';
import { MAX_NESTING } from './nesting.js';

/**
 * An Obsidian wiki link or embed: `[[Page]]`, `[[Page#Heading|shown text]]`, `![[diagram.png|300]]`. Markdown has no
 * such syntax, so remark leaves it as text; the exports print what Obsidian shows instead of the brackets.
 */
export interface WikiLink {
  /** `![[…]]`: an embed (a picture when the target is an image file). */
  embed: boolean;
  /** The note or file linked, as written (`Amazon-Route-53`, `img/diagram.png`); empty for `[[#Heading]]`. */
  target: string;
  /** The heading or block after `#`, without it. */
  heading: string | null;
  /** The text after `|` (for an image embed, a size such as `300` or `300x200`). */
  alias: string | null;
  /** What Obsidian shows: the alias, else `Page > Heading`, else the page. */
  display: string;
  /** The embed's target is a picture. */
  image: boolean;
}

const WIKI = /(!?)\[\[([^[\]|#\n]*)(?:#([^[\]|\n]*))?(?:\|([^[\]\n]*))?\]\]/g;
const IMAGE_FILE = /\.(?:png|jpe?g|gif|webp|svg|bmp|avif)$/i;
const SIZE = /^\d+(?:x\d+)?$/;

/** A text split into plain pieces and the wiki links in it (the text itself when it holds none). */
export function splitWikiLinks(value: string): (string | WikiLink)[] {
  if (!value.includes('[[')) return [value];
  const out: (string | WikiLink)[] = [];
  let last = 0;
  for (const m of value.matchAll(WIKI)) {
    const target = m[2]!.trim();
    const heading = m[3]?.trim() || null;
    if (target === '' && heading === null) continue;
    if (m.index > last) out.push(value.slice(last, m.index));
    const embed = m[1] === '!';
    const image = embed && IMAGE_FILE.test(target);
    const rawAlias = m[4]?.trim() || null;
    const alias = image && rawAlias !== null && SIZE.test(rawAlias) ? null : rawAlias;
    const display = alias ?? (heading === null ? target : target === '' ? heading : `${target} > ${heading}`);
    out.push({ embed, target, heading, alias: rawAlias, display, image });
    last = m.index + m[0].length;
  }
  if (last < value.length) out.push(value.slice(last));
  return out.length === 0 ? [value] : out;
}

/** A file path as a Markdown URL (spaces and the like escaped), as `![](…)` would hold it. */
function asUrl(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

/** Where a picture embed's target is, as a URL relative to the note's folder (`asUrl(target)` when not found). */
export type EmbedLocator = (target: string) => string;

/** Folders a vault search skips, as the CLI's file search does. */
const SKIPPED = (name: string): boolean => name.startsWith('.') || name === 'node_modules';
/** A vault search stops after this many entries (a notes folder, not a disk). */
const MAX_VAULT_ENTRIES = 200_000;

function vaultFiles(baseDir: string): string[] {
  const out: string[] = [];
  const stack = [baseDir];
  let seen = 0;
  while (stack.length > 0 && seen < MAX_VAULT_ENTRIES) {
    const dir = stack.pop()!;
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      if (++seen > MAX_VAULT_ENTRIES) break;
      if (SKIPPED(entry.name)) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) stack.push(path);
      else if (entry.isFile() && IMAGE_FILE.test(entry.name)) out.push(relative(baseDir, path).split(sep).join('/'));
    }
  }
  return out.sort();
}

/**
 * Find picture embeds as Obsidian does, for the notes' folder `baseDir` (the vault): beside the note, else from the
 * vault's root (Obsidian's "absolute path in vault"), else the one picture in the vault whose path ends with the
 * target (its "shortest path when possible": `![[diagram.png]]` finds `attachments/diagram.png`). When several
 * match, the nearest to the note wins, then the first by path, so the choice is the same on every run. The
 * vault is listed once, on the first embed not found beside its note or at the root.
 */
export function createEmbedLocator(baseDir: string): (target: string, docDir: string) => string {
  const base = resolve(baseDir);
  let files: string[] | undefined;
  return (target, docDir) => {
    const clean = target.replace(/\\/g, '/').replace(/^\.\//, '');
    if (existsSync(resolve(docDir, clean))) return asUrl(target);
    const toUrl = (vaultPath: string): string => {
      const rel = relative(docDir, join(base, vaultPath)).split(sep).join('/');
      return asUrl(rel);
    };
    if (!clean.startsWith('../') && existsSync(join(base, clean))) return toUrl(clean);
    files ??= vaultFiles(base);
    const suffix = `/${clean}`;
    const matches = files.filter((f) => f === clean || f.endsWith(suffix));
    if (matches.length === 0) return asUrl(target);
    const distance = (f: string): number =>
      relative(docDir, dirname(join(base, f)))
        .split(sep)
        .filter(Boolean).length;
    let best = matches[0]!;
    for (const f of matches) if (distance(f) < distance(best)) best = f;
    return toUrl(best);
  };
}

function phrasing(link: WikiLink, locate?: EmbedLocator): PhrasingContent {
  if (link.image) {
    const url = locate ? locate(link.target) : asUrl(link.target);
    const image: Image = { type: 'image', url, alt: link.display.replace(/^.*\//, '') };
    return image;
  }
  return { type: 'text', value: link.display };
}

/**
 * The blocks with each wiki link shown as its text and each picture embed as an image (found and packed like
 * `![](…)`, or reported when it is not beside the note). Text inside links, code and math is left alone. The same
 * array comes back when there is no wiki link, so readers that key caches on it still find them.
 */
export function withWikiLinks(
  blocks: readonly RootContent[],
  locate?: EmbedLocator,
  depth = 0,
): readonly RootContent[] {
  if (depth > MAX_NESTING) return blocks;
  // Made at the first change (with the blocks before it): notes without a wiki link allocate nothing.
  let out: RootContent[] | null = null;
  for (let i = 0; i < blocks.length; i++) {
    const node = blocks[i]!;
    let changed: RootContent | RootContent[] | null = null;
    if (node.type === 'text') {
      const parts = splitWikiLinks(node.value);
      if (parts.length !== 1 || typeof parts[0] !== 'string')
        changed = parts.map((part) =>
          typeof part === 'string' ? { type: 'text', value: part } : phrasing(part, locate),
        );
    } else if ('children' in node && node.type !== 'link' && node.type !== 'linkReference') {
      const children = node.children as RootContent[];
      const next = withWikiLinks(children, locate, depth + 1);
      if (next !== children) changed = { ...node, children: next } as RootContent;
    }
    if (changed !== null && out === null) out = blocks.slice(0, i);
    if (out === null) continue;
    if (changed === null) out.push(node);
    else if (Array.isArray(changed)) out.push(...changed);
    else out.push(changed);
  }
  return out ?? blocks;
}
