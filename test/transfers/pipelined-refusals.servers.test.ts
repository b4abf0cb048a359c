/**
 * An upload sends the kept time, RNFR and RNTO in one round trip (after the size was verified). A refusal in the
 * middle of those must fail only what it concerns, with the server's own words, and leave the control connection
 * in step: each later command gets its own reply. On one connection, on every server of the fleet:
 * - a file dated before 1970, whose time proftpd and pure-ftpd refuse (501) while RNFR/RNTO go on: done, intact;
 * - a file whose final name is a folder: RNTO refused, the file fails with that reply, the temporary file stays;
 * - then a plain file on the same connection: done, intact, its time kept, sent as one round trip.
 * With files queued one after the other on that connection, a verified file's time, RNFR and RNTO go out in one
 * write with the next file's EPSV and STOR (where the size alone verifies, its SIZE goes with the next file's and the
 * rename with the one after): a refused time, a refused RNTO, a refused STOR each fail only their own file (the one
 * before or after in that write goes on), and no file appears under its final name unverified.
 * And on a session: a refused RNFR is the rename's error (not RNTO's 503 after it); SIZE+HASH of a missing file
 * answers nothing for either; each next command gets its own reply.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import type { LogLine } from '../../common/models/log';
import { TEMPORARY_UPLOAD_SUFFIX } from '../../main/ftps/file-transfer';
import { useFleet, writeServerFile, type ServerName } from '../servers/fleet';
import { MAIN_SERVERS, openSession, testBytes } from '../ftps/support';
import { openLoggedQueue } from './logged-queue';

const fleet = await useFleet();
const work = mkdtempSync(join(tmpdir(), 'wharf-pipelined-'));
after(() => rmSync(work, { recursive: true, force: true }));
let counter = 0;
const unique = (prefix: string) => `${prefix}-${process.pid}-${++counter}`;

/** Servers with a hash command (HASH): an upload is verified by its size and hash, asked after its STOR on their own. */
const HASHES = new Set<ServerName>(['proftpd-explicit', 'proftpd-implicit']);
/** Servers that refuse to set a time before 1970 (found by asking them: "501 ...: Invalid argument", "501 Can't get a time stamp"). */
const REFUSES_TIMES_BEFORE_1970 = new Set<ServerName>(['proftpd-explicit', 'proftpd-implicit', 'pureftpd-explicit']);
const BEFORE_1970 = new Date('1969-12-31T23:59:59Z');
const KEPT_TIME = new Date('2001-02-03T04:05:06Z');

function localFile(name: string, seed: number, time: Date): { path: string; bytes: Buffer } {
  const path = join(work, name);
  const bytes = testBytes(4096, seed);
  writeFileSync(path, bytes);
  utimesSync(path, time, time);
  return { path, bytes };
}

/**
 * The reply the server gave to the command `text` (its last line), read the way the client reads them: each final
 * reply answers the oldest command on its connection still waiting; a preliminary 1xx answers none.
 */
function replyTo(log: readonly LogLine[], text: string): string {
  const at = log.findIndex((l) => l.direction === 'command' && l.text === text);
  assert.ok(at >= 0, `no command ${text}`);
  const connection = log[at]?.connectionId;
  const waiting: number[] = [];
  for (const [index, line] of log.entries()) {
    if (line.connectionId !== connection) continue;
    if (line.direction === 'command') waiting.push(index);
    else if (line.direction === 'reply' && /^[2-5]\d\d /.test(line.text) && waiting.shift() === at) return line.text.trim();
  }
  assert.fail(`no reply to ${text}`);
}

