import { withWikiLinks, type EmbedLocator } from '@notes/core';
import type { RootContent } from 'mdast';

const shown = new WeakMap<readonly RootContent[], readonly RootContent[]>();

/**
 * A note's blocks as the sheet prints them: each Obsidian wiki link as its text and each picture embed
 * (`![[diagram.png]]`) as an image, as the deck and the site show them. The same array comes back for the same
 * note every time, since the prepared pictures are keyed by their nodes (the first call, with the vault's `locate`,
 * decides); a note without wiki links keeps its own.
 */
export function shownBlocks(body: readonly RootContent[], locate?: EmbedLocator): readonly RootContent[] {
  let out = shown.get(body);
  if (out === undefined) {
    out = withWikiLinks(body, locate);
    shown.set(body, out);
  }
  return out;
}
