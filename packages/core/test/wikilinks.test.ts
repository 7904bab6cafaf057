import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEmbedLocator, parseMarkdown, splitWikiLinks, withWikiLinks } from '@notes/core';
import type { Paragraph, RootContent } from 'mdast';

describe('splitWikiLinks', () => {
  it('shows what Obsidian shows: the alias, else Page > Heading, else the page', () => {
    const parts = splitWikiLinks('See [[VPC basics]], [[Subnets|the subnet page]], [[VPC#Routes]] and [[#Local]].');
    expect(parts.map((p) => (typeof p === 'string' ? p : `<${p.display}>`)).join('')).toBe(
      'See <VPC basics>, <the subnet page>, <VPC > Routes> and <Local>.',
    );
  });

  it('tells picture embeds (a size is not an alias) from note embeds', () => {
    const [picture, , note] = splitWikiLinks('![[img/Pasted image.png|300]] ![[Other note]]');
    expect(picture).toMatchObject({
      embed: true,
      image: true,
      target: 'img/Pasted image.png',
      display: 'img/Pasted image.png',
    });
    expect(note).toMatchObject({ embed: true, image: false, display: 'Other note' });
  });

  it('leaves text with no wiki link, empty brackets and Markdown links as they are', () => {
    for (const text of ['plain', '[[]] and [[ ]]', '[a](b) and [[x](y)]']) {
      expect(splitWikiLinks(text).filter((p) => typeof p !== 'string')).toEqual([]);
    }
  });
});

describe('withWikiLinks', () => {
  it('turns links into text and picture embeds into images, and keeps the same array when there are none', () => {
    const tree = parseMarkdown('A [[Page|page]] and ![[a b.png]] here.\n\n`[[code]]` and [[[x]](y)]\n');
    const blocks = withWikiLinks(tree.children);
    const first = blocks[0] as Paragraph;
    expect(first.children).toEqual([
      { type: 'text', value: 'A ' },
      { type: 'text', value: 'page' },
      { type: 'text', value: ' and ' },
      { type: 'image', url: 'a%20b.png', alt: 'a b.png' },
      { type: 'text', value: ' here.' },
    ]);
    expect(blocks[1]).toBe(tree.children[1]);
    const plain: RootContent[] = parseMarkdown('No links here.\n').children;
    expect(withWikiLinks(plain)).toBe(plain);
  });
});

describe('createEmbedLocator', () => {
  it('finds a picture as Obsidian does: beside the note, from the vault root, else by its name anywhere', () => {
    const vault = mkdtempSync(join(tmpdir(), 'notes-vault-'));
    try {
      for (const file of [
        'notes/aws/beside.png',
        'notes/aws/local/twice.png',
        'attachments/vpc diagram.png',
        'attachments/twice.png',
        'img/routes.png',
        '.trash/hidden.png',
      ]) {
        mkdirSync(join(vault, file, '..'), { recursive: true });
        writeFileSync(join(vault, file), '');
      }
      const locate = createEmbedLocator(vault);
      const docDir = join(vault, 'notes/aws');
      expect(locate('beside.png', docDir)).toBe('beside.png');
      expect(locate('img/routes.png', docDir)).toBe('../../img/routes.png');
      expect(locate('vpc diagram.png', docDir)).toBe('../../attachments/vpc%20diagram.png');
      // Two pictures of that name: the one nearer the note.
      expect(locate('twice.png', docDir)).toBe('local/twice.png');
      expect(locate('twice.png', join(vault, 'attachments'))).toBe('twice.png');
      // Not in the vault (a dot-folder is not searched): as written, so the export reports it.
      expect(locate('hidden.png', docDir)).toBe('hidden.png');
      expect(locate('gone.png', docDir)).toBe('gone.png');
      const tree = parseMarkdown('See ![[vpc diagram.png|300]].\n');
      const [paragraph] = withWikiLinks(tree.children, (target) => locate(target, docDir)) as Paragraph[];
      expect(paragraph!.children[1]).toEqual({
        type: 'image',
        url: '../../attachments/vpc%20diagram.png',
        alt: 'vpc diagram.png',
      });
    } finally {
      rmSync(vault, { recursive: true, force: true });
    }
  });
});
