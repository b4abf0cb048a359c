/**
 * `wharf ls` of a folder that does not exist or cannot be read fails with the engine's "Could not read the
 * folder" and exit code 6 on every server (vsftpd listed such a folder as empty, or as containing itself);
 * an empty folder lists nothing and succeeds.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { chownSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { makeForeign, writeServerFile } from '../servers/fleet';
import { cliWorkspace, runWharf, serverUrl } from './support';

const { fleet, caFile } = await cliWorkspace('wharf-cli-missing-folder');
const SERVERS = ['vsftpd-explicit', 'proftpd-explicit', 'pureftpd-explicit', 'pyftpdlib-explicit'] as const;

function unique(prefix: string): string {
  return `${prefix}-${randomBytes(4).toString('hex')}`;
}

for (const name of SERVERS) {
  const server = fleet.servers[name];
  const env = { WHARF_PASSWORD: server.password };

  describe(`wharf ls on ${name}`, () => {
    test('a folder that does not exist: exit code 6 and "Could not read the folder"', async () => {
      const folder = `/${unique('missing')}`;
      const ls = await runWharf(['ls', serverUrl(server, folder), '--ca', caFile], env);
      assert.equal(ls.code, 6, ls.stderr);
      assert.equal(ls.stdout, '');
      assert.match(ls.stderr, new RegExp(`Could not read the folder ${folder}: `));
    });

    test("another user's private folder: exit code 6 and \"Could not read the folder\", not the folder itself", async () => {
      const folder = `/${unique('locked')}`;
      writeServerFile(server, `${folder}/secret.txt`, 'secret');
      makeForeign(server, folder, 0o700);
      const ls = await runWharf(['ls', serverUrl(server, folder), '--ca', caFile], env);
      assert.equal(ls.code, 6, ls.stderr);
      assert.equal(ls.stdout, '');
      assert.match(ls.stderr, new RegExp(`Could not read the folder ${folder}: `));
    });

    test('an empty folder lists nothing and succeeds', async () => {
      const folder = `/${unique('empty')}`;
      mkdirSync(join(server.root, folder));
      chownSync(join(server.root, folder), ...ownerOfRoot(server.root));
      const ls = await runWharf(['ls', serverUrl(server, folder), '--ca', caFile], env);
      assert.equal(ls.code, 0, ls.stderr);
      assert.equal(ls.stdout, '');
    });
  });
}

function ownerOfRoot(root: string): [number, number] {
  const { uid, gid } = statSync(root);
  return [uid, gid];
}
