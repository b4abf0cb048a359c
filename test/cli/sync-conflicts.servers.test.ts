/**
 * Every kind of change `wharf sync` leaves for a person to decide, run as a script runs it (the real launcher,
 * against proftpd, whose MLSD times are exact): each is listed with its reason, the rest of the sync is done,
 * the copy in question is left as it was on both sides, and the exit code is 10, so a script never reads 0
 * while the folders are not in step; a dry run ends with the same code. A file here where the server has a folder is
 * test/cli/folder-over-file.servers.test.ts.
 */
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { ServerInfo } from '../servers/fleet';
import { T, freshPair, localFile, remoteFile, writeLocal, writeRemote } from '../sync/support';
import { cliWorkspace, runWharf, serverUrl } from './support';

const { fleet, work, caFile } = await cliWorkspace('wharf-cli-sync-conflicts');
const server: ServerInfo = fleet.servers['proftpd-explicit'];
let counter = 0;

/** `wharf sync LOCAL URL --direction DIRECTION ...`, with a data folder of the test's own (its sync baselines). */
function sync(local: string, base: string, direction: 'up' | 'down' | 'mirror', extra: readonly string[], dataDir: string) {
  return runWharf(['sync', local, serverUrl(server, `/${base}`), '--direction', direction, '--ca', caFile, ...extra], {
    WHARF_PASSWORD: server.password,
    WHARF_DATA_DIR: dataDir,
  });
}

const dataDir = () => join(work, `data-${++counter}`);
/** The lines under "Conflicts (left alone):", up to the next heading or summary. */
function conflictLines(stdout: string): string[] {
  const lines = stdout.split('\n');
  const start = lines.indexOf('Conflicts (left alone):');
  if (start < 0) return [];
  const rest = lines.slice(start + 1);
  const end = rest.findIndex((line) => !line.startsWith('  '));
  return end < 0 ? rest : rest.slice(0, end);
}