describe('a refusal in the middle of pipelined commands fails only its file and leaves the replies in step', () => {
  for (const name of MAIN_SERVERS) {
    test(name, async () => {
      const server = fleet.servers[name];
      const log: LogLine[] = [];
      const queue = await openLoggedQueue(fleet, server, log);
      const folder = `/${unique('pipelined')}`;
      const old = localFile(unique('old'), 1, BEFORE_1970);
      const blocked = localFile(unique('blocked'), 2, KEPT_TIME);
      const plain = localFile(unique('plain'), 3, KEPT_TIME);
      // The final name of `blocked` is a folder with a file in it: no server renames a file over it.
      writeServerFile(server, `${folder}/blocked/inside`, 'x');
      const upload = async (localPath: string, remoteName: string) => {
        await queue.add({ direction: 'upload', siteKey: name, localPath, remotePath: `${folder}/${remoteName}`, kind: 'file', uploadViaTemporaryName: true });
        await queue.whenSettled();
        return queue.getSnapshot().items.at(-1);
      };
      try {
        const oldItem = await upload(old.path, 'old');
        const blockedItem = await upload(blocked.path, 'blocked');
        const plainItem = await upload(plain.path, 'plain');
        const onServer = (remoteName: string) => join(server.root, folder, remoteName);

        assert.equal(oldItem?.state, 'done', JSON.stringify(oldItem?.lastError));
        assert.deepEqual(readFileSync(onServer('old')), old.bytes);
        assert.equal(existsSync(onServer(`old${TEMPORARY_UPLOAD_SUFFIX}`)), false);
        if (REFUSES_TIMES_BEFORE_1970.has(name)) {
          assert.match(replyTo(log, `MFMT 19691231235959 ${folder}/old${TEMPORARY_UPLOAD_SUFFIX}`), /^501 /, 'the time is refused in the middle');
          assert.match(replyTo(log, `RNFR ${folder}/old${TEMPORARY_UPLOAD_SUFFIX}`), /^350 /);
          assert.match(replyTo(log, `RNTO ${folder}/old`), /^250 /);
        }

        assert.equal(blockedItem?.state, 'failed');
        const refusal = replyTo(log, `RNTO ${folder}/blocked`);
        assert.match(refusal, /^[45]\d\d /);
        assert.ok(blockedItem?.lastError?.message.includes(refusal), `${blockedItem?.lastError?.message} names ${refusal}`);
        assert.deepEqual(readFileSync(onServer(`blocked${TEMPORARY_UPLOAD_SUFFIX}`)), blocked.bytes, 'the verified temporary file stays');
        assert.equal(statSync(onServer('blocked')).isDirectory(), true);

        assert.equal(plainItem?.state, 'done', JSON.stringify(plainItem?.lastError));
        assert.deepEqual(readFileSync(onServer('plain')), plain.bytes);
        assert.equal(statSync(onServer('plain')).mtime.getTime(), KEPT_TIME.getTime());
        // The time, RNFR and RNTO of the last file went out together, before any of their replies.
        const commands = log.filter((l) => l.connectionId === log.at(-1)?.connectionId && l.direction !== 'info');
        const rnfr = commands.findIndex((l) => l.text === `RNFR ${folder}/plain${TEMPORARY_UPLOAD_SUFFIX}`);
        assert.match(commands[rnfr - 1]?.text ?? '', /^(MFMT|MDTM) 20010203040506 /);
        assert.equal(commands[rnfr + 1]?.text, `RNTO ${folder}/plain`);
        assert.match(replyTo(log, `RNTO ${folder}/plain`), /^250 /);
        assert.equal(log.filter((l) => l.direction === 'command' && l.text.startsWith('USER ')).length, 1, 'one connection throughout, never reopened');
      } finally {
        await queue.stop();
      }
    });
  }
});

/** Whether `first` and `second` went out in one write on one connection: no reply read between them. */
function sentTogether(log: readonly LogLine[], first: string, second: string): boolean {
  const at = log.findIndex((l) => l.direction === 'command' && l.text === first);
  const lines = log.filter((l, index) => index > at && l.connectionId === log[at]?.connectionId && (l.direction === 'command' || l.direction === 'reply'));
  const end = lines.findIndex((l) => l.direction === 'reply');
  return at >= 0 && lines.slice(0, end < 0 ? lines.length : end).some((l) => l.text === second);
}

