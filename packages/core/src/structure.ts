import type { Heading, Root, RootContent } from 'mdast';
import { collectCallouts } from './callouts.js';
import { parseFrontMatter, type FrontMatter } from './frontmatter.js';
import { slugTag, stableId } from './ids.js';
import { documentLang } from './lang.js';
import { headingText, plan, type Plan } from './infer.js';
import { addMath } from './math.js';
import type { ModelDocument, ModelNote, ModelTopic } from './model.js';
import { parseMarkdown } from './parse.js';
import { sliceMarkdown } from './slice.js';
import type { SourceFile } from './source.js';
import { collectTables } from './tables.js';
import { blocksText, squash } from './text.js';
import { lazy } from './lazy.js';

export { headingText } from './infer.js';

function fileTitle(path: string): string {
  const base = path.split('/').pop() ?? path;
  return (
    base
      .replace(/\.(?:raw\.)?(?:md|markdown)$/i, '')
      .replace(/[-_]+/g, ' ')
      .trim() || base
  );
}

/** A tag, hierarchical parts (`aws::networking`) kept: each part slugged on its own. */
function hierarchicalTag(text: string): string {
  return text
    .split('::')
    .map((part) => slugTag(part))
    .filter(Boolean)
    .join('::');
}

function tagsFrom(value: unknown): string[] {
  const list = Array.isArray(value) ? value : typeof value === 'string' ? value.split(/[,\s]+/) : [];
  return [...new Set(list.map((t) => hierarchicalTag(String(t))).filter(Boolean))];
}

/**
 * Tags written at the end of a question heading (`What is SQS? #aws::messaging #exam`): each a `#` after white
 * space, with at least one letter (so `Issue #12` keeps its number), the last thing on the line.
 */
