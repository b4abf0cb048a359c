/**
 * The folder compare's explanations and the sync plan's reasons, warnings, conflicts and notes (main/sync/
 * compare.ts, plan.ts) follow the chosen language: every kind of entry and every note, compared and planned in
 * German and Japanese, comes out with no English word left, and the sizes inside in that language's numbers;
 * so do the run's notes on what it did not do (a dry run, a copy gone or changed since the preview).
 */
import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { setUiLocale } from '../../common/i18n/t';
import type { SyncPlan } from '../../common/models/sync';
import { compareTrees, type TreeEntry } from '../../main/sync/compare';
import { planSync } from '../../main/sync/plan';
import { runSyncPlan } from '../../main/sync/run';
import { compareOf, dir, file, sha, T } from '../sync/tree-fixtures';

const HOUR = 3600_000;
const MiB = 1024 * 1024;

/** One entry of every kind the compare tells apart, each on its own path. */
const LOCAL: TreeEntry[] = [
  file('only-here.bin', 1.5 * MiB, T),
  dir('only-here-folder'),
  dir('folder-here-file-there'),
  file('file-here-folder-there', 3, T),
  dir('both'),
  file('both/sizes', 5, T),
  file('both/sizes-newer-here', 5, T + HOUR),
  file('hash-same', 4, T, { hash: sha('aa') }),
  file('hash-same-newer-there', 4, T, { hash: sha('bb') }),
  file('hash-differs', 4, T, { hash: sha('cc') }),
  file('hash-differs-newer-here', 4, T + HOUR, { hash: sha('dd') }),
  file('newer-there', 4, T),
  file('same', 4, T),
  dir('deleted-there'),
  dir('deleted-there-new-inside'),
  file('deleted-there-new-inside/new.txt', 1, T),
];
const REMOTE: TreeEntry[] = [
  file('only-there.bin', 2048, T),
  dir('only-there-folder'),
  file('folder-here-file-there', 3, T),
  dir('file-here-folder-there'),
  dir('both'),
  file('both/sizes', 7, null),
  file('both/sizes-newer-here', 7, T),
  file('hash-same', 4, T, { hash: sha('AA') }),
  file('hash-same-newer-there', 4, T + HOUR, { hash: sha('bb') }),
  file('hash-differs', 4, T, { hash: sha('ce') }),
  file('hash-differs-newer-here', 4, T, { hash: sha('de') }),
  // Two hours ahead, to the minute: the plan suspects the server's timezone.
  file('newer-there', 4, T + 2 * HOUR),
  file('same', 4, T),
];

function planTexts(plan: SyncPlan): string[] {
  return [
    ...plan.actions.flatMap((a) => [a.reason, ...(a.warning ? [a.warning] : [])]),
    ...plan.conflicts.map((c) => c.reason),
    ...plan.notes,
  ];
}

/** Every text of the compare (by time, then by size only) and of the plans that reach each sentence. */
function allTexts(): Map<string, string> {
  const texts = new Map<string, string>();
  const entries = compareTrees(LOCAL, REMOTE);
  for (const e of entries) texts.set(`compare ${e.relativePath}`, e.explanation);
  texts.set('compare size only', compareTrees([file('s', 4, T)], [file('s', 4, T + HOUR)], { sizeOnly: true })[0]?.explanation ?? '');
  const compare = compareOf(entries, 'x');
  const baseline = new Set(['deleted-there', 'deleted-there-new-inside', 'both/sizes']);
  const plans: [string, SyncPlan][] = [
    ['up', planSync(compare, { direction: 'up' })],
    ['up+delete', planSync(compare, { direction: 'up', delete: true })],
    ['down+delete', planSync(compare, { direction: 'down', delete: true })],
    ['down', planSync(compare, { direction: 'down' })],
    ['mirror+delete', planSync(compare, { direction: 'mirror', delete: true, baseline })],
    ['mirror first', planSync(compare, { direction: 'mirror', delete: true, baseline: null })],
    ['up, local side newer', planSync(compareOf(compareTrees([file('a', 1, T)], [file('a', 2, T + HOUR)]), 'x'), { direction: 'down' })],
  ];
  for (const [name, plan] of plans) planTexts(plan).forEach((text, i) => texts.set(`${name} ${i}`, text));
  return texts;
}

