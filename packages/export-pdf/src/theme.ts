/** Paper sizes in PDF points, landscape (width > height). */
export const PAPER = {
  a4: { name: 'A4', width: 841.89, height: 595.28 },
  letter: { name: 'LETTER', width: 792, height: 612 },
} as const;

/** Paper names accepted by the `paper` option. */
export type Paper = keyof typeof PAPER;

/** The cheat sheet's type scale and spacing, in points. */
export const THEME = {
  body: 7,
  table: 6.5,
  code: 6.3,
  question: 7.6,
  subheading: 7.2,
  topic: 8.6,
  documentTitle: 9.5,
  header: 10.5,
  footer: 6.5,
  /** pdfmake multiplies the font's own line height (1.3 em for IBM Plex) by this. */
  lineHeight: 0.92,
  margins: { left: 16, top: 26, right: 16, bottom: 20 },
  columnGap: 10,
  text: '#1a1a1a',
  muted: '#555555',
  rule: '#9a9a9a',
  codeFill: '#f0f0f0',
  /** Behind a cloze's text: a highlighter yellow that prints light enough to read through. */
  markFill: '#fff1a8',
} as const;

/**
 * Topic colours: `bar` dark enough that white bold text reads on it (and distinct in grey when printed in black
 * and white), `head` for table header rows, `tint` behind callouts.
 */
export const TOPIC_COLOURS = [
  { bar: '#1d4e89', head: '#d6e1ef', tint: '#edf2f8' },
  { bar: '#8c2f0f', head: '#f0dbd2', tint: '#f9efeb' },
  { bar: '#2e6b30', head: '#d7e9d7', tint: '#eef6ee' },
  { bar: '#5b2a86', head: '#e4daef', tint: '#f4eff9' },
  { bar: '#00606b', head: '#d2e7e9', tint: '#ebf4f5' },
  { bar: '#7a5200', head: '#ede3c9', tint: '#f8f3e8' },
  { bar: '#8a1538', head: '#f0d3dc', tint: '#f9ecf0' },
  { bar: '#3b3b3b', head: '#e0e0e0', tint: '#f1f1f1' },
] as const;

/** Colours of one topic. */
export type TopicColour = (typeof TOPIC_COLOURS)[number];

/** Columns between tab stops in printed code (the mono font has no tab glyph: tabs print as spaces). */
export const TAB_WIDTH = 4;
