import { sourceFromBytes, type SourceFile } from '@notes/core';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintSource } from '../../src/engine.js';
import { fixSource } from '../../src/fixer.js';
import { resolveRules } from '../../src/resolve.js';
import { encodingRules } from '../../src/rules/encoding/index.js';

// The encoding fixtures, linted with the engine and fixer as the shared fixture harness does, with only the
// fixture's rule. Expected findings are marked inline: `{encoding/<name>}` (or `{encoding/<name>:-2}`).
const ROOT = new URL('./fixtures/', import.meta.url).pathname;
const MARK = /\{([a-z]+\/[a-z0-9-]+)(?::([+-]?\d+))?\}/g;

function expectedLines(file: SourceFile, ruleId: string): number[] {
  const out: number[] = [];
  file.text.split('\n').forEach((line, i) => {
    for (const m of line.matchAll(MARK)) if (m[1] === ruleId) out.push(i + 1 + Number(m[2] ?? 0));
  });
  return out.sort((a, b) => a - b);
}

describe('encoding fixtures', () => {
  for (const rule of encodingRules) {
    const name = rule.id.split('/')[1]!;
    const dir = join(ROOT, name);
    const files = readdirSync(dir).filter((f) => f.endsWith('.md')).sort();
    it(`${rule.id} has an ok and a not-ok fixture`, () => {
      expect(files).toEqual(expect.arrayContaining(['ok.md', 'not-ok.md']));
    });
    for (const f of files) {
      it(`${rule.id}/${f} reports exactly the marked lines, and its fix leaves nothing fixable`, () => {
        const file = sourceFromBytes(readFileSync(join(dir, f)), { path: `${name}/${f}` });
        const options = { rules: resolveRules({ [rule.id]: 'error' } as never, {}, [rule]), configDir: null };
        const messages = lintSource(file, options);
        expect(messages.map((m) => m.line)).toEqual(expectedLines(file, rule.id));
        expect(messages.every((m) => m.ruleId === rule.id && m.message.startsWith('Unexpected '))).toBe(true);
        const { output } = fixSource(file, options);
        const again = lintSource({ ...file, text: output }, options);
        expect(again.filter((m) => m.fixable)).toEqual([]);
        expect(fixSource({ ...file, text: output }, options).changed).toBe(false);
        expect({ findings: messages.map(({ fix: _fix, ...m }) => m), fixed: output }).toMatchSnapshot();
      });
    }
  }
});