const HEADING_TAGS = lazy(() => /(?:\s+#[\p{L}\p{N}_-]*\p{L}[\p{L}\p{N}_-]*(?:::[\p{L}\p{N}_-]+)*)+$/u);

/** A question title without its trailing `#tags`, and the tags. */
export function splitHeadingTags(text: string): { title: string; tags: string[] } {
  // Most headings have no `#`: V8 compiling the Unicode pattern cost `notes lint` about 5 ms on the first ones.
  if (!text.includes('#')) return { title: text, tags: [] };
  const m = HEADING_TAGS().exec(text);
  if (!m || m.index === 0) return { title: text, tags: [] };
  const tags = m[0]
    .trim()
    .split(/\s+/)
    .map((t) => hierarchicalTag(t.slice(1)))
    .filter(Boolean);
  return { title: text.slice(0, m.index).trim(), tags };
}

/** A note's tags: the document's (already without repeats), its topic's and its heading's, each once, in order. */
function noteTags(docTags: readonly string[], topicTags: readonly string[], own: readonly string[]): string[] {
  // Most notes add none of their own to the document's: no set, no spreading.
  if (topicTags.length === 0 && own.length === 0) return docTags.slice();
  return [...new Set([...docTags, ...topicTags, ...own])];
}

/** How many lines `text.split('\n')` would give, without building them. */
function countLines(text: string): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** What a note's lazy fields are made from, kept under a symbol (not enumerable: no copy or JSON sees it). */
const LAZY = Symbol('lazy');

interface Lazy {
  text: string;
  body: readonly RootContent[];
  markdown?: string;
  plain?: string;
  callouts?: ModelNote['callouts'];
}

type WithLazy = { [LAZY]: Lazy };

/**
 * The lazy fields' getters, the same functions for every note: an accessor made per object (a getter in an object
 * literal, a closure each) gives each object its own hidden class, and V8 keeps such objects as dictionaries, about
 * 550 bytes each and slow to read (a third of the model of a 10 MB file).
 */
const ANSWER: PropertyDescriptorMap = {
  markdown: {
    get(this: WithLazy) {
      const lazy = this[LAZY];
      return (lazy.markdown ??= sliceMarkdown(lazy.text, lazy.body));
    },
    enumerable: true,
    configurable: true,
  },
  text: {
    get(this: WithLazy) {
      const lazy = this[LAZY];
      return (lazy.plain ??= blocksText(lazy.body));
    },
    enumerable: true,
    configurable: true,
  },
};
const CALLOUTS: PropertyDescriptor = {
  get(this: WithLazy) {
    const lazy = this[LAZY];
    return (lazy.callouts ??= collectCallouts(lazy.text, lazy.body));
  },
  enumerable: true,
  configurable: true,
};

/**
 * A note's answer as Markdown and as plain text, each made when first read and kept: the JSON dataset and the
 * site read them, the deck and the cheat sheet do not (on 5,000 questions they cost a tenth of the model). The
 * getters are enumerable own properties, so `JSON.stringify`, spreading and structured cloning see both values.
 */
function lazyAnswer(lazy: Lazy): { markdown: string; text: string } {
  const answer = Object.defineProperty({}, LAZY, { value: lazy });
  return Object.defineProperties(answer, ANSWER) as { markdown: string; text: string };
}

/**
 * What a top-level block is in a document's outline: skipped (front matter, the title heading), a topic heading,
 * a question heading, or part of the current note's body (deeper headings, and stray shallow ones inside a
 * question, belong to the current note).
 */
function roleOf(block: RootContent, p: Plan): 'skip' | 'topic' | 'question' | 'body' {
  if (block.type === 'yaml' || (block.type as string) === 'toml') return 'skip';
  if (p.title && block === p.title.node) return 'skip';
  if (block.type !== 'heading') return 'body';
  if (p.topics.has(block)) return 'topic';
  const depth = block.depth;
  if (depth <= p.strayDepth) return 'body';
  return depth === p.questionDepth || (depth > p.topicDepth && depth < p.questionDepth) ? 'question' : 'body';
}

/** The headings of a document's outline: its title, its topics and its questions (what the clean copy re-levels). */
export interface DocumentOutline {
  tree: Root;
  titleHeading: Heading | null;
  topics: readonly { heading: Heading }[];
  notes: readonly { heading: Heading | null }[];
}

/**
 * The outline of a text as `buildDocument` infers it (a model document is an outline too), without the notes'
 * ids, tags, tables and answers: for a caller that needs only which heading is what.
 */
export function documentOutline(text: string, tree: Root = parseMarkdown(text)): DocumentOutline {
  addMath(tree, text);
  const p = plan(tree.children);
  const topics: { heading: Heading }[] = [];
  const notes: { heading: Heading }[] = [];
  for (const block of tree.children) {
    const role = roleOf(block, p);
    if (role === 'topic') topics.push({ heading: block as Heading });
    else if (role === 'question') notes.push({ heading: block as Heading });
  }
  return { tree, titleHeading: p.title?.node ?? null, topics, notes };
}

/** Build the model of one file: title, topics, question and overview notes, tables, callouts, tags, ids. */
export function buildDocument(file: SourceFile, tree: Root = parseMarkdown(file.text)): ModelDocument {
  addMath(tree, file.text);
  const blocks = tree.children;
  let frontMatterInfo: FrontMatter | null = null;
  const fm = blocks[0];
  if (fm && fm.type === 'yaml') frontMatterInfo = parseFrontMatter(fm.value, 1);
  const fmData = frontMatterInfo?.data ?? null;
  const outline = plan(blocks);
  const titleHead = outline.title;
  const fmTitle = typeof fmData?.['title'] === 'string' ? squash(fmData['title']) : '';
  const title = titleHead?.text || fmTitle || fileTitle(file.path);
  const docTags = tagsFrom(fmData?.['tags']);
  if (docTags.length === 0) docTags.push(slugTag(title) || 'notes');
  const lastLine = Math.max(1, countLines(file.text) - (file.text.endsWith('\n') ? 1 : 0));
  const documentId = stableId('d', [title]);

  const topics: ModelTopic[] = [];
  const notes: ModelNote[] = [];
  const seen = new Map<string, number>();
  let topic: ModelTopic | null = null;
  let current: { heading: Heading | null; body: RootContent[]; topic: ModelTopic | null } | null = null;

  const close = (): void => {
    if (!current) return;
    const { heading, body } = current;
    const t = current.topic;
    const kind = heading ? 'question' : 'overview';
    const split = heading ? splitHeadingTags(headingText(heading)) : { title: t?.title ?? title, tags: [] };
    const noteTitle = split.title;
    const key = `${kind}\u0000${t?.title ?? ''}\u0000${noteTitle}`;
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    const id = stableId(kind === 'question' ? 'q' : 'o', [title, t?.title ?? '', noteTitle, n > 1 ? String(n) : '']);
    const first = heading ?? body[0];
    const last = body[body.length - 1] ?? heading;
    const lazy: Lazy = { text: file.text, body };
    const note = {
      id,
      kind,
      title: noteTitle,
      topic: t?.title ?? null,
      topicId: t?.id ?? null,
      document: title,
      documentId,
      answer: lazyAnswer(lazy),
      tables: collectTables(file.text, body),
    } as Partial<ModelNote>;
    Object.defineProperty(note, LAZY, { value: lazy });
    // Found when first read, like the answer: only the JSON dataset reads them.
    Object.defineProperty(note, 'callouts', CALLOUTS);
    note.tags = noteTags(docTags, t ? t.tags : [], split.tags);
    note.source = {
      path: file.path,
      line: first?.position?.start.line ?? 1,
      endLine: last?.position?.end.line ?? first?.position?.start.line ?? 1,
    };
    note.heading = heading;
    note.body = body;
    notes.push(note as ModelNote);
    current = null;
  };

  for (const block of blocks) {
    const role = roleOf(block, outline);
    if (role === 'skip') continue;
    if (block.type === 'heading' && role !== 'body') {
      if (role === 'topic') {
        close();
        const text = headingText(block);
        topic = {
          id: stableId('t', [title, text]),
          title: text,
          tags: [slugTag(text) || 'topic'],
          line: block.position?.start.line ?? 1,
          heading: block,
        };
        topics.push(topic);
        continue;
      }
      close();
      current = { heading: block, body: [], topic };
      continue;
    }
    if (!current) current = { heading: null, body: [], topic };
    current.body.push(block);
  }
  close();

  return {
    id: documentId,
    title,
    lang: documentLang(fmData, file.text),
    frontMatter: fmData,
    tags: docTags,
    topics,
    source: { path: file.path, line: 1, endLine: lastLine },
    notes,
    titleHeading: titleHead?.node ?? null,
    frontMatterInfo,
    file,
    tree,
  };
}
