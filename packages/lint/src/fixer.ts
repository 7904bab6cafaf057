import type { Fix, SourceFile } from '@notes/core';
import { lintSource } from './engine.js';
import type { FixResult, LintMessage, LintOptions } from './types.js';

/** Most passes fixSource makes before it stops (fixes that keep re-creating each other would loop). */
export const MAX_FIX_PASSES = 10;

interface Edit {
  start: number;
  end: number;
  insert: string;
}

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
 * Apply the fixes of findings to a text: each finding's edits together or not at all; a finding whose edits
 * overlap an earlier one waits for the next pass. Inserted newlines follow the file's line endings.
 */
export function applyFixes(text: string, messages: readonly LintMessage[]): { output: string; applied: number } {
  const starts = lineStarts(text);
  const eol = detectEol(text);
  const taken: Edit[] = [];
  let applied = 0;
  for (const message of messages) {
    if (!message.fix) continue;
    const edits = message.fix.map((f) => toEdit(text, starts, f, eol));
    if (edits.some((e) => e === null)) continue;
    const list = edits as Edit[];
    const overlaps = list.some((e) => taken.some((t) => e.start < t.end && t.start < e.end || (e.start === t.start && e.end === e.start && t.end === t.start)));
    if (overlaps) continue;
    taken.push(...list);
    applied++;
  }
  taken.sort((a, b) => b.start - a.start || b.end - a.end);
  let output = text;
  for (const e of taken) output = output.slice(0, e.start) + e.insert + output.slice(e.end);
  return { output, applied };
}

/**
 * Apply every fix of every enabled fixable rule (warnings too), re-lint and repeat until nothing changes
 * (at most MAX_FIX_PASSES). Keeps line endings and the final newline; running it on its output changes nothing.
 */
export function fixSource(file: SourceFile, options: LintOptions = {}): FixResult {
  let text = file.text;
  let current = file;
  let messages = lintSource(current, options);
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    if (!messages.some((m) => m.fix)) break;
    const { output, applied } = applyFixes(text, messages);
    if (applied === 0 || output === text) break;
    text = output;
    current = { ...file, text, size: Buffer.byteLength(text) };
    messages = lintSource(current, options);
  }
  return { output: text, messages, changed: text !== file.text };
}
