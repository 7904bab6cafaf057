import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { remarkPreset, remarkRules, rules } from '@notes/lint';

describe('remark-lint plugins', () => {
  it('exposes every rule as a plugin and a preset', () => {
    expect(Object.keys(remarkRules)).toEqual(rules.map((r) => r.id));
    expect(remarkPreset.plugins).toHaveLength(rules.length);
  });

  it('reports through vfile messages when run by remark', async () => {
    const file = await unified()
      .use(remarkParse)
      .use(remarkGfm)
      .use(remarkFrontmatter)
      .use(remarkPreset)
      .use(remarkStringify)
      .process('# Notes\n\n##Question\n\n| a | b |\n| - |\n| 1 | 2 |\n');
    const found = file.messages.map((m) => [m.ruleId, m.source, m.line]);
    expect(found).toEqual([
      ['heading/missing-space', 'notes', 3],
      ['table/delimiter-mismatch', 'notes', 6],
    ]);
  });
});
