import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, test } from 'node:test';
import { isWharfError } from '../../main/core/errors';
import { makeForeign, useFleet, writeServerFile } from '../servers/fleet';
import { openSession } from './support';

/**
 * vsftpd answers LIST of a folder that does not exist with an empty listing (150/226), and LIST of a folder
 * it may not open with that folder itself as the only entry (ls -d style); proftpd and pure-ftpd answer LIST
 * of a folder that may be entered but not read with an empty success (only their MLSD refuses it): a person
 * would believe the folder empty. Every server must say the folder cannot be read, in the same words.
 */
const SERVERS = ['vsftpd-explicit', 'proftpd-explicit', 'pureftpd-explicit', 'pyftpdlib-explicit'] as const;
const fleet = await useFleet();
/** Each server's own words for a folder that may be entered but not read: the reason the person is shown. */
const ENTERABLE_NOT_READABLE: Record<(typeof SERVERS)[number], RegExp> = {
  'vsftpd-explicit': /: 226 Transfer done \(but failed to open directory\)\.$/,
  'proftpd-explicit': /: 550 \S+: Permission denied$/,
  // LIST's "226-Sorry, we were unable to read [/folder]" when MLSD has not worked yet on the session, else MLSD's refusal.
  'pureftpd-explicit': /: (226 Sorry, we were unable to read \[\S+\]|550 Can't check for file existence)$/,
  'pyftpdlib-explicit': /: 550 Permission denied\.$/,
};

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
            // A permanent reply (5xx): a transfer of the folder fails at once instead of being retried.
            await assert.rejects(session.list(folder, progress), (err) =>
              isWharfError(err, 'ftp') && err.message.startsWith(`Could not read the folder ${folder}: `) && (err.code ?? 0) >= 500);
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
      // proftpd and pure-ftpd refuse MLSD of a folder that may be entered but not read, and answer LIST of it
      // with an empty success (proftpd: nothing at all; pure-ftpd: "226-Sorry, we were unable to read"): the
      // first listing of a session falls back from MLSD to LIST, later ones do not. Both must be an error.
      for (const first of ['as the first listing of a session', 'after a listing that worked'] as const) {
        test(`${what}, ${first}, is an error, not an empty folder or a folder containing itself`, async () => {
          const { session, log } = await openSession(fleet, server);
          try {
            const folder = `/${unique('locked')}`;
            writeServerFile(server, `${folder}/inside/secret.txt`, 'secret');
            makeForeign(server, `${folder}/inside`, mode);
            if (first === 'after a listing that worked') assert.deepEqual((await session.list(folder)).map((e) => e.name), ['inside']);
            for (const progress of [undefined, { onBatch: () => undefined }]) {
              await assert.rejects(session.list(`${folder}/inside`, progress), (err) =>
                isWharfError(err) && err.message.startsWith(`Could not read the folder ${folder}/inside: `) && (mode !== 0o311 || ENTERABLE_NOT_READABLE[name].test(err.message)));
            }
            assert.equal(await session.pwd(), '/');
            // The refusal did not leave the session on LIST: an empty folder is still believed, and a listing that
            // works is one listing command.
            await session.mkdir(`${folder}/empty`);
            const before = log.length;
            assert.deepEqual(await session.list(`${folder}/empty`), []);
            assert.deepEqual((await session.list(folder)).map((e) => e.name).sort(), ['empty', 'inside']);
            const listings = log.slice(before).filter((l) => l.direction === 'command' && /^(MLSD|LIST)\b/.test(l.text)).map((l) => l.text.split(' ')[0]);
            assert.deepEqual(listings, server.supportsMlsd ? ['MLSD', 'MLSD'] : ['LIST', 'LIST']);
          } finally {
            await session.close();
          }
        });
      }
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
