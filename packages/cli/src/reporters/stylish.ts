import { countMessages, type Reporter } from './types.js';

const paint = (on: boolean, code: string) => (s: string) => (on ? `\u001b[${code}m${s}\u001b[0m` : s);

/** A terminal hyperlink (OSC 8): the rule id opens its docs where the terminal supports it, plain text elsewhere. */
const link = (on: boolean, url: string | undefined, text: string) =>
  on && url ? `\u001b]8;;${url}\u001b\\${text}\u001b]8;;\u001b\\` : text;

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * Findings grouped by file, aligned columns, a summary line; colours only when asked (a terminal), and then each
 * rule id links to its docs.
 */
export const stylish: Reporter = ({ results, color = false }) => {
  const red = paint(color, '31');
  const yellow = paint(color, '33');
  const dim = paint(color, '2');
  const underline = paint(color, '4');
  const bold = paint(color, '1');
  const out: string[] = [];
  for (const r of results) {
    if (r.messages.length === 0) continue;
    out.push(underline(r.path));
    const rows = r.messages.map((m) => [`${m.line}:${m.column}`, m.severity, m.message, m.ruleId, m.docsUrl] as const);
    const w0 = Math.max(...rows.map((x) => x[0].length));
    const w1 = Math.max(...rows.map((x) => x[1].length));
    const w2 = Math.max(...rows.map((x) => x[2].length));
    for (const [pos, sev, msg, id, url] of rows) {
      const s = sev.padEnd(w1);
      out.push(
        `  ${dim(pos.padEnd(w0))}  ${sev === 'error' ? red(s) : yellow(s)}  ${msg.padEnd(w2)}  ${dim(link(color, url, id))}`.trimEnd(),
      );
    }
    out.push('');
  }
  const { errorCount, warningCount, fixableCount } = countMessages(results);
  const total = errorCount + warningCount;
  if (total === 0) return '';
  const summary = `✖ ${plural(total, 'problem')} (${plural(errorCount, 'error')}, ${plural(warningCount, 'warning')})`;
  out.push(bold(errorCount > 0 ? red(summary) : yellow(summary)));
  if (fixableCount > 0) out.push(`  ${plural(fixableCount, 'problem')} potentially fixable with the \`--fix\` option.`);
  return `${out.join('\n')}\n`;
};
