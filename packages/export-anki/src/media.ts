import { createImageLoader, type ExportOptions, type LocalImage } from '@notes/core';
import type { MediaRef } from './html.js';
import type { AnkiCard, AnkiCardList } from './render.js';

/**
 * Read the images the cards refer to (core's image loader: inside the notes' folder after resolving symbolic
 * links, a PNG, JPEG, GIF or SVG that is not damaged or huge). A problem is a finding; the card shows the alt text.
 */
export async function loadMediaImages(
  media: readonly MediaRef[],
  options: Pick<ExportOptions, 'baseDir' | 'warn'>,
): Promise<Map<string, LocalImage>> {
  const out = new Map<string, LocalImage>();
  if (media.length === 0) return out;
  const loader = createImageLoader(options.baseDir);
  for (const ref of media) {
    const result = await loader.loadFile(ref.path);
    if (result.ok) out.set(ref.name, result.image);
    else options.warn(`${ref.from} ${result.reason}`);
  }
  return out;
}

/** The bytes of the images the cards refer to, by name (see `loadMediaImages`). */
export async function loadMedia(
  media: readonly MediaRef[],
  options: Pick<ExportOptions, 'baseDir' | 'warn'>,
): Promise<Map<string, Uint8Array>> {
  const images = await loadMediaImages(media, options);
  return new Map([...images].map(([name, image]) => [name, image.bytes]));
}

/** The name a packed image gets: its content hash, so the same picture is one file and a re-import adds none. */
export function hashedMediaName(image: Pick<LocalImage, 'sha256' | 'type'>): string {
  return `notes-${image.sha256.slice(0, 24)}.${image.type === 'jpeg' ? 'jpg' : image.type}`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Give every packed image its content-hashed name in the cards, and show the alt text instead of an image that
 * could not be packed. Returns the final card list and the bytes by final name.
 */
export function finalMedia(
  list: AnkiCardList,
  loaded: ReadonlyMap<string, LocalImage>,
): { list: AnkiCardList; bytes: Map<string, Uint8Array> } {
  const bytes = new Map<string, Uint8Array>();
  if (list.media.length === 0) return { list, bytes };
  const renames = new Map<string, string | null>();
  const media: MediaRef[] = [];
  for (const ref of list.media) {
    const image = loaded.get(ref.name);
    if (!image) {
      renames.set(ref.name, null);
      continue;
    }
    const name = hashedMediaName(image);
    renames.set(ref.name, name);
    if (!bytes.has(name)) {
      bytes.set(name, image.bytes);
      media.push({ ...ref, name });
    }
  }
  const pattern = new RegExp(`<img src="(${[...renames.keys()].map(escapeRegExp).join('|')})" alt="([^"]*)">`, 'g');
  const fix = (html: string): string =>
    html.replace(pattern, (_all, name: string, alt: string) => {
      const final = renames.get(name);
      return final ? `<img src="${final}" alt="${alt}">` : `<span>[image${alt ? `: ${alt}` : ''}]</span>`;
    });
  const cards = list.cards.map((card) => {
    const fields = Object.fromEntries(Object.entries(card.fields).map(([k, v]) => [k, fix(v)]));
    return { ...card, fields } as AnkiCard;
  });
  return { list: { ...list, cards, media }, bytes };
}
