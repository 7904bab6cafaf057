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
  tableHeaderFill: '#e4e4e4',
  codeFill: '#f0f0f0',
} as const;

/**
 * Topic bar colours: dark enough that white bold text reads on them, and distinct in grey when printed in
 * black and white (their luminance differs as well as their hue).
 */
export const TOPIC_COLOURS = [
  { bar: '#1d4e89', tint: '#e8eef6' },
  { bar: '#8c2f0f', tint: '#f8ebe6' },
  { bar: '#2e6b30', tint: '#e9f2e9' },
  { bar: '#5b2a86', tint: '#f0eaf6' },
  { bar: '#00606b', tint: '#e4f1f2' },
  { bar: '#7a5200', tint: '#f6f0e2' },
  { bar: '#8a1538', tint: '#f7e7ec' },
  { bar: '#3b3b3b', tint: '#eeeeee' },
] as const;

/** Colours of one topic. */
export type TopicColour = (typeof TOPIC_COLOURS)[number];
