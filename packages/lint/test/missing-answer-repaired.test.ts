import { existsSync, readFileSync } from 'node:fs';
import { parseMarkdown, sourceFromText } from '@notes/core';
import { fixSource, lintSource, resolveRules } from '@notes/lint';
import { describe, expect, it } from 'vitest';
import { CORPORA, markdownFiles, RAW_NOTES } from '../../../test/helpers/corpora.js';
import { loadFixtures, registry } from './harness.js';

// fields/missing-answer judges a glued question (`####**Title**`) in the structure the missing-space fix gives. It
// parses the repaired file only when a repaired question may lack its answer: these tests check that the
// shortcut reports exactly what a parse of the whole repaired file reports.

const only = (id: string) => resolveRules({}, {}, [registry.find((r) => r.id === id)!]);
const missingAnswer = { rules: only('fields/missing-answer'), configDir: null };
const missingSpace = { rules: only('heading/missing-space'), configDir: null };

/** Lines of `text` reported by fields/missing-answer, and the texts its parse was asked for. */
function run(text: string): { lines: number[]; parsed: string[] } {
  const parsed: string[] = [];
  const parse = (t: string) => (parsed.push(t), parseMarkdown(t));
  const lines = lintSource(sourceFromText(text), { ...missingAnswer, parse }).map((m) => m.line);
  return { lines, parsed };
}

/**
 * The reference: the glued questions with no answer in the whole repaired file (repaired by heading/missing-space's
 * own fix, which inserts the same space), as the rule's model of that file finds them.
 */
function reference(text: string): number[] {
  const repaired = fixSource(sourceFromText(text), missingSpace).output;
  const before = text.split('\n');
  const glued = new Set(
    repaired
      .split('\n')
      .map((line, i) => (line !== before[i] ? i + 1 : 0))
      .filter((n) => n > 0),
  );
  return lintSource(sourceFromText(repaired), missingAnswer)
    .map((m) => m.line)
    .filter((line) => glued.has(line));
}

/** The glued lines among the reported ones. */
function gluedReported(text: string): number[] {
  const lines = text.split('\n');
  return run(text).lines.filter((n) => /^ {0,3}(?:#{2,6}[^#\s]|#(?:\*\*|__))/.test(lines[n - 1]!));
}

describe('fields/missing-answer on glued questions', () => {
  const cases: Record<string, string> = {
    'a paragraph': '# T\n\n####**Q?**\n\nAn answer.\n',
    'a paragraph on the next line': '# T\n\n####**Q?**\nAn answer.\n',
    'a table': '# T\n\n####**Q?**\n| a | b |\n| - | - |\n| 1 | 2 |\n',
    'a list': '# T\n\n####**Q?**\n- one\n- two\n',
    'the end of the file': '# T\n\n####**Q?**\n\n',
    'another question': '# T\n\n####**Q?**\n#### R?\n\nAnswer.\n',
    'a setext heading': '# T\n\n####**Q?**\nNot an answer\n---\n\nText.\n',
    'an html comment': '# T\n\n####**Q?**\n<!-- later -->\n\n#### R?\n\nAnswer.\n',
    'a thematic break': '# T\n\n####**Q?**\n\n---\n\n#### R?\n\nAnswer.\n',
    'a definition': '# T\n\n####**Q?**\n[a]: https://example.com\n\n#### R?\n\nAnswer.\n',
    'a glued question': '# T\n\n####**Q?**\n####**R?**\n\nAnswer.\n',
    'a lazy line in a list': '# T\n\n- item\n####**Q?**\n\nAnswer.\n',
    'an item of a list': '# T\n\n- item\n  ####**Q?**\n\n  Answer.\n',
    'carriage returns': '# T\r\n\r\n####**Q?**\r\n\r\nAnswer.\r\n',
  };
  for (const [name, text] of Object.entries(cases)) {
    it(`followed by ${name}: the same findings as a parse of the repaired file`, () => {
      expect(gluedReported(text)).toEqual(reference(text));
    });
  }

  it('reports a glued question with no answer, and one whose answer is another question', () => {
    expect(gluedReported(cases['the end of the file']!)).toEqual([3]);
    expect(gluedReported(cases['another question']!)).toEqual([3]);
    expect(gluedReported(cases['a paragraph']!)).toEqual([]);
  });

  it('parses the repaired file only when a repaired question may lack its answer', () => {
    const answered = run(cases['a paragraph on the next line']!).parsed;
    expect(answered).toHaveLength(2);
    expect(answered[1]).toBe('#### **Q?**\nAn answer.');
    const unanswered = run(cases['the end of the file']!).parsed;
    expect(unanswered.at(-1)).toBe('# T\n\n#### **Q?**\n\n');
  });

  it('parses the seed once: each of its glued questions is followed by its answer', () => {
    const text = readFileSync(RAW_NOTES, 'utf8');
    const { parsed } = run(text);
    expect(parsed.filter((t) => t.length > text.length / 2)).toEqual([text]);
    expect(gluedReported(text)).toEqual(reference(text));
  });

  it('gives the fixtures the same findings as a parse of the repaired file', () => {
    for (const fixture of loadFixtures()) {
      expect(gluedReported(fixture.file.text), fixture.path).toEqual(reference(fixture.file.text));
    }
  });

  it.runIf(existsSync(CORPORA))(
    'gives every file of the shared corpora the same findings',
    () => {
      for (const path of markdownFiles(CORPORA)) {
        const text = readFileSync(path, 'utf8');
        expect(gluedReported(text), path).toEqual(reference(text));
      }
    },
    300_000,
  );
});
