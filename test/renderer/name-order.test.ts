import assert from 'node:assert/strict';
import { test } from 'node:test';
import { nameOrder } from '../../renderer/state/name-order';
import { visibleEntries, type PaneEntry, type PaneView } from '../../renderer/state/pane-model';

/** A small deterministic generator, so a failure names the same names again. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const PIECES = ['a', 'A', 'b', 'B', 'z', 'Z', 'aa', 'ch', 'Ch', 'dz', 'ß', 'é', 'É', 'ı', 'İ', 'i', 'I', '0', '00', '1', '01', '9', '10', '007', '42', '-', '_', '.', ' ', '~', '(', '#', '$', 'ä', 'å', 'ø', 'ö', 'ü', '中', '日本', '한', '\u0301', 'ﬁ', '١٢'];

const ASCII_PIECES = PIECES.filter((p) => /^[\x20-\x7e]+$/.test(p));

/** Names made of pieces that sort specially in some locale (digits, contractions, accents, non-Latin scripts); every other one plain ASCII. */
function names(count: number, seed: number): string[] {
  const next = random(seed);
  return Array.from({ length: count }, (_, n) => {
    const pieces = n % 2 ? PIECES : ASCII_PIECES;
    const parts = 1 + Math.floor(next() * 6);
    let name = '';
    for (let i = 0; i < parts; i++) name += pieces[Math.floor(next() * pieces.length)];
    return name;
  });
}

const LOCALES = ['en-US', 'de', 'da', 'nb', 'sv', 'fi', 'cs', 'sk', 'hu', 'hr', 'cy', 'lt', 'et', 'tr', 'pl', 'es', 'fr', 'ja', 'zh', 'ko', 'th', 'ar', 'ru'];

test('names compare exactly as the collator does in every locale (ties, digits by value, contractions, non-ASCII)', () => {
  const sample = names(600, 16);
  for (const locale of LOCALES) {
    const collator = new Intl.Collator(locale, { numeric: true, sensitivity: 'base' });
    const order = nameOrder(locale);
    for (let i = 0; i < sample.length; i++) {
      for (let j = i; j < Math.min(sample.length, i + 40); j++) {
        const a = sample[i]!;
        const b = sample[j]!;
        assert.equal(Math.sign(order.compare(a, b)), Math.sign(collator.compare(a, b)), `${locale}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`);
      }
    }
    // A full sort of the same names: the same order as the collator's, ties kept in place (both sorts are stable).
    assert.deepEqual([...sample].sort(order.compare), [...sample].sort(collator.compare), locale);
  }
});

test('keys are used where ASCII sorts letter by letter, and not where letters pair up or punctuation is ignored', () => {
  assert.equal(nameOrder('en-US').usesKeys, true);
  assert.equal(nameOrder('de').usesKeys, true);
  // Danish "aa" sorts as "å" after "z"; Czech "ch" after "h"; Thai ignores punctuation.
  for (const locale of ['da', 'cs', 'th']) assert.equal(nameOrder(locale).usesKeys, false, locale);
  const danish = nameOrder('da');
  assert.ok(danish.compare('aab', 'zz') > 0);
});

test('numbers in names compare by value, leading zeros ignored, case ignored', () => {
  const order = nameOrder('en-US');
  assert.ok(order.compare('file9.txt', 'file10.txt') < 0);
  assert.equal(order.compare('file007', 'FILE7'), 0);
  assert.ok(order.compare('a', 'a0') < 0);
  assert.ok(order.compare('entry-1', 'entry_1') > 0);
  const long = `n${'9'.repeat(60)}`;
  assert.equal(order.keyOf(long), null);
  assert.equal(Math.sign(order.compare(long, 'n1')), 1);
  assert.equal(order.keyOf('café'), null);
});

function entry(name: string, type: PaneEntry['type'] = 'file', size = 0): PaneEntry {
  return { name, type, size, modifiedAt: null, permissions: null, owner: null, group: null, linkTarget: null };
}

test('a pane sorts by name as the collator orders names, folders first, in both directions and as a tie-breaker', () => {
  const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });
  const list = names(3000, 7).map((name, i) => entry(name, i % 11 === 0 ? 'directory' : 'file', i % 3));
  const view = (key: 'name' | 'size', direction: 'asc' | 'desc'): PaneView => ({ sort: { key, direction }, filter: '', showHidden: true });
  const byCollator = (sign: number, withSize: boolean) => (a: PaneEntry, b: PaneEntry) => {
    const folderA = a.type === 'directory';
    if (folderA !== (b.type === 'directory')) return folderA ? -1 : 1;
    return sign * ((withSize ? a.size - b.size : 0) || collator.compare(a.name, b.name));
  };
  assert.deepEqual(visibleEntries(list, view('name', 'asc')), [...list].sort(byCollator(1, false)));
  assert.deepEqual(visibleEntries(list, view('name', 'desc')), [...list].sort(byCollator(-1, false)));
  assert.deepEqual(visibleEntries(list, view('size', 'asc')), [...list].sort(byCollator(1, true)));
});
