// Loaded by every `notes lint` (a lint plugin module): it imports nothing at run time but the generated table, so
// linting loads neither the fonts nor a second copy of @notes/core.
import type { RuleDefinition } from '@notes/core';
import { unrenderableCharacters } from './printable.js';

/**
 * Checks that every character of the notes can be printed by the cheat sheet's fonts (IBM Plex Sans Condensed,
 * Noto Emoji, DejaVu Sans Condensed).
 *
 * Rationale: a glyph missing from every font would print as an empty box (tofu) and silently vanish from the
 * PDF's text; the exporter shows its code point instead, and this rule says so before anyone prints.
 *
 * Fix: replace the character with one the fonts have, or describe it in words.
 */
export const unprintable = {
  id: 'encoding/unprintable',
  description: 'Characters no font of the PDF cheat sheet can draw',
  tags: ['encoding', 'pdf'],
  fixable: false,
  severity: 'warning',
  check(ctx) {
    ctx.lines.forEach((line, i) => {
      for (const { char, index } of unrenderableCharacters(line)) {
        const code = `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
        ctx.report({
          place: { line: i + 1, column: index + 1, endLine: i + 1, endColumn: index + 1 + char.length },
          message: `Unexpected unprintable character \`${char}\` (${code}), expected a character the PDF fonts can draw`,
        });
      }
    });
  },
} as const satisfies RuleDefinition;

/** Lint rules this exporter contributes; the CLI registers them with the others. */
export const pdfRules = [unprintable] as const;

/** The same list under the name every lint plugin module exports (loaded by `@notes/export-pdf/rules`). */
export const lintRules = pdfRules;
