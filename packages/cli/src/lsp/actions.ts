import { fixEdits, type LintMessage } from '@notes/lint';
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { disableEdit, minimalEdit } from './edits.js';

/** The code action kind of "fix all notes problems" (VS Code runs it on save with `editor.codeActionsOnSave`). */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.notes`;

/** What the code actions need from the session: a finding as a diagnostic, and the document's `--fix` output. */
export interface ActionHooks {
  diagnostic(m: LintMessage): Diagnostic;
  fixed(): string;
}

/**
 * The code actions for a range of a linted document: a quick fix per fixable finding, "disable for this line" per
 * rule and line, and "fix all" (the `--fix` output as one minimal edit).
 */
export function codeActionsFor(
  document: TextDocument,
  params: CodeActionParams,
  linted: { messages: readonly LintMessage[]; text: string },
  hooks: ActionHooks,
): CodeAction[] {
  const only = params.context.only;
  const wants = (kind: string): boolean => !only || only.some((k) => kind === k || kind.startsWith(`${k}.`));
  const { messages, text } = linted;
  const uri = document.uri;
  const actions: CodeAction[] = [];
  const { start, end } = params.range;
  const touched = messages.filter((m) => {
    const line = m.line - 1;
    const endLine = Math.max(m.endLine, m.line) - 1;
    return line <= end.line && endLine >= start.line;
  });
  if (wants(CodeActionKind.QuickFix)) {
    for (const m of touched) {
      if (!m.fix) continue;
      const edits = fixEdits(text, m.fix);
      if (!edits) continue;
      actions.push({
        title: `Fix: ${m.message}`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [hooks.diagnostic(m)],
        isPreferred: true,
        edit: {
          changes: {
            [uri]: edits.map((e) => ({
              range: { start: document.positionAt(e.start), end: document.positionAt(e.end) },
              newText: e.insert,
            })),
          },
        },
      });
    }
    const seen = new Set<string>();
    for (const m of touched) {
      const key = `${m.ruleId}:${m.line}`;
      if (seen.has(key)) continue;
      seen.add(key);
      actions.push({
        title: `Disable ${m.ruleId} for this line`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [hooks.diagnostic(m)],
        edit: { changes: { [uri]: [disableEdit(text, m)] } },
      });
    }
  }
  if (wants(FIX_ALL_KIND) && messages.some((m) => m.fix)) {
    const fixed = hooks.fixed();
    if (fixed !== text) {
      actions.push({
        title: 'Fix all notes problems',
        kind: FIX_ALL_KIND,
        edit: { changes: { [uri]: [minimalEdit(document, text, fixed)] } },
      });
    }
  }
  return actions;
}