const ENGLISH_WORDS = /\b(here|there|only|server's|on the|newer|older|differ|same|size|sizes|folder|file|content|contents|deleted|entry|entries|kept|copy|times|sync|overwrite|ticked|skipped|minutes)\b/i;

describe('compare and sync plan texts in the chosen language', () => {
  afterEach(() => setUiLocale('en'));

  it('reaches every sentence in English, worded as before', () => {
    setUiLocale('en');
    const texts = [...allTexts().values()];
    const expected = [
      'Only here (file, 1.5 MiB).',
      'Only on the server (folder).',
      'A folder here, a file on the server.',
      'A file here, a folder on the server.',
      'Folder on both sides; its contents differ.',
      'Sizes differ: 5 B here, 7 B on the server.',
      'Sizes differ: 5 B here, 7 B on the server; newer here.',
      'Same content (SHA-256).',
      'Same content (SHA-256) (times differ: newer on the server).',
      'Contents differ (SHA-256).',
      'Contents differ (SHA-256); newer here.',
      'Newer on the server.',
      'Same size and time.',
      'Same size.',
      'Only here.',
      'Only on the server: not here.',
      'Deleted on the server since the last sync.',
      'Deleted on the server since the last sync, but 1 new entry inside it here.',
      'Sizes differ: 5 B here, 7 B on the server. The times do not say which copy is newer.',
      'The copy on the server is newer: overwriting it loses its changes.',
      'The copy here is newer: overwriting it loses its changes.',
      '2 entries are only on the server and kept: deletion was not chosen.',
      '5 entries are only here and kept: deletion was not chosen.',
      '1 overwrite is not ticked: the copy that would be replaced is newer.',
      "Every file that differs only in time is 120 minutes newer on the server: the server probably lists its local time. Set the site's timezone offset to 120 minutes (wharf: --timezone-offset=120) and compare again, or compare by size only.",
      '1 entry was skipped (see the list).',
    ];
    for (const sentence of expected) assert.ok(texts.includes(sentence), `missing: ${sentence}\n${texts.join('\n')}`);
    assert.ok(texts.some((text) => text.startsWith('There is no record of an earlier sync')));
  });

  for (const locale of ['de', 'ja'] as const) {
    it(`says all of it in ${locale}, with no English word left`, () => {
      setUiLocale('en');
      const english = allTexts();
      setUiLocale(locale);
      const translated = allTexts();
      assert.deepEqual([...translated.keys()], [...english.keys()]);
      for (const [key, text] of translated) {
        assert.notEqual(text, english.get(key), `${key} is still English: ${text}`);
        assert.doesNotMatch(text, ENGLISH_WORDS, `${key}: ${text}`);
      }
      const onlyHere = translated.get('compare only-here.bin') ?? '';
      if (locale === 'de') assert.equal(onlyHere, 'Nur lokal (Datei, 1,5 MiB).');
      else assert.equal(onlyHere, 'ローカルのみ (ファイル、1.5 MiB)。');
      // The option in the timezone note stays as typed, whatever the language.
      assert.ok([...translated.values()].some((text) => text.includes('--timezone-offset=120)')));
    });
  }
});

describe("the run's notes in the chosen language", () => {
  afterEach(() => setUiLocale('en'));
  const noQueue = {
    enqueue: () => assert.fail('nothing may be queued'),
    getSnapshot: () => assert.fail('nothing may be queued'),
    subscribe: () => assert.fail('nothing may be queued'),
    controls: { cancel: () => assert.fail('nothing may be queued') },
  };
  // The server's copy has changed size since the preview; the local folder /l does not exist (already gone).
  const session = { size: async () => 1, remove: () => assert.fail('a changed copy is not deleted') };

  async function notes(): Promise<string[]> {
    const compare = compareOf(compareTrees(LOCAL, REMOTE), 'x');
    const up = planSync(compare, { direction: 'up', delete: true });
    const down = planSync(compare, { direction: 'down', delete: true });
    const deleteThere = up.actions.filter((a) => a.operation === 'delete' && a.kind === 'file').map((a) => a.id);
    const deleteHere = down.actions.filter((a) => a.operation === 'delete' && a.kind === 'file').map((a) => a.id);
    const runs = [
      await runSyncPlan(up, { queue: noQueue, siteKey: 'x', session, actionIds: deleteThere }),
      await runSyncPlan(down, { queue: noQueue, siteKey: 'x', session, actionIds: deleteHere }),
      await runSyncPlan(up, { queue: noQueue, siteKey: 'x', session, actionIds: deleteThere, dryRun: true }),
    ];
    return runs.flatMap((run) => run.results.map((r) => r.note ?? ''));
  }

  it('English as before, German and Japanese with no English word left', async () => {
    setUiLocale('en');
    assert.deepEqual([...new Set(await notes())], ['Changed on the server since the preview (1 byte, was 2,048): not deleted.', 'Already gone from this computer.', 'Dry run: not carried out.']);
    for (const locale of ['de', 'ja'] as const) {
      setUiLocale(locale);
      const translated = [...new Set(await notes())];
      assert.equal(translated.length, 3);
      for (const note of translated) assert.doesNotMatch(note, /\b(here|preview|bytes|was|deleted|gone|dry|run|carried)\b/i, note);
    }
  });
});
