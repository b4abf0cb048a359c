/**
 * Modification times kept on upload, and "size only" compares (issue #14, item 6), against vsftpd, which
 * has no MFMT and sets times through MDTM with a time (mdtm_write), and proftpd (MFMT).
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { writeServerFile } from '../servers/fleet';
import { cliWorkspace, runWharf, serverUrl } from './support';

const { fleet, work, caFile } = await cliWorkspace('wharf-cli-times');
const written = new Date('2021-03-04T05:06:07.000Z');

for (const name of ['vsftpd-explicit', 'proftpd-explicit'] as const) {
  describe(`times on ${name}`, () => {
    const server = fleet.servers[name];
    const env = { WHARF_PASSWORD: server.password, WHARF_DATA_DIR: mkdtempSync(join(work, 'data-')) };

    test('put keeps the local file\'s modification time', async () => {
      const local = join(work, `${name}-kept.txt`);
      writeFileSync(local, 'kept time');
      utimesSync(local, written, written);
      const remote = `/${randomBytes(4).toString('hex')}-kept.txt`;
      const put = await runWharf(['put', local, serverUrl(server, remote), '--ca', caFile], env);
      assert.equal(put.code, 0, put.stderr);
      assert.equal(statSync(join(server.root, remote)).mtime.toISOString(), written.toISOString());
    });

    test('after sync up, a second sync up finds nothing to do', async () => {
      const local = mkdtempSync(join(work, 'up-'));
      for (const file of ['one.txt', 'two.txt']) {
        writeFileSync(join(local, file), `${file} contents`);
        utimesSync(join(local, file), written, written);
      }
      const remote = `/${randomBytes(4).toString('hex')}-up`;
      const first = await runWharf(['sync', local, serverUrl(server, remote), '--direction', 'up', '--ca', caFile], env);
      assert.equal(first.code, 0, first.stderr);
      const second = await runWharf(['sync', local, serverUrl(server, remote), '--direction', 'up', '--dry-run', '--ca', caFile], env);
      assert.equal(second.code, 0, second.stderr);
      assert.match(second.stdout, /Nothing to do: the folders match/);
    });
  });
}

describe('sync --size-only', () => {
  const server = fleet.servers['vsftpd-explicit'];
  const env = { WHARF_PASSWORD: server.password, WHARF_DATA_DIR: mkdtempSync(join(work, 'data-')) };

  test('files of the same size count as the same whatever their times; a size difference still shows', async () => {
    const remote = `/${randomBytes(4).toString('hex')}-sizes`;
    writeServerFile(server, `${remote}/same.txt`, 'twelve bytes');
    writeServerFile(server, `${remote}/grown.txt`, 'short');
    const local = mkdtempSync(join(work, 'sizes-'));
    writeFileSync(join(local, 'same.txt'), 'twelve bytes');
    writeFileSync(join(local, 'grown.txt'), 'longer now');
    for (const file of ['same.txt', 'grown.txt']) utimesSync(join(local, file), written, written);

    const byTime = await runWharf(['sync', local, serverUrl(server, remote), '--direction', 'down', '--dry-run', '--ca', caFile], env);
    assert.equal(byTime.code, 0, byTime.stderr);
    assert.match(byTime.stdout, /same\.txt/, 'by time, the newer server copy differs');

    const bySize = await runWharf(['sync', local, serverUrl(server, remote), '--direction', 'down', '--dry-run', '--size-only', '--ca', caFile], env);
    assert.equal(bySize.code, 0, bySize.stderr);
    assert.doesNotMatch(bySize.stdout, /same\.txt/);
    assert.match(bySize.stdout, /overwrite .*grown\.txt/);
  });
});
