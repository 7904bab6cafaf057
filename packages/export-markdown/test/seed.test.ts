import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sourceFromText } from '@notes/core';
import { lintSource } from '@notes/lint';
import { wordDiff } from '@notes/export-markdown';
import { exportText, lintOptions, shape } from './roundtrip.js';

const raw = readFileSync(new URL('./fixtures/seed.raw.md', import.meta.url), 'utf8');
const { repaired, output, settled } = exportText(raw, 'examples/raw/aws-prep-notes.raw.md');
const lines = output.split('\n');
const MOJIBAKE = /[ÃÂ]|â€|â„|ðŸ|ï¸|âƒ/;

describe('the seed, exported as the CLI does (repair in memory, then the exporter)', () => {
  it('matches the golden clean copy', async () => {
    expect(settled).toBe(true);
    await expect(output).toMatchFileSnapshot('./fixtures/seed.expected.md');
  });

  it('shows the eight damaged spots repaired exactly and no mojibake', () => {
    expect(output).not.toMatch(MOJIBAKE);
    expect(lines[0]).toBe('# **📌 AWS Prep Notes**');
    for (const n of ['1', '2', '3']) expect(output.split(`${n}\uFE0F\u20E3`).length - 1).toBe(1);
    expect(output).toContain('AWS’s global network');
    expect(output).toContain('Global Accelerator’s static IPs');
    expect(output).toContain('Let’s break it down:');
    expect(output).toContain('same message—essentially');
  });

  it('loses no word: the export has the repaired text’s words, and the raw file’s except the damaged ones', () => {
    const fromRepaired = wordDiff(repaired, output);
    expect([...fromRepaired.lost]).toEqual([]);
    expect([...fromRepaired.added]).toEqual([]);
    const fromRaw = wordDiff(raw, output);
    // Only words that held mojibake are gone, replaced by their repaired form.
    expect(Object.fromEntries(fromRaw.lost)).toEqual({
      ðŸ: 1,
      Œ: 1,
      '1ï': 1,
      '2ï': 1,
      '3ï': 1,
      âƒ: 3,
      messageâ: 1,
      AWSâ: 1,
      Acceleratorâ: 1,
      Letâ: 1,
    });
    expect(Object.fromEntries(fromRaw.added)).toEqual({
      '1️⃣': 1,
      '2️⃣': 1,
      '3️⃣': 1,
      AWS: 1,
      Accelerator: 1,
      Let: 1,
      message: 1,
    });
  });

  it('says the same thing the same way: node types and text unchanged, heading levels and table padding aside', () => {
    expect(shape(output)).toEqual(shape(repaired));
  });

  it('has the title at #, 3 topics at ##, 23 questions at ###, sub-headings at ####', () => {
    expect(lines.filter((l) => /^# /.test(l))).toHaveLength(1);
    expect(lines.filter((l) => /^## /.test(l))).toEqual([
      '## **1️⃣ Messaging & Event-Driven Architectures**',
      '## **2️⃣ Networking & Security**',
      '## **3️⃣ Databases & Scaling**',
    ]);
    expect(lines.filter((l) => /^### /.test(l))).toHaveLength(23);
    expect(lines.filter((l) => /^#### /.test(l))).toHaveLength(6);
    expect(lines.filter((l) => /^#{5,} /.test(l))).toEqual([]);
  });

  it('writes every table with one delimiter row of --- and as many cells in every row', () => {
    const cells = (l: string): number => l.replace(/\\\|/g, '').split('|').length - 2;
    const tables = output.split('\n\n').filter((b) => b.startsWith('|'));
    expect(tables).toHaveLength(12);
    for (const t of tables) {
      const rows = t.split('\n');
      expect(rows[1]).toMatch(/^\| ---( \| ---)* \|$/);
      expect(new Set(rows.map(cells)).size).toBe(1);
    }
    expect(output).toContain('| Protocol | Purpose | Use Case | Layer |\n| --- | --- | --- | --- |');
  });

  it('separates the >> Note callouts with blank lines, keeping >>', () => {
    const callouts = lines.filter((l) => l.startsWith('>> Note:'));
    expect(callouts).toHaveLength(3);
    lines.forEach((l, i) => {
      if (l.startsWith('>')) expect(lines[i + 1] ?? '').toBe('');
    });
  });

  it('keeps the judgement calls for a person: the truncated sentence and the chat residue stay', () => {
    expect(output).toContain('publishes them to an SNS topi\n');
    expect(output).toContain('Great question!');
  });

  it('has no trailing white space and exactly one final newline', () => {
    expect(lines.some((l) => /[ \t]$/.test(l))).toBe(false);
    expect(output.endsWith('\n') && !output.endsWith('\n\n')).toBe(true);
  });

  it('lints with no error and nothing fixable; only the judgement calls remain as warnings', () => {
    const messages = lintSource(sourceFromText(output, 'markdown/aws-prep-notes.raw.md'), lintOptions);
    expect(messages.filter((m) => m.severity === 'error')).toEqual([]);
    expect(messages.filter((m) => m.fixable)).toEqual([]);
    expect(messages.map((m) => m.ruleId).sort()).toEqual(['text/chat-residue', 'text/chat-residue', 'text/truncated']);
  });

  it('exports to the same bytes again', () => {
    expect(exportText(output, 'markdown/aws-prep-notes.raw.md').output).toBe(output);
  });
});
