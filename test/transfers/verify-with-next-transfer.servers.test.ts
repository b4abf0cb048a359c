/**
 * An upload verified by its size alone sends its SIZE in one write with the session's next transfer, and its time and
 * rename, once that size was read and checked, with the transfer after (FtpsSession.verifyAndRenameWithNextCommands).
 * What must hold on every server of the fleet, on one session:
 * - the rename never goes out before the SIZE's reply was read, and never when the check refused the size: a file
 *   whose size is wrong stays under its temporary name, and the error is the check's;
 * - a SIZE the server refuses (the temporary file gone) reaches the check as "no size", and the rename's refusal
 *   is the error: nothing appears under the final name;
 * - a control connection cut after the SIZE was written is a lost connection for the held work (the attempt is
 *   retried), nothing renamed, and the session goes on;
 * - with no next transfer, sendHeldCommands sends the SIZE, then the rename.
 * And in a queue whose connection is cut right after a write that carries a SIZE: every file ends intact under its
 * final name, and no temporary name is left.
 */
import assert from 'node:assert/strict';
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { after, describe, test } from 'node:test';
import type { LogLine } from '../../common/models/log';
import { WharfError } from '../../main/core/errors';
import type { FtpsSession } from '../../main/ftps/session';
import { TransferQueue } from '../../main/transfers/transfer-queue';
import { useFleet, type ServerInfo, type ServerName } from '../servers/fleet';
import { MAIN_SERVERS, openSession, testBytes } from '../ftps/support';

const fleet = await useFleet();
const work = mkdtempSync(join(tmpdir(), 'wharf-verify-next-'));
after(() => rmSync(work, { recursive: true, force: true }));
let counter = 0;
const unique = (prefix: string) => `${prefix}-${process.pid}-${++counter}`;
const SIZE = 4096;
/** A held promise that never settles (a broken chain) fails the test instead of waiting for ever. */
const LIMIT = { timeout: 120_000 };

/** The check the runner gives: the size the server tells must be the local one (null: the server does not tell). */
const checkSize = (remoteSize: number | null): void => {
  if (remoteSize !== null && remoteSize !== SIZE) throw new WharfError('verification', `size ${remoteSize}, expected ${SIZE}`);
};

const upload = (session: FtpsSession, path: string, seed: number) => session.upload(Readable.from([testBytes(SIZE, seed)]), path);

/** Whether `command` went out in the same write as `other` (no reply read between them in the log). */
function sameWrite(log: readonly LogLine[], command: string, other: string): boolean {
  const lines = log.filter((l) => l.direction === 'command' || l.direction === 'reply');
  const at = (text: string) => lines.findIndex((l) => l.direction === 'command' && l.text === text);
  const [a, b] = [at(command), at(other)].sort((x, y) => x - y) as [number, number];
  assert.ok(a >= 0, `sent: ${command}, ${other}`);
  return !lines.slice(a, b).some((l) => l.direction === 'reply');
}

/** Where the server keeps `path` (from its root) on this machine. */
const serverPath = (server: ServerInfo, path: string): string => join(server.root, path);

const sent = (log: readonly LogLine[], command: string) => log.some((l) => l.direction === 'command' && l.text === command);

async function failure(held: Promise<unknown>): Promise<WharfError> {
  const error = await held.then(() => null, (e: unknown) => e);
  assert.ok(error instanceof WharfError, `rejected with a WharfError: ${String(error)}`);
  return error;
}

