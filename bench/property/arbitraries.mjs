// Generators shared by test/property/*.test.ts and bench/property/run.mjs: Markdown notes with injected damage.
import fc from 'fast-check';

const CP1252 = new Map([
  [0x80, '€'],
  [0x82, '‚'],
  [0x83, 'ƒ'],
  [0x84, '„'],
  [0x85, '…'],
  [0x86, '†'],
  [0x87, '‡'],
  [0x88, 'ˆ'],
  [0x89, '‰'],
  [0x8a, 'Š'],
  [0x8b, '‹'],
  [0x8c, 'Œ'],
  [0x8e, 'Ž'],
  [0x91, '‘'],
  [0x92, '’'],
  [0x93, '“'],
  [0x94, '”'],
  [0x95, '•'],
  [0x96, '–'],
  [0x97, '—'],
  [0x98, '˜'],
  [0x99, '™'],
  [0x9a, 'š'],
  [0x9b, '›'],
  [0x9c, 'œ'],
  [0x9e, 'ž'],
  [0x9f, 'Ÿ'],
]);

/** The text a cp1252 reader makes of UTF-8 bytes: the mojibake in real notes (`’` → `â€™`). */
export function mojibake(s) {
  let out = '';
  for (const b of Buffer.from(s, 'utf8'))
    out += b < 0x80 ? String.fromCharCode(b) : (CP1252.get(b) ?? String.fromCharCode(b));
  return out;
}

const GLUABLE = /^(?:[\p{L}*_[\p{Extended_Pictographic}]|\d(?:\uFE0F?\u20E3|[.)]\s|[^\x00-\x7F]))/u;

const plain = fc.constantFrom(
  'storage',
  'queue',
  'latency',
  'replica',
  'bucket',
  'VPC',
  'S3',
  'Aurora',
  'scaling',
  'region',
  'the',
  'and',
  'for',
);
const fancy = fc.constantFrom('it’s', 'café', '“quoted”', 'naïve', '—', '📌', 'résumé', 'über', '…', '1️⃣');
const word = fc.oneof({ weight: 4, arbitrary: plain }, { weight: 1, arbitrary: fancy });
const sentence = fc.array(word, { minLength: 1, maxLength: 10 }).map((w) => w.join(' '));

/**
 * One block as { clean, damaged } lines: `damaged` is what the raw notes look like, `clean` what the fix should
 * give (null: a repaired line whose exact form is the fixer's choice, the table delimiter row). Only `hurt` blocks
 * differ.
 */
const block = fc.oneof(
  fc
    .record({ s: sentence, hurt: fc.boolean() })
    .map(({ s, hurt }) => ({ clean: [s], damaged: [hurt ? mojibake(s) : s], hurt: hurt && mojibake(s) !== s })),
  fc.record({ s: sentence, want: fc.boolean() }).map(({ s, want }) => {
    // heading/missing-space repairs `##Word`, `##📌`, `##1️⃣` but leaves `##—` or `##“` (they may be meant).
    const hurt = want && GLUABLE.test(s);
    return { clean: [`## ${s}?`], damaged: [hurt ? `##${s}?` : `## ${s}?`], hurt };
  }),
  fc
    .record({ items: fc.array(sentence, { minLength: 1, maxLength: 4 }) })
    .map(({ items }) => ({ clean: items.map((i) => `- ${i}`), damaged: items.map((i) => `- ${i}`), hurt: false })),
  fc
    .record({
      cols: fc.integer({ min: 2, max: 4 }),
      rows: fc.array(fc.array(plain, { minLength: 4, maxLength: 4 }), { minLength: 1, maxLength: 4 }),
      hurt: fc.boolean(),
    })
    .map(({ cols, rows, hurt }) => {
      const head = `| ${Array.from({ length: cols }, (_, i) => `H${i}`).join(' | ')} |`;
      const delim = `|${Array(cols).fill('---').join('|')}|`;
      const bad = `|${Array(cols + 1)
        .fill('---')
        .join('|')}|`;
      const body = rows.map((r) => `| ${r.slice(0, cols).join(' | ')} |`);
      return { clean: [head, hurt ? null : delim, ...body], damaged: [head, hurt ? bad : delim, ...body], hurt };
    }),
  fc.record({ a: sentence, b: sentence }).map(({ a, b }) => ({
    clean: [`>> Note: ${a}`, '', `>> Tip: ${b}`],
    damaged: [`>> Note: ${a}`, `>> Tip: ${b}`],
    hurt: true,
  })),
);

/** A whole note file: { clean, damaged, blocks } with blocks separated by blank lines. */
export const damagedNotes = fc
  .record({ title: sentence, blocks: fc.array(block, { minLength: 1, maxLength: 12 }), crlf: fc.boolean() })
  .map(({ title, blocks, crlf }) => {
    const lines = (key) => [`# ${title}`, '', ...blocks.flatMap((b) => [...b[key], ''])];
    const damaged = lines('damaged').join(crlf ? '\r\n' : '\n');
    // Lines the fixed text must hold verbatim, in order.
    const keep = lines('clean').filter((l) => l !== null && l !== '');
    const clean = blocks.some((b) => b.clean.includes(null)) ? null : lines('clean').join(crlf ? '\r\n' : '\n');
    return { clean, damaged, keep, blocks, crlf };
  });

/** Arbitrary input for "never throws": Markdown-ish fragments mixed with any Unicode, control characters included. */
export const anyMarkdown = fc
  .array(
    fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 30 }),
      fc.string({ unit: 'binary', maxLength: 20 }),
      fc.constantFrom(
        '\n',
        '\r\n',
        '\n\n',
        '# ',
        '## ',
        '###',
        '- ',
        '1. ',
        '> ',
        '>> ',
        '| ',
        ' |',
        '|---|',
        ':-:',
        '```',
        '~~~',
        '<!--',
        '-->',
        '<script>',
        '</div>',
        '[x](javascript:alert(1))',
        '![i](../x.png)',
        '[^1]',
        '[a]: /b',
        '---\n',
        '\uFEFF',
        '\u0000',
        '\u202e',
        '\\',
        '*',
        '_',
        '`',
        '&amp;',
        '&#0;',
        '\t',
        '    ',
      ),
      sentence,
      fc.constantFrom('Ã©', 'â€™', 'ðŸ“Œ', '1ï¸âƒ£', 'Ã', 'â€'),
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(''));
