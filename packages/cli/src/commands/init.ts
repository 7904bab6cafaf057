import { existsSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { configSchema, writeFileAtomic } from '@notes/core';
import { CONFIG_NAME } from '../config.js';
import type { CliContext, ParsedArgs } from '../context.js';

/** The example note `notes init` writes: a title, topics, questions with answers and a table, linting clean. */
export const EXAMPLE_NOTE = `---
title: Example notes
tags: [example]
---

# Example notes

## Getting started

### What does notes lint check?

It finds damaged text (mojibake from a copy and paste), broken tables, headings without a space and questions
without an answer. \`notes lint --fix\` repairs what is safe to repair.

### How do I make flash cards?

Run \`npx notes build\`: it writes an Anki deck, a PDF cheat sheet, a JSON dataset and clean Markdown to \`dist/\`.

## Outputs

| Output | Use it for |
| --- | --- |
| Anki deck | spaced repetition |
| PDF cheat sheet | a last look before the exam |
`;

/** The CI workflow: annotations on pull requests, then every export as a build artifact. */
export function workflow(hasPackageJson: boolean): string {
  const install = hasPackageJson
    ? '      - run: npm ci'
    : '      # No package.json: install the notes command for this job only.\n      - run: npm install --no-save @notes/cli';
  return `# Lint the notes on every push and pull request (findings show as annotations), then build every export.
name: notes

on:
  push:
  pull_request:

permissions:
  contents: read

jobs:
  notes:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 20
${install}
      - run: npx notes lint --format github
      - run: npx notes build
      - uses: actions/upload-artifact@v4
        with:
          name: notes
          path: dist/
`;
}

/** The lines `notes init` makes sure .gitignore has. */
export const GITIGNORE_ENTRIES = ['dist/'] as const;

/** What init does to one path. */
interface Planned {
  path: string;
  data: string;
  /** `append`: only lines missing from an existing file are added (never overwritten). */
  mode: 'create' | 'append';
}

async function readOr(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8');
  } catch {
    return null;
  }
}

/**
 * `notes init`: write notes.config.json (with `$schema`), an example note in content/, a CI workflow and the
 * .gitignore entries. Never overwrites a file without `--force`, says what it did, and changes nothing (and says
 * so) when everything is already there.
 */
export async function initCommand(args: ParsedArgs, ctx: CliContext): Promise<number> {
  const force = args.flags['force'] === true;
  const at = (p: string): string => join(ctx.cwd, p);
  const hasNotes = existsSync(at('content')) && readdirSync(at('content')).some((n) => /\.(?:md|markdown)$/i.test(n));
  const config = { $schema: (configSchema as { $id?: string }).$id, rules: {} };
  const plan: Planned[] = [
    { path: CONFIG_NAME, data: `${JSON.stringify(config, null, 2)}\n`, mode: 'create' },
    ...(hasNotes && !existsSync(at('content/example.md'))
      ? []
      : [{ path: 'content/example.md', data: EXAMPLE_NOTE, mode: 'create' as const }]),
    { path: '.github/workflows/notes.yml', data: workflow(existsSync(at('package.json'))), mode: 'create' },
    { path: '.gitignore', data: GITIGNORE_ENTRIES.join('\n'), mode: 'append' },
  ];
  const done: string[] = [];
  const kept: string[] = [];
  for (const item of plan) {
    const target = at(item.path);
    const current = await readOr(target);
    if (item.mode === 'append') {
      const have = new Set((current ?? '').split(/\r?\n/).map((l) => l.trim()));
      const missing = item.data.split('\n').filter((l) => !have.has(l) && !have.has(`/${l}`));
      if (missing.length === 0) {
        kept.push(`${item.path} (already ignores ${item.data.split('\n').join(', ')})`);
        continue;
      }
      const base = current === null || current === '' || current.endsWith('\n') ? (current ?? '') : `${current}\n`;
      await writeFileAtomic(target, `${base}${missing.join('\n')}\n`, item.path);
      done.push(`${current === null ? 'created' : 'updated'} ${item.path} (ignores ${missing.join(', ')})`);
      continue;
    }
    if (current === item.data) {
      kept.push(`${item.path} (already up to date)`);
      continue;
    }
    if (current !== null && !force) {
      kept.push(`${item.path} (exists; --force overwrites it)`);
      continue;
    }
    await writeFileAtomic(target, item.data, item.path);
    done.push(`${current === null ? 'created' : 'overwrote'} ${item.path}`);
  }
  if (done.length === 0) {
    ctx.stdout.write(`notes: nothing changed: ${kept.join(', ')}\n`);
    return 0;
  }
  for (const line of done) ctx.stdout.write(`notes: ${line}\n`);
  for (const line of kept) ctx.stdout.write(`notes: kept ${line}\n`);
  ctx.stdout.write('notes: next: npx notes lint, then npx notes build (writes dist/)\n');
  return 0;
}