describe('an upload\'s SIZE with the next transfer, its rename with the one after', () => {
  for (const name of MAIN_SERVERS as readonly ServerName[]) {
    test(name, LIMIT, async () => {
      const server = fleet.servers[name];
      const folder = `/${unique('chain')}`;
      // The held commands' timer off: only a transfer, sendHeldCommands or close sends them (no race with the timer).
      const { session, log } = await openSession(fleet, server, { heldRenameWaitMs: 0 });
      try {
        await session.mkdir(folder);
        const part = (file: string) => `${folder}/${file}.wharf-part`;

        // The size right: SIZE in one write with b's STOR, RNFR in one write with c's, after the SIZE's reply.
        await upload(session, part('a'), 1);
        const good = session.verifyAndRenameWithNextCommands(part('a'), `${folder}/a`, null, checkSize);
        assert.ok(good !== null, 'held');
        await upload(session, `${folder}/b`, 2);
        assert.ok(sameWrite(log, `SIZE ${part('a')}`, `STOR ${folder}/b`), 'SIZE with the next STOR');
        assert.ok(!sent(log, `RNFR ${part('a')}`), 'not renamed before a later transfer');
        await upload(session, `${folder}/c`, 3);
        await good;
        assert.ok(sameWrite(log, `RNFR ${part('a')}`, `STOR ${folder}/c`), 'the rename with the transfer after');
        assert.deepEqual(readFileSync(serverPath(server, `${folder}/a`)), testBytes(SIZE, 1));
        assert.ok(!existsSync(serverPath(server, part('a'))));

        // The size wrong (the temporary file grew on the server after its STOR): not renamed, the check's error.
        await upload(session, part('d'), 4);
        appendFileSync(serverPath(server, part('d')), 'more');
        const wrong = session.verifyAndRenameWithNextCommands(part('d'), `${folder}/d`, null, checkSize);
        assert.ok(wrong !== null);
        const wrongFailure = failure(wrong);
        await upload(session, `${folder}/e`, 5);
        const refused = await wrongFailure;
        assert.equal(refused.kind, 'verification', refused.message);
        await upload(session, `${folder}/f`, 6);
        assert.ok(!existsSync(serverPath(server, `${folder}/d`)), 'nothing under the final name');
        assert.equal(readFileSync(serverPath(server, part('d'))).length, SIZE + 4, 'the temporary file left as it was');
        assert.ok(!sent(log, `RNFR ${part('d')}`), 'no rename sent');

        // SIZE refused (the temporary file gone): the check gets no size, the rename's refusal is the error.
        await upload(session, part('g'), 7);
        unlinkSync(serverPath(server, part('g')));
        const gone = session.verifyAndRenameWithNextCommands(part('g'), `${folder}/g`, null, checkSize);
        assert.ok(gone !== null);
        const goneFailure = failure(gone);
        await upload(session, `${folder}/h`, 8);
        await upload(session, `${folder}/i`, 9);
        const renameRefused = await goneFailure;
        assert.equal(renameRefused.kind, 'ftp', renameRefused.message);
        assert.ok(!existsSync(serverPath(server, `${folder}/g`)));

        // The control connection cut right after the write carrying the SIZE: a lost connection, nothing renamed.
        await upload(session, part('j'), 10);
        const cut = session.verifyAndRenameWithNextCommands(part('j'), `${folder}/j`, null, checkSize);
        assert.ok(cut !== null);
        const cutFailure = failure(cut);
        const cutting = cutAfterWriteOf(session, 'SIZE ');
        await upload(session, `${folder}/k`, 11).catch(() => undefined);
        assert.equal(cutting.cut, true, 'cut after the SIZE went out');
        const lost = await cutFailure;
        assert.equal(lost.kind, 'connection-lost', lost.message);
        assert.ok(!existsSync(serverPath(server, `${folder}/j`)));
        assert.deepEqual(readFileSync(serverPath(server, part('j'))), testBytes(SIZE, 10), 'the temporary file intact');

        // No next transfer: SIZE alone, then the rename alone (the session reconnected after the cut).
        await upload(session, part('l'), 12);
        const alone = session.verifyAndRenameWithNextCommands(part('l'), `${folder}/l`, null, checkSize);
        assert.ok(alone !== null);
        session.sendHeldCommands();
        await alone;
        assert.deepEqual(readFileSync(serverPath(server, `${folder}/l`)), testBytes(SIZE, 12));
        for (const file of ['b', 'c', 'e', 'f', 'h', 'i']) assert.ok(existsSync(serverPath(server, `${folder}/${file}`)), `${file} uploaded`);
      } finally {
        await session.close();
      }
    });
  }
});

/** Cuts the session's control connection right after the next write whose text holds `marker`; `cut` tells whether it did. */
function cutAfterWriteOf(session: FtpsSession, marker: string): { cut: boolean } {
  const state = { cut: false };
  const socket = (session as unknown as { client: { ftp: { socket: import('node:net').Socket } } }).client.ftp.socket;
  const write = socket.write.bind(socket) as (chunk: unknown, ...rest: unknown[]) => boolean;
  socket.write = ((chunk: unknown, ...rest: unknown[]) => {
    const result = write(chunk, ...rest);
    if (!state.cut && String(chunk).includes(marker)) {
      state.cut = true;
      socket.destroy();
    }
    return result;
  }) as typeof socket.write;
  return state;
}

describe('a queue whose connection is cut right after a write carrying a SIZE', () => {
  for (const name of ['vsftpd-explicit', 'pureftpd-explicit'] as const) {
    test(`${name}: every file intact under its final name, no temporary name left`, LIMIT, async () => {
      const server = fleet.servers[name];
      const folder = unique('cut-queue');
      const local = join(work, folder);
      mkdirSync(local);
      const files = ['a', 'b', 'c', 'd', 'e'];
      for (const [i, file] of files.entries()) writeFileSync(join(local, file), testBytes(SIZE, 20 + i));
      const log: LogLine[] = [];
      let cut = null as { cut: boolean } | null;
      const queue = await TransferQueue.open({
        openSession: async () => {
          const { session } = await openSession(fleet, server, { onLog: (line) => log.push(line) });
          // The first session's connection is cut after b's SIZE went out (with c's transfer); it reconnects itself.
          cut ??= cutAfterWriteOf(session, `SIZE /${folder}/b`);
          return session;
        },
        stateFile: null,
        defaultOverwrite: 'overwrite',
        defaultConcurrency: 1,
        retry: { baseDelayMs: 20, maxDelayMs: 50, tooManyConnectionsDelayMs: 50 },
      });
      try {
        await queue.add({ kind: 'directory', direction: 'upload', siteKey: name, localPath: local, remotePath: `/${folder}`, uploadViaTemporaryName: true });
        await queue.whenSettled();
        assert.ok(queue.getSnapshot().items.every((item) => item.state === 'done'), JSON.stringify(queue.getSnapshot().items.map((i) => [i.remotePath, i.state, i.lastError?.message])));
      } finally {
        await queue.stop();
      }
      assert.equal(cut?.cut, true, 'the connection was cut');
      assert.deepEqual(readdirSync(serverPath(server, `/${folder}`)).sort(), files);
      for (const [i, file] of files.entries()) assert.deepEqual(readFileSync(serverPath(server, `/${folder}/${file}`)), testBytes(SIZE, 20 + i), file);
    });
  }
});