describe('wharf sync ends with 10 for every change it leaves undone', () => {
  test('a folder here where the server has a file (up): listed, both left as they were, the rest uploaded, exit 10', async () => {
    const { local, base } = await freshPair(server, 'folder-over-file');
    writeLocal(local, 'report/page.txt', 'a page of mine');
    writeLocal(local, 'other.txt', 'other');
    writeRemote(server, base, 'report', 'a file on the server');
    const run = await sync(local, base, 'up', ['--delete'], dataDir());
    assert.deepEqual(conflictLines(run.stdout), ['  report: A folder here, a file on the server.'], run.stdout);
    assert.equal(run.code, 10, `${run.stdout}${run.stderr}`);
    assert.equal(remoteFile(server, base, 'report'), 'a file on the server', 'not deleted, even with --delete');
    assert.equal(localFile(local, 'report/page.txt'), 'a page of mine');
    assert.equal(remoteFile(server, base, 'other.txt'), 'other', 'the rest is done');
  });

  test('both copies changed and their times are equal (mirror): listed with both sizes, neither copied, exit 10', async () => {
    const { local, base } = await freshPair(server, 'both-changed');
    writeLocal(local, 'notes.txt', 'my longer version', T);
    writeRemote(server, base, 'notes.txt', 'theirs', T);
    writeLocal(local, 'new-here.txt', 'new');
    const run = await sync(local, base, 'mirror', [], dataDir());
    assert.deepEqual(conflictLines(run.stdout), ['  notes.txt: Sizes differ: 17 B here, 6 B on the server. The times do not say which copy is newer.'], run.stdout);
    assert.equal(run.code, 10, `${run.stdout}${run.stderr}`);
    assert.equal(localFile(local, 'notes.txt'), 'my longer version');
    assert.equal(remoteFile(server, base, 'notes.txt'), 'theirs');
    assert.equal(remoteFile(server, base, 'new-here.txt'), 'new', 'the rest is done');
  });

  test('sizes that differ when only sizes count (mirror --size-only): listed, neither copied, exit 10', async () => {
    const { local, base } = await freshPair(server, 'size-only');
    writeLocal(local, 'data.csv', '1,2,3\n', T + 3600_000);
    writeRemote(server, base, 'data.csv', '1,2\n', T);
    const run = await sync(local, base, 'mirror', ['--size-only'], dataDir());
    assert.deepEqual(conflictLines(run.stdout), ['  data.csv: Sizes differ: 6 B here, 4 B on the server. The times do not say which copy is newer.'], run.stdout);
    assert.equal(run.code, 10, `${run.stdout}${run.stderr}`);
    assert.doesNotMatch(run.stdout, /the folders match/, 'they do not');
    assert.equal(remoteFile(server, base, 'data.csv'), '1,2\n');
    assert.equal(localFile(local, 'data.csv'), '1,2,3\n');
  });

  test('a folder deleted on the server since the last sync, with a new file inside it here (mirror --delete): kept, exit 10', async () => {
    const { local, base } = await freshPair(server, 'deleted-there');
    const data = dataDir();
    writeLocal(local, 'docs/a.txt', 'a');
    const first = await sync(local, base, 'mirror', ['--delete'], data);
    assert.equal(first.code, 0, `${first.stdout}${first.stderr}`);
    assert.equal(remoteFile(server, base, 'docs/a.txt'), 'a');

    rmSync(join(server.root, base, 'docs'), { recursive: true });
    writeLocal(local, 'docs/b.txt', 'written since');
    const second = await sync(local, base, 'mirror', ['--delete'], data);
    assert.deepEqual(conflictLines(second.stdout), ['  docs: Deleted on the server since the last sync, but 1 new entry inside it here.'], second.stdout);
    assert.equal(second.code, 10, `${second.stdout}${second.stderr}`);
    assert.equal(localFile(local, 'docs/b.txt'), 'written since', 'the new file is not deleted');
    assert.equal(localFile(local, 'docs/a.txt'), 'a');
    assert.equal(remoteFile(server, base, 'docs/b.txt'), null, 'nor copied back into a folder the server deleted');
  });

  test('a folder deleted here since the last sync, with a new file inside it on the server (mirror --delete): kept, exit 10', async () => {
    const { local, base } = await freshPair(server, 'deleted-here');
    const data = dataDir();
    writeRemote(server, base, 'photos/1.jpg', 'one');
    const first = await sync(local, base, 'mirror', ['--delete'], data);
    assert.equal(first.code, 0, `${first.stdout}${first.stderr}`);
    assert.equal(localFile(local, 'photos/1.jpg'), 'one');

    rmSync(join(local, 'photos'), { recursive: true });
    writeRemote(server, base, 'photos/2.jpg', 'two');
    const second = await sync(local, base, 'mirror', ['--delete'], data);
    assert.deepEqual(conflictLines(second.stdout), ['  photos: Deleted here since the last sync, but 1 new entry inside it on the server.'], second.stdout);
    assert.equal(second.code, 10, `${second.stdout}${second.stderr}`);
    assert.equal(remoteFile(server, base, 'photos/2.jpg'), 'two', 'the new file is not deleted');
    assert.equal(remoteFile(server, base, 'photos/1.jpg'), 'one');
  });

  test('a newer copy here that a download would overwrite (down): not ticked, kept, exit 10; --overwrite-newer does it, exit 0', async () => {
    const { local, base } = await freshPair(server, 'newer-here');
    writeLocal(local, 'plan.txt', 'edited here later', T + 3600_000);
    writeRemote(server, base, 'plan.txt', 'the server copy', T);
    writeRemote(server, base, 'fresh.txt', 'fresh');
    const run = await sync(local, base, 'down', [], dataDir());
    assert.match(run.stdout, /^ {2}\[ \] overwrite .* plan\.txt .*\(The copy here is newer: overwriting it loses its changes\.\)$/m, run.stdout);
    assert.match(run.stdout, /1 overwrite is not ticked: the copy that would be replaced is newer\./, run.stdout);
    assert.equal(run.code, 10, `the folders are not in step: ${run.stdout}${run.stderr}`);
    assert.equal(localFile(local, 'plan.txt'), 'edited here later');
    assert.equal(localFile(local, 'fresh.txt'), 'fresh', 'the rest is done');

    const forced = await sync(local, base, 'down', ['--overwrite-newer'], dataDir());
    assert.equal(forced.code, 0, `${forced.stdout}${forced.stderr}`);
    assert.equal(readFileSync(join(local, 'plan.txt'), 'utf8'), 'the server copy');
  });

  test('--dry-run ends as the real run would: 10 for a conflict or an unticked overwrite, 0 with --overwrite-newer; nothing changed', async () => {
    const { local, base } = await freshPair(server, 'dry-run');
    writeLocal(local, 'notes.txt', 'my longer version', T);
    writeRemote(server, base, 'notes.txt', 'theirs', T);
    const conflict = await sync(local, base, 'mirror', ['--dry-run'], dataDir());
    assert.deepEqual(conflictLines(conflict.stdout), ['  notes.txt: Sizes differ: 17 B here, 6 B on the server. The times do not say which copy is newer.'], conflict.stdout);
    assert.equal(conflict.code, 10, `a script checking the plan must see what the run would leave: ${conflict.stdout}${conflict.stderr}`);

    rmSync(join(local, 'notes.txt'));
    writeLocal(local, 'plan.txt', 'edited here later', T + 3600_000);
    writeRemote(server, base, 'plan.txt', 'the server copy', T);
    const unticked = await sync(local, base, 'down', ['--dry-run'], dataDir());
    assert.match(unticked.stdout, /^ {2}\[ \] overwrite .* plan\.txt /m, unticked.stdout);
    assert.equal(unticked.code, 10, `${unticked.stdout}${unticked.stderr}`);
    const forced = await sync(local, base, 'down', ['--dry-run', '--overwrite-newer'], dataDir());
    assert.equal(forced.code, 0, `${forced.stdout}${forced.stderr}`);

    assert.equal(localFile(local, 'plan.txt'), 'edited here later', 'a dry run changes nothing');
    assert.equal(localFile(local, 'notes.txt'), null, 'nor downloads anything');
    assert.equal(remoteFile(server, base, 'notes.txt'), 'theirs');
  });

  test('a newer copy on the server that an upload would overwrite (up): not ticked, kept, exit 10', async () => {
    const { local, base } = await freshPair(server, 'newer-there');
    writeLocal(local, 'plan.txt', 'older here', T);
    writeRemote(server, base, 'plan.txt', 'edited on the server later', T + 3600_000);
    mkdirSync(join(local, 'empty'));
    const run = await sync(local, base, 'up', [], dataDir());
    assert.match(run.stdout, /^ {2}\[ \] overwrite .* plan\.txt .*\(The copy on the server is newer: overwriting it loses its changes\.\)$/m, run.stdout);
    assert.equal(run.code, 10, `${run.stdout}${run.stderr}`);
    assert.equal(remoteFile(server, base, 'plan.txt'), 'edited on the server later');
    assert.ok(statSync(join(server.root, base, 'empty')).isDirectory(), 'the rest is done');
  });
});
