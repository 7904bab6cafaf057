// Why an item of the repaired notes is missing from an export: every miss the preservation report counts gets
// one of these causes, found by looking at the item and the format's text. Shared by run.mjs.
import { pdfForm } from './check.mjs';

/**
 * The causes, by id: what happens and whether it is a loss in an exporter (`loss`), the export working as the
 * spec says (`design`) or the printed glyph not telling apart what the text does (`font`).
 */
export const CAUSES = {
  'pdf/empty-topic': {
    kind: 'loss',
    text: "topic heading with no note under it: the cheat sheet draws a topic bar only before the topic's first note",
  },
  'pdf/emoji-variant': {
    kind: 'font',
    text: 'Noto Emoji draws the gender and person variants of a ZWJ sequence (👨‍💻 👩‍💻 🧑‍💻, 🙋‍♀️ 🙋‍♂️) with one glyph, and the text of a glyph is that of its first use',
  },
  'anki/topic-without-card': {
    kind: 'design',
    text: 'topic or document title with no question and no comparison table under it: no card, so no deck to carry its name',
  },
  'anki/overview-table': {
    kind: 'design',
    text: 'cell of a table that is not a comparison table, in a topic overview: overviews get no card',
  },
  unexplained: { kind: 'unexplained', text: 'not explained: look at the item and the export' },
};

const PERSON = /[\u{1F468}\u{1F469}\u{1F9D1}]/gu;
const GENDER = /(\p{Extended_Pictographic}\uFE0F?)[\u2640\u2642]\uFE0F?/gu;

/** The PDF form with the variants Noto Emoji does not tell apart made one: person and gender signs folded. */
function emojiFolded(s) {
  return pdfForm(s).replace(GENDER, '$1').replace(PERSON, '\u{1F9D1}');
}

/** The cause id of a missing `item` of `format`; `folded()` gives the format's text with emoji variants folded. */
function causeOf(format, item, folded) {
  if (format === 'pdf') {
    if (item.scope === 'topic' && item.notes === 0) return 'pdf/empty-topic';
    if (folded().includes(emojiFolded(item.text))) return 'pdf/emoji-variant';
  }
  if (format === 'anki') {
    if (item.scope === 'topic' && item.questions === 0 && item.comparisons === 0) return 'anki/topic-without-card';
    if (item.kind === 'cell' && item.scope === 'overview' && item.comparison === false) return 'anki/overview-table';
  }
  return 'unexplained';
}

/**
 * The missing items of one format grouped by cause (a Map from cause id to items, in the order of CAUSES).
 * `text` is the format's normalized text, as `formatTexts` returns it.
 */
export function explain(format, missing, text) {
  let cache = null;
  const folded = () => (cache ??= emojiFolded(text));
  const groups = new Map(Object.keys(CAUSES).map((id) => [id, []]));
  for (const item of missing) groups.get(causeOf(format, item, folded)).push(item);
  for (const [id, items] of groups) if (items.length === 0) groups.delete(id);
  return groups;
}
