import type { Reporter } from './types.js';

function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** GitHub Actions workflow commands: one `::error …::message` / `::warning …` line per finding. */
export const github: Reporter = ({ results }) => {
  const lines: string[] = [];
  for (const r of results) {
    for (const m of r.messages) {
      const props = [
        `file=${escapeProperty(r.path)}`,
        `line=${m.line}`,
        `col=${m.column}`,
        `endLine=${m.endLine}`,
        `endColumn=${m.endColumn}`,
        `title=${escapeProperty(m.ruleId)}`,
      ];
      lines.push(`::${m.severity === 'error' ? 'error' : 'warning'} ${props.join(',')}::${escapeData(m.message)}`);
    }
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
};
