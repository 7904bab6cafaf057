// The note types of a deck (question and comparison always, cloze and reverse when used). Their ids never change: Anki matches re-imported notes by GUID *and* note type id.

/** A note type as the packer needs it. */
export interface NoteTypeSpec {
  id: number;
  name: string;
  fields: readonly string[];
  /** Question and answer templates (one card per note, or one per cloze group for a cloze type). */
  qfmt: string;
  afmt: string;
  /** Anki's model type: 0 standard, 1 cloze. */
  type?: 0 | 1;
  /** CSS added after the card CSS (and the user's own). */
  extraCss?: string;
}

/** Fixed id of the question note type (Front, Back, Topic, Source). */
export const QUESTION_NOTETYPE_ID = 1_719_000_000_101;
/** Fixed id of the comparison note type (Front, Back, Context, Topic, Source). */
export const COMPARISON_NOTETYPE_ID = 1_719_000_000_102;

/** Fixed id of the cloze note type (Text, Context, Topic, Source). */
export const CLOZE_NOTETYPE_ID = 1_719_000_000_103;
/** Fixed id of the reverse note type (a comparison row asked the other way round). */
export const REVERSE_NOTETYPE_ID = 1_719_000_000_104;

/** Field names of the question note type, in order. */
export const QUESTION_FIELDS = ['Front', 'Back', 'Topic', 'Source'] as const;
/** Field names of the comparison note type, in order. */
export const COMPARISON_FIELDS = ['Front', 'Back', 'Context', 'Topic', 'Source'] as const;

/** Field names of the cloze note type, in order. */
export const CLOZE_FIELDS = ['Text', 'Context', 'Topic', 'Source'] as const;
/** Field names of the reverse note type, in order (the comparison type's: Front asks, Back is the row label). */
export const REVERSE_FIELDS = COMPARISON_FIELDS;

/** The question note type: the question on the front, the answer on the back. */
export const QUESTION_TYPE: NoteTypeSpec = {
  id: QUESTION_NOTETYPE_ID,
  name: 'notes: Question',
  fields: QUESTION_FIELDS,
  qfmt: '<div class="topic">{{Topic}}</div>\n<div class="front">{{Front}}</div>',
  afmt: '{{FrontSide}}\n<hr id="answer">\n<div class="back">{{Back}}</div>\n<div class="source">{{Source}}</div>',
};

/** The comparison note type: a table row's label and what it compares, then the value of each column. */
export const COMPARISON_TYPE: NoteTypeSpec = {
  id: COMPARISON_NOTETYPE_ID,
  name: 'notes: Comparison',
  fields: COMPARISON_FIELDS,
  qfmt: '<div class="topic">{{Topic}}</div>\n<div class="context">{{Context}}</div>\n<div class="front">{{Front}}</div>',
  afmt: '{{FrontSide}}\n<hr id="answer">\n<div class="back">{{Back}}</div>\n<div class="source">{{Source}}</div>',
};

/** The cloze note type (Anki's cloze type): the whole answer with one group of clozes hidden per card. */
export const CLOZE_TYPE: NoteTypeSpec = {
  id: CLOZE_NOTETYPE_ID,
  name: 'notes: Cloze',
  fields: CLOZE_FIELDS,
  type: 1,
  qfmt: '<div class="topic">{{Topic}}</div>\n<div class="context">{{Context}}</div>\n<div class="back">{{cloze:Text}}</div>',
  afmt: '<div class="topic">{{Topic}}</div>\n<div class="context">{{Context}}</div>\n<div class="back">{{cloze:Text}}</div>\n<div class="source">{{Source}}</div>',
  extraCss: `.cloze { font-weight: 600; color: #0969da; }
.nightMode .cloze, .night_mode .cloze { color: #4493f8; }
`,
};

/** The reverse note type: the values of a comparison row on the front, its label on the back. */
export const REVERSE_TYPE: NoteTypeSpec = {
  id: REVERSE_NOTETYPE_ID,
  name: 'notes: Comparison (reverse)',
  fields: REVERSE_FIELDS,
  qfmt: '<div class="topic">{{Topic}}</div>\n<div class="context">{{Context}}</div>\n<div class="front">{{Front}}</div>',
  afmt: '{{FrontSide}}\n<hr id="answer">\n<div class="back">{{Back}}</div>\n<div class="source">{{Source}}</div>',
};

/** Card CSS: readable type, tables with rules, code in a box; `.nightMode` (and the older `.night_mode`) for dark. */
export const CARD_CSS = `.card {
  font-family: -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif;
  font-size: 18px;
  line-height: 1.45;
  text-align: left;
  color: #1f2328;
  background: #ffffff;
  max-width: 46em;
  margin: 0 auto;
  padding: 0 0.75em;
}
.topic, .context, .source { font-size: 0.72em; color: #59636e; }
.topic { text-transform: uppercase; letter-spacing: 0.04em; }
.context { margin-top: 0.2em; font-style: italic; }
.front { font-size: 1.2em; font-weight: 600; margin: 0.4em 0 0.2em; }
.back { margin-top: 0.4em; }
.source { margin-top: 1.2em; font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
hr#answer { border: 0; border-top: 1px solid #d1d9e0; margin: 0.8em 0; }
.back h1, .back h2, .back h3, .back h4, .back h5, .back h6 { font-size: 1em; margin: 0.9em 0 0.3em; }
.back p { margin: 0.45em 0; }
.back ul, .back ol { margin: 0.3em 0; padding-left: 1.4em; }
.back blockquote { margin: 0.5em 0; padding: 0.1em 0.8em; border-left: 3px solid #d1d9e0; color: #59636e; }
table { border-collapse: collapse; margin: 0.6em 0; font-size: 0.9em; }
th, td { border: 1px solid #d1d9e0; padding: 0.3em 0.55em; vertical-align: top; text-align: left; }
th { background: #f6f8fa; font-weight: 600; }
code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.88em; background: #eff1f3; padding: 0.1em 0.3em; border-radius: 4px; }
pre { background: #f6f8fa; border: 1px solid #d1d9e0; border-radius: 6px; padding: 0.6em 0.8em; overflow-x: auto; }
pre code { background: none; padding: 0; font-size: 0.85em; }
img { max-width: 100%; height: auto; }
a { color: #0969da; }
.nightMode.card, .night_mode .card { color: #e6edf3; background: #0d1117; }
.nightMode .topic, .nightMode .context, .nightMode .source, .nightMode .back blockquote,
.night_mode .topic, .night_mode .context, .night_mode .source, .night_mode .back blockquote { color: #9198a1; }
.nightMode hr#answer, .night_mode hr#answer { border-top-color: #3d444d; }
.nightMode th, .nightMode td, .night_mode th, .night_mode td { border-color: #3d444d; }
.nightMode th, .night_mode th { background: #151b23; }
.nightMode code, .night_mode code { background: #262c36; }
.nightMode pre, .night_mode pre { background: #151b23; border-color: #3d444d; }
.nightMode pre code, .night_mode pre code { background: none; }
.nightMode a, .night_mode a { color: #4493f8; }
`;
