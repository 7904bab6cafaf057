// Generated from schemas/notes.schema.json by scripts/generate-schema-types.mjs. Do not edit: edit the schema and run `npm run generate`.

/**
 * Stable id: a kind letter and 16 hex digits of a hash of the normalized document, topic and question text.
 *
 * This interface was referenced by `NotesDataset`'s JSON-Schema
 * via the `definition` "id".
 */
export type Id = string;
/**
 * A tag: no white space (Anki's rule).
 *
 * This interface was referenced by `NotesDataset`'s JSON-Schema
 * via the `definition` "tag".
 */
export type Tag = string;

/**
 * The JSON dataset written by `notes export --json`: every document, topic and note of the input, repaired.
 */
export interface NotesDataset {
  /**
   * The address of this schema.
   */
  $schema?: string;
  /**
   * Bumped on any incompatible change of this shape.
   */
  schemaVersion: 1;
  documents: Document[];
  notes: Note[];
}
/**
 * This interface was referenced by `NotesDataset`'s JSON-Schema
 * via the `definition` "document".
 */
export interface Document {
  id: Id;
  /**
   * Plain-text title: the title heading, else front matter `title`, else the file name.
   */
  title: string;
  /**
   * BCP 47 language tag of the document: front matter `lang`, else detected from its scripts (`und` when nothing decides).
   */
  lang: string;
  /**
   * The parsed YAML front matter, or null when the file has none.
   */
  frontMatter: {
    [k: string]: unknown;
  } | null;
  tags: Tag[];
  topics: {
    id: Id;
    title: string;
    tags: Tag[];
    line: number;
  }[];
  source: Source;
}
/**
 * This interface was referenced by `NotesDataset`'s JSON-Schema
 * via the `definition` "source".
 */
export interface Source {
  /**
   * The source file, relative to the working directory, with `/`.
   */
  path: string;
  /**
   * 1-based first line (the heading, for a question).
   */
  line: number;
  /**
   * 1-based last line.
   */
  endLine: number;
}
/**
 * This interface was referenced by `NotesDataset`'s JSON-Schema
 * via the `definition` "note".
 */
export interface Note {
  id: Id;
  /**
   * `question`: a question heading and its answer; `overview`: content before a topic's (or the document's) first question.
   */
  kind: 'question' | 'overview';
  /**
   * Plain text of the question heading (an overview takes its topic's or document's title).
   */
  title: string;
  /**
   * Title of the topic, or null for notes outside any topic.
   */
  topic: string | null;
  topicId: Id | null;
  /**
   * Title of the document.
   */
  document: string;
  documentId: Id;
  answer: {
    /**
     * The answer as Markdown: everything under the heading, sub-headings included.
     */
    markdown: string;
    /**
     * The answer as plain text, blocks separated by blank lines.
     */
    text: string;
  };
  tables: Table[];
  callouts: Callout[];
  /**
   * Cloze deletions in the answer (`==text==`, `==2:text==`, `{{c1::text::hint}}`), in reading order. Absent when there are none.
   */
  clozes?: Cloze[];
  tags: Tag[];
  source: Source;
  /**
   * TeX math of the answer (`$…$`, `$$…$$`), in source order; absent when there is none.
   *
   * @minItems 1
   */
  math?: [Math, ...Math[]];
  /**
   * Images of the answer, in source order; absent when there is none.
   *
   * @minItems 1
   */
  images?: [Image, ...Image[]];
}
/**
 * This interface was referenced by `NotesDataset`'s JSON-Schema
 * via the `definition` "table".
 */
export interface Table {
  /**
   * Header cells as plain text.
   */
  columns: string[];
  /**
   * Body rows; each has exactly as many cells as there are columns.
   */
  rows: Cell[][];
  line: number;
}
/**
 * This interface was referenced by `NotesDataset`'s JSON-Schema
 * via the `definition` "cell".
 */
export interface Cell {
  /**
   * Plain text of the cell.
   */
  text: string;
  /**
   * The cell as Markdown (emphasis, code, links kept).
   */
  markdown: string;
  /**
   * True when the cell was empty in the source and filled down from the row above ("same as above").
   */
  filled: boolean;
}
/**
 * This interface was referenced by `NotesDataset`'s JSON-Schema
 * via the `definition` "callout".
 */
