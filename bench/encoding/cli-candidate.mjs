#!/usr/bin/env node
// A candidate for ../../../shared/tools/score-mojibake.py that goes through the CLI as a user does: it writes
// every case to its own Markdown file in one temporary folder, runs `notes lint --format json` on the folder
// (detection: any `encoding/` finding except `encoding/unprintable`) and `notes lint --fix` on a copy
// with only the `encoding/` rules on (the repair), then answers {"id","damaged","fixed"} per case.
// One process per step for all cases, so 10,000 cases take a minute or two.
//   NOTES_BIN=/path/to/packages/cli/bin/notes.js  (default: this checkout's)
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const bin = process.env.NOTES_BIN ?? new URL('../../packages/cli/bin/notes.js', import.meta.url).pathname;
/** Whether the PDF fonts can draw a character is no encoding damage: left out, as in the measurement. */
const UNPRINTABLE = 'encoding/unprintable';
/** Rules whose findings count as "damaged". */
const COUNTED = (id) => id.startsWith('encoding/') && id !== UNPRINTABLE;

const input = readFileSync(0, 'utf8');
const cases = input
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l));
const root = mkdtempSync(join(tmpdir(), 'notes-enc-'));
try {
  const detect = join(root, 'detect');
  mkdirSync(detect);
  const rules = {};
  // Every rule off but the encoding ones, so the fix changes nothing else in the text.
  const all = JSON.parse(
    execFileSync(
      process.execPath,
      [
        '-e',
        `import(${JSON.stringify(new URL('../../packages/lint/dist/src/index.js', import.meta.url).href)}).then(m=>console.log(JSON.stringify(m.rules.map(r=>r.id))))`,
      ],
      {
        encoding: 'utf8',
      },
    ),
  );
  for (const id of all) rules[id] = id.startsWith('encoding/') ? 'error' : 'off';
  rules[UNPRINTABLE] = 'off';
  writeFileSync(join(root, 'notes.config.json'), JSON.stringify({ rules }));
  cases.forEach((c, i) => writeFileSync(join(detect, `${String(i).padStart(6, '0')}.md`), c.text + '\n'));
  const fix = join(root, 'fix');
  cpSync(detect, fix, { recursive: true });
  const run = (args) => {
    try {
      return execFileSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 30 });
    } catch (e) {
      if (e.status === 1) return e.stdout;
      throw e;
    }
  };
  const report = JSON.parse(run(['lint', 'detect', '--format', 'json']));
  const flagged = new Set();
  for (const f of report.files) if (f.messages.some((m) => COUNTED(m.ruleId))) flagged.add(f.path.split('/').pop());
  run(['lint', 'fix', '--fix', '--format', 'json']);
  cases.forEach((c, i) => {
    const name = `${String(i).padStart(6, '0')}.md`;
    const fixed = readFileSync(join(fix, name), 'utf8').replace(/\n$/, '');
    process.stdout.write(JSON.stringify({ id: c.id, damaged: flagged.has(name), fixed }) + '\n');
  });
} finally {
  rmSync(root, { recursive: true, force: true });
}
