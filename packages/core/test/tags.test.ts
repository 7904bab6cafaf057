import { buildDocument, sourceFromText } from '@notes/core';
import { describe, expect, it } from 'vitest';

const build = (text: string) => buildDocument(sourceFromText(text, 'notes.md'));

describe('tags', () => {
  it('keeps hierarchical front-matter tags, each part slugged', () => {
    const doc = build('---\ntags: [aws::Networking, "Exam Prep"]\n---\n\n# T\n\n### Q\n\nA.\n');
    expect(doc.notes[0]!.tags).toEqual(['aws::networking', 'exam-prep']);
  });

  it('takes #tags from the end of a question heading, leaving the title and the id as without them', () => {
    const tagged = build('# T\n\n## Topic\n\n### What is SQS? #aws::messaging #Exam\n\nA queue.\n');
    const plain = build('# T\n\n## Topic\n\n### What is SQS?\n\nA queue.\n');
    const note = tagged.notes.find((n) => n.kind === 'question')!;
    expect(note.title).toBe('What is SQS?');
    expect(note.tags).toEqual(['t', 'topic', 'aws::messaging', 'exam']);
    expect(note.id).toBe(plain.notes.find((n) => n.kind === 'question')!.id);
  });

  it('leaves a number, a hash inside a word and a heading made only of a tag alone', () => {
    const titles = build('# T\n\n### Issue #12\n\nA.\n\n### Is C# fast?\n\nB.\n\n### #only\n\nC.\n').notes.map(
      (n) => n.title,
    );
    expect(titles).toEqual(['Issue #12', 'Is C# fast?', '#only']);
  });
});
