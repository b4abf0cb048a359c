/**
 * An upload's rename held for the session's next transfer (FtpsSession.renameWithNextCommand: RNFR and RNTO in one
 * write with the next EPSV and STOR), against a scripted server over real TLS that refuses RNFR (502): the rename
 * fails with RNFR's own reply while the upload beside it goes on; an EPSV refused in that write fails only the
 * upload, the rename's replies still reach it; a held rename with no next transfer goes alone before the next
 * command; and every later command gets its own reply.
 */
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { after, describe, test } from 'node:test';
import type { LogLine } from '../../common/models';
import type { FtpsSession } from '../../main/ftps/session';
import { isWharfError } from '../../main/core/errors';
import { startHostileServer, type HostileScript } from './hostile-server';
import { hostileSessionFactory, selfSignedCertificate, writesBetweenReplies } from './support';

const certificate = selfSignedCertificate();
const CONTENT = Buffer.from('a file on the server');
const closers: (() => Promise<void>)[] = [];
after(async () => {
  for (const close of closers.reverse()) await close();
});

async function sessionFor(script: Partial<HostileScript>, log: LogLine[]): Promise<FtpsSession> {
  const server = await startHostileServer({ mode: 'explicit', key: certificate.key, cert: certificate.cert, features: ['SIZE'], file: () => CONTENT, ...script });
  closers.push(() => server.close());
  const session = await hostileSessionFactory(server.port, certificate, (line) => log.push(line))();
  closers.push(() => session.close());
  return session;
}

const upload = (session: FtpsSession, path: string) => session.upload(Readable.from([Buffer.from('bytes')]), path);

const refusedWith = (reply: RegExp) => (error: unknown) => {
  assert.ok(isWharfError(error) && error.kind === 'ftp' && reply.test(error.message), String(error));
  return true;
};

/** What a held rename ended with, without leaving its rejection unhandled while the test goes on: null when it resolved. */
const settled = (held: Promise<boolean>): Promise<unknown> => held.then(() => null, (error: unknown) => error);

/**
 * A session on a fresh server whose first upload found EPSV working (from then on EPSV goes with the transfer
 * command), holding the rename of that upload: how it ended, once its replies are read.
 */
async function holdingARename(script: Partial<HostileScript>, log: LogLine[]): Promise<{ session: FtpsSession; renamed: Promise<unknown> }> {
  const session = await sessionFor(script, log);
  await upload(session, '/first.part');
  log.length = 0;
  const held = session.renameWithNextCommand('/first.part', '/first', null);
  assert.ok(held, 'held');
  return { session, renamed: settled(held) };
}

describe('a rename held for the next transfer', () => {
  test('a refused RNFR fails the rename with its own reply; the upload in the same write goes on', async () => {
    const log: LogLine[] = [];
    const { session, renamed: outcome } = await holdingARename({}, log);
    await upload(session, '/second.part');
    refusedWith(/502 Not implemented/)(await outcome);
    assert.deepEqual(writesBetweenReplies(log).slice(0, 1), [['RNFR', 'RNTO', 'EPSV', 'STOR']]);
    assert.equal(await session.size('/x'), CONTENT.length, 'SIZE gets its own reply, not one left over');
  });

  test('an EPSV refused in the same write fails only the upload; the rename still gets its replies', async () => {
    const log: LogLine[] = [];
    const { session, renamed: outcome } = await holdingARename({ epsv: (index) => (index === 1 ? 'refused' : 'usual') }, log);
    await assert.rejects(upload(session, '/second.part'), (error: unknown) => {
      assert.ok(isWharfError(error) && error.kind === 'data-channel', String(error));
      return true;
    });
    refusedWith(/502 Not implemented/)(await outcome);
    assert.deepEqual(writesBetweenReplies(log).slice(0, 1), [['RNFR', 'RNTO', 'EPSV', 'STOR']]);
    assert.equal(await session.size('/x'), CONTENT.length, 'SIZE gets its own reply');
    // The retry of the upload asks EPSV on its own, and works.
    await upload(session, '/second.part');
  });

  test('with no next transfer, the held rename goes alone before the next command', async () => {
    const log: LogLine[] = [];
    const { session, renamed: outcome } = await holdingARename({}, log);
    assert.equal(await session.size('/x'), CONTENT.length);
    refusedWith(/502 Not implemented/)(await outcome);
    assert.deepEqual(writesBetweenReplies(log).slice(0, 2), [['RNFR', 'RNTO'], ['SIZE']]);
  });

  test('a held rename whose session goes idle is sent when told so, and on close', async () => {
    const log: LogLine[] = [];
    const session = await sessionFor({}, log);
    const told = session.renameWithNextCommand('/a.part', '/a', null);
    assert.ok(told);
    session.sendHeldCommands();
    await assert.rejects(told, refusedWith(/502 Not implemented/));
    const onClose = session.renameWithNextCommand('/b.part', '/b', null);
    assert.ok(onClose);
    const closed = settled(onClose);
    await session.close();
    refusedWith(/502 Not implemented/)(await closed);
    assert.ok(log.some((line) => line.direction === 'command' && line.text === 'RNTO /b'), 'sent before QUIT');
  });
});
