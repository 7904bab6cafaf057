import { dirname, isAbsolute, resolve } from 'node:path';
import type { ModelDocument } from '@notes/core';
import { blocksToHtml, renderCards, type MediaRef } from '@notes/export-anki';
import { renderDataset } from '@notes/export-json';
import type { SiteCard, SiteData } from './site-data.js';

/** What building the site's data needs. */
export interface SiteDataOptions {
  /** Absolute folder the notes live in: images are only taken from inside it. */
  baseDir: string;
  warn(message: string): void;
}

/** The data and the images it refers to (not read yet). */
export interface SiteDataResult {
  data: SiteData;
  media: MediaRef[];
}

function docDirOf(doc: ModelDocument, baseDir: string): string {
  const abs = doc.file.absolutePath;
  return isAbsolute(abs) ? dirname(abs) : dirname(resolve(baseDir, doc.file.path));
}

/** The site's title: one document's title, else a neutral name. */
function siteTitle(documents: readonly ModelDocument[]): string {
  return documents.length === 1 ? documents[0]!.title || 'Notes' : 'Notes';
}

/**
 * Model → the site's data: the dataset, each note's answer rendered by the Anki exporter's renderer (so the site
 * and the deck share one sanitizer policy), and the deck's own cards. Pure apart from `warn`; reads no file.
 */
export function buildSiteData(documents: readonly ModelDocument[], options: SiteDataOptions): SiteDataResult {
  const baseDir = resolve(options.baseDir);
  const media = new Map<string, MediaRef>();
  const html: Record<string, string> = {};
  for (const doc of documents) {
    const docDir = docDirOf(doc, baseDir);
    for (const note of doc.notes) {
      const where = `${note.source.path}:${note.source.line}`;
      html[note.id] = blocksToHtml(note.body, { docDir, baseDir, where, warn: options.warn, media });
    }
  }
  // The same cards the deck holds. Its findings (an image outside the folder…) were reported just above.
  const list = renderCards(documents, { baseDir, warn: () => {} });
  const byName = new Map([...media.values()].map((m) => [m.name, m]));
  for (const ref of list.media) {
    const known = byName.get(ref.name);
    if (known && known.path !== ref.path) options.warn(`${ref.from}: two images share the name ${ref.name}`);
    if (!known) byName.set(ref.name, ref);
  }
  const cards: SiteCard[] = list.cards.map((card) => {
    const fields = card.fields as Record<string, string>;
    return {
      key: card.kind === 'question' ? card.noteId : `${card.noteId}#${card.guid}`,
      noteId: card.noteId,
      kind: card.kind,
      front: fields['Front'] ?? '',
      back: fields['Back'] ?? '',
      context: fields['Context'] ?? '',
    };
  });
  const data: SiteData = {
    version: 1,
    title: siteTitle(documents),
    dataset: renderDataset(documents),
    html,
    cards,
  };
  return { data, media: [...byName.values()] };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Images that could not be read show their alt text (a broken `src` would be a failed request and a console
 * error), the others point into `media/`.
 */
export function linkMedia(data: SiteData, loaded: ReadonlySet<string>, names: readonly string[]): SiteData {
  if (names.length === 0) return data;
  const pattern = new RegExp(`<img src="(${names.map(escapeRegExp).join('|')})" alt="([^"]*)">`, 'g');
  const fix = (text: string): string =>
    text.replace(pattern, (_all, name: string, alt: string) =>
      loaded.has(name)
        ? `<img src="media/${name}" alt="${alt}">`
        : `<span class="missing-image">[image${alt ? `: ${alt}` : ''}]</span>`,
    );
  return {
    ...data,
    html: Object.fromEntries(Object.entries(data.html).map(([id, text]) => [id, fix(text)])),
    cards: data.cards.map((c) => ({ ...c, front: fix(c.front), back: fix(c.back) })),
  };
}
