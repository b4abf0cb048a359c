/**
 * Uploading a folder never follows a symbolic link out of it (issue #13, "no symlink crossings", the upload
 * side), against a real vsftpd: a link to a file or a folder outside the chosen folder, and a dangling one,
 * are each left out with a reason; the honest files (and a link to a file inside the folder) are uploaded.
 * Through the services main runs (queueEnqueue), through `wharf put -r`, and through `wharf sync --direction up`.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { WharfServices } from '../../main/services/wharf-services';
import { cliWorkspace, runWharf, serverUrl } from '../cli/support';
import { fleetServices, value } from '../services/support';
import { filesUnder, folderWithLinks, type LinkedFolder } from '../hostile/link-figures';

const { fleet, work, caFile } = await cliWorkspace('wharf-upload-links');
const server = fleet.servers['vsftpd-explicit'];

/** A folder with links under a fresh case folder; what it holds is described in folderWithLinks. */
function newCase(): LinkedFolder {
  const base = join(work, `case-${randomBytes(4).toString('hex')}`);
  mkdirSync(base);
  return folderWithLinks(base);
}

/** Every file under a folder on the server, as relative paths. */
function remoteFiles(remoteFolder: string): string[] {
  return filesUnder(join(server.root, remoteFolder));
}

/** No file on the server holds the secret. */
function assertNoSecretOnServer(remoteFolder: string, secret: string): void {
  for (const file of remoteFiles(remoteFolder)) assert.notEqual(readFileSync(join(server.root, remoteFolder, file), 'utf8'), secret, `${file} holds a file from outside the folder`);
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
    const { chosen, secret, uploaded, refused } = newCase();
    const remote = `/upload-links-${randomBytes(4).toString('hex')}`;
    const connected = value(await services.api.remoteConnect({ kind: 'quick', host: server.host, port: server.port, mode: 'explicit', user: server.user, password: server.password }));
    const settled = new Promise<void>((resolve) => {
      const off = services.events.subscribe((name) => {
        if (name !== 'queueUpdate') return;
        const items = services.queue.snapshot().items;
        if (items.length === uploaded.length && items.every((i) => i.state === 'done' || i.state === 'failed' || i.state === 'skipped')) {
          off();
          resolve();
        }
      });
    });
    const enqueued = value(await services.api.queueEnqueue({ sessionId: connected.sessionId, transfers: [{ direction: 'upload', localPath: chosen, remotePath: remote, kind: 'directory' }] }));
    assert.equal(enqueued.added, uploaded.length);
    const reasons = new Map(enqueued.skipped.map((s) => [relative(chosen, s.path), s.reason]));
    assert.deepEqual([...reasons.keys()].sort(), [...refused].sort());
    assert.match(reasons.get('out-file.txt') ?? '', /a symbolic link to .*outside\/secret\.txt, outside the folder being uploaded \(not followed\)/);
    assert.match(reasons.get('out-folder') ?? '', /a symbolic link to .*outside\/private, outside the folder being uploaded/);
    assert.match(reasons.get('sub/out-file-below.txt') ?? '', /outside the folder being uploaded/);
    assert.match(reasons.get('dangling.txt') ?? '', /a symbolic link to nowhere/);
    await settled;
    assert.deepEqual(services.queue.snapshot().items.filter((i) => i.state !== 'done'), []);
    assert.deepEqual(remoteFiles(remote), uploaded);
    assert.equal(readFileSync(join(server.root, remote, 'inner-link.txt'), 'utf8'), 'honest', 'a link inside the folder is uploaded as its file');
    assertNoSecretOnServer(remote, secret);
  });
});

describe('on the command line', () => {
  const env = { WHARF_PASSWORD: server.password, WHARF_DATA_DIR: join(work, 'cli-data') };

  test('put -r leaves the links out, saying why, and uploads the rest', async () => {
    const { chosen, secret, uploaded, refused } = newCase();
    const remote = `/put-links-${randomBytes(4).toString('hex')}`;
    const run = await runWharf(['put', '-r', chosen, serverUrl(server, remote), '--ca', caFile], env);
    assert.equal(run.code, 0, run.stderr);
    for (const name of refused) assert.ok(run.stderr.includes(`skipped ${join(chosen, name)}: a symbolic link to`), `${name} is reported: ${run.stderr}`);
    assert.match(run.stderr, /uploaded 3 of 3 files/);
    assert.deepEqual(remoteFiles(remote), uploaded);
    assertNoSecretOnServer(remote, secret);
  });

  test('sync --direction up leaves them out of the plan, saying why', async () => {
    const { chosen, secret, uploaded } = newCase();
    const remote = `/sync-links-${randomBytes(4).toString('hex')}`;
    const run = await runWharf(['sync', chosen, serverUrl(server, remote), '--direction', 'up', '--ca', caFile], env);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /here: out-file\.txt: a symbolic link to .*outside\/secret\.txt, outside the folder \(not followed\)/);
    assert.match(run.stdout, /here: out-folder: a symbolic link to .*outside\/private, outside the folder/);
    assert.match(run.stdout, /here: sub\/out-file-below\.txt: a symbolic link to .*outside the folder/);
    assert.deepEqual(remoteFiles(remote), uploaded);
    assertNoSecretOnServer(remote, secret);
  });
});
