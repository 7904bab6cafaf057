import type { RuleDefinition } from '@notes/core';
import type { Reporter } from './types.js';

function encodePath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

/** SARIF 2.1.0 as GitHub code scanning accepts it: one run, rule metadata, results with physical locations. */
export const sarif: Reporter = ({ results, rules, version = '0.0.0' }) => {
  const used = new Set(results.flatMap((r) => r.messages.map((m) => m.ruleId)));
  const listed: (Pick<RuleDefinition, 'description' | 'tags' | 'severity'> & { id: string })[] = rules.filter((r) =>
    used.has(r.id),
  );
  for (const id of [...used].sort())
    if (!listed.some((r) => r.id === id)) listed.push({ id, description: id, tags: [], severity: 'warning' });
  const index = new Map(listed.map((r, i) => [r.id, i]));
  // The docs URL each finding carries becomes its rule's helpUri.
  const helpUri = new Map<string, string>();
  for (const r of results) for (const m of r.messages) if (m.docsUrl) helpUri.set(m.ruleId, m.docsUrl);
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'notes',
            version,
            rules: listed.map((r) => ({
              id: r.id,
              name: r.id.replace(/[/-](\w)/g, (_m, c: string) => c.toUpperCase()),
              shortDescription: { text: r.description },
              help: { text: `${r.description} See packages/lint/README.md#${r.id.replace('/', '')}.` },
              helpUri: helpUri.get(r.id),
              defaultConfiguration: { level: r.severity === 'error' ? 'error' : 'warning' },
              properties: { tags: [...r.tags] },
            })),
          },
        },
        columnKind: 'utf16CodeUnits',
        artifacts: results.map((r) => ({ location: { uri: encodePath(r.path), uriBaseId: '%SRCROOT%' } })),
        results: results.flatMap((r, artifactIndex) =>
          r.messages.map((m) => ({
            ruleId: m.ruleId,
            ruleIndex: index.get(m.ruleId) ?? 0,
            level: m.severity === 'error' ? 'error' : 'warning',
            message: { text: m.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: encodePath(r.path), uriBaseId: '%SRCROOT%', index: artifactIndex },
                  region: {
                    startLine: m.line,
                    startColumn: m.column,
                    endLine: Math.max(m.endLine, m.line),
                    endColumn: m.endLine > m.line || m.endColumn > m.column ? m.endColumn : m.column + 1,
                  },
                },
              },
            ],
          })),
        ),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};
