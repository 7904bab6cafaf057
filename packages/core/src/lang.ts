/**
 * The language of a document as a BCP 47 tag: front matter `lang` when it is a valid tag, else detected from the
 * scripts of the text. Detection only names what the script makes plain (Hangul is Korean, kana Japanese, Han
 * Chinese with Simplified or Traditional forms counted, Thai, Devanagari (Hindi), Arabic, Hebrew, Greek,
 * Cyrillic, Vietnamese letters); Latin prose is English when English function words are common in it, and `und`
 * (undetermined) otherwise.
 */
import { lazy } from './lazy.js';

/** Letters counted before a script decides the language: a few borrowed words do not make a document Korean. */
const MIN_SHARE = 0.2;
/** Kana among CJK characters that make Han text Japanese (kana particles run through every Japanese sentence). */
const KANA_SHARE_FOR_JA = 0.05;
/** English function words per Latin word that make Latin prose English (about 1 in 4 in running English). */
const ENGLISH_WORD_SHARE = 0.08;
/** Vietnamese-only letters per Latin letter that make Latin prose Vietnamese. */
const VIETNAMESE_SHARE = 0.03;
/** Characters sampled from a long text: the opening 50,000 say which language it is. */
const SAMPLE = 50_000;

export const SCRIPTS = [
  ['hangul', lazy(() => /\p{sc=Hangul}/u)],
  ['kana', lazy(() => /[\p{sc=Hiragana}\p{sc=Katakana}]/u)],
  ['han', lazy(() => /\p{sc=Han}/u)],
  ['arabic', lazy(() => /\p{sc=Arabic}/u)],
  ['hebrew', lazy(() => /\p{sc=Hebrew}/u)],
  ['devanagari', lazy(() => /\p{sc=Devanagari}/u)],
  ['thai', lazy(() => /\p{sc=Thai}/u)],
  ['greek', lazy(() => /\p{sc=Greek}/u)],
  ['cyrillic', lazy(() => /\p{sc=Cyrillic}/u)],
  ['latin', lazy(() => /\p{sc=Latin}/u)],
] as const;

type Script = (typeof SCRIPTS)[number][0];

/**
 * Characters of no script (digits, punctuation, symbols, emoji, variation selectors, shared marks): none of SCRIPTS
 * has one. Asked first, it spares compiling every script's pattern for the emoji of English notes.
 */
const NO_SCRIPT = lazy(() => /[\p{Script=Common}\p{Script=Inherited}]/u);
/** Whether a character is of no script (Script Common or Inherited); lint's mojibake check asks it too. */
export const inNoScript = (char: string): boolean => NO_SCRIPT().test(char);

/**
 * The script of a character of the blocks most notes outside ASCII hold, without a pattern: Latin-1, Latin
 * Extended-A and -B and IPA (U+0080–U+02AF: Latin letters, and Common signs), general punctuation, currency
 * signs, arrows, technical and box-drawing symbols (none of SCRIPTS). `'latin'` for a Latin letter, null for no
 * script of SCRIPTS, undefined when the patterns must say. Mojibake and typographic quotes are mostly these: the
 * patterns compiled on the first of them cost every lint about 3 ms. A test checks it against the patterns.
 */
export function knownScript(point: number): 'latin' | null | undefined {
  if (point < 0x2b0) {
    if (point >= 0xc0) return point === 0xd7 || point === 0xf7 ? null : 'latin';
    return point === 0xaa || point === 0xba ? 'latin' : null;
  }
  if (
    (point >= 0x2000 && point < 0x2070) ||
    (point >= 0x20a0 && point < 0x20d0) ||
    (point >= 0x2190 && point < 0x2400) ||
    (point >= 0x2500 && point < 0x2600)
  )
    return null;
  return undefined;
}

/**
 * Common characters that exist only in Simplified or only in Traditional Chinese (pairs: simplified, traditional).
 * Counting them tells zh-Hans from zh-Hant.
 */
const HANS_HANT =
  '这這个個们們时時来來会會说說国國学學对對发發经經动動过過还還后後没沒开開关關长長问問间間现現实實体體点點题題' +
  '见見话話认認语語资資务務数數据據库庫网網络絡连連线線应應类類于於为為与與无無从從东東车車书書门門电電气氣区區' +
  '设設计計记記请請读讀写寫变變换換择擇选選级級码碼储儲载載软軟节節单單复複杂雜结結构構组組织織统統录錄边邊运運' +
  '进進达達远遠质質测測试試验驗证證页頁显顯权權隐隱环環议議论論释釋标標准準业業产產样樣广廣报報历歷万萬义義' +
  '乐樂习習买買卖賣亲親众眾优優传傳伤傷价價众眾师師帮幫转轉输輸项項须須顾顧领領频頻风風飞飛馆館验驗鱼魚图圖';

