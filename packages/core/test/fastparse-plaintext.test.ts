import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { parser as commonmark } from '@lezer/markdown';
import { describe, expect, it } from 'vitest';
import { LEZER_EXTENSIONS, PlainText } from '../src/fastparse/parse.js';
import { markdownFiles, RAW_NOTES } from '../../../test/helpers/corpora.js';

// PlainText only lets Lezer's inline loop pass over plain text faster: the tree must be the same without it.
const withPlain = commonmark.configure([...LEZER_EXTENSIONS, PlainText]);
const without = commonmark.configure([...LEZER_EXTENSIONS]);

/** Every node of a Lezer tree with its range, in order. */
function dump(text: string, parser: typeof commonmark): string {
  const out: string[] = [];
  const cursor = parser.parse(text).cursor();
  for (;;) {
    out.push(`${cursor.name}@${cursor.from}-${cursor.to}`);
    if (cursor.firstChild()) continue;
    while (!cursor.nextSibling()) if (!cursor.parent()) return out.join(' ');
  }
}

const ROOT = resolve(import.meta.dirname, '../../..');

const spec = (
  createRequire(import.meta.url)('commonmark-spec') as { tests: { number: number; markdown: string }[] }
).tests.map((t) => t.markdown);

/** Texts that reach every rule of `passable`: spaces before a line end, autolink starts, each trigger character. */
const edges = [
  'a  \nb  c \nd\\\ne',
  'x www.example.com y.www.z a-https://b c+d@e.fr _f_ *g* **h** ~~i~~ ~j~ `k` ``l` m``',
  'n [o](p) ![q](r) [s] <t> <u@v.w> &amp; &#35; \\* 1.5+2-3 e.g. a.b@c.de.',
  'www.a.b at the start; mail@x.y too, and é@x.y or ü.www.x, tab\there',
  '   \n  leading spaces\n\n| a | b |\n| - | - |\n| c www.d | e@f.gh |\n\n- [ ] task *x*\n',
];

describe('the PlainText inline parser', () => {
  it('leaves the tree unchanged on the CommonMark examples, the seed and crafted edges', () => {
    const texts = [...spec, ...edges, readFileSync(RAW_NOTES, 'utf8')];
    for (const text of texts) expect(dump(text, withPlain), JSON.stringify(text)).toBe(dump(text, without));
  });

  it('leaves the tree unchanged on every file of the shared corpora and content/', () => {
    const files = [...markdownFiles(), ...markdownFiles(join(ROOT, 'content'))];
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      expect(dump(text, withPlain) === dump(text, without), file).toBe(true);
    }
  });
});
