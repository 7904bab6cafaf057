// Content preservation across formats: which headings, paragraphs and table cells of the repaired notes appear
// in each export. Shared by test/e2e/preservation.test.ts and bench/preservation/run.mjs.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { buildDocument, inlineText, parseMarkdown, sourceFromText } from '@notes/core';
import { isComparisonTable } from '@notes/export-anki';
import { fixSource } from '@notes/lint';
import { strFromU8, unzipSync } from 'fflate';
import initSqlJs from 'sql.js';

/** One comparable form: NFC, no zero-width characters, whitespace runs as one space. */
export function norm(s) {
  return s
    .normalize('NFC')
    .replace(/[\u00ad\u200b-\u200d\u2060\ufeff]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Headings, paragraphs and table cells of the repaired text, as the model parses them. `scope` says where the
 * model puts each: `question` (a question note's heading or body), `overview` (a note that is not a question),
 * `topic` (a topic or the document's title heading) or `other`.
 */
export function itemsOf(text, path = 'notes.md') {
  const repaired = fixSource(sourceFromText(text, path)).output;
  const doc = buildDocument(sourceFromText(repaired, path));
  const scope = new Map();
  const mark = (node, s) => {
    if (!node || scope.has(node)) return;
    scope.set(node, s);
    for (const child of node.children ?? []) mark(child, s);
  };
  for (const note of doc.notes) {
    const s = note.kind === 'question' ? 'question' : 'overview';
    mark(note.heading, s);
    for (const block of note.body) mark(block, s);
  }
  for (const topic of doc.topics) mark(topic.heading, 'topic');
  mark(doc.titleHeading, 'topic');
  // What the report needs to name the cause of a miss: how many notes, questions and comparison tables sit under a
  // topic or title heading, and whether a cell belongs to a comparison table (whose rows become Anki cards).
  const under = new Map();
  const comparison = new Map();
  const count = (heading, note) => {
    if (!heading) return;
    const c = under.get(heading) ?? { notes: 0, questions: 0, comparisons: 0 };
    c.notes++;
    if (note.kind === 'question') c.questions++;
    c.comparisons += note.tables.filter((t) => comparison.get(t.node)).length;
    under.set(heading, c);
  };
  for (const note of doc.notes) {
    for (const table of note.tables) comparison.set(table.node, isComparisonTable(table));
    count(doc.titleHeading, note);
    count(doc.topics.find((t) => t.title === note.topic)?.heading, note);
  }
  const items = [];
  const walk = (node, table) => {
    if (node.type === 'heading' || node.type === 'paragraph' || node.type === 'tableCell') {
      const t = norm(inlineText(node));
      if (!t) return;
      const item = {
        kind: node.type === 'tableCell' ? 'cell' : node.type,
        scope: scope.get(node) ?? 'other',
        text: t,
        line: node.position?.start.line ?? 0,
      };
      if (scope.get(node) === 'topic')
        Object.assign(item, under.get(node) ?? { notes: 0, questions: 0, comparisons: 0 });
      if (table !== undefined) item.comparison = comparison.get(table) ?? false;
      items.push(item);
      return;
    }
    for (const child of node.children ?? []) walk(child, node.type === 'table' ? node : table);
  };
  walk(doc.tree);
  return items;
}

/** Which items a format is meant to hold: the Anki deck holds question notes (cards) and deck names (topics). */
export function inScope(format, item) {
  return format !== 'anki' || item.scope === 'question' || item.scope === 'topic' || item.kind === 'cell';
}

const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
function htmlText(html) {
  return (
    html
      // An image stands for its alt text, as in the other formats: a packed image carries it in `alt`, one that
      // could not be packed is shown as `[image: alt]`.
      .replace(/<img\b[^>]*?\balt="([^"]*)"[^>]*>/gi, ' $1 ')
      .replace(/\[image(?:: ([^\]]*))?\]/g, '$1')
      .replace(/<br\s*\/?>/gi, ' ')
      .replace(/<\/(?:p|div|li|td|th|tr|h\d|blockquote)>/gi, ' ')
      .replace(/<[^>]*>/g, '')
      .replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e) =>
        e[0] === '#'
          ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10))
          : (ENTITIES[e.toLowerCase()] ?? m),
      )
  );
}

function allFiles(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...allFiles(p));
    else out.push(p);
  }
  return out;
}

/** Baselines closer to the page edge than this are in the header or footer (the cheat sheet's margins are 26 and 20 pt). */
const MARGIN = { top: 24, bottom: 18 };

