import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { PACK_THREAD_MIN_BYTES } from '@notes/export-anki';
import { unzipSync } from 'fflate';
import initSqlJs from 'sql.js';
import { describe, expect, it } from 'vitest';
import { ROOT, tempDir } from './helpers.js';

const BIN = join(ROOT, 'packages/cli/bin/notes.js');

/** Notes past PACK_THREAD_MIN_BYTES: `n` questions with a paragraph and a list each. */
function bigNotes(n: number): string {
  const parts = ['# Big notes', ''];
  for (let i = 0; i < n; i++) {
    if (i % 100 === 0) parts.push(`## Topic ${i / 100 + 1}`, '');
    parts.push(`### What does service ${i} do?`, '', `Service ${i} keeps **item ${i * 7}** for ${i % 50} days.`, '');
    parts.push(`- Latency: ${i % 40} ms`, `- Cost: ${(i % 9) + 1} cents`, '');
  }
  return parts.join('\n');
}

async function noteCount(apkg: string): Promise<number> {
  const SQL = await initSqlJs();
  const db = new SQL.Database(unzipSync(await readFile(apkg))['collection.anki2']!);
  try {
    return Number(db.exec('select count(*) from notes')[0]!.values[0]![0]);
  } finally {
    db.close();
  }
}

describe.runIf(availableParallelism() >= 2)('notes export --anki of big notes (the pack thread)', () => {
  it('ships the thread beside the bundle', () => {
    expect(existsSync(join(ROOT, 'packages/cli/dist/bundle/pack-worker.js'))).toBe(true);
  });

  it('writes the whole deck and the id map, the same bytes every run', async () => {
    const dir = await tempDir();
    const text = bigNotes(3000);
    expect(Buffer.byteLength(text)).toBeGreaterThan(PACK_THREAD_MIN_BYTES);
    await writeFile(join(dir, 'big.md'), text);
    const exportTo = async (out: string) => {
      const child = spawnSync(process.execPath, [BIN, 'export', '--anki', '--out', out, 'big.md'], {
        cwd: dir,
        env: { ...process.env, SOURCE_DATE_EPOCH: '1764000000' },
        encoding: 'utf8',
      });
      expect(child.stderr).toBe('');
      expect(child.status).toBe(0);
      return readFile(join(dir, out, 'notes.apkg'));
    };
    const first = await exportTo('a');
    // The second run reads the first run's map (a different path through the exporter), in another folder.
    const second = await exportTo('a');
    expect(second.equals(first)).toBe(true);
    expect(await noteCount(join(dir, 'a', 'notes.apkg'))).toBe(3000);
    const map = JSON.parse(await readFile(join(dir, 'a', 'notes.anki-ids.json'), 'utf8')) as { notes: object };
    expect(Object.keys(map.notes)).toHaveLength(3000);
  });
});
