import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as encoding from '../../src/encoding/index.js';
import { findMojibake, repairMojibake, repairText } from '../../src/encoding/index.js';
import { misread } from './misread.js';

const codePoints = (s: string): string[] => Array.from(s, (c) => c.codePointAt(0)!.toString(16));

/** Real text in many languages and scripts, with the symbols notes use. */
const REAL = [
  'Le café est prêt à être servi, déjà très chaud.',
  'Die Straße ist schön und grün, Grüße aus München: heiß!',
  'Ação, coração e mãe: não há limões. MAÇÃ, ÁGUA, ÉPOCA.',
  'El niño comió piña el año pasado, ¿verdad?',
  'HÔTEL DE VILLE, CAFÉ DU MONDE',
  'İstanbul’da ağaç, şeker ve ığdır.',
  'Zażółć gęślą jaźń, ŁÓDŹ',
  'Příliš žluťoučký kůň úpěl ďábelské ódy',
  'Tiếng Việt có dấu rất đẹp',
  'Ελληνικά γράμματα: α, β, γ, μs',
  'Привет, мир! Всё хорошо. Рівне, Київ',
  '日本語の文章です。中文字符测试。한국어 문장',
  'שלום עולם · مرحبا بالعالم · ภาษาไทย',
  'It’s “quoted” — and… that’s all • ‘fine’ – ok',
  '👍🏽 ❤️ 1️⃣ #️⃣ 📌 ✅ 🚀 👨‍👩‍👧',
  '∀x ∈ ℝ: x² ≥ 0, ∑ ≤ ∞, ±0.5 °C, 10 €, © ™ ®, ½ ¼ ¾',
  '├── src │ └── index.ts ┌─┬─┐ ╔═╗ ▲ ■',
  'Café naïve coöperate façade résumé Noël',
];

