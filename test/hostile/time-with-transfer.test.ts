/**
 * A download's time asked with its transfer (MDTM in the same write as the data connection's EPSV, and its RETR
 * once EPSV has worked in the session), against a
 * scripted server over real TLS: the time arrives, a refused MDTM gives none and costs nothing else, a refused
 * EPSV in the same write still falls back to PASV, and every later reply stays with its own command.
 */
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { after, describe, test } from 'node:test';
import type { LogLine } from '../../common/models';
import type { FtpsSession } from '../../main/ftps/session';
import { startHostileServer, type HostileScript } from './hostile-server';
import { hostileSessionFactory, selfSignedCertificate, writesBetweenReplies } from './support';

const certificate = selfSignedCertificate();
const CONTENT = Buffer.from('the file, from the server');
const closers: (() => Promise<void>)[] = [];
after(async () => {
  for (const close of closers.reverse()) await close();
});

async function sessionFor(script: Partial<HostileScript>, log: LogLine[]): Promise<FtpsSession> {
  const server = await startHostileServer({ mode: 'explicit', key: certificate.key, cert: certificate.cert, features: ['MDTM', 'SIZE'], file: () => CONTENT, ...script });
  closers.push(() => server.close());
  const session = await hostileSessionFactory(server.port, certificate, (line) => log.push(line))();
  closers.push(() => session.close());
  return session;
}

/** Downloads `path`, asking its time with the transfer: the bytes and the time given. */
async function downloadWithTime(session: FtpsSession, path: string): Promise<{ bytes: Buffer; time: Date | null | undefined }> {
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (chunk: Buffer) => chunks.push(chunk));
  let time: Date | null | undefined;
  await session.download(path, sink, { onModifiedAt: (given) => (time = given) });
  return { bytes: Buffer.concat(chunks), time };
}

describe('a download asks its time with the transfer', () => {
  test('MDTM goes with EPSV, and its time arrives', async () => {
    const log: LogLine[] = [];
    const session = await sessionFor({ modifiedAt: (path) => (path === '/a.bin' ? '20240102030405' : null) }, log);
    log.length = 0;
    const { bytes, time } = await downloadWithTime(session, '/a.bin');
    assert.deepEqual(bytes, CONTENT);
    assert.equal(time?.toISOString(), '2024-01-02T03:04:05.000Z');
    assert.deepEqual(writesBetweenReplies(log).slice(0, 2), [['MDTM', 'EPSV'], ['RETR']]);
    // Once EPSV has worked, the time, EPSV and RETR go out in one write.
    log.length = 0;
    const again = await downloadWithTime(session, '/a.bin');
    assert.deepEqual(again.bytes, CONTENT);
    assert.equal(again.time?.toISOString(), '2024-01-02T03:04:05.000Z');
    assert.deepEqual(writesBetweenReplies(log).slice(0, 1), [['MDTM', 'EPSV', 'RETR']]);
  });

  test('a refused MDTM gives no time, and the replies after it stay in step', async () => {
    const log: LogLine[] = [];
    const session = await sessionFor({}, log);
    const first = await downloadWithTime(session, '/a.bin');
    assert.deepEqual(first.bytes, CONTENT);
    assert.equal(first.time, null);
    assert.equal(await session.size('/a.bin'), CONTENT.length, 'SIZE gets its own reply, not one left over');
    const second = await downloadWithTime(session, '/b.bin');
    assert.deepEqual(second.bytes, CONTENT);
    assert.equal(second.time, null, 'refused with EPSV and RETR in the same write too');
    assert.equal(await session.size('/b.bin'), CONTENT.length);
  });

  test('an EPSV refused in the same write falls back to PASV; the time still arrives', async () => {
    const log: LogLine[] = [];
    const session = await sessionFor({ refuseEpsv: true, modifiedAt: () => '20240102030405' }, log);
    log.length = 0;
    const { bytes, time } = await downloadWithTime(session, '/a.bin');
    assert.deepEqual(bytes, CONTENT);
    assert.equal(time?.toISOString(), '2024-01-02T03:04:05.000Z');
    assert.deepEqual(writesBetweenReplies(log).slice(0, 3), [['MDTM', 'EPSV'], ['PASV'], ['RETR']]);
    // EPSV is not asked again: from now on the time goes alone, before PASV.
    log.length = 0;
    assert.equal((await downloadWithTime(session, '/a.bin')).time?.toISOString(), '2024-01-02T03:04:05.000Z');
    assert.deepEqual(writesBetweenReplies(log).slice(0, 3), [['MDTM'], ['PASV'], ['RETR']]);
  });

  test('without MDTM in FEAT no time is asked, and none is given', async () => {
    const log: LogLine[] = [];
    const session = await sessionFor({ features: ['SIZE'] }, log);
    log.length = 0;
    const { bytes, time } = await downloadWithTime(session, '/a.bin');
    assert.deepEqual(bytes, CONTENT);
    assert.equal(time, null);
    assert.ok(!log.some((line) => line.direction === 'command' && line.text.startsWith('MDTM')), 'no MDTM');
  });
});
