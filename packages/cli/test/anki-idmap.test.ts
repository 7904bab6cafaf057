import { copyFile, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import initSqlJs from 'sql.js';
import { beforeEach, describe, expect, it } from 'vitest';
import { ROOT, run, tempDir } from './helpers.js';

const FIXTURE = join(ROOT, 'packages/export-anki/test/fixtures/cloze-reverse.md');
const MAP = 'notes.anki-ids.json';

async function guids(apkg: string): Promise<Map<string, number>> {
  const SQL = await initSqlJs();
  const db = new SQL.Database(unzipSync(await readFile(apkg))['collection.anki2']!);
  try {
    const rows = db.exec('select guid, mid from notes')[0]?.values ?? [];
    return new Map(rows.map(([guid, mid]) => [String(guid), Number(mid)]));
  } finally {
    db.close();
  }
}

/** What Anki does on re-import (it matches notes by GUID, then needs the same note type id). */
async function reimport(previous: string, current: string): Promise<string> {
  const [old, now] = [await guids(previous), await guids(current)];
  const matched = [...now].filter(([g, mid]) => old.get(g) === mid).length;
  const added = [...now.keys()].filter((g) => !old.has(g)).length;
  const gone = [...old.keys()].filter((g) => !now.has(g)).length;
  return `matched=${matched} added=${added} gone=${gone}`;
}

describe('the Anki id map across renames and deletions', () => {
  let dir: string;
  const exportAt = (epoch: number, out: string, extra: string[] = []) =>
    run(['export', '--anki', '--out', out, ...extra, 'notes.md'], {
      cwd: dir,
      env: { SOURCE_DATE_EPOCH: String(epoch) },
    });
  const edit = async (change: (text: string) => string) =>
    writeFile(join(dir, 'notes.md'), change(await readFile(join(dir, 'notes.md'), 'utf8')));

  beforeEach(async () => {
    dir = await tempDir();
    await copyFile(FIXTURE, join(dir, 'notes.md'));
    await writeFile(join(dir, 'notes.config.json'), '{}\n');
  });

  it('writes the map beside the config, one note a line, and the same bytes again for the same notes', async () => {
    const first = await exportAt(1_764_000_000, 'out');
    expect(first.code).toBe(0);
    expect(first.stderr).toBe('');
    const text = await readFile(join(dir, MAP), 'utf8');
    const lines = text.split('\n');
    expect(lines.slice(0, 3)).toEqual(['{', '  "version": 1,', '  "notes": {']);
    expect(lines.filter((l) => l.startsWith('    "'))).toHaveLength(8);
    expect(JSON.parse(text).notes['q-6df63d709755af71']).toMatchObject({
      kind: 'question',
      title: 'What is a plain question?',
      deck: 'Cloze and reverse fixture::Messaging',
    });
    await exportAt(1_764_000_500, 'out');
    expect(await readFile(join(dir, MAP), 'utf8')).toBe(text);
    expect((await readdir(join(dir, 'out'))).sort()).toEqual(['notes.apkg']);
  });

  it('keeps the GUID of a renamed question whose answer changed slightly, and says so', async () => {
    await exportAt(1_764_000_000, 'old');
    await edit((t) =>
      t
        .replace('### What is a plain question?', '### What is a simple question?')
        .replace('An answer without clozes.', 'An answer without any clozes.'),
    );
    const second = await exportAt(1_764_000_100, 'new');
    expect(second.code).toBe(0);
    expect(second.stderr).toBe(
      'notes: renamed: "What is a plain question?" → "What is a simple question?" (kept its Anki history)\n',
    );
    const report = await reimport(join(dir, 'old/notes.apkg'), join(dir, 'new/notes.apkg'));
    expect(report).toBe('matched=8 added=0 gone=0');
  });

  it('treats a renamed question with a different answer as a new note, and lists the old one', async () => {
    await exportAt(1_764_000_000, 'old');
    await edit((t) =>
      t
        .replace('### What is a plain question?', '### What is a simple question?')
        .replace('An answer without clozes.', 'Lambda runs code without servers, billed per millisecond.'),
    );
    const second = await exportAt(1_764_000_100, 'new');
    expect(second.stderr).not.toContain('renamed:');
    expect(second.stderr).toContain('gone: "What is a plain question?"');
    expect(await reimport(join(dir, 'old/notes.apkg'), join(dir, 'new/notes.apkg'))).toBe('matched=7 added=1 gone=1');
  });

  it('lists a deleted question as an orphan with an Anki search for exactly that note, deleting nothing', async () => {
    await exportAt(1_764_000_000, 'old');
    await edit((t) => t.replace(/### What is a plain question\?\n\nAn answer without clozes\.\n/, ''));
    const second = await exportAt(1_764_000_100, 'new');
    expect(second.code).toBe(0);
    expect(second.stderr).toBe(
      [
        'notes: 1 note of the last export is gone from the notes; Anki keeps it until you delete it (nothing was deleted):',
        'notes:   gone: "What is a plain question?" in deck "Cloze and reverse fixture::Messaging"; find it in Anki\'s browser with: "deck:Cloze and reverse fixture::Messaging" "note:notes: Question" "Front:What is a plain question?"',
        '',
      ].join('\n'),
    );
    expect(await reimport(join(dir, 'old/notes.apkg'), join(dir, 'new/notes.apkg'))).toBe('matched=7 added=0 gone=1');
    // Said once: the map now holds the notes of this export only.
    expect((await exportAt(1_764_000_200, 'new')).stderr).toBe('');
  });

  it('--no-id-map neither reads nor writes the map', async () => {
    await exportAt(1_764_000_000, 'old');
    const before = await readFile(join(dir, MAP), 'utf8');
    await edit((t) => t.replace('### What is a plain question?', '### What is a simple question?'));
    const second = await exportAt(1_764_000_100, 'new', ['--no-id-map']);
    expect(second.stderr).toBe('');
    expect(await readFile(join(dir, MAP), 'utf8')).toBe(before);
    expect(await reimport(join(dir, 'old/notes.apkg'), join(dir, 'new/notes.apkg'))).toBe('matched=7 added=1 gone=1');
  });

  it('keeps the map beside the deck when there is no config file', async () => {
    const bare = await tempDir();
    await copyFile(FIXTURE, join(bare, 'notes.md'));
    const r = await run(['export', '--anki', '--out', 'dist', 'notes.md'], {
      cwd: bare,
      env: { SOURCE_DATE_EPOCH: '1' },
    });
    expect(r.code).toBe(0);
    expect((await readdir(bare)).sort()).toEqual(['dist', 'notes.md']);
    expect((await readdir(join(bare, 'dist'))).sort()).toEqual([MAP, 'notes.apkg']);
  });

  it('refuses a damaged map with one line naming it (exit 2)', async () => {
    await writeFile(join(dir, MAP), '{ "version": 1, "notes": { "q-1": 3 } }\n');
    const r = await exportAt(1_764_000_000, 'out');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'notes: notes.anki-ids.json: invalid id map (entry "q-1" is malformed): fix it, delete it, or export with --no-id-map\n',
    );
  });
});
