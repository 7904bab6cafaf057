import { buildDocument, hasRtl, sourceFromText, withTextDirection } from '@notes/core';
import type { Nodes } from 'mdast';
import { describe, expect, it } from 'vitest';

function body(text: string) {
  return buildDocument(sourceFromText(text, 'n.md')).notes.find((n) => n.kind === 'question')!.body;
}

/** The `dir` of each node of a type, in document order. */
function dirs(nodes: readonly Nodes[], type: string): (string | undefined)[] {
  const out: (string | undefined)[] = [];
  const walk = (node: Nodes): void => {
    if (node.type === type) out.push((node.data as { hProperties?: { dir?: string } } | undefined)?.hProperties?.dir);
    if ('children' in node) for (const child of node.children as Nodes[]) walk(child);
  };
  nodes.forEach(walk);
  return out;
}

describe('withTextDirection', () => {
  it('returns blocks without a right-to-left letter as they are, the same array', () => {
    const blocks = body('# T\n\n## Q?\n\nPlain English, `code`, and a list:\n\n- one\n- two\n');
    expect(withTextDirection(blocks)).toBe(blocks);
  });

  it('gives every paragraph, list, item, quote, table and cell dir="auto" when the blocks hold Hebrew or Arabic', () => {
    const blocks = body(
      '# T\n\n## מה זה UDP?\n\nפרוטוקול ללא חיבור.\n\n- first\n- שני\n\n> ציטוט\n\n| a | ב |\n| --- | --- |\n| 1 | 2 |\n',
    );
    const marked = withTextDirection(blocks);
    expect(marked).not.toBe(blocks);
    for (const type of ['paragraph', 'list', 'listItem', 'blockquote', 'table', 'tableCell']) {
      const found = dirs(marked, type);
      expect(found.length, type).toBeGreaterThan(0);
      expect(new Set(found), type).toEqual(new Set(['auto']));
    }
    // The model's own blocks are not changed.
    expect(dirs(blocks, 'paragraph')).not.toContain('auto');
  });

  it('does not count a right-to-left letter inside code', () => {
    const blocks = body('# T\n\n## Q?\n\nSee `שלום` and:\n\n```\nمرحبا\n```\n');
    expect(withTextDirection(blocks)).toBe(blocks);
  });

  it('finds right-to-left letters of Hebrew, Arabic, Syriac, Thaana and N’Ko, and no others', () => {
    for (const text of ['שלום', 'مرحبا', 'ܫܠܡܐ', 'ދިވެހި', 'ߒߞߏ']) expect(hasRtl(text), text).toBe(true);
    for (const text of ['hello', 'Привет', '日本語', 'नमस्ते', 'ελληνικά']) expect(hasRtl(text), text).toBe(false);
  });
});