describe("a file's rename sent with the next file's EPSV and STOR: a refusal of any of them fails only its own file", () => {
  for (const name of MAIN_SERVERS) {
    test(name, async () => {
      const server = fleet.servers[name];
      const log: LogLine[] = [];
      const queue = await openLoggedQueue(fleet, server, log);
      const folder = `/${unique('riding')}`;
      const files = {
        // vsftpd's first time of a session (MDTM with a time) is read back before it is trusted: its rename goes alone.
        warm: localFile(unique('warm'), 10, KEPT_TIME),
        old: localFile(unique('old'), 11, BEFORE_1970),
        first: localFile(unique('first'), 12, KEPT_TIME),
        unwritable: localFile(unique('unwritable'), 13, KEPT_TIME),
        blocked: localFile(unique('blocked'), 14, KEPT_TIME),
        after: localFile(unique('after'), 15, KEPT_TIME),
        last: localFile(unique('last'), 16, KEPT_TIME),
      };
      // STOR to the temporary name of `unwritable` is refused (a folder is there); RNTO to `blocked` is (a folder with a file in it).
      writeServerFile(server, `${folder}/unwritable${TEMPORARY_UPLOAD_SUFFIX}/inside`, 'x');
      writeServerFile(server, `${folder}/blocked/inside`, 'x');
      try {
        for (const [remoteName, file] of Object.entries(files)) {
          await queue.add({ direction: 'upload', siteKey: name, localPath: file.path, remotePath: `${folder}/${remoteName}`, kind: 'file', uploadViaTemporaryName: true });
        }
        await queue.whenSettled();
        const items = new Map(queue.getSnapshot().items.map((item) => [item.remotePath.slice(folder.length + 1), item]));
        const onServer = (remoteName: string) => join(server.root, folder, remoteName);
        const temporary = (remoteName: string) => `${folder}/${remoteName}${TEMPORARY_UPLOAD_SUFFIX}`;

        for (const remoteName of ['warm', 'old', 'first', 'after', 'last'] as const) {
          assert.equal(items.get(remoteName)?.state, 'done', `${remoteName}: ${JSON.stringify(items.get(remoteName)?.lastError)}`);
          assert.deepEqual(readFileSync(onServer(remoteName)), files[remoteName].bytes);
          assert.equal(existsSync(onServer(`${remoteName}${TEMPORARY_UPLOAD_SUFFIX}`)), false);
        }
        for (const remoteName of ['first', 'after', 'last'] as const) assert.equal(statSync(onServer(remoteName)).mtime.getTime(), KEPT_TIME.getTime());

        // Verified by size alone (no HASH: all but proftpd), a file's SIZE goes with the next file's STOR and its rename
        // with the STOR after that, here always the next but one that is sent (unwritable's STOR is refused: no SIZE).
        const chained = !HASHES.has(name);
        const renamedWith = chained ? { old: 'unwritable', blocked: 'last' } : { old: 'first', blocked: 'after' };
        // old's time (refused by some servers), rename, and a later file's EPSV and STOR: one write.
        assert.ok(sentTogether(log, `RNFR ${temporary('old')}`, `STOR ${temporary(renamedWith.old)}`), `old renamed with the STOR of ${renamedWith.old}`);
        if (REFUSES_TIMES_BEFORE_1970.has(name)) assert.match(replyTo(log, `MFMT 19691231235959 ${temporary('old')}`), /^501 /);

        // A rename (or, chained, a rename and a SIZE) with unwritable's refused STOR: one write; both files before it are
        // in place, unwritable failed with its reply.
        if (chained) assert.ok(sentTogether(log, `SIZE ${temporary('first')}`, `STOR ${temporary('unwritable')}`), 'first\'s SIZE with the STOR of unwritable');
        assert.ok(sentTogether(log, `RNTO ${folder}/${chained ? 'old' : 'first'}`, `STOR ${temporary('unwritable')}`), 'a rename with the STOR of unwritable');
        // Chained, first's rename is held for the transfer after unwritable's; the refused STOR has the next file make
        // sure of its folder again (MKD), and the rename goes alone before that.
        if (!chained) assert.ok(sentTogether(log, `RNTO ${folder}/first`, `STOR ${temporary('unwritable')}`), 'first renamed with the STOR of unwritable');
        assert.match(replyTo(log, `RNTO ${folder}/first`), /^250 /);
        const storRefusal = replyTo(log, `STOR ${temporary('unwritable')}`);
        assert.match(storRefusal, /^[45]\d\d /);
        const unwritable = items.get('unwritable');
        assert.equal(unwritable?.state, 'failed');
        assert.ok(unwritable?.lastError?.message.includes(storRefusal.slice(4)), `${unwritable?.lastError?.message} names ${storRefusal}`);
        assert.equal(existsSync(onServer('unwritable')), false, 'nothing under the final name');

        // blocked's refused RNTO and a later STOR: one write; blocked failed with its reply, its verified temporary file stays.
        assert.ok(sentTogether(log, `RNTO ${folder}/blocked`, `STOR ${temporary(renamedWith.blocked)}`), `blocked renamed with the STOR of ${renamedWith.blocked}`);
        const renameRefusal = replyTo(log, `RNTO ${folder}/blocked`);
        assert.match(renameRefusal, /^[45]\d\d /);
        const blocked = items.get('blocked');
        assert.equal(blocked?.state, 'failed');
        assert.ok(blocked?.lastError?.message.includes(renameRefusal), `${blocked?.lastError?.message} names ${renameRefusal}`);
        assert.deepEqual(readFileSync(onServer(`blocked${TEMPORARY_UPLOAD_SUFFIX}`)), files.blocked.bytes);
        assert.equal(statSync(onServer('blocked')).isDirectory(), true);

        // A rename never goes out before its file's size was read back.
        for (const remoteName of ['old', 'first', 'blocked', 'after', 'last']) {
          const lines = log.filter((l) => l.direction === 'command').map((l) => l.text);
          assert.ok(lines.indexOf(`SIZE ${temporary(remoteName)}`) < lines.indexOf(`RNFR ${temporary(remoteName)}`), `${remoteName}: SIZE before RNFR`);
          assert.match(replyTo(log, `SIZE ${temporary(remoteName)}`), /^213 4096/);
        }
        assert.equal(log.filter((l) => l.direction === 'command' && l.text.startsWith('USER ')).length, 1, 'one connection throughout, never reopened');
      } finally {
        await queue.stop();
      }
    });
  }
});