let sql;
/** The text of each format in an `export --all` output folder, normalized. */
export async function formatTexts(outDir) {
  const json = JSON.parse(readFileSync(join(outDir, 'notes.json'), 'utf8'));
  const strings = [];
  const collect = (v) => {
    if (typeof v === 'string') strings.push(v);
    else if (Array.isArray(v)) v.forEach(collect);
    else if (v && typeof v === 'object') Object.values(v).forEach(collect);
  };
  collect(json);
  const md = [];
  for (const file of allFiles(join(outDir, 'markdown'))) {
    const walk = (node) => {
      if (node.type === 'heading' || node.type === 'paragraph' || node.type === 'tableCell') md.push(inlineText(node));
      else for (const child of node.children ?? []) walk(child);
    };
    walk(parseMarkdown(readFileSync(file, 'utf8')));
  }
  const files = unzipSync(readFileSync(join(outDir, 'notes.apkg')));
  sql ??= initSqlJs();
  const db = new (await sql).Database(files['collection.anki2']);
  const [result] = db.exec('select flds from notes');
  const [decks] = db.exec('select decks from col');
  db.close();
  const anki = (result?.values ?? []).map((v) => htmlText(String(v[0]).replace(/\x1f/g, ' ')));
  // Topics and the document title are the deck and sub-deck names (`Title::Topic`).
  for (const deck of Object.values(JSON.parse(String(decks?.values[0]?.[0] ?? '{}'))))
    anki.push(...String(deck.name).split('::'));
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({
    data: new Uint8Array(readFileSync(join(outDir, 'cheatsheet.pdf'))),
    isEvalSupported: false,
    verbosity: 0,
  }).promise;
  const pdf = [];
  const pdfNoMarkers = [];
  const pdfMargins = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const page = await doc.getPage(p);
    // pdfjs NFKC-normalizes some characters (µ U+00B5 becomes μ U+03BC): keep the text the PDF maps its glyphs to.
    const content = await page.getTextContent({ disableNormalization: true });
    const height = page.view[3];
    // List markers are drawn as runs of their own and come out of extraction between the lines of their item's
    // text ("…or improve|5.|reliability"): an item counts as found with them or without them.
    for (const item of content.items) {
      if (!('str' in item)) continue;
      // The page header and footer (title, `page n / N`) sit in the top and bottom margins (26 and 20 pt). In the
      // text they would come between the two halves of a paragraph that runs onto the next page: they are read
      // apart, after the running text.
      const y = item.transform[5];
      if (y < MARGIN.bottom || y > height - MARGIN.top) {
        pdfMargins.push(item.str, ' ');
        continue;
      }
      pdf.push(item.str, item.hasEOL ? ' ' : '');
      pdfNoMarkers.push(/^\s*(?:\d{1,4}[.)]|[•◦▪‣])\s*$/.test(item.str) ? '' : item.str, item.hasEOL ? ' ' : '');
    }
  }
  await doc.destroy();
  void strFromU8;
  return {
    json: norm(strings.join(' \n ')),
    markdown: norm(md.join(' \n ')),
    pdf: `${norm(pdf.join(''))} \u0000 ${norm(pdfNoMarkers.join(''))} \u0000 ${norm(pdfMargins.join(''))}`,
    anki: norm(anki.join(' \n ')),
  };
}

/**
 * The PDF's text as compared: no spaces, and no emoji variation selectors. An emoji with and without VS16 (`⚠`,
 * `⚠️`) is one glyph of the emoji font, and text extraction gives every use of a glyph the code points of its
 * first use.
 */
export function pdfForm(s) {
  return s.replace(/[ \ufe0e\ufe0f]/g, '');
}

/** Which items each format holds, and the missing ones for the report. */
export function coverage(items, texts) {
  const out = {};
  for (const [format, text] of Object.entries(texts)) {
    // Line wrapping in the PDF may break a line at a hyphen or drop the space there: compare without whitespace.
    const flat = format === 'pdf' ? pdfForm(text) : null;
    const scoped = items.filter((i) => inScope(format, i));
    const missing = scoped.filter((i) => (flat === null ? !text.includes(i.text) : !flat.includes(pdfForm(i.text))));
    out[format] = {
      total: scoped.length,
      found: scoped.length - missing.length,
      missing,
      outOfScope: items.length - scoped.length,
    };
  }
  return out;
}
