import { describe, expect, it } from 'vitest';
import { detectLang, knownScript, SCRIPTS } from '../src/lang.js';

/** The script of a code point by the patterns alone (the first of SCRIPTS that matches), or null. */
const byPatterns = (point: number): string | null =>
  SCRIPTS.find(([, pattern]) => pattern().test(String.fromCodePoint(point)))?.[0] ?? null;

describe('detectLang', () => {
  it('answers from the blocks it knows exactly as the script patterns would', () => {
    let known = 0;
    for (let point = 0x80; point < 0x3000; point++) {
      const quick = knownScript(point);
      if (quick === undefined) continue;
      known++;
      expect(quick, `U+${point.toString(16)}`).toBe(byPatterns(point));
    }
    // Latin-1 to IPA, punctuation, currency, arrows and symbols, box drawing: most of what notes hold.
    expect(known).toBeGreaterThan(1500);
    // Letterlike symbols mix scripts (Kelvin sign, Ohm sign): left to the patterns.
    expect(knownScript(0x212a)).toBeUndefined();
    expect(knownScript(0x2126)).toBeUndefined();
  });

  it('names the language of notes with accents, mojibake, punctuation and other scripts', () => {
    const english = 'The queue keeps messages until a consumer reads them, and the topic fans them out to all. ';
    expect(detectLang(english.repeat(3))).toBe('en');
    expect(detectLang(`${english}â€™ Ã© â€” “quoted” ™ € £`.repeat(3))).toBe('en');
    expect(detectLang('Le café où nous étions était très agréable, même à midi. '.repeat(3))).toBe('und');
    expect(detectLang('Tôi đang học tiếng Việt ở trường đại học. '.repeat(3))).toBe('vi');
    expect(detectLang('Очередь хранит сообщения — «до прочтения». '.repeat(3))).toBe('ru');
    expect(detectLang('Η ουρά κρατά τα μηνύματα. '.repeat(3))).toBe('el');
    expect(detectLang('メッセージはキューに残ります。'.repeat(3))).toBe('ja');
    expect(detectLang('— … “ ” → ─ €')).toBe('und');
  });
});
