import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { withSubsetter } from '../src/subsetter.js';

const require = createRequire(import.meta.url);
const loaded = (): boolean => Object.keys(require.cache).some((id) => id.includes('/subset-font/'));

describe('the font subsetter', () => {
  it('is loaded for its work and let go after, the next work loading it again', async () => {
    const first = await withSubsetter(async (subset) => {
      expect(loaded()).toBe(true);
      return subset;
    });
    expect(loaded()).toBe(false);
    const second = await withSubsetter(async (subset) => subset);
    expect(second).not.toBe(first);
    expect(loaded()).toBe(false);
  });

  it('is let go when its work fails', async () => {
    await expect(withSubsetter(() => Promise.reject(new Error('no font')))).rejects.toThrow('no font');
    expect(loaded()).toBe(false);
  });
});
