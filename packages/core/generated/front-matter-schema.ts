// Generated from schemas/front-matter.schema.json by scripts/generate-schema-types.mjs. Do not edit: edit the schema and run `npm run generate`.

/**
 * The front matter a notes document may carry; fields/front-matter checks it. Projects can point `frontMatter.schema` at their own.
 */
export interface NotesFrontMatter {
  title: string;
  exam?: string;
  tags?: string[];
  deck?: string;
  /**
   * BCP 47 language tag (ja, ko, zh-Hans, zh-Hant, ar, he…); detected from the text when absent.
   */
  lang?: string;
}

/** The JSON Schema https://notes.dev/schemas/front-matter.schema.json, embedded so the published package validates without reading files. */
export const frontMatterSchema = {
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://notes.dev/schemas/front-matter.schema.json",
  "title": "NotesFrontMatter",
  "description": "The front matter a notes document may carry; fields/front-matter checks it. Projects can point `frontMatter.schema` at their own.",
  "type": "object",
  "required": [
    "title"
  ],
  "properties": {
    "title": {
      "type": "string",
      "minLength": 1
    },
    "exam": {
      "type": "string",
      "minLength": 1
    },
    "tags": {
      "type": "array",
      "items": {
        "type": "string",
        "pattern": "^[^\\s]+$"
      }
    },
    "deck": {
      "type": "string"
    },
    "lang": {
      "type": "string",
      "pattern": "^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$",
      "description": "BCP 47 language tag (ja, ko, zh-Hans, zh-Hant, ar, he…); detected from the text when absent."
    }
  }
} as const;
