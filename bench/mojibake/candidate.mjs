#!/usr/bin/env node
// A candidate for ../../../shared/tools/score-mojibake.py: reads {"id","text"} lines on stdin and answers
// {"id","damaged","fixed"} per line. It runs the real encoding/mojibake rule (its check() and its fixes as
// data) and the lint package's shared fixer, from the built dist: build packages/lint first.
import { createInterface } from 'node:readline';
import { applyFixes } from '../../packages/lint/dist/src/engine/fixer.js';
import mojibake from '../../packages/lint/dist/src/rules/encoding/mojibake.js';

/** Lint one text with the mojibake rule and apply its fixes, as `notes lint --fix` would. */
export function check(text) {
  const lines = text.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
  const messages = [];
  const ctx = {
    file: { path: 'case.md', absolutePath: 'case.md', text, bom: false, invalid: [], mtime: 0, size: text.length },
    text,
    lines,
    get tree() {
      throw new Error('encoding/mojibake does not use the tree');
    },
    get document() {
      throw new Error('encoding/mojibake does not use the model');
    },
    options: {},
    configDir: null,
    report(r) {
      const fix = r.fix === undefined ? undefined : Array.isArray(r.fix) ? r.fix : [r.fix];
      messages.push({
        ruleId: mojibake.id,
        line: r.place.line,
        column: r.place.column,
        message: r.message,
        fixable: !!fix,
        fix,
      });
    },
  };
  mojibake.check(ctx);
  const { output } = applyFixes(text, messages);
  return { damaged: messages.length > 0, fixed: output, messages };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of rl) {
    if (!line.trim()) continue;
    const { id, text } = JSON.parse(line);
    const { damaged, fixed } = check(text);
    process.stdout.write(JSON.stringify({ id, damaged, fixed }) + '\n');
  }
}
