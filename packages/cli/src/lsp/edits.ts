import { pathToFileURL } from 'node:url';
import type { LintMessage } from '@notes/lint';
import { DiagnosticSeverity, type Diagnostic, type TextEdit } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';

/** The finding for a file over the size limit (it is not parsed). */
export function tooBig(size: number, limit: number): LintMessage {
  const mb = (n: number): string => (n / 1048576).toFixed(1);
  return {
    ruleId: 'limits/max-file-bytes',
    severity: 'error',
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 1,
    message: `Unexpected file of ${mb(size)} MB, expected at most ${mb(limit)} MB: split it, or raise "limits.maxFileBytes" in notes.config.json`,
    fixable: false,
  };
}

/** A finding as an LSP diagnostic: rule id as `code`, its docs as `codeDescription`, 0-based positions. */
export function toDiagnostic(m: LintMessage, document: TextDocument, docsUrl: string): Diagnostic {
  const start = { line: m.line - 1, character: m.column - 1 };
  const endLine = Math.max(m.endLine, m.line) - 1;
  const end =
    endLine > start.line || m.endColumn > m.column
      ? { line: endLine, character: m.endColumn - 1 }
      : // A point finding: underline one character so every editor shows it.
        document.positionAt(document.offsetAt(start) + 1);
  return {
    range: { start, end: end.line < start.line ? start : end },
    severity: m.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    code: m.ruleId,
    codeDescription: { href: docsUrl },
    source: 'notes',
    message: m.message,
  };
}

/**
 * The edit that switches a rule off for a finding's line: `<!-- notes-disable-line RULE -->` at the end of the
 * line, or before a table row's closing pipe (after it, the comment would be one more cell).
 */
export function disableEdit(text: string, m: LintMessage): TextEdit {
  const lineText = (text.split('\n')[m.line - 1] ?? '').replace(/\r$/, '');
  const comment = `<!-- notes-disable-line ${m.ruleId} -->`;
  const trimmed = lineText.replace(/\s+$/, '');
  const pipe = /^\s*\|/.test(lineText) && trimmed.endsWith('|') && !trimmed.endsWith('\\|');
  const at = pipe ? trimmed.length - 1 : trimmed.length;
  const before = lineText.slice(0, at);
  const insert = `${/\s$/.test(before) || before === '' ? '' : ' '}${comment}${pipe ? ' ' : ''}`;
  const position = { line: m.line - 1, character: at };
  return { range: { start: position, end: position }, newText: insert };
}

/** One edit replacing only the part of `from` that differs from `to` (the cursor stays put elsewhere). */
export function minimalEdit(document: TextDocument, from: string, to: string): TextEdit {
  let head = 0;
  const max = Math.min(from.length, to.length);
  while (head < max && from.charCodeAt(head) === to.charCodeAt(head)) head++;
  let tail = 0;
  while (tail < max - head && from.charCodeAt(from.length - 1 - tail) === to.charCodeAt(to.length - 1 - tail)) tail++;
  // Never split a surrogate pair or a CRLF.
  while (head > 0 && /[\uDC00-\uDFFF\n]/.test(from[head] ?? '') && /[\uD800-\uDBFF\r]/.test(from[head - 1] ?? ''))
    head--;
  return {
    range: { start: document.positionAt(head), end: document.positionAt(from.length - tail) },
    newText: to.slice(head, to.length - tail),
  };
}

/** Path of a file as a `file:` URI (tests and clients). */
export function fileUri(path: string): string {
  return pathToFileURL(path).href;
}