describe('a refused first command of a pipelined pair is the error, and the replies stay in step', () => {
  for (const name of MAIN_SERVERS) {
    test(`${name}: RNFR of a missing file, RNTO with it`, async () => {
      const server = fleet.servers[name];
      const { session, log } = await openSession(fleet, server);
      try {
        const folder = `/${unique('rename-refused')}`;
        writeServerFile(server, `${folder}/here`, testBytes(1234, 5));
        await assert.rejects(session.rename(`${folder}/missing`, `${folder}/renamed`), (error: unknown) => {
          // The error is RNFR's refusal, not the "503 RNFR first" that RNTO then gets.
          assert.ok(error instanceof Error && error.message.includes(replyTo(log, `RNFR ${folder}/missing`)), String(error));
          return true;
        });
        assert.equal(await session.size(`${folder}/here`), 1234);
        assert.equal(existsSync(join(server.root, folder, 'renamed')), false);
      } finally {
        await session.close();
      }
    });
  }
  for (const name of ['proftpd-explicit', 'proftpd-implicit'] as const) {
    test(`${name}: SIZE and HASH of a missing file, then of a file`, async () => {
      const server = fleet.servers[name];
      const { session, log } = await openSession(fleet, server);
      try {
        const folder = `/${unique('size-hash')}`;
        const bytes = testBytes(3000, 6);
        writeServerFile(server, `${folder}/here`, bytes);
        // The first hash chooses the algorithm (OPTS HASH); from then on SIZE and HASH go out together.
        assert.ok(await session.hash(`${folder}/here`));
        assert.deepEqual(await session.sizeAndHash(`${folder}/missing`), { size: null, hash: null });
        assert.match(replyTo(log, `HASH ${folder}/missing`), /^5\d\d /);
        const { size, hash } = await session.sizeAndHash(`${folder}/here`);
        assert.equal(size, bytes.length);
        assert.deepEqual(hash, { algorithm: 'SHA-256', hex: createHash('sha256').update(bytes).digest('hex') });
        const commands = log.filter((l) => l.direction !== 'info' && l.direction !== 'tls').map((l) => l.text);
        assert.equal(commands[commands.indexOf(`SIZE ${folder}/here`) + 1], `HASH ${folder}/here`, 'sent together');
      } finally {
        await session.close();
      }
    });
  }
});
