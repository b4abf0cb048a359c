/**
 * The command line's sizes (main/core/bytes.ts `formatBytes`, used by the progress line, `get`'s and
 * `sync`'s reports and the sync's explanations) in the terminal's language: the same formatter as the window's (common/i18n/byte-size.ts),
 * with IEC's unit names. German writes a decimal comma.
 */
import assert from 'node:assert/strict';
import { afterEach, describe, test } from 'node:test';
import { setUiLocale } from '../../common/i18n/t';
import { formatSyncPlan } from '../../main/cli/commands/sync';
import { formatBytes } from '../../main/core/bytes';
import type { SyncPlan } from '../../common/models/sync';

afterEach(() => setUiLocale('en'));

const MiB = 1024 * 1024;

describe('the command line writes sizes in the terminal language', () => {
  test('English: a decimal point, IEC units', () => {
    setUiLocale('en');
    assert.deepEqual([0, 999, 1536, 1.5 * MiB, 12.3 * MiB, 3 * 1024 * MiB].map(formatBytes), ['0 B', '999 B', '1.5 KiB', '1.5 MiB', '12 MiB', '3.0 GiB']);
  });

  test('German: a decimal comma', () => {
    setUiLocale('de-DE');
    assert.deepEqual([999, 1536, 1.5 * MiB, 12.3 * MiB].map(formatBytes), ['999 B', '1,5 KiB', '1,5 MiB', '12 MiB']);
  });

  test('Japanese: a decimal point, the same units', () => {
    setUiLocale('ja');
    assert.deepEqual([999, 1.5 * MiB].map(formatBytes), ['999 B', '1.5 MiB']);
  });

  test("sync's plan in German: the sizes of its lines and totals with a decimal comma", () => {
    setUiLocale('de');
    const plan = {
      direction: 'up', localRoot: '/home/ann/site', remoteRoot: '/www', deleteEnabled: false,
      actions: [{ id: 'a1', operation: 'copy', target: 'remote', kind: 'file', relativePath: 'big.bin', size: 1.5 * MiB, reason: 'neu' }],
      conflicts: [], skipped: [], notes: [],
      summary: { copy: 1, overwrite: 0, delete: 0, bytesUp: 1.5 * MiB, bytesDown: 0 },
    } as unknown as SyncPlan;
    const text = formatSyncPlan(plan, new Set(['a1']));
    assert.match(text, /big\.bin \(1,5 MiB\)/);
    assert.match(text, / 1,5 MiB hoch, 0 B herunter\./);
    assert.doesNotMatch(text, /1\.5/);
  });
});
