import { realpath, readFile } from 'node:fs/promises';
import { relative, isAbsolute, resolve } from 'node:path';
import type { ExportOptions } from '@notes/core';
import type { MediaRef } from './html.js';
import type { AnkiCard, AnkiCardList } from './render.js';

/**
 * Read the images the cards refer to, each checked again after resolving symbolic links, so a link inside
 * the notes' folder cannot smuggle in a file from outside it. A missing or unreadable image is a finding.
 */
export async function loadMedia(
  media: readonly MediaRef[],
  options: Pick<ExportOptions, 'baseDir' | 'warn'>,
): Promise<Map<string, Uint8Array>> {
  const out = new Map<string, Uint8Array>();
  if (media.length === 0) return out;
  let root: string;
  try {
    root = await realpath(resolve(options.baseDir));
  } catch {
    options.warn(`${options.baseDir}: notes folder not found: images not packed`);
    return out;
  }
  for (const ref of media) {
    try {
      const real = await realpath(ref.path);
      const rel = relative(root, real);
      if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) {
        options.warn(`${ref.from} links outside the notes' folder: not packed`);
        continue;
      }
      out.set(ref.name, new Uint8Array(await readFile(real)));
    } catch {
      options.warn(`${ref.from} not found or unreadable: not packed, shown as its alt text`);
    }
  }
  return out;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Cards whose image could not be packed show its alt text instead of a broken reference. */
export function withoutMissingMedia(list: AnkiCardList, loaded: ReadonlyMap<string, Uint8Array>): AnkiCardList {
  const missing = list.media.filter((m) => !loaded.has(m.name));
  if (missing.length === 0) return list;
  const patterns = missing.map((m) => new RegExp(`<img src="${escapeRegExp(m.name)}" alt="([^"]*)">`, 'g'));
  const fix = (html: string): string =>
    patterns.reduce(
      (out, re) => out.replace(re, (_all, alt: string) => `<span>[image${alt ? `: ${alt}` : ''}]</span>`),
      html,
    );
  const cards = list.cards.map((card) => {
    const fields = Object.fromEntries(Object.entries(card.fields).map(([k, v]) => [k, fix(v)]));
    return { ...card, fields } as AnkiCard;
  });
  return { ...list, cards, media: list.media.filter((m) => loaded.has(m.name)) };
}
