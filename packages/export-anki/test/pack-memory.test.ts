import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { buildDocument, sourceFromText } from '@notes/core';
import { packApkg, renderCards } from '@notes/export-anki';
import { describe, expect, it } from 'vitest';
import { openApkg } from './helpers.js';

const MB = 1024 * 1024;

describe('packApkg and memory (issue 14: bounded memory)', () => {
  it("lets the deck's SQLite memory go once the deck is packed", async () => {
    setFlagsFromString('--expose-gc');
    const collect = runInNewContext('gc') as () => void;
    const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));
    // V8 frees dead buffers' memory after a collection, in the background: wait (up to 5 s) until it is back
    // under `limit`.
    const settle = async (limit = Infinity): Promise<number> => {
      for (let i = 0; i < 100; i++) {
        collect();
        await sleep(50);
        if (i >= 2 && process.memoryUsage().external < limit) break;
      }
      return process.memoryUsage().external;
    };
    // 2,000 questions with 2 KB answers.
    const answer = 'An answer of some length, with words to store. '.repeat(40);
    const markdown = `# Big\n\n${Array.from({ length: 2000 }, (_, i) => `### Question ${i}?\n\n${answer}${i}\n`).join('\n')}`;
    const list = renderCards([buildDocument(sourceFromText(markdown, 'big.md'))], { baseDir: '/', warn: () => {} });
    expect(list.cards).toHaveLength(2000);
    // Nothing has loaded sql.js in this file yet.
    const before = await settle();
    const bytes = await packApkg(list, { epoch: 0 });
    const during = process.memoryUsage().external;
    const after = await settle(before + 4 * MB);
    // SQLite's memory (16 MB at least) and the collection's bytes, then nothing: sql.js's own module had kept the
    // first memory for good.
    expect(during - before).toBeGreaterThan(16 * MB);
    expect(after - before).toBeLessThan(4 * MB);
    // And the deck is whole.
    expect((await openApkg(bytes)).notes).toHaveLength(2000);
  });
});
