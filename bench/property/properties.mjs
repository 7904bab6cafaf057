// The properties, shared by test/property/fix.test.ts (a few hundred runs) and bench/property/run.mjs (10,000+).
import { sourceFromText } from '@notes/core';
import { fixSource, lintSource } from '@notes/lint';

const fix = (text) => fixSource(sourceFromText(text, 'notes.md')).output;

/** `--fix` twice changes nothing the second time. */
export function idempotent({ damaged }) {
  const once = fix(damaged);
  const twice = fix(once);
  if (twice !== once) throw new Error(`not idempotent:\n${JSON.stringify(once)}\n→\n${JSON.stringify(twice)}`);
}

/** Every line outside a defect, and every repaired line, is in the fixed text verbatim and in order. */
export function keepsUndamaged({ damaged, keep, crlf }) {
  const out = fix(damaged).split(crlf ? '\r\n' : '\n');
  let at = 0;
  for (const line of keep) {
    const found = out.indexOf(line, at);
    if (found === -1) throw new Error(`lost or changed line ${JSON.stringify(line)} in:\n${out.join('\n')}`);
    at = found + 1;
  }
}

/** Text with no defect comes out byte for byte. */
export function cleanUnchanged({ clean }) {
  if (clean === null) return;
  const out = fix(clean);
  if (out !== clean) throw new Error(`changed clean text:\n${JSON.stringify(clean)}\n→\n${JSON.stringify(out)}`);
}

/** Any text: if no finding carries a fix, the fixer leaves it as it is. */
export function noFindingNoChange(text) {
  const file = sourceFromText(text, 'notes.md');
  const fixable = lintSource(file).some((m) => m.fix);
  if (!fixable && fixSource(file).output !== file.text)
    throw new Error(`changed text without a fixable finding: ${JSON.stringify(text)}`);
}
