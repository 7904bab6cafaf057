import { describe, expect, it } from 'vitest';
import { lazy } from '../src/lazy.js';

describe('lazy', () => {
  it('makes the value on the first call only, and returns that same value after', () => {
    let calls = 0;
    const get = lazy(() => {
      calls++;
      return /\p{L}+/gu;
    });
    expect(calls).toBe(0);
    const first = get();
    expect(get()).toBe(first);
    expect(calls).toBe(1);
  });

  it('keeps a made value that is falsy', () => {
    let calls = 0;
    const get = lazy(() => {
      calls++;
      return undefined;
    });
    get();
    get();
    expect(calls).toBe(1);
  });
});
