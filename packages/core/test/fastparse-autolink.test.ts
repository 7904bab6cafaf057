import { describe, expect, it } from 'vitest';
import { autolinkMayStart } from '../src/fastparse/parse.js';

// The first test of @lezer/markdown's GFM autolink parser, which autolinkMayStart answers without a regular expression.
const LEZER_START = /(www\.)|(https?:\/\/)|([\w.+-]{1,100}@)|(mailto:|xmpp:)/y;

function lezer(text: string, pos: number): boolean {
  LEZER_START.lastIndex = pos;
  return LEZER_START.test(text);
}

describe('autolinkMayStart', () => {
  it('answers as Lezer’s start pattern on every position of texts built to reach its edges', () => {
    const long = 'a'.repeat(99);
    const texts = [
      'see www.example.com and wwwx. or Www.x, http://a https://b httpx://c mailto:x xmpp:y mailt:z',
      'mail a.b+c-d_e@example.com, @x, a@, .@, +@, -@, é@x, a é b@c',
      `${long}@x ${long}a@x ${long}aa@x ${long}.@`,
      'ends with www. and http:// and a@',
      'x',
      '',
      'w ww www wwww. h ht htt http https https: https:/ https:// m mailto xmpp x',
    ];
    let checked = 0;
    let passing = 0;
    for (const text of texts) {
      for (let pos = 0; pos <= text.length; pos++) {
        expect(autolinkMayStart(text, pos), `${JSON.stringify(text)} at ${pos}`).toBe(lezer(text, pos));
        checked++;
        if (lezer(text, pos)) passing++;
      }
    }
    // Both answers occur, the 100-character limit of the address included.
    expect(passing).toBeGreaterThan(20);
    expect(checked - passing).toBeGreaterThan(100);
    expect(autolinkMayStart(`${long}@x`, 0)).toBe(true);
    expect(autolinkMayStart(`${long}a@x`, 0)).toBe(true);
    expect(autolinkMayStart(`${long}aa@x`, 0)).toBe(false);
  });

  it('answers as Lezer’s start pattern on random texts of the characters that matter', () => {
    const alphabet = [
      'w',
      'h',
      't',
      'p',
      's',
      ':',
      '/',
      '.',
      'm',
      'a',
      'i',
      'l',
      'o',
      'x',
      '@',
      '+',
      '-',
      '_',
      ' ',
      'é',
      '1',
    ];
    let seed = 7;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let k = 0; k < 3000; k++) {
      let text = '';
      const length = random(40);
      for (let i = 0; i < length; i++) text += alphabet[random(alphabet.length)];
      for (let pos = 0; pos <= text.length; pos++) expect(autolinkMayStart(text, pos)).toBe(lezer(text, pos));
    }
  });
});
