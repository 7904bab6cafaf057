import type { Fix, SourceFile } from '@notes/core';
import { lintWithModel } from './engine.js';
import type { FixResult, LintMessage, LintOptions } from '../types.js';

/** Stands for a pass's result between two passes (its tree must not be kept alive while the next is parsed). */
const NO_RESULT: ReturnType<typeof lintWithModel> = {
  messages: [],
  document: () => {
    throw new Error('no pass');
  },
};

/** Most passes fixSource makes before it stops (fixes that keep re-creating each other would loop). */
export const MAX_FIX_PASSES = 10;

/** One fix as a replacement of the text between two offsets (what an editor applies). */
export interface FixEdit {
  start: number;
  end: number;
  insert: string;
}
type Edit = FixEdit;

/** Offsets where each 1-based line starts. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** The line ending a text mostly uses. */
export function detectEol(text: string): '\n' | '\r\n' {
  const lf = (text.match(/\n/g) ?? []).length;
  const crlf = (text.match(/\r\n/g) ?? []).length;
  return crlf > 0 && crlf * 2 >= lf ? '\r\n' : '\n';
}

function toEdit(text: string, starts: readonly number[], fix: Fix, eol: string): Edit | null {
  const lineStart = starts[fix.line - 1];
  if (lineStart === undefined) return null;
  const start = lineStart + fix.column - 1;
  if (start > text.length) return null;
  // Walk deleteCount units, a CRLF counting as one (as the rule saw the text without `\r`).
  let end = start;
  for (let n = 0; n < fix.deleteCount && end < text.length; n++) end += text.startsWith('\r\n', end) ? 2 : 1;
  return { start, end, insert: eol === '\n' ? fix.insert : fix.insert.replace(/\r?\n/g, eol) };
}

/**
 * A finding's fixes as offset edits of `text` (the same conversion `applyFixes` makes), or null when a fix
 * points past the text. Lets an editor offer one finding's repair as a quick fix.
 */
export function fixEdits(text: string, fixes: readonly Fix[]): FixEdit[] | null {
  const starts = lineStarts(text);
  const eol = detectEol(text);
  const edits = fixes.map((f) => toEdit(text, starts, f, eol));
  return edits.some((e) => e === null) ? null : (edits as FixEdit[]);
}

/**
 * Apply the fixes of findings to a text: each finding's edits together or not at all; a finding whose edits
 * overlap an earlier one waits for the next pass. Inserted newlines follow the file's line endings.
 */
export function applyFixes(text: string, messages: readonly LintMessage[]): { output: string; applied: number } {
  const starts = lineStarts(text);
  const eol = detectEol(text);
  // Kept sorted by start, so checking overlap and applying stay near-linear in the number of fixes.
  const taken: Edit[] = [];
  const insertAt = (e: Edit): number => {
    let lo = 0;
    let hi = taken.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const t = taken[mid]!;
      if (t.start < e.start || (t.start === e.start && t.end <= e.end)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const clashes = (e: Edit): boolean => {
    const i = insertAt(e);
    for (const t of [taken[i - 1], taken[i], taken[i - 2], taken[i + 1]]) {
      if (!t) continue;
      if ((e.start < t.end && t.start < e.end) || (e.start === t.start && e.end === e.start && t.end === t.start))
        return true;
    }
    return false;
  };
  let applied = 0;
  for (const message of messages) {
    if (!message.fix) continue;
    const edits = message.fix.map((f) => toEdit(text, starts, f, eol));
    if (edits.some((e) => e === null)) continue;
    const list = edits as Edit[];
    if (list.some(clashes)) continue;
    for (const e of list) taken.splice(insertAt(e), 0, e);
    applied++;
  }
  const parts: string[] = [];
  let at = 0;
  for (const e of taken) {
    parts.push(text.slice(at, e.start), e.insert);
    at = e.end;
  }
  parts.push(text.slice(at));
  const output = parts.join('');
  return { output, applied };
}

/**
 * Apply every fix of every enabled fixable rule (warnings too), re-lint and repeat until nothing changes
 * (at most MAX_FIX_PASSES). Keeps line endings and the final newline; running it on its output changes nothing.
 */
export function fixSource(file: SourceFile, options: LintOptions = {}): FixResult {
  let text = file.text;
  let current = file;
  let result = lintWithModel(current, options);
  const found = result.messages;
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    if (!result.messages.some((m) => m.fix)) break;
    const { output, applied } = applyFixes(text, result.messages);
    if (applied === 0 || output === text) break;
    text = output;
    current = { ...file, text, size: Buffer.byteLength(text) };
    // The last pass's tree and model are garbage once its fixes are applied: let them go before the next parse.
    result = NO_RESULT;
    options.betweenPasses?.();
    result = lintWithModel(current, options);
  }
  // The last lint ran on the final text: its parse and model are the repaired file's.
  return { output: text, messages: result.messages, found, changed: text !== file.text, document: result.document };
}
