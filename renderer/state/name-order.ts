/**
 * The panes' name order (the locale's collation, numbers by value, case ignored), made cheap for big
 * folders. Intl.Collator offers no sort keys, and calling it per comparison was most of the time a
 * 100,000-entry folder spent in sorting. Most names are printable ASCII: for those a key is built once,
 * from each character's place in the collator's own order (digit runs by value), and two keys compare as
 * plain strings. The collator decides for any other name, and for every name in a locale where ASCII does
 * not sort character by character (contractions such as Danish "aa", ignored punctuation): a check at
 * first use compares the keys with the collator on every string of one and two characters.
 */

const FIRST_CODE = 0x20;
const LAST_CODE = 0x7e;
const isDigit = (code: number) => code >= 0x30 && code <= 0x39;
/** Longer digit runs go to the collator (ICU splits very long numbers). */
const LONGEST_NUMBER = 40;

/** Compares two names as the pane's collator does: negative, 0 (the same to it) or positive. */
export type NameCompare = (a: string, b: string) => number;

/** What a name order offers: the comparison of names, and a key per name (null: only the collator can say). */
export interface NameOrder {
  readonly compare: NameCompare;
  /** The key of a name, or null when it has none; equal keys mean the collator finds the names equal. */
  keyOf(name: string): string | null;
  /** Whether keys are used at all in this locale. */
  readonly usesKeys: boolean;
}

/** Each printable ASCII character's rank in the collator's order (equal ranks: equal to it); digits share one. */
function rankTable(collator: Intl.Collator): Uint8Array {
  const chars: string[] = [];
  for (let code = FIRST_CODE; code <= LAST_CODE; code++) if (!isDigit(code) || code === 0x30) chars.push(String.fromCharCode(code));
  chars.sort(collator.compare);
  const ranks = new Uint8Array(LAST_CODE + 1);
  let rank = 1;
  for (let i = 0; i < chars.length; i++) {
    if (i > 0 && collator.compare(chars[i - 1]!, chars[i]!) !== 0) rank++;
    ranks[chars[i]!.charCodeAt(0)] = rank;
  }
  for (let code = 0x31; code <= 0x39; code++) ranks[code] = ranks[0x30]!;
  return ranks;
}

/** The key of a printable ASCII name: one character per rank, a digit run as its rank, its length, its digits (leading zeros dropped). */
function keyWith(ranks: Uint8Array, name: string): string | null {
  const codes: number[] = [];
  const n = name.length;
  for (let i = 0; i < n; i++) {
    const code = name.charCodeAt(i);
    if (code < FIRST_CODE || code > LAST_CODE) return null;
    if (!isDigit(code)) {
      codes.push(ranks[code]!);
      continue;
    }
    let end = i;
    while (end < n && isDigit(name.charCodeAt(end))) end++;
    let start = i;
    while (start < end - 1 && name.charCodeAt(start) === 0x30) start++;
    if (end - start > LONGEST_NUMBER) return null;
    codes.push(ranks[code]!, end - start);
    for (let d = start; d < end; d++) codes.push(name.charCodeAt(d));
    i = end - 1;
  }
  return String.fromCharCode(...codes);
}

const compareKeys = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Whether keys order every string of one and two printable ASCII characters (and some numbers) exactly as the collator. */
function keysAgree(collator: Intl.Collator, key: (name: string) => string | null): boolean {
  const singles: string[] = [];
  for (let code = FIRST_CODE; code <= LAST_CODE; code++) singles.push(String.fromCharCode(code));
  const samples = [...singles, '00', '007', '0x', '10', '010', '9a', 'a09', 'a9b', 'a10', '1 0', '1.5', '1.05', '12345678901234567890'];
  for (const a of singles) for (const b of singles) samples.push(a + b);
  const keyed = samples.map((name) => ({ name, key: key(name)! })).sort((x, y) => compareKeys(x.key, y.key));
  // Both orders are total preorders: agreeing on each neighbour in one means agreeing everywhere.
  for (let i = 1; i < keyed.length; i++) {
    if (Math.sign(collator.compare(keyed[i - 1]!.name, keyed[i]!.name)) !== compareKeys(keyed[i - 1]!.key, keyed[i]!.key)) return false;
  }
  return true;
}

/** The name order of a locale (undefined: the window's); options as the panes have always sorted. */
export function nameOrder(locales?: string | readonly string[]): NameOrder {
  const collator = new Intl.Collator(locales as string | string[] | undefined, { numeric: true, sensitivity: 'base' });
  let ranks: Uint8Array | null | undefined;
  const ranksNow = (): Uint8Array | null => {
    if (ranks === undefined) {
      const table = rankTable(collator);
      ranks = keysAgree(collator, (name) => keyWith(table, name)) ? table : null;
    }
    return ranks;
  };
  const keyOf = (name: string): string | null => {
    const table = ranksNow();
    return table ? keyWith(table, name) : null;
  };
  return {
    compare: (a, b) => {
      const ka = keyOf(a);
      const kb = ka === null ? null : keyOf(b);
      return kb === null ? collator.compare(a, b) : compareKeys(ka!, kb);
    },
    keyOf,
    get usesKeys() {
      return ranksNow() !== null;
    },
  };
}

/** Compares two keys from the same NameOrder (or falls back to `compare` when either is null). */
export function compareByKeys(order: NameOrder, a: string, ka: string | null, b: string, kb: string | null): number {
  return ka === null || kb === null ? order.compare(a, b) : compareKeys(ka, kb);
}
