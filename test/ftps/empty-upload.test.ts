/**
 * A 0-byte file over FTPS. basic-ftp ends the data socket as soon as the empty source ends, which used to be
 * before the TLS handshake was done (or in the same event-loop turn): the server saw a bare FIN, failed
 * SSL_accept with "unexpected eof" and answered alert decode_error (vsftpd also wrote "500 OOPS" in clear on
 * the control connection). See endAfterHandshake in main/ftps/data-connection.ts.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { after, describe, test } from 'node:test';
import type { DataConnectionMode } from '../../common/models';
import { downloadFile } from '../../main/transfers/file-download';
import { useFleet } from '../servers/fleet';
import { MAIN_SERVERS, openSession } from './support';

const fleet = await useFleet();
const localDir = mkdtempSync(join(tmpdir(), 'wharf-empty-'));
after(() => rmSync(localDir, { recursive: true, force: true }));

const DATA_MODES: readonly DataConnectionMode[] = ['passive', 'active'];

for (const name of MAIN_SERVERS) {
  const server = fleet.servers[name];

  describe(`empty files against ${name}`, () => {
    for (const dataMode of DATA_MODES) {
      test(`uploads and downloads a 0-byte file (${dataMode} mode), and the session goes on`, async () => {
        const { session } = await openSession(fleet, server, { targetOverrides: { dataMode } });
        try {
          const file = `empty-${dataMode}-${randomBytes(4).toString('hex')}.txt`;
          await session.upload(Readable.from([]), `/${file}`);

          const onServer = join(server.root, file);
          assert.ok(existsSync(onServer), 'the server created the file');
          assert.equal(statSync(onServer).size, 0);
          assert.equal(await session.size(`/${file}`), 0);

          const local = join(localDir, `${name}-${file}`);
          const result = await downloadFile(session, `/${file}`, local);
          assert.equal(result.bytes, 0);
          assert.equal(statSync(local).size, 0);

          // The control connection and the next data connection still work.
          const entries = await session.list('/');
          const listed = entries.find((e) => e.name === file);
          assert.ok(listed, 'the empty file is listed');
          assert.equal(listed.size, 0);
          await session.remove(`/${file}`);
          assert.equal(existsSync(onServer), false);
        } finally {
          await session.close();
        }
      });
    }
  });
}
