// Generated from schemas/config.schema.json by scripts/generate-schema-types.mjs. Do not edit: edit the schema and run `npm run generate`.

/**
 * This interface was referenced by `NotesConfig`'s JSON-Schema
 * via the `definition` "severity".
 */
export type Severity = 'off' | 'warning' | 'error';

/**
 * notes.config.json: found by walking up from the working directory.
 */
export interface NotesConfig {
  $schema?: string;
  /**
   * Rule id (`category/name`) to severity, or [severity, options].
   */
  rules?: {
    [k: string]: Severity | never[];
  };
  /**
   * Front-matter requirements checked by fields/front-matter.
   */
  frontMatter?: {
    required?: string[];
    /**
     * Path (relative to the config file) of a JSON Schema for the front matter.
     */
    schema?: string;
  };
  /**
   * Path globs to skip.
   */
  ignores?: string[];
  limits?: {
    /**
     * Larger files are refused early with a clear message (default 16 MiB = 16777216). Files are parsed in linear time.
     */
    maxFileBytes?: number;
  };
  /**
   * The Anki deck (`notes export --anki`).
   */
  anki?: {
    /**
     * Deck name pattern: `{title}` (the document title, or its front-matter `deck`), `{topic}`, `{folder}` (the file's folder, one deck level per folder) and `{file}`, joined by `::`. Default `{title}::{topic}`.
     */
    deck?: string;
    /**
     * Reverse cards (the row's values on the front, its label on the back) for every comparison row. Default false; a document, topic or question can opt in on its own (export-anki README).
     */
    reverse?: boolean;
    /**
     * Cards for comparison-table rows. Default true.
     */
    comparisons?: boolean;
    /**
     * Path (relative to the config file) of a CSS file appended to the card styles of every note type.
     */
    css?: string;
    /**
     * Path (relative to the config file) of the id map that keeps GUIDs across renames and lists notes gone since the last export, or false for none. Default `notes.anki-ids.json` beside the config (commit it); without a config file, beside the deck in the output folder.
     */
    idMap?: string | false;
  };
}

/** The JSON Schema https://notes.dev/schemas/config.schema.json, embedded so the published package validates without reading files. */
export const configSchema = {
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://notes.dev/schemas/config.schema.json",
  "title": "NotesConfig",
  "description": "notes.config.json: found by walking up from the working directory.",
  "type": "object",
  "additionalProperties": false,
  "properties": {
    "$schema": {
      "type": "string"
    },
    "rules": {
      "type": "object",
      "description": "Rule id (`category/name`) to severity, or [severity, options].",
      "propertyNames": {
        "pattern": "^[a-z]+/[a-z0-9-]+$"
      },
      "additionalProperties": {
        "oneOf": [
          {
            "$ref": "#/$defs/severity"
          },
          {
            "type": "array",
            "prefixItems": [
              {
                "$ref": "#/$defs/severity"
              },
              {
                "type": "object"
              }
            ],
            "minItems": 1,
            "maxItems": 2,
            "items": false
          }
        ]
      }
    },
    "frontMatter": {
      "type": "object",
      "additionalProperties": false,
      "description": "Front-matter requirements checked by fields/front-matter.",
      "properties": {
        "required": {
          "type": "array",
          "items": {
            "type": "string"
          },
          "uniqueItems": true
        },
        "schema": {
          "type": "string",
          "description": "Path (relative to the config file) of a JSON Schema for the front matter."
        }
      }
    },
    "ignores": {
      "type": "array",
      "items": {
        "type": "string"
      },
      "description": "Path globs to skip."
    },
    "limits": {
      "type": "object",
      "additionalProperties": false,
      "properties": {
        "maxFileBytes": {
          "type": "integer",
          "minimum": 1,
          "description": "Larger files are refused early with a clear message (default 16 MiB = 16777216). Files are parsed in linear time."
        }
      }
    },
    "anki": {
      "type": "object",
      "additionalProperties": false,
      "description": "The Anki deck (`notes export --anki`).",
      "properties": {
        "deck": {
          "type": "string",
          "minLength": 1,
          "description": "Deck name pattern: `{title}` (the document title, or its front-matter `deck`), `{topic}`, `{folder}` (the file's folder, one deck level per folder) and `{file}`, joined by `::`. Default `{title}::{topic}`."
        },
        "reverse": {
          "type": "boolean",
          "description": "Reverse cards (the row's values on the front, its label on the back) for every comparison row. Default false; a document, topic or question can opt in on its own (export-anki README)."
        },
        "comparisons": {
          "type": "boolean",
          "description": "Cards for comparison-table rows. Default true."
        },
        "css": {
          "type": "string",
          "minLength": 1,
          "description": "Path (relative to the config file) of a CSS file appended to the card styles of every note type."
        },
        "idMap": {
          "description": "Path (relative to the config file) of the id map that keeps GUIDs across renames and lists notes gone since the last export, or false for none. Default `notes.anki-ids.json` beside the config (commit it); without a config file, beside the deck in the output folder.",
          "oneOf": [
            {
              "type": "string",
              "minLength": 1
            },
            {
              "const": false
            }
          ]
        }
      }
    }
  },
  "$defs": {
    "severity": {
      "enum": [
        "off",
        "warning",
        "error"
      ]
    }
  }
} as const;