const SIMPLIFIED = new Set<string>();
const TRADITIONAL = new Set<string>();
{
  const chars = [...HANS_HANT];
  for (let i = 0; i + 1 < chars.length; i += 2) {
    SIMPLIFIED.add(chars[i]!);
    TRADITIONAL.add(chars[i + 1]!);
  }
}

const ENGLISH_WORDS = new Set(
  'the of and to in is are a an for that this with on as by be it or from at not can use you your when which'.split(
    ' ',
  ),
);
const VIETNAMESE_LETTERS = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/iu;

/** A BCP 47 tag in its canonical case (`zh-hant` → `zh-Hant`), or null when it is not a valid tag. */
export function canonicalLang(tag: unknown): string | null {
  if (typeof tag !== 'string' || tag.trim() === '') return null;
  try {
    return Intl.getCanonicalLocales(tag.trim())[0] ?? null;
  } catch {
    return null;
  }
}

/** Detect the language of `text` from its scripts (see the module comment); `und` when nothing decides. */
export function detectLang(text: string): string {
  const counts = new Map<Script, number>();
  let letters = 0;
  let simplified = 0;
  let traditional = 0;
  let vietnamese = 0;
  const sample = text.length > SAMPLE ? text.slice(0, SAMPLE) : text;
  // ASCII letters are counted apart (most of most notes), and the other characters are listed, each by one native
  // call: a loop over every character ran long enough to get the loop compiled by TurboFan, about 4 ms of CPU in
  // a lint of one file. A surrogate pair is one character (a lone surrogate stays itself, as in `for…of`).
  const asciiLetters = sample.length - sample.replace(/[A-Za-z]+/g, '').length;
  for (const char of sample.match(/[^\x00-\x7f]/gu) ?? []) {
    const known = knownScript(char.codePointAt(0)!);
    if (known === null) continue;
    const script = known ?? (inNoScript(char) ? undefined : SCRIPTS.find(([, pattern]) => pattern().test(char))?.[0]);
    if (script === undefined) continue;
    counts.set(script, (counts.get(script) ?? 0) + 1);
    letters++;
    if (script === 'han') {
      if (SIMPLIFIED.has(char)) simplified++;
      else if (TRADITIONAL.has(char)) traditional++;
    } else if (script === 'latin' && VIETNAMESE_LETTERS.test(char)) vietnamese++;
  }
  if (asciiLetters > 0) counts.set('latin', (counts.get('latin') ?? 0) + asciiLetters);
  letters += asciiLetters;
  if (letters === 0) return 'und';
  const count = (script: Script) => counts.get(script) ?? 0;
  const share = (script: Script) => count(script) / letters;
  const cjk = count('hangul') + count('kana') + count('han');
  if (cjk / letters >= MIN_SHARE) {
    if (count('hangul') >= count('kana') && count('hangul') >= count('han') * 0.5) return 'ko';
    if (count('kana') / cjk >= KANA_SHARE_FOR_JA) return 'ja';
    if (count('hangul') > count('kana')) return 'ko';
    return traditional > simplified ? 'zh-Hant' : 'zh-Hans';
  }
  const scripts: [Script, string][] = [
    ['arabic', 'ar'],
    ['hebrew', 'he'],
    ['devanagari', 'hi'],
    ['thai', 'th'],
    ['greek', 'el'],
    ['cyrillic', 'ru'],
  ];
  for (const [script, lang] of scripts) if (share(script) >= MIN_SHARE) return lang;
  if (share('latin') < MIN_SHARE) return 'und';
  if (vietnamese / count('latin') >= VIETNAMESE_SHARE) return 'vi';
  const words = sample.toLowerCase().match(/\p{sc=Latin}+/gu) ?? [];
  const english = words.filter((w) => ENGLISH_WORDS.has(w)).length;
  return words.length > 0 && english / words.length >= ENGLISH_WORD_SHARE ? 'en' : 'und';
}

/** The language of a document: front matter `lang` (canonical BCP 47) when valid, else detected from the text. */
export function documentLang(frontMatter: Record<string, unknown> | null, text: string): string {
  return canonicalLang(frontMatter?.['lang']) ?? detectLang(text);
}

/** The primary language subtag (`zh-Hant` → `zh`). */
export function primaryLanguage(lang: string): string {
  return lang.split('-')[0]!.toLowerCase();
}

/** Whether `lang` is English. */
export function isEnglish(lang: string): boolean {
  return primaryLanguage(lang) === 'en';
}

/**
 * Whether text rules written for English prose (truncation, chat residue, the word list) may apply to a document of
 * `lang`: English, or undetermined (`und`: Latin prose the detector could not name). A document in another
 * language gets no guesses.
 */
export function mayBeEnglish(lang: string): boolean {
  return isEnglish(lang) || primaryLanguage(lang) === 'und';
}