export interface Callout {
  /**
   * The callout's label (`Note`, `Tip`, `Warning`…), or null when it has none.
   */
  label: string | null;
  /**
   * The callout's body as Markdown, without the quote markers.
   */
  markdown: string;
  /**
   * The callout's body as plain text, label included.
   */
  text: string;
  line: number;
}
/**
 * This interface was referenced by `NotesDataset`'s JSON-Schema
 * via the `definition` "cloze".
 */
export interface Cloze {
  /**
   * Card number: as written (`==2:…==`, `{{c2::…}}`), else the next number no explicit cloze of the note uses, in reading order.
   */
  group: number;
  /**
   * Whether the number was written.
   */
  explicit: boolean;
  /**
   * `highlight`: `==text==` / `==2:text==`; `anki`: `{{c1::text::hint}}`.
   */
  syntax: 'highlight' | 'anki';
  /**
   * Plain text of the hidden part.
   */
  text: string;
  /**
   * Anki's hint, or null.
   */
  hint: string | null;
  /**
   * 1-based line of the opening marker in the source file.
   */
  line: number;
  /**
   * 1-based column of the opening marker.
   */
  column: number;
}
/**
 * A math node: the TeX source as written between the dollar signs.
 *
 * This interface was referenced by `NotesDataset`'s JSON-Schema
 * via the `definition` "math".
 */
export interface Math {
  type: 'math';
  /**
   * `true` for `$$…$$`, `false` for inline `$…$`.
   */
  display: boolean;
  /**
   * The TeX source, unchanged.
   */
  tex: string;
  /**
   * 1-based line of the opening dollar sign.
   */
  line: number;
}
/**
 * An image node. A local image that was read has `path`, `size`, `sha256`, `format`, `width` and `height`; one that was not (remote, missing, outside the notes' folder, damaged or too big) has `problem`.
 *
 * This interface was referenced by `NotesDataset`'s JSON-Schema
 * via the `definition` "image".
 */
export interface Image {
  type: 'image';
  /**
   * Alt text.
   */
  alt: string;
  /**
   * The address as written in the note.
   */
  url: string;
  line: number;
  /**
   * Path relative to the notes' folder, with `/`.
   */
  path?: string;
  /**
   * Size in bytes.
   */
  size?: number;
  /**
   * SHA-256 of the file, hex.
   */
  sha256?: string;
  format?: 'png' | 'jpeg' | 'gif' | 'svg';
  /**
   * Width in pixels (SVG: user units).
   */
  width?: number;
  height?: number;
  /**
   * Why the image was not used, e.g. `is not local: not fetched`.
   */
  problem?: string;
}

