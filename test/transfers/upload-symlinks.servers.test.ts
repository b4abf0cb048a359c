/**
 * Uploading a folder never follows a symbolic link out of it (issue #13, "no symlink crossings", the upload
 * side), against a real vsftpd: a link to a file or a folder outside the chosen folder, and a dangling one,
 * are each left out with a reason; the honest files (and a link to a file inside the folder) are uploaded.
 * Through the services main runs (queueEnqueue), through `wharf put -r`, and through `wharf sync --direction up`.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { WharfServices } from '../../main/services/wharf-services';
import { cliWorkspace, runWharf, serverUrl } from '../cli/support';
import { fleetServices, value } from '../services/support';

const { fleet, work, caFile } = await cliWorkspace('wharf-upload-links');
const server = fleet.servers['vsftpd-explicit'];
const SECRET = `secret ${randomBytes(8).toString('hex')}`;

/** What the upload should carry: the honest files, and a link to a file inside the folder (as that file). */
const UPLOADED = ['honest.txt', 'inner-link.txt', 'sub/deeper.txt'];
/** Links leading out of the folder, or nowhere. */
const REFUSED = ['out-file.txt', 'out-folder', 'sub/out-file-below.txt', 'dangling.txt'];

/**
 * A folder to upload beside files it must not reach: `outside/` holds the secrets. Links point at the
 * secret file, the secret folder and a missing file; one link points at a file inside the folder.
 */
function folderWithLinks(): string {
  const base = join(work, `case-${randomBytes(4).toString('hex')}`);
  const outside = join(base, 'outside');
  mkdirSync(join(outside, 'private'), { recursive: true });
  writeFileSync(join(outside, 'secret.txt'), SECRET);
  writeFileSync(join(outside, 'private', 'key.txt'), SECRET);
  const chosen = join(base, 'chosen');
  mkdirSync(join(chosen, 'sub'), { recursive: true });
  writeFileSync(join(chosen, 'honest.txt'), 'honest');
  writeFileSync(join(chosen, 'sub', 'deeper.txt'), 'deeper');
  symlinkSync('honest.txt', join(chosen, 'inner-link.txt'));
  symlinkSync(join(outside, 'secret.txt'), join(chosen, 'out-file.txt'));
  symlinkSync(join(outside, 'private'), join(chosen, 'out-folder'));
  symlinkSync('../../outside/secret.txt', join(chosen, 'sub', 'out-file-below.txt'));
  symlinkSync(join(base, 'missing.txt'), join(chosen, 'dangling.txt'));
  return chosen;
}

/** Every file under a folder on the server, as relative paths. */
function remoteFiles(remoteFolder: string): string[] {
  const onDisk = join(server.root, remoteFolder);
  if (!existsSync(onDisk)) return [];
  return readdirSync(onDisk, { recursive: true, withFileTypes: true })
    .filter((entry) => !entry.isDirectory())
    .map((entry) => relative(onDisk, join(entry.parentPath, entry.name)))
    .sort();
}

/** No file on the server holds the secret. */
function assertNoSecretOnServer(remoteFolder: string): void {
  for (const file of remoteFiles(remoteFolder)) assert.notEqual(readFileSync(join(server.root, remoteFolder, file), 'utf8'), SECRET, `${file} holds a file from outside the folder`);
}

describe('through the services (queueEnqueue of a folder)', () => {
  let services: WharfServices;
  before(async () => {
    services = await fleetServices({ dataDir: join(work, 'app-data'), home: work, caPem: fleet.caCertPem });
  });
  after(async () => {
    await services?.dispose();
  });

  test('links leading out are left out, each with its reason; the rest is uploaded', async () => {
    const chosen = folderWithLinks();
    const remote = `/upload-links-${randomBytes(4).toString('hex')}`;
    const connected = value(await services.api.remoteConnect({ kind: 'quick', host: server.host, port: server.port, mode: 'explicit', user: server.user, password: server.password }));
    const settled = new Promise<void>((resolve) => {
      const off = services.events.subscribe((name) => {
        if (name !== 'queueUpdate') return;
        const items = services.queue.snapshot().items;
        if (items.length === UPLOADED.length && items.every((i) => i.state === 'done' || i.state === 'failed' || i.state === 'skipped')) {
          off();
          resolve();
        }
      });
    });
    const enqueued = value(await services.api.queueEnqueue({ sessionId: connected.sessionId, transfers: [{ direction: 'upload', localPath: chosen, remotePath: remote, kind: 'directory' }] }));
    assert.equal(enqueued.added, UPLOADED.length);
    const reasons = new Map(enqueued.skipped.map((s) => [relative(chosen, s.path), s.reason]));
    assert.deepEqual([...reasons.keys()].sort(), [...REFUSED].sort());
    assert.match(reasons.get('out-file.txt') ?? '', /a symbolic link to .*outside\/secret\.txt, outside the folder being uploaded \(not followed\)/);
    assert.match(reasons.get('out-folder') ?? '', /a symbolic link to .*outside\/private, outside the folder being uploaded/);
    assert.match(reasons.get('sub/out-file-below.txt') ?? '', /outside the folder being uploaded/);
    assert.match(reasons.get('dangling.txt') ?? '', /a symbolic link to nowhere/);
    await settled;
    assert.deepEqual(services.queue.snapshot().items.filter((i) => i.state !== 'done'), []);
    assert.deepEqual(remoteFiles(remote), UPLOADED);
    assert.equal(readFileSync(join(server.root, remote, 'inner-link.txt'), 'utf8'), 'honest', 'a link inside the folder is uploaded as its file');
    assertNoSecretOnServer(remote);
  });
});

describe('on the command line', () => {
  const env = { WHARF_PASSWORD: server.password, WHARF_DATA_DIR: join(work, 'cli-data') };

  test('put -r leaves the links out, saying why, and uploads the rest', async () => {
    const chosen = folderWithLinks();
    const remote = `/put-links-${randomBytes(4).toString('hex')}`;
    const run = await runWharf(['put', '-r', chosen, serverUrl(server, remote), '--ca', caFile], env);
    assert.equal(run.code, 0, run.stderr);
    for (const name of REFUSED) assert.ok(run.stderr.includes(`skipped ${join(chosen, name)}: a symbolic link to`), `${name} is reported: ${run.stderr}`);
    assert.match(run.stderr, /uploaded 3 of 3 files/);
    assert.deepEqual(remoteFiles(remote), UPLOADED);
    assertNoSecretOnServer(remote);
  });

  test('sync --direction up leaves them out of the plan, saying why', async () => {
    const chosen = folderWithLinks();
    const remote = `/sync-links-${randomBytes(4).toString('hex')}`;
    const run = await runWharf(['sync', chosen, serverUrl(server, remote), '--direction', 'up', '--ca', caFile], env);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /here: out-file\.txt: a symbolic link to .*outside\/secret\.txt, outside the folder \(not followed\)/);
    assert.match(run.stdout, /here: out-folder: a symbolic link to .*outside\/private, outside the folder/);
    assert.match(run.stdout, /here: sub\/out-file-below\.txt: a symbolic link to .*outside the folder/);
    assert.deepEqual(remoteFiles(remote), UPLOADED);
    assertNoSecretOnServer(remote);
  });
});
