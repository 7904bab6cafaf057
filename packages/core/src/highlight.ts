import type { Nodes, Root } from 'mdast';

/**
 * Build-time syntax highlighting with Shiki (TextMate grammars, the JavaScript regex engine, synchronous once
 * loaded). Both the Anki card and the PDF take their colours from here, so a token has the same colour in both.
 * Shiki and the grammars are imported only when a document has a fenced block in a known language.
 */

/** One run of a highlighted line: text and its style. */
export interface CodeToken {
  text: string;
  /** `#rrggbb`. */
  color: string;
  italic: boolean;
  bold: boolean;
}

/** A highlighted block: one array of tokens per line. */
export type CodeLines = CodeToken[][];

/** Highlights code in the languages it was created with. */
export interface CodeHighlighter {
  /** Tokens of `code`, or null when `lang` is missing or not one of the supported languages. */
  highlight(code: string, lang: string | null | undefined): CodeLines | null;
}

/** Shiki grammar (module under `@shikijs/langs/`) for each fence language a note may use. */
const GRAMMARS: Readonly<Record<string, string>> = {
  bash: 'bash',
  sh: 'bash',
  shell: 'bash',
  shellscript: 'bash',
  zsh: 'bash',
  console: 'bash',
  yaml: 'yaml',
  yml: 'yaml',
  json: 'json',
  jsonc: 'json',
  python: 'python',
  py: 'python',
  javascript: 'javascript',
  js: 'javascript',
  mjs: 'javascript',
  cjs: 'javascript',
  jsx: 'jsx',
  typescript: 'typescript',
  ts: 'typescript',
  tsx: 'tsx',
  hcl: 'hcl',
  terraform: 'terraform',
  tf: 'terraform',
  sql: 'sql',
  dockerfile: 'docker',
  docker: 'docker',
  powershell: 'powershell',
  ps1: 'powershell',
  pwsh: 'powershell',
};

type LangModule = Promise<{ default: unknown[] }>;
/** Each grammar's module, imported on demand (written out so bundlers and Vite see every import). */
const LOADERS: Readonly<Record<string, () => LangModule>> = {
  bash: () => import('@shikijs/langs/bash'),
  yaml: () => import('@shikijs/langs/yaml'),
  json: () => import('@shikijs/langs/json'),
  python: () => import('@shikijs/langs/python'),
  javascript: () => import('@shikijs/langs/javascript'),
  jsx: () => import('@shikijs/langs/jsx'),
  typescript: () => import('@shikijs/langs/typescript'),
  tsx: () => import('@shikijs/langs/tsx'),
  hcl: () => import('@shikijs/langs/hcl'),
  terraform: () => import('@shikijs/langs/terraform'),
  sql: () => import('@shikijs/langs/sql'),
  docker: () => import('@shikijs/langs/docker'),
  powershell: () => import('@shikijs/langs/powershell'),
};

/** The theme: GitHub Light (dark tokens on white, each at least 4.5:1), comments in italics for grey-scale print. */
const THEME = 'github-light';
/** Text colour of untokenized code and the background of a code block. */
export const CODE_COLORS = { foreground: '#24292e', background: '#f6f8fa' } as const;

/** The grammar for a fence's info string (`ts`, `Terraform`, `yaml title=x`), or null when it has none. */
export function codeGrammar(lang: string | null | undefined): string | null {
  if (!lang) return null;
  return GRAMMARS[lang.trim().toLowerCase()] ?? null;
}

/**
 * Parents whose children are phrasing content (or rows and cells of it) in mdast: a code block is flow content and
 * never among them, so their inline nodes (most of a tree) are not visited.
 */
const PHRASING_PARENTS = new Set(['paragraph', 'heading', 'table']);

/** The grammars needed by the fenced code blocks of some trees (empty when none is in a known language). */
export function codeGrammars(trees: Iterable<Root>): Set<string> {
  const out = new Set<string>();
  for (const tree of trees) {
    const stack: Nodes[] = [tree];
    for (let n = stack.pop(); n !== undefined; n = stack.pop()) {
      if (n.type === 'code') {
        const g = codeGrammar(n.lang);
        if (g) out.add(g);
      } else if ('children' in n && !PHRASING_PARENTS.has(n.type)) for (const c of n.children as Nodes[]) stack.push(c);
    }
  }
  return out;
}

/** A highlighter for no language: every block stays plain. */
const PLAIN: CodeHighlighter = { highlight: () => null };

/**
 * A highlighter for the given grammars (from `codeGrammars`). Imports Shiki only when there is one to load, so a
 * document with no code pays nothing.
 */
export async function createCodeHighlighter(grammars: Iterable<string>): Promise<CodeHighlighter> {
  const wanted = [...new Set(grammars)].sort();
  if (wanted.length === 0) return PLAIN;
  const [{ createHighlighterCoreSync }, { createJavaScriptRegexEngine }, theme] = await Promise.all([
    import('@shikijs/core'),
    import('@shikijs/engine-javascript'),
    import('@shikijs/themes/github-light').then((m) => m.default),
  ]);
  const langs = (await Promise.all(wanted.map((g) => LOADERS[g]!()))).flatMap((m) => m.default);
  const italicComments = {
    ...theme,
    tokenColors: [
      ...(theme.tokenColors ?? []),
      { scope: ['comment', 'punctuation.definition.comment'], settings: { fontStyle: 'italic' } },
    ],
  };
  const shiki = createHighlighterCoreSync({
    themes: [italicComments],
    langs: langs as NonNullable<Parameters<typeof createHighlighterCoreSync>[0]['langs']>,
    engine: createJavaScriptRegexEngine(),
  });
  const loaded = new Set(wanted);
  return {
    highlight(code, lang) {
      const grammar = codeGrammar(lang);
      if (!grammar || !loaded.has(grammar)) return null;
      // No time limit: Shiki stops colouring a line after 500 ms by default, and the first lines pay for compiling
      // the grammar, so a busy machine would give different colours from run to run.
      const lines = shiki.codeToTokensBase(code, { lang: grammar, theme: THEME, tokenizeTimeLimit: 0 });
      return lines.map((line) => {
        const out: CodeToken[] = [];
        for (const t of line) {
          const color = (t.color ?? CODE_COLORS.foreground).toLowerCase().slice(0, 7);
          const style = t.fontStyle ?? 0;
          const token = { text: t.content, color, italic: (style & 1) !== 0, bold: (style & 2) !== 0 };
          const prev = out[out.length - 1];
          // Runs of one style merge, and white space takes the style of what it follows: fewer runs to draw.
          if (
            prev &&
            ((prev.color === token.color && prev.italic === token.italic && prev.bold === token.bold) ||
              token.text.trim() === '')
          )
            prev.text += token.text;
          else out.push(token);
        }
        return out;
      });
    },
  };
}

/** The CSS of a token, as the Anki card carries it inline (`color:#d73a49;font-style:italic`). */
export function tokenStyle(token: CodeToken): string {
  return `color:${token.color}${token.italic ? ';font-style:italic' : ''}${token.bold ? ';font-weight:bold' : ''}`;
}

/** What `tokenStyle` can produce: the only `style` values a sanitizer needs to let through. */
export const TOKEN_STYLE = /^color:#[0-9a-f]{6}(?:;font-style:italic)?(?:;font-weight:bold)?$/;
