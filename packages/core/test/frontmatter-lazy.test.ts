import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { buildDocument, parseMarkdown, sourceFromText } from '@notes/core';

/** Whether the yaml package has been loaded in this process (it loads through Node's CommonJS loader). */
const yamlLoaded = (): boolean =>
  Object.keys(createRequire(import.meta.url).cache).some((path) => /[\\/]node_modules[\\/]yaml[\\/]/.test(path));

const model = (text: string) => buildDocument(sourceFromText(text, 'notes.md'), parseMarkdown(text));

describe('the YAML parser loads with the first front matter', () => {
  it('is not loaded for notes without front matter, and is for the first note with it', () => {
    expect(yamlLoaded()).toBe(false);
    const plain = model('# Notes\n\n## Queues\n\n### What does SQS do?\n\nIt queues messages.\n');
    expect(plain.frontMatterInfo).toBeNull();
    expect(yamlLoaded()).toBe(false);
    const withFront = model(
      '---\ntitle: Queues\ntags: [aws, sqs]\n---\n\n# Notes\n\n### What does SQS do?\n\nIt queues.\n',
    );
    expect(yamlLoaded()).toBe(true);
    expect(withFront.frontMatterInfo?.data).toEqual({ title: 'Queues', tags: ['aws', 'sqs'] });
  });
});
