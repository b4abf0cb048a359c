import { TextDecoder } from 'node:util';

/**
 * Charsets a server that does not speak UTF-8 most likely uses for names, in the order a tie is settled:
 * Cyrillic, Japanese, Chinese and Korean legacy charsets, then Central and Western European ones.
 */
const CANDIDATES = ['windows-1251', 'koi8-r', 'shift_jis', 'gbk', 'euc-jp', 'big5', 'euc-kr', 'windows-1252', 'iso-8859-2'] as const;

/** True when the bytes are valid UTF-8. */
export function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Han and kana count as one writing system: Japanese names mix them. */
function scriptOf(char: string): string | null {
  if (/\p{Script=Latin}/u.test(char)) return 'latin';
  if (/\p{Script=Cyrillic}/u.test(char)) return 'cyrillic';
  if (/\p{Script=Greek}/u.test(char)) return 'greek';
  if (/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(char)) return 'han';
  if (/\p{Script=Hangul}/u.test(char)) return 'hangul';
  return null;
}

/**
 * How much a name decoded with some charset looks like a name people write: lower-case letters and CJK
 * characters score, capitals a little less, symbols and controls count against it, and so does a word
 * that mixes writing systems (`cafй` is café read as windows-1251).
 */
function plausibility(text: string): number {
  let score = 0;
  let previous = '';
  for (const char of text) {
    const wordStart = !/\p{L}/u.test(previous);
    previous = char;
    if (char.charCodeAt(0) < 0x80) continue;
    // A CJK character takes two bytes where a Cyrillic or Latin letter takes one: scored per byte alike,
    // kana and hangul above Han, which every double-byte charset produces from anything.
    // Half-width katakana are one byte each in Shift_JIS, where other charsets have their letters.
    if (/[\uff61-\uff9f]/u.test(char)) score -= 1;
    else if (/[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u.test(char)) score += 5;
    else if (/\p{Script=Han}/u.test(char)) score += 4;
    else if (/[\p{Ll}\p{Lm}\p{Lo}]/u.test(char)) score += 2;
    else if (/\p{Lu}/u.test(char)) score += wordStart ? 2 : 1;
    else score -= 3;
  }
  for (const word of text.split(/[^\p{L}]+/u)) {
    const scripts = new Set([...word].map(scriptOf).filter((s) => s !== null));
    if (scripts.size > 1) score -= 4;
    // Capitals after lower-case letters inside a word: bytes read with the wrong table.
    score -= 2 * (word.match(/\p{Ll}\p{Lu}/gu)?.length ?? 0);
  }
  return score;
}

/**
 * The charset that reads names (raw bytes from a listing that is not valid UTF-8) most plausibly; null
 * when none reads them all without errors. A guess: it is offered to the person, who sets the site's charset.
 */
export function guessNameCharset(names: readonly Uint8Array[]): string | null {
  let best: { charset: string; score: number } | null = null;
  for (const charset of CANDIDATES) {
    const decoder = new TextDecoder(charset, { fatal: true });
    let score = 0;
    try {
      for (const name of names) score += plausibility(decoder.decode(name));
    } catch {
      continue;
    }
    if (best === null || score > best.score) best = { charset, score };
  }
  return best?.charset ?? null;
}
