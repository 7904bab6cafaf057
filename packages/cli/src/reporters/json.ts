import { countMessages, type Reporter } from './types.js';

/**
 * SPEC §3.1: one JSON object, every linted file listed (also without messages), fixes not included; each finding
 * with the docs URL of its rule when it carries one (schemas/lint-report.schema.json).
 */
export const json: Reporter = ({ results }) => {
  const files = results.map((r) => ({
    path: r.path,
    messages: r.messages.map((m) => ({
      ruleId: m.ruleId,
      severity: m.severity,
      line: m.line,
      column: m.column,
      endLine: m.endLine,
      endColumn: m.endColumn,
      message: m.message,
      fixable: m.fixable,
      docsUrl: m.docsUrl,
    })),
  }));
  return `${JSON.stringify({ files, ...countMessages(results) })}\n`;
};
