import { describe, expect, it } from 'vitest';
import { findMojibake, repairMojibake, type MojibakeSpan } from '../../src/encoding/index.js';
import { PER_POSITION, pathsWork } from '../../src/encoding/sequences.js';
import { misread } from './misread.js';

/** Can the spans' candidates, one per span, give back `want` (the repair lint could make)? */
function reachable(text: string, spans: readonly MojibakeSpan[], want: string): boolean {
  const go = (k: number, at: number, pos: number): boolean => {
    if (k === spans.length) return text.slice(at) === want.slice(pos);
    const s = spans[k]!;
    const gap = text.slice(at, s.start);
    if (!want.startsWith(gap, pos)) return false;
    const p = pos + gap.length;
    return s.candidates.some((c) => want.startsWith(c, p) && go(k + 1, s.end, p + c.length));
  };
  return go(0, 0, 0);
}

describe('findMojibake: readings of runs with several lost bytes', () => {
  it('keeps the right reading of a long CJK run whose lost bytes multiply the readings', () => {
    const text = '中華人民共和國位於東亞，首都在北京。';
    const damaged = misread(text, 'windows-1252', 'drop');
    const spans = findMojibake(damaged);
    expect(reachable(damaged, spans, text)).toBe(true);
  });

  it('keeps a joiner between emoji when every byte it could have been was lost (`🕵️‍♂️`)', () => {
    const text = '# 🕵️‍♂️ Amazon Detective';
    for (const lost of ['replacement', 'question'] as const) {
      const damaged = misread(text, 'windows-1252', lost);
      expect(reachable(damaged, findMojibake(damaged), text), lost).toBe(true);
    }
  });

  it('leaves out readings that guessed a byte and then stopped inside a character', () => {
    const damaged = misread('馬約特、美洲同巴勒斯坦', 'windows-1252', 'drop');
    for (const s of findMojibake(damaged))
      for (const c of s.candidates) expect(c, s.found).not.toMatch(/[\u0080-\u00ff\u2018-\u203a\u20ac]/u);
  });

  it('bounds the work on a long damaged line by the readings kept per position, not by their number', () => {
    const work = (repeat: number): number => {
      const damaged = misread('荷屬聖馬丁、塞席爾同俄羅斯，'.repeat(repeat), 'windows-1252', 'drop');
      pathsWork.extensions = 0;
      expect(findMojibake(damaged).length).toBeGreaterThan(0);
      // Each position keeps at most PER_POSITION readings, each extended by the few sequences that start there.
      expect(pathsWork.extensions / damaged.length).toBeLessThan(PER_POSITION * 8);
      return pathsWork.extensions;
    };
    // Linear in the line: twice the line, about twice the work.
    expect(work(24) / work(12)).toBeLessThan(2.2);
  });
});

describe('findMojibake: two bytes lost in one character, and scripts that do not mix', () => {
  it('reads the last two bytes of a character lost alike at the end of a run (Yi `ꍏ`, Canadian syllabics `ᐏ`)', () => {
    const yi = 'ꆈꌠꉙ ꀙꂰꍏ';
    const drop = misread(yi, 'windows-1252', 'drop');
    expect(reachable(drop, findMojibake(drop), yi)).toBe(true);
    const cree = 'ᐋᑲᓈᓰᒨᐏᐣ';
    expect(repairMojibake(misread(cree, 'windows-1252', 'question'))).toBe(cree);
  });

  it('does not read a lone accented letter as a character that lost two bytes (`á` is no Myanmar `၍`)', () => {
    const text = 'Written Guaraní ñe’ẽ — also á';
    expect(findMojibake(text)).toEqual([]);
    const damaged = `${misread('Папуа — Шинэ', 'windows-1252')} á la carte`;
    expect(findMojibake(damaged).map((s) => s.found)).not.toContain('á');
  });

  it('keeps readings whose letters and numbers stay in one script (Cherokee, not Cherokee beside Myanmar digits)', () => {
    const text = 'ᏣᎳᎩ ᎦᏬᏂᎯᏍᏗ ᏆᏂᎦᎵᏕᏍ';
    for (const lost of ['drop', 'question'] as const) {
      const damaged = misread(text, 'windows-1252', lost);
      const spans = findMojibake(damaged);
      expect(reachable(damaged, spans, text), lost).toBe(true);
      for (const s of spans)
        for (const c of s.candidates)
          expect(c, lost).not.toMatch(/\p{Script=Cherokee}[\u1040-\u1049\u1090-\u1099\u1369-\u137c]/u);
    }
  });

  it('repairs a letter after an apostrophe inside a word (Guarani `avañe’ẽ`)', () => {
    for (const page of ['windows-1252', 'mac-roman']) {
      const text = 'Ñe’ẽ avañe’ẽ';
      expect(repairMojibake(misread(text, page)), page).toBe(text);
    }
  });
});

describe('findMojibake: a one-letter word in a line of repaired words of its script', () => {
  it('repairs `и`, `в`, `с` between Latin words where the line holds repaired Russian', () => {
    for (const text of [
      'Включая RDS MySQL, Oracle, PostgreSQL и MariaDB',
      'Написано на Python и Go, работает в AWS',
      'Оркестратор, связанный со стэком Hashicorp (Consul, Vault и т.д.).',
    ])
      for (const page of ['windows-1252', 'mac-roman']) {
        expect(repairMojibake(misread(text, page)), page).toBe(text);
        expect(repairMojibake(misread(misread(text, page), page)), `${page} twice`).toBe(text);
      }
  });

  it('leaves the same letters alone in a line with no repaired word of their script', () => {
    expect(findMojibake('Server Ð¸ MariaDB, Web Ð² AWS')).toEqual([]);
    expect(repairMojibake('Ð¸ Ñ‚.Ð´. — Café crème')).toBe('Ð¸ Ñ‚.Ð´. — Café crème');
  });
});
