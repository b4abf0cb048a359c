import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { chmodSync, chownSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { isWharfError } from '../../main/core/errors';
import { useFleet, writeServerFile } from '../servers/fleet';
import { openSession } from './support';

/**
 * vsftpd answers LIST of a folder that does not exist with an empty listing (150/226), and LIST of a folder
 * it may not open with that folder itself as the only entry (ls -d style): a person would believe the
 * folder empty. Every server must say the folder cannot be read, in the same words.
 */
const SERVERS = ['vsftpd-explicit', 'proftpd-explicit', 'pureftpd-explicit', 'pyftpdlib-explicit'] as const;
const fleet = await useFleet();

function unique(prefix: string): string {
  return `${prefix}-${randomBytes(4).toString('hex')}`;
}

for (const name of SERVERS) {
  const server = fleet.servers[name];
  describe(`listing a folder that cannot be read, on ${name}`, () => {
    test('a folder that does not exist is an error, not an empty folder', async () => {
      const { session } = await openSession(fleet, server);
      try {
        // A name with a space takes the path that already fell back to CWD for names /bin/ls may split.
        for (const folder of [`/${unique('missing')}`, `/${unique('missing folder')}`]) {
          for (const progress of [undefined, { onBatch: () => undefined }]) {
            await assert.rejects(session.list(folder, progress), (err) => isWharfError(err) && err.message.startsWith(`Could not read the folder ${folder}: `));
          }
        }
        assert.equal(await session.pwd(), '/');
      } finally {
        await session.close();
      }
    });

    const closed = [
      ['no permissions at all (0o000)', 0o000],
      ["another user's private folder (0o700)", 0o700],
      ['a folder that may be entered but not read (0o311)', 0o311],
    ] as const;
    for (const [what, mode] of closed) {
      // proftpd and pure-ftpd list a folder they may enter but not read as empty, with a plain success, from
      // outside and from inside alike: nothing in their answers tells it from an empty folder.
      if (mode === 0o311 && (name === 'proftpd-explicit' || name === 'pureftpd-explicit')) continue;
      test(`${what} is an error, not a folder containing itself`, async () => {
        const { session } = await openSession(fleet, server);
        try {
          const folder = `/${unique('locked')}`;
          const inside = join(server.root, folder, 'inside');
          writeServerFile(server, `${folder}/inside/secret.txt`, 'secret');
          // Owned by root (the tests' user): the server's user is "another user".
          chownSync(inside, 0, 0);
          chmodSync(inside, mode);
          for (const progress of [undefined, { onBatch: () => undefined }]) {
            await assert.rejects(session.list(`${folder}/inside`, progress), (err) => isWharfError(err) && err.message.startsWith(`Could not read the folder ${folder}/inside: `));
          }
          assert.equal(await session.pwd(), '/');
        } finally {
          await session.close();
        }
      });
    }

    test('an empty folder lists as empty, and a folder a holding only a folder a lists that one entry', async () => {
      const { session } = await openSession(fleet, server);
      try {
        const folder = `/${unique('empty')}`;
        await session.mkdir(`${folder}/a/a`, { recursive: true });
        await session.mkdir(`${folder}/none`);
        assert.deepEqual(await session.list(`${folder}/none`), []);
        const inner = await session.list(`${folder}/a`);
        assert.deepEqual(inner.map((e) => [e.name, e.type]), [['a', 'directory']]);
        assert.deepEqual(await session.list(`${folder}/a/a`), []);
        assert.equal(await session.pwd(), '/');
      } finally {
        await session.close();
      }
    });
  });
}
