import type { Blockquote, Heading, Root, RootContent, Table } from 'mdast';
import type { FrontMatter } from './frontmatter.js';
import type { Callout, Note, Document as DatasetDocument, Table as DatasetTable } from '../generated/notes-schema.js';
import type { SourceFile } from './source.js';

/** A table of a note, with its mdast node for renderers. */
export interface ModelTable extends DatasetTable {
  /** The parsed table (cells as in the source, before fill-down). */
  node: Table;
}

/** A callout of a note, with its mdast node for renderers. */
export interface ModelCallout extends Callout {
  /** The blockquote (for `>>`, the innermost one). */
  node: Blockquote;
}

/** A note of the model: the dataset note plus the mdast it was built from. */
export interface ModelNote extends Omit<Note, 'tables' | 'callouts'> {
  tables: ModelTable[];
  callouts: ModelCallout[];
  /** The question heading (null for an overview). */
  heading: Heading | null;
  /** The answer's blocks, sub-headings included, in source order. */
  body: RootContent[];
}

/** A topic of a document. */
export interface ModelTopic {
  id: string;
  title: string;
  tags: string[];
  line: number;
  heading: Heading;
}

/** One Markdown file as documents → topics → notes. */
export interface ModelDocument extends Omit<DatasetDocument, 'topics'> {
  topics: ModelTopic[];
  notes: ModelNote[];
  /** The heading taken as the document title, if any. */
  titleHeading: Heading | null;
  /** Front matter as parsed (raw text kept for round trips). */
  frontMatterInfo: FrontMatter | null;
  /** The file it came from (repaired text). */
  file: SourceFile;
  /** The whole parsed tree. */
  tree: Root;
}
