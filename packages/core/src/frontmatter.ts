import { createRequire } from 'node:module';

type Yaml = typeof import('yaml');
let yaml: Yaml | undefined;

/**
 * The YAML parser, loaded on the first front matter: most notes have none, and `notes lint` then never evaluates
 * its 260 KB. A plain `require` in the CLI's bundle (esbuild bundles it, evaluated on first call); Node's own
 * elsewhere.
 */
function loadYaml(): Yaml {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the bundle's require, evaluated on first call
  yaml ??= (typeof require === 'function' ? require('yaml') : createRequire(import.meta.url)('yaml')) as Yaml;
  return yaml;
}

/** Parsed front matter: data when it is a YAML mapping, else an error message with its line. */
export interface FrontMatter {
  /** The raw YAML text, without the `---` fences. */
  raw: string;
  /** The mapping, or null when the YAML is broken or not a mapping. */
  data: Record<string, unknown> | null;
  /** Why `data` is null, with a 1-based line relative to the file. */
  error: { message: string; line: number } | null;
}

/** Refuse alias expansion beyond this many nodes ("billion laughs"). */
const MAX_ALIAS_COUNT = 100;

/** Parse YAML front matter safely: no custom tags, bounded alias expansion, errors as data. */
export function parseFrontMatter(raw: string, firstLine: number): FrontMatter {
  try {
    const doc = loadYaml().parseDocument(raw, { prettyErrors: false, uniqueKeys: true, schema: 'core' });
    const first = doc.errors[0];
    if (first) {
      const line = first.linePos?.[0]?.line ?? 1;
      return { raw, data: null, error: { message: first.message.split('\n')[0]!, line: firstLine + line } };
    }
    const value: unknown = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    if (value === null || value === undefined) return { raw, data: {}, error: null };
    if (typeof value !== 'object' || Array.isArray(value)) {
      return {
        raw,
        data: null,
        error: { message: 'front matter is not a mapping of keys to values', line: firstLine + 1 },
      };
    }
    return { raw, data: JSON.parse(JSON.stringify(value)) as Record<string, unknown>, error: null };
  } catch (error) {
    return { raw, data: null, error: { message: (error as Error).message.split('\n')[0]!, line: firstLine + 1 } };
  }
}
