// The Anki tags of a note's cards.
import type { ModelNote } from '@notes/core';
import type { AnkiCard } from './render.js';

/** Tag for the kind of card, so a learner can filter or suspend one kind. */
const KIND_TAG = {
  question: 'notes::question',
  comparison: 'notes::comparison',
  cloze: 'notes::cloze',
  reverse: 'notes::reverse',
} as const;

/** Anki tags: no white space, no empty `::` parts. */
function ankiTag(tag: string): string {
  return tag
    .replace(/[\s\u3000]+/g, '-')
    .split('::')
    .filter((p) => p !== '')
    .join('::');
}

/** A note's own tags as Anki tags (each once, none empty), by its tag list: each card of the note asks again. */
const ownTags = new WeakMap<readonly string[], string[]>();

/** The tags of a note's card: the note's own as Anki tags, then its kind's tag, each once. */
export function tagsFor(note: ModelNote, kind: AnkiCard['kind']): string[] {
  const kindTag = KIND_TAG[kind];
  if (note.tags.length === 0) return [kindTag];
  let own = ownTags.get(note.tags);
  if (own === undefined) ownTags.set(note.tags, (own = [...new Set(note.tags.map(ankiTag).filter(Boolean))]));
  return own.includes(kindTag) ? [...own] : [...own, kindTag];
}