/** The JSON Schema https://notes.dev/schemas/notes.schema.json, embedded so the published package validates without reading files. */
export const notesSchema = {
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://notes.dev/schemas/notes.schema.json",
  "title": "NotesDataset",
  "description": "The JSON dataset written by `notes export --json`: every document, topic and note of the input, repaired.",
  "type": "object",
  "additionalProperties": false,
  "required": [
    "schemaVersion",
    "documents",
    "notes"
  ],
  "properties": {
    "$schema": {
      "type": "string",
      "description": "The address of this schema."
    },
    "schemaVersion": {
      "const": 1,
      "description": "Bumped on any incompatible change of this shape."
    },
    "documents": {
      "type": "array",
      "items": {
        "$ref": "#/$defs/document"
      }
    },
    "notes": {
      "type": "array",
      "items": {
        "$ref": "#/$defs/note"
      }
    }
  },
  "$defs": {
    "id": {
      "type": "string",
      "pattern": "^[a-z]-[0-9a-f]{16}$",
      "description": "Stable id: a kind letter and 16 hex digits of a hash of the normalized document, topic and question text."
    },
    "tag": {
      "type": "string",
      "pattern": "^[^\\s]+$",
      "description": "A tag: no white space (Anki's rule)."
    },
    "source": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "path",
        "line",
        "endLine"
      ],
      "properties": {
        "path": {
          "type": "string",
          "description": "The source file, relative to the working directory, with `/`."
        },
        "line": {
          "type": "integer",
          "minimum": 1,
          "description": "1-based first line (the heading, for a question)."
        },
        "endLine": {
          "type": "integer",
          "minimum": 1,
          "description": "1-based last line."
        }
      }
    },
    "document": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "id",
        "title",
        "lang",
        "frontMatter",
        "tags",
        "topics",
        "source"
      ],
      "properties": {
        "id": {
          "$ref": "#/$defs/id"
        },
        "title": {
          "type": "string",
          "description": "Plain-text title: the title heading, else front matter `title`, else the file name."
        },
        "lang": {
          "type": "string",
          "minLength": 2,
          "pattern": "^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$",
          "description": "BCP 47 language tag of the document: front matter `lang`, else detected from its scripts (`und` when nothing decides)."
        },
        "frontMatter": {
          "type": [
            "object",
            "null"
          ],
          "description": "The parsed YAML front matter, or null when the file has none.",
          "additionalProperties": true
        },
        "tags": {
          "type": "array",
          "items": {
            "$ref": "#/$defs/tag"
          }
        },
        "topics": {
          "type": "array",
          "items": {
            "type": "object",
            "additionalProperties": false,
            "required": [
              "id",
              "title",
              "tags",
              "line"
            ],
            "properties": {
              "id": {
                "$ref": "#/$defs/id"
              },
              "title": {
                "type": "string"
              },
              "tags": {
                "type": "array",
                "items": {
                  "$ref": "#/$defs/tag"
                }
              },
              "line": {
                "type": "integer",
                "minimum": 1
              }
            }
          }
        },
        "source": {
          "$ref": "#/$defs/source"
        }
      }
    },
    "cell": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "text",
        "markdown",
        "filled"
      ],
      "properties": {
        "text": {
          "type": "string",
          "description": "Plain text of the cell."
        },
        "markdown": {
          "type": "string",
          "description": "The cell as Markdown (emphasis, code, links kept)."
        },
        "filled": {
          "type": "boolean",
          "description": "True when the cell was empty in the source and filled down from the row above (\"same as above\")."
        }
      }
    },
    "table": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "columns",
        "rows",
        "line"
      ],
      "properties": {
        "columns": {
          "type": "array",
          "items": {
            "type": "string"
          },
          "description": "Header cells as plain text."
        },
        "rows": {
          "type": "array",
          "items": {
            "type": "array",
            "items": {
              "$ref": "#/$defs/cell"
            }
          },
          "description": "Body rows; each has exactly as many cells as there are columns."
        },
        "line": {
          "type": "integer",
          "minimum": 1
        }
      }
    },
    "callout": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "label",
        "markdown",
        "text",
        "line"
      ],
      "properties": {
        "label": {
          "type": [
            "string",
            "null"
          ],
          "description": "The callout's label (`Note`, `Tip`, `Warning`…), or null when it has none."
        },
        "markdown": {
          "type": "string",
          "description": "The callout's body as Markdown, without the quote markers."
        },
        "text": {
          "type": "string",
          "description": "The callout's body as plain text, label included."
        },
        "line": {
          "type": "integer",
          "minimum": 1
        }
      }
    },
    "note": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "id",
        "kind",
        "title",
        "topic",
        "topicId",
        "document",
        "documentId",
        "answer",
        "tables",
        "callouts",
        "tags",
        "source"
      ],
      "properties": {
        "id": {
          "$ref": "#/$defs/id"
        },
        "kind": {
          "enum": [
            "question",
            "overview"
          ],
          "description": "`question`: a question heading and its answer; `overview`: content before a topic's (or the document's) first question."
        },
        "title": {
          "type": "string",
          "description": "Plain text of the question heading (an overview takes its topic's or document's title)."
        },
        "topic": {
          "type": [
            "string",
            "null"
          ],
          "description": "Title of the topic, or null for notes outside any topic."
        },
        "topicId": {
          "oneOf": [
            {
              "$ref": "#/$defs/id"
            },
            {
              "type": "null"
            }
          ]
        },
        "document": {
          "type": "string",
          "description": "Title of the document."
        },
        "documentId": {
          "$ref": "#/$defs/id"
        },
        "answer": {
          "type": "object",
          "additionalProperties": false,
          "required": [
            "markdown",
            "text"
          ],
          "properties": {
            "markdown": {
              "type": "string",
              "description": "The answer as Markdown: everything under the heading, sub-headings included."
            },
            "text": {
              "type": "string",
              "description": "The answer as plain text, blocks separated by blank lines."
            }
          }
        },
        "tables": {
          "type": "array",
          "items": {
            "$ref": "#/$defs/table"
          }
        },
        "callouts": {
          "type": "array",
          "items": {
            "$ref": "#/$defs/callout"
          }
        },
        "clozes": {
          "type": "array",
          "description": "Cloze deletions in the answer (`==text==`, `==2:text==`, `{{c1::text::hint}}`), in reading order. Absent when there are none.",
          "items": {
            "$ref": "#/$defs/cloze"
          }
        },
        "tags": {
          "type": "array",
          "items": {
            "$ref": "#/$defs/tag"
          }
        },
        "source": {
          "$ref": "#/$defs/source"
        },
        "math": {
          "type": "array",
          "description": "TeX math of the answer (`$…$`, `$$…$$`), in source order; absent when there is none.",
          "minItems": 1,
          "items": {
            "$ref": "#/$defs/math"
          }
        },
        "images": {
          "type": "array",
          "description": "Images of the answer, in source order; absent when there is none.",
          "minItems": 1,
          "items": {
            "$ref": "#/$defs/image"
          }
        }
      }
    },
    "math": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "type",
        "display",
        "tex",
        "line"
      ],
      "description": "A math node: the TeX source as written between the dollar signs.",
      "properties": {
        "type": {
          "const": "math"
        },
        "display": {
          "type": "boolean",
          "description": "`true` for `$$…$$`, `false` for inline `$…$`."
        },
        "tex": {
          "type": "string",
          "description": "The TeX source, unchanged."
        },
        "line": {
          "type": "integer",
          "minimum": 1,
          "description": "1-based line of the opening dollar sign."
        }
      }
    },
    "image": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "type",
        "alt",
        "url",
        "line"
      ],
      "description": "An image node. A local image that was read has `path`, `size`, `sha256`, `format`, `width` and `height`; one that was not (remote, missing, outside the notes' folder, damaged or too big) has `problem`.",
      "properties": {
        "type": {
          "const": "image"
        },
        "alt": {
          "type": "string",
          "description": "Alt text."
        },
        "url": {
          "type": "string",
          "description": "The address as written in the note."
        },
        "line": {
          "type": "integer",
          "minimum": 1
        },
        "path": {
          "type": "string",
          "description": "Path relative to the notes' folder, with `/`."
        },
        "size": {
          "type": "integer",
          "minimum": 0,
          "description": "Size in bytes."
        },
        "sha256": {
          "type": "string",
          "pattern": "^[0-9a-f]{64}$",
          "description": "SHA-256 of the file, hex."
        },
        "format": {
          "enum": [
            "png",
            "jpeg",
            "gif",
            "svg"
          ]
        },
        "width": {
          "type": "integer",
          "minimum": 1,
          "description": "Width in pixels (SVG: user units)."
        },
        "height": {
          "type": "integer",
          "minimum": 1
        },
        "problem": {
          "type": "string",
          "description": "Why the image was not used, e.g. `is not local: not fetched`."
        }
      }
    },
    "cloze": {
      "type": "object",
      "additionalProperties": false,
      "required": [
        "group",
        "explicit",
        "syntax",
        "text",
        "hint",
        "line",
        "column"
      ],
      "properties": {
        "group": {
          "type": "integer",
          "minimum": 1,
          "description": "Card number: as written (`==2:…==`, `{{c2::…}}`), else the next number no explicit cloze of the note uses, in reading order."
        },
        "explicit": {
          "type": "boolean",
          "description": "Whether the number was written."
        },
        "syntax": {
          "enum": [
            "highlight",
            "anki"
          ],
          "description": "`highlight`: `==text==` / `==2:text==`; `anki`: `{{c1::text::hint}}`."
        },
        "text": {
          "type": "string",
          "description": "Plain text of the hidden part."
        },
        "hint": {
          "type": [
            "string",
            "null"
          ],
          "description": "Anki's hint, or null."
        },
        "line": {
          "type": "integer",
          "minimum": 1,
          "description": "1-based line of the opening marker in the source file."
        },
        "column": {
          "type": "integer",
          "minimum": 1,
          "description": "1-based column of the opening marker."
        }
      }
    }
  }
} as const;
