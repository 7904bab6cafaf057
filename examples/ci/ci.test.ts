import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintCommand } from '../../packages/cli/src/commands/lint.js';

async function run(cwd: string, format: string): Promise<{ code: number; out: string }> {
  let out = '';
  const stream = { write: (s: string) => void (out += s) };
  const code = await lintCommand(
    { command: 'lint', paths: ['content/'], flags: { format } },
    { argv: [], cwd, stdout: stream, stderr: { write: () => undefined }, env: {} },
  );
  return { code, out };
}

describe('examples/ci', () => {
  const dir = mkdtempSync(join(tmpdir(), 'notes-ci-'));
  copyFileSync(new URL('../raw/aws-prep-notes.raw.md', import.meta.url), join(dir, 'aws.md'));

  it('the workflow runs the github and sarif formats', () => {
    const workflow = readFileSync(new URL('./lint.yml', import.meta.url), 'utf8');
    expect(workflow).toContain('notes lint content/ --format github');
    expect(workflow).toContain('--format sarif > notes.sarif');
    expect(workflow).toContain('github/codeql-action/upload-sarif');
  });

  it('annotations fail the job on the raw notes, and SARIF lists the same findings', async () => {
    const content = join(dir, 'content');
    await import('node:fs/promises').then((fs) => fs.mkdir(content, { recursive: true }));
    copyFileSync(join(dir, 'aws.md'), join(content, 'aws.md'));
    const gh = await run(dir, 'github');
    expect(gh.code).toBe(1);
    const lines = gh.out.trim().split('\n');
    expect(
      lines.every((l) =>
        /^::(error|warning) file=content\/aws\.md,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[a-z]+\/[a-z0-9-]+::Unexpected /.test(
          l,
        ),
      ),
    ).toBe(true);
    const sarif = JSON.parse((await run(dir, 'sarif')).out) as { runs: { results: unknown[] }[] };
    expect(sarif.runs[0]!.results).toHaveLength(lines.length);
  });
});