describe('findMojibake: kinds of damage', () => {
  it('repairs UTF-8 read as cp1252, with an exact span and message data', () => {
    const text = 'Let’s go — now';
    const damaged = misread(text, 'windows-1252');
    expect(damaged).toBe('Letâ€™s go â€” now');
    const spans = findMojibake(damaged);
    expect(spans.map((s) => [s.start, s.end, s.found, s.expected])).toEqual([
      [3, 6, 'â€™', '’'],
      [11, 14, 'â€”', '—'],
    ]);
    expect(repairMojibake(damaged)).toBe(text);
  });

  it('repairs an emoji misread as cp1252 (4-byte sequence)', () => {
    expect(repairMojibake('### **ðŸ“Œ AWS Prep Notes**')).toBe('### **📌 AWS Prep Notes**');
  });

  it('restores the byte cp1252 dropped in a keycap: digit + U+FE0F + U+20E3', () => {
    const spans = findMojibake('#### **1ï¸âƒ£ Messaging**');
    expect(spans).toHaveLength(1);
    expect(codePoints(spans[0]!.expected!)).toEqual(['fe0f', '20e3']);
    expect(codePoints(repairMojibake('2ï¸âƒ£'))).toEqual(['32', 'fe0f', '20e3']);
  });

  it('restores a lost byte shown as U+FFFD or ? when one restoration fits the context', () => {
    expect(repairMojibake('â€œlossy decodingâ€\uFFFD')).toBe('“lossy decoding”');
    expect(repairMojibake('upgraded to â€œbb+â€? from â€œbbâ€?')).toBe('upgraded to “bb+” from “bb”');
  });

  it('reports without a fix when several restorations are plausible, naming them', () => {
    // Á, Í, Ï, Ð and Ý all end in a byte cp1252 cannot show.
    const spans = findMojibake('CafÃ\uFFFD rÃ©sumÃ©');
    const lossy = spans.find((s) => s.found === 'Ã\uFFFD')!;
    expect(lossy.expected).toBeNull();
    expect(lossy.candidates.length).toBeGreaterThan(1);
    expect(repairMojibake('CafÃ\uFFFD rÃ©sumÃ©')).toBe('CafÃ\uFFFD résumé');
  });

  it('repairs text misread twice, and a double misreading with a lost byte', () => {
    expect(repairMojibake(misread(misread('It’s naïve', 'windows-1252'), 'windows-1252'))).toBe('It’s naïve');
    expect(repairMojibake('Ã¢â€\uFFFDâ€™(Ã¢Å’Â£Ã‹â€ºÃ¢Å’Â£)Ã¢â€\uFFFDÅ½')).toBe('┒(⌣˛⌣)┎');
  });

  it('repairs a second misreading the class statistics find only weakly, by the character model (`Äƒ` for `ă`)', () => {
    const twice = (text: string, page: string): string => misread(misread(text, page), page);
    for (const page of ['windows-1252', 'mac-roman'])
      for (const text of ['frizonă occidentală', 'Čile, Čad i Južnoafrička Republika', 'idiş', 'Tagduda n Čik'])
        expect(repairMojibake(twice(text, page)), `${page}: ${text}`).toBe(text);
    // A short word whose inner layer is a complete 3-byte sequence stands alone beside damaged neighbours.
    expect(repairMojibake(twice('ਟ੍ਰਿਸਟਾਨ ਦਾ ਕੁੰਹਾ', 'windows-1252'))).toBe('ਟ੍ਰਿਸਟਾਨ ਦਾ ਕੁੰਹਾ');
    // A real capital + letter pair inside a repaired word is no further layer where the model is not sure (`Рі`).
    expect(repairMojibake(twice('Рівне, Київ', 'windows-1251'))).toBe('Рівне, Київ');
  });

  it('restores a capital whose second byte was dropped inside a word, where the line shows cp1252 damage', () => {
    const text = 'Obala Slonovače, Azerbejdžan i Južna Afrika';
    const damaged = misread(text, 'windows-1252', 'drop');
    expect(damaged).toBe('Obala SlonovaÄe, Azerbejdå¾an i Juå¾na Afrika'.replace(/å¾/g, 'Å¾'));
    const lone = findMojibake(damaged).find((s) => s.found === 'Ä')!;
    expect(lone.candidates).toEqual(['ā', 'č', 'ď', 'Đ', 'ĝ']);
    expect(lone.likeliest).toBe('č');
    // With no other damage in the document, a capital inside a word is left alone.
    expect(findMojibake('Obala SlonovaÄe i Afrika')).toEqual([]);
  });

  it('repairs latin-1 (C1 controls), mac-roman, cp1250, cp1251, cp1253, cp1254 and cp1257 misreadings', () => {
    const cases: [string, string][] = [
      ['Ecuador’s “pressure”', 'windows-1252'],
      ['Le café est prêt à être servi', 'mac-roman'],
      ['Zażółć gęślą jaźń', 'windows-1250'],
      ['Привет, мир! Всё хорошо.', 'windows-1251'],
      ['Ελληνικά γράμματα', 'windows-1253'],
      ['İstanbul’da ağaç', 'windows-1254'],
      ['Šiaulių bankas, Rīga', 'windows-1257'],
    ];
    for (const [text, page] of cases) expect(repairMojibake(misread(text, page)), page).toBe(text);
    expect(repairMojibake('Ecuadorâ\u0080\u0099s')).toBe('Ecuador’s');
    // cp437 (the Windows console): complete 3-byte sequences only, its pairs start with box drawing.
    expect(repairMojibake('ItΓÇÖs fine ΓÇô ok')).toBe('It’s fine – ok');
    expect(findMojibake('├┤a┼┐a ╔═╗ ┌┐ └┘')).toEqual([]);
  });

  it('repairs a NBSP that became a space or was dropped (à, Š, NBSP)', () => {
    expect(repairMojibake('voilÃ le travail')).toBe('voilà le travail');
    expect(repairMojibake('jusqu’Ã nos jours, la rÃ©flexion')).toBe('jusqu’à nos jours, la réflexion');
    expect(repairMojibake('Å veices baÅ†Ä·ieri')).toBe('Šveices baņķieri');
    expect(repairMojibake('It is 10Â km away')).toBe('It is 10\u00a0km away');
    expect(findMojibake('ROMÂ NIA, Â la carte')).toEqual([]);
  });

  it('repairs a cp1252 character read as latin-1 and left as a C1 control', () => {
    expect(repairMojibake('pas encore parlé\u0085 Tu sais')).toBe('pas encore parlé… Tu sais');
    // 0x81 is undefined in cp1252: nothing to restore.
    expect(findMojibake('intentional \u0081')).toEqual([]);
  });

  it('repairs surrogate pairs encoded one by one (CESU-8) and a byte HTML-escaped on the way', () => {
    expect(repairMojibake('Hi í\u00a0½í¸\u008d')).toBe('Hi 😍');
    expect(repairMojibake('10Î&frac14;s')).toBe('10μs');
  });

  it('finds damage in code too: a command or file name', () => {
    expect(repairMojibake('`open ./rÃ©sumÃ©.pdf`')).toBe('`open ./résumé.pdf`');
  });

  it('repairs a one-letter word between repaired words of its script (`и`, `в`, `с`), and not alone in Latin text', () => {
    const text = 'Кошка и собака живут в доме с садом';
    for (const page of ['windows-1252', 'mac-roman']) {
      expect(repairMojibake(misread(text, page)), page).toBe(text);
      expect(repairMojibake(misread(misread(text, page), page)), `${page} twice`).toBe(text);
    }
    expect(repairMojibake(misread('Ні, і так', 'windows-1252'))).toBe('Ні, і так');
    // The same two characters with no damaged word of that script near them stay as written.
    expect(findMojibake('Ð¸ and Ñ in a table of Latin letters')).toEqual([]);
  });

  it('repairs marks and joiners of every script a language writes (Chakma, N’Ko, a virama before ZWNJ/ZWJ)', () => {
    for (const text of ['𑄌𑄋𑄴𑄟𑄳𑄦 𑄞𑄌𑄴', 'ߒߞߏ ߞߊ߲ߜߍ', 'ನ್ಯಾಮ್‌ವೆಂಜಿ ಕನ್ನಡ', 'ශ්‍රී ලංකාව'])
      expect(repairMojibake(misread(text, 'windows-1252')), text).toBe(text);
  });

  it('chooses the lost byte of Cyrillic and Greek words by the dictionary-trained model', () => {
    const russian = 'Пожалуйста, проверьте настройки сервера сегодня';
    expect(repairMojibake(misread(russian, 'windows-1252', 'question'))).toContain('сервера');
    const greek = repairMojibake(misread('Ο χρήστης μπορεί να ρυθμίσει το σύστημα', 'windows-1252', 'question'));
    for (const word of ['χρήστης', 'ρυθμίσει', 'σύστημα']) expect(greek).toContain(word);
  });

  it('chooses by the Russian lexicon where the character model prefers a non-word (`зависят`, not `зависст`)', () => {
    const text = 'Ограничения доступа к ресурсам зависят от настроек';
    for (const lost of ['drop', 'question', 'replacement'] as const)
      expect(repairMojibake(misread(text, 'windows-1252', lost)), lost).toBe(text);
  });

  it('chooses by the words of CLDR text in scripts no dictionary covers (virama against vowel sign u)', () => {
    // `्` (E0 A5 8D) and `ु` (E0 A5 81) lose the same byte: the character model alone repaired `उर्ग्वे` here.
    for (const text of ['मंगोलिया, स्वीडन, उरुग्वे', 'ದಕ್ಷಿಣ ಆಫ್ರಿಕಾ, ಬೊಲಿವಿಯಾ, ಮತ್ತು ಫಿಜಿ'])
      for (const lost of ['question', 'replacement'] as const)
        expect(repairMojibake(misread(text, 'windows-1252', lost)), lost).toBe(text);
  });

  it('chooses a closing `”` over `⁀ ⍀ ⏀ ❀` when its 0x9D was dropped (the model has seen quotation marks)', () => {
    const text = '> “Meno accesso significa più sicurezza: concedi solo ciò che serve.”';
    const damaged = misread(text, 'windows-1252', 'drop');
    expect(damaged.endsWith('serve.â\u20ac')).toBe(true);
    const close = findMojibake(damaged).at(-1)!;
    expect(close.candidates).toEqual(expect.arrayContaining(['”', '⁀', '❀']));
    expect(repairMojibake(damaged)).toBe(text);
  });

  it('finds a one-letter word that lost its second byte between repaired words (`Ñ` for `с`), and lists its readings', () => {
    const damaged = misread('Ошибки и ограничения, связанные с Redshift', 'windows-1252', 'drop');
    const lone = findMojibake(damaged).find((s) => s.found === 'Ñ')!;
    expect(lone.candidates).toEqual(expect.arrayContaining(['с', 'я']));
    expect(repairMojibake(damaged)).toContain('ограничения, связанные ');
    // Alone in Latin text, the same letter is no damage.
    expect(findMojibake('Ñ and Ð in a table of Latin capitals')).toEqual([]);
  });

  it('chooses the emoji among the readings of a lost byte where the others are rare symbols, and no emoji over another', () => {
    for (const lost of ['drop', 'question', 'replacement'] as const)
      expect(repairMojibake(misread('- 🧑‍💼 Supportare il team', 'windows-1252', lost)), lost).toBe(
        '- 🧑‍💼 Supportare il team',
      );
    // ❌ with its middle byte dropped (`âŒ`) is two characters clean text can hold, so only `?` or U+FFFD make it
    // damage on its own.
    for (const lost of ['question', 'replacement'] as const)
      expect(repairMojibake(misread('- 10 (❌ **Incorrect**)', 'windows-1252', lost)), lost).toBe(
        '- 10 (❌ **Incorrect**)',
      );
    // 🔐 🔁 🔍 🔏 🔝 differ only in the lost byte: the run is found and reported with all five, not guessed.
    const lock = findMojibake(misread('# 🔐 Amazon Cognito', 'windows-1252', 'question'));
    expect(lock).toHaveLength(1);
    expect(lock[0]!.expected).toBeNull();
    expect(lock[0]!.candidates).toEqual(expect.arrayContaining(['🔐', '🔁', '🔍']));
  });

  it('weighs a space read as a lost 0xA0 like a dropped byte, so `❌` (its 0x9D dropped) competes with `⌠`', () => {
    const text = '| Caching | ❌ No | ✅ |';
    const damaged = misread(text, 'windows-1252', 'drop');
    expect(damaged).toBe('| Caching | â\u0152 No | â\u0153\u2026 |');
    const run = findMojibake(damaged).find((s) => s.found.startsWith('â\u0152'))!;
    expect(run.candidates).toContain('⌠');
    expect(repairMojibake(damaged)).toBe(text);
  });

  it('finds a 4-byte sequence whose last byte was lost with no other damage in the document (`ðŸ”?`)', () => {
    for (const lost of ['drop', 'question'] as const) {
      const spans = findMojibake(misread('Implementing DNSSEC using Route 53 🔐', 'windows-1252', lost));
      expect(spans, lost).toHaveLength(1);
      expect(spans[0]!.candidates, lost).toContain('🔐');
    }
  });

  it('repairs generated damage of real text in every code page (property)', () => {
    const pages = ['windows-1252', 'windows-1250', 'windows-1251', 'mac-roman', 'windows-1257', 'windows-1254'];
    fc.assert(
      fc.property(fc.constantFrom(...REAL), fc.constantFrom(...pages), fc.boolean(), (text, page, twice) => {
        const once = misread(text, page);
        // Twice through other pages leaves capital + letter pairs (`ГЄ`) that real text has too: left alone.
        const damaged = twice && page === 'windows-1252' ? misread(once, page) : once;
        expect(repairMojibake(damaged)).toBe(text);
      }),
      { numRuns: 200, seed: 42 },
    );
  });
});

