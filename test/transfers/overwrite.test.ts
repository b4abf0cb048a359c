import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FileFacts, OverwritePolicy } from '../../common/models/transfer';
import { decideOverwrite, findFreeName, numberedName, renamedTarget, type OverwriteAction } from '../../main/transfers/overwrite';

const older = '2024-01-01T10:00:00.000Z';
const newer = '2024-06-01T10:00:00.000Z';

const cases: [string, OverwritePolicy, FileFacts, FileFacts, OverwriteAction][] = [
  ['ask asks', 'ask', { size: 1, modifiedAt: null }, { size: 1, modifiedAt: null }, 'ask'],
  ['overwrite overwrites', 'overwrite', { size: 1, modifiedAt: older }, { size: 9, modifiedAt: newer }, 'overwrite'],
  ['skip skips', 'skip', { size: 1, modifiedAt: null }, { size: 2, modifiedAt: null }, 'skip'],
  ['rename renames', 'rename', { size: 1, modifiedAt: null }, { size: 2, modifiedAt: null }, 'rename'],
  ['if-newer overwrites an older target', 'overwrite-if-newer', { size: 1, modifiedAt: newer }, { size: 1, modifiedAt: older }, 'overwrite'],
  ['if-newer skips a newer target', 'overwrite-if-newer', { size: 1, modifiedAt: older }, { size: 1, modifiedAt: newer }, 'skip'],
  ['if-newer treats times within a second as equal', 'overwrite-if-newer', { size: 1, modifiedAt: '2024-01-01T10:00:00.900Z' }, { size: 1, modifiedAt: older }, 'skip'],
  ['if-newer skips when a time is unknown', 'overwrite-if-newer', { size: 1, modifiedAt: null }, { size: 1, modifiedAt: older }, 'skip'],
  ['if-size-differs overwrites a different size', 'overwrite-if-size-differs', { size: 10, modifiedAt: null }, { size: 9, modifiedAt: null }, 'overwrite'],
  ['if-size-differs skips the same size', 'overwrite-if-size-differs', { size: 10, modifiedAt: null }, { size: 10, modifiedAt: null }, 'skip'],
  ['if-size-differs overwrites when a size is unknown', 'overwrite-if-size-differs', { size: null, modifiedAt: null }, { size: 10, modifiedAt: null }, 'overwrite'],
  ['resume continues a shorter target', 'resume', { size: 10, modifiedAt: null }, { size: 4, modifiedAt: null }, 'resume'],
  ['resume skips a complete target', 'resume', { size: 10, modifiedAt: null }, { size: 10, modifiedAt: null }, 'skip'],
  ['resume starts over on a larger target', 'resume', { size: 10, modifiedAt: null }, { size: 11, modifiedAt: null }, 'overwrite'],
];

for (const [name, policy, source, target, expected] of cases) {
  test(`overwrite policy: ${name}`, () => {
    assert.equal(decideOverwrite(policy, source, target).action, expected);
  });
}

test('numbers names like desktop file managers: before the extension, dot files and double extensions kept', () => {
  assert.equal(numberedName('report.pdf', 1), 'report (1).pdf');
  assert.equal(numberedName('report', 2), 'report (2)');
  assert.equal(numberedName('.env', 1), '.env (1)');
  assert.equal(numberedName('site.tar.gz', 3), 'site (3).tar.gz');
  assert.equal(numberedName('a.b.c', 1), 'a.b (1).c');
});

test('finds the first free numbered name in the same folder', async () => {
  const taken = new Set(['/up/a.txt', '/up/a (1).txt', '/up/a (2).txt']);
  assert.equal(await findFreeName('/up/a.txt', async (p) => taken.has(p)), '/up/a (3).txt');
  assert.equal(await findFreeName('C:\\dl\\a.txt', async () => false, '\\'), 'C:\\dl\\a (1).txt');
  await assert.rejects(findFreeName('/x', async () => true, '/', 3), /no free name/);
});

test('a rename answer writes under the typed name beside the target, numbered only if that is taken too', async () => {
  const taken = new Set(['/up/a.txt', '/up/mine.txt']);
  const exists = async (p: string) => taken.has(p);
  assert.equal(await renamedTarget('/up/a.txt', 'b.txt', exists), '/up/b.txt');
  assert.equal(await renamedTarget('/up/a.txt', 'mine.txt', exists), '/up/mine (1).txt');
  assert.equal(await renamedTarget('/up/a.txt', null, exists), '/up/a (1).txt');
  assert.equal(await renamedTarget('C:\\dl\\a.txt', 'b.txt', async () => false, '\\'), 'C:\\dl\\b.txt');
});
