/**
 * A folder its parent just listed as a folder (a recursive walk: download, compare, rm -r) exists: an empty listing of
 * it is believed without PWD, CWD, CWD to prove it, one listing per folder. The other guarantee stays: a folder
 * that cannot be read still fails, never lists as empty, on every server, as missing-folder.test.ts says of a
 * folder a person named (where the proof is still made).
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { isWharfError } from '../../main/core/errors';
import { compareFolders } from '../../main/sync/compare-folders';
import { makeForeign, useFleet, writeServerFile } from '../servers/fleet';
import { openSession } from './support';

const SERVERS = ['vsftpd-explicit', 'proftpd-explicit', 'pureftpd-explicit', 'pyftpdlib-explicit'] as const;
const fleet = await useFleet();
const unique = (prefix: string) => `${prefix}-${randomBytes(4).toString('hex')}`;
const listedAsFolder = { listedAsFolder: true } as const;

for (const name of SERVERS) {
  const server = fleet.servers[name];
  describe(`listing a folder its parent listed as a folder, on ${name}`, () => {
    test('an empty one is one listing command and nothing else; a folder named by a person is still proved', async () => {
      const { session, log } = await openSession(fleet, server);
      try {
        const folder = `/${unique('listed')}`;
        await session.mkdir(`${folder}/empty`, { recursive: true });
        const verbs = (from: number) => log.slice(from).filter((l) => l.direction === 'command').map((l) => l.text.split(' ')[0]);
        const before = log.length;
        assert.deepEqual(await session.list(`${folder}/empty`, undefined, listedAsFolder), []);
        const listed = verbs(before);
        assert.deepEqual(listed.filter((verb) => verb !== 'EPSV' && verb !== 'PASV'), [server.supportsMlsd ? 'MLSD' : 'LIST'], listed.join(' '));
        const named = log.length;
        assert.deepEqual(await session.list(`${folder}/empty`), []);
        assert.deepEqual(verbs(named).filter((verb) => verb === 'PWD' || verb === 'CWD'), ['PWD', 'CWD', 'CWD']);
      } finally {
        await session.close();
      }
    });

    for (const [what, mode] of [['no permissions at all (0o000)', 0o000], ["another user's private folder (0o700)", 0o700], ['a folder that may be entered but not read (0o311)', 0o311]] as const) {
      test(`${what}: still an error, not an empty folder`, async () => {
        const { session } = await openSession(fleet, server);
        try {
          const folder = `/${unique('closed')}`;
          writeServerFile(server, `${folder}/inside/secret.txt`, 'secret');
          makeForeign(server, `${folder}/inside`, mode);
          assert.deepEqual((await session.list(folder)).map((e) => [e.name, e.type]), [['inside', 'directory']]);
          await assert.rejects(session.list(`${folder}/inside`, undefined, listedAsFolder), (err) =>
            isWharfError(err) && err.message.startsWith(`Could not read the folder ${folder}/inside: `));
        } finally {
          await session.close();
        }
      });
    }

    test('a compare (sync) of a tree of empty folders proves none of them, and sees them all', async () => {
      const { session, log } = await openSession(fleet, server);
      const local = mkdtempSync(join(tmpdir(), 'wharf-listed-'));
      try {
        const folder = `/${unique('compare')}`;
        for (const empty of ['a/b', 'd']) await session.mkdir(`${folder}/${empty}`, { recursive: true });
        const before = log.length;
        const compared = await compareFolders(session, { localRoot: local, remoteRoot: folder });
        const verbs = log.slice(before).filter((l) => l.direction === 'command').map((l) => l.text.split(' ')[0]);
        assert.deepEqual(verbs.filter((verb) => verb === 'PWD' || verb === 'CWD'), []);
        assert.deepEqual(compared.entries.map((entry) => entry.relativePath).sort(), ['a', 'a/b', 'd']);
      } finally {
        rmSync(local, { recursive: true, force: true });
        await session.close();
      }
    });

    test('rm -r of a tree of empty folders proves none of them, and removes them all', async () => {
      const { session, log } = await openSession(fleet, server);
      try {
        const folder = `/${unique('remove')}`;
        for (const empty of ['a/b', 'a/c', 'd']) await session.mkdir(`${folder}/${empty}`, { recursive: true });
        writeServerFile(server, `${folder}/a/file.txt`, 'file');
        const before = log.length;
        await session.remove(folder, { recursive: true });
        const verbs = log.slice(before).filter((l) => l.direction === 'command').map((l) => l.text.split(' ')[0]);
        assert.deepEqual(verbs.filter((verb) => verb === 'PWD' || verb === 'CWD'), []);
        assert.ok(!existsSync(join(server.root, folder)));
      } finally {
        await session.close();
      }
    });
  });
}