describe('findMojibake: look-alike clean text is left alone', () => {
  it('leaves a real capital + lowercase pair alone inside repaired text (`Рі` of `Рівне` is no second layer)', () => {
    expect(repairMojibake(misread('Рівне, Київ', 'windows-1251'))).toBe('Рівне, Київ');
  });

  it('leaves real text in many languages and scripts alone', () => {
    for (const text of REAL) expect(findMojibake(text), text).toEqual([]);
  });

  it('leaves capitals followed by symbols alone (`MARQUÉ…`, `SÓ…`, `AHÅ™`, `SÉ¡`)', () => {
    for (const text of [
      'IL Y MARQUÉ…',
      'SDV SÓ…',
      'HUHLL Õ…',
      'AHÅ™, the new sofa',
      '!YO SÉ¡',
      'NICIODATĂ\u00a0',
      '2012—∞',
      '∆°',
      'C O N C L U S Ã O',
    ])
      expect(findMojibake(text), text).toEqual([]);
  });

  it('leaves symbol soup and full code-page rows alone (strings that test text handling)', () => {
    for (const text of [
      'Ω≈ç√∫˜µ≤≥÷',
      'œ∑´®†¥¨ˆøπ“‘',
      '¸˛Ç◊ı˜Â¯˘¿',
      '¡¢£¤¥¦§¨©ª«¬®¯°±²³´µ¶·¸¹º»¼½¾¿',
      'ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖ×ØÙÚÛÜÝÞß',
      '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ',
      '( ͡° ͜ʖ ͡°) ¯\\_(ツ)_/¯ (╯°□°）╯︵ ┻━┻',
      '表ポあA鷗ŒéＢ逍Üßªąñ丂㐀𠀀',
    ])
      expect(findMojibake(text), text).toEqual([]);
  });

  it('does not read a lone ideograph into Latin text (`Â¢â` is also mac-roman for 墉)', () => {
    expect(repairMojibake('ItÃ?Â¢â?¬s')).not.toMatch(/\p{Script=Han}/u);
  });

  it('leaves text that shows mojibake on purpose alone', () => {
    for (const text of [
      '| `â€™` | `’` |',
      'When UTF-8 is decoded as Windows-1252, `’` turns into `â€™`.',
      'Mojibake such as Ã© is what é looks like in the wrong code page.',
      '- `rÃ©sumÃ©` → `résumé`',
    ])
      expect(findMojibake(text), text).toEqual([]);
  });

  it('leaves random real text alone (property)', () => {
    const word = fc.constantFrom(...REAL.flatMap((t) => t.split(/\s+/)));
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 12 }), (words) => {
        expect(findMojibake(words.join(' '))).toEqual([]);
      }),
      { numRuns: 300, seed: 7 },
    );
  });
});

describe('repairText', () => {
  it('repairs mojibake and deletes stray BOMs and controls, keeping what needs a person', () => {
    expect(repairText('Itâ€™s\u0007 ok\uFEFF, lost: \uFFFD')).toBe('It’s ok, lost: \uFFFD');
  });
});

describe('encoding library', () => {
  it('exports the finders, the repairs and the helpers the rules and the bench use', () => {
    expect(Object.keys(encoding).sort()).toEqual([
      'CODE_PAGES',
      'findControlChars',
      'findMojibake',
      'findReplacementChars',
      'findStrayBoms',
      'isPlausible',
      'lfText',
      'locator',
      'repairMojibake',
      'repairText',
      'showChar',
      'showText',
    ]);
  });
});
