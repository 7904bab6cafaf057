import { dirname, isAbsolute, resolve } from 'node:path';
import { createEmbedLocator, type ModelDocument } from '@notes/core';
import { blocksToHtml, renderCards, type MediaRef } from '@notes/export-anki';
import { renderDataset } from '@notes/export-json';
import { clozeGroups, clozeSides } from './cloze.js';
import type { SiteCard, SiteData, SiteDocument, SiteNote } from './site-data.js';

/** What building the site's data needs. */
export interface SiteDataOptions {
  /** Absolute folder the notes live in: images are only taken from inside it. */
  baseDir: string;
  warn: (message: string) => void;
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
 * Model → the site's data: the dataset (as `notes export --json` builds it) cut to what the page shows and
 * searches, the deck's own cards, and each answer as the deck renders it (a question's answer is its card's back;
 * an overview, which has no card, goes through the same renderer and sanitizer). No source paths: a site is
 * meant to be shared. Pure apart from `warn`; reads no file.
 */
export function buildSiteData(documents: readonly ModelDocument[], options: SiteDataOptions): SiteDataResult {
  const baseDir = resolve(options.baseDir);
  const dataset = renderDataset(documents);
  const list = renderCards(documents, { baseDir, warn: options.warn });
  const html: Record<string, string> = {};
  const cards: SiteCard[] = [];
  for (const card of list.cards) {
    const fields = card.fields as Record<string, string>;
    if (fields['Text'] !== undefined) {
      // A cloze note: one card per group, as in Anki.
      const text = fields['Text'];
      for (const group of clozeGroups(text)) {
        const sides = clozeSides(text, group);
        cards.push({
          key: `${card.noteId}#c${group}`,
          noteId: card.noteId,
          kind: card.kind,
          front: sides.front,
          back: sides.back,
          context: fields['Context'] ?? '',
        });
      }
      continue;
    }
    const back = fields['Back'] ?? '';
    if (card.kind === 'question') html[card.noteId] = back;
    const out: SiteCard = {
      key: card.kind === 'question' ? card.noteId : `${card.noteId}#${card.guid}`,
      noteId: card.noteId,
      kind: card.kind,
      front: fields['Front'] ?? '',
      context: fields['Context'] ?? '',
    };
    if (card.kind !== 'question') out.back = back;
    cards.push(out);
  }
  // The images the cards use keep their names; the overviews' images join them.
  const media = new Map<string, MediaRef>(list.media.map((m) => [m.path, m]));
  const locateEmbed = createEmbedLocator(baseDir);
  for (const doc of documents) {
    const docDir = docDirOf(doc, baseDir);
    for (const note of doc.notes) {
      if (html[note.id] !== undefined) continue;
      const where = `${note.source.path}:${note.source.line}`;
      html[note.id] = blocksToHtml(note.body, { docDir, baseDir, where, warn: options.warn, media, locateEmbed });
    }
  }
  const siteDocuments: SiteDocument[] = dataset.documents.map((d) => {
    const lang = (d as { lang?: unknown }).lang;
    return {
      id: d.id,
      title: d.title,
      topics: d.topics.map((t) => ({ id: t.id, title: t.title })),
      ...(typeof lang === 'string' && lang !== '' ? { lang } : {}),
    };
  });
  const notes: SiteNote[] = dataset.notes.map((n) => ({
    id: n.id,
    kind: n.kind,
    title: n.title,
    topic: n.topic,
    topicId: n.topicId,
    document: n.document,
    documentId: n.documentId,
    text: n.answer.text,
    tables: n.tables.map((t) => ({ columns: t.columns, rows: t.rows.map((r) => r.map((c) => c.text)) })),
  }));
  const data: SiteData = { version: 1, title: siteTitle(documents), documents: siteDocuments, notes, html, cards };
  return { data, media: [...media.values()] };
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
    cards: data.cards.map((c) => {
      const out: SiteCard = { ...c, front: fix(c.front) };
      if (c.back !== undefined) out.back = fix(c.back);
      return out;
    }),
  };
}
