/**
 * Checks for images that point outside the notes' folder: URLs (`https:`, `data:`, `//host`), absolute paths
 * (`/etc/x.png`, `C:\x.png`, `file:`) and relative paths that climb out with `..`.
 *
 * Rationale: an export must never read or fetch a file the notes do not own (SPEC §6), so such an image is
 * dropped from every format, and the author should know.
 *
 * Fix: copy the image next to the notes and use a relative path, or remove it.
 */
import { defineRule } from '@notes/core';
import type { Definition, Image, ImageReference } from 'mdast';
import { nodesOf, treeIndex } from '../../helpers/tree-index.js';

/** Why `url` leaves the notes' folder, or null when it stays inside. */
export function outsideReason(url: string): string | null {
  const u = url.trim();
  if (/^[a-z][a-z0-9+.-]*:/i.test(u) && !/^[a-z]:[\\/]/i.test(u)) return `URL \`${u.slice(0, 60)}\``;
  if (u.startsWith('//')) return `URL \`${u.slice(0, 60)}\``;
  if (/^(?:[a-z]:)?[\\/]/i.test(u)) return `absolute path \`${u.slice(0, 60)}\``;
  let depth = 0;
  for (const part of decodeURIComponentSafe(u).split(/[\\/]+/)) {
    if (part === '..') depth--;
    else if (part !== '.' && part !== '') depth++;
    if (depth < 0) return `path outside the notes' folder \`${u.slice(0, 60)}\``;
  }
  return null;
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

export default defineRule({
  id: 'fields/image-outside',
  description: "Image outside the notes' folder (URL, absolute path or `..`).",
  tags: ['schema', 'safety'],
  fixable: false,
  severity: 'warning',
  check(ctx) {
    const index = treeIndex(ctx);
    const definitions = new Map<string, Definition>();
    for (const d of nodesOf(index, 'definition')) definitions.set(d.identifier.toLowerCase(), d);
    const images: Array<Image | ImageReference> = [...nodesOf(index, 'image'), ...nodesOf(index, 'imageReference')];
    for (const image of images) {
      const url = image.type === 'image' ? image.url : definitions.get(image.identifier.toLowerCase())?.url;
      const reason = url === undefined ? null : outsideReason(url);
      const p = image.position;
      if (!reason || !p) continue;
      ctx.report({
        place: { line: p.start.line, column: p.start.column, endLine: p.end.line, endColumn: p.end.column },
        message: `Unexpected image ${reason}, expected a relative path inside the notes' folder`,
      });
    }
  },
});
