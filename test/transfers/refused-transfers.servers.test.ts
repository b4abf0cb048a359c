/**
 * A transfer the server refuses (RETR of a file the user may not read, STOR into a folder the user may not write)
 * fails at once with the server's own reply, on every kind of server. The passive data connection is open
 * before the command is sent, and proftpd resets it as it refuses: that reset must not hide the refusal and
 * turn it into a "connection lost" that the queue retries.
 */
import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, describe, test } from 'node:test';
import type { LogLine } from '../../common/models/log';
import type { TransferItem } from '../../common/models/transfer';
import { TransferQueue } from '../../main/transfers/transfer-queue';
import { makeForeign, useFleet, writeServerFile, type ServerName } from '../servers/fleet';
import { openSession } from '../ftps/support';

const fleet = await useFleet();
const work = mkdtempSync(join(tmpdir(), 'wharf-refused-'));
after(() => rmSync(work, { recursive: true, force: true }));

const SERVERS: readonly ServerName[] = ['proftpd-explicit', 'vsftpd-explicit', 'pureftpd-explicit', 'pyftpdlib-explicit'];
let counter = 0;
const unique = (prefix: string) => `${prefix}-${process.pid}-${++counter}`;

/** A queue whose sessions all log into `log`; retries are quick, so a wrongly retried refusal still ends soon. */
async function queueLoggingInto(log: LogLine[]): Promise<TransferQueue> {
  return TransferQueue.open({
    openSession: async (siteKey) => {
      const opened = await openSession(fleet, fleet.servers[siteKey as ServerName], { onLog: (line) => log.push(line) });
      return opened.session;
    },
    stateFile: null,
    defaultOverwrite: 'overwrite',
    retry: { baseDelayMs: 20, maxDelayMs: 50, tooManyConnectionsDelayMs: 50 },
  });
}

async function runOne(log: LogLine[], transfer: Parameters<TransferQueue['add']>[0]): Promise<TransferItem> {
  const queue = await queueLoggingInto(log);
  try {
    await queue.add(transfer);
    await queue.whenSettled();
    const [item] = queue.getSnapshot().items;
    assert.ok(item);
    return item;
  } finally {
    await queue.stop();
  }
}

/** The replies the server gave to `verb` commands, as logged. */
function repliesTo(log: readonly LogLine[], verb: string): string[] {
  const replies: string[] = [];
  const waiting = new Set<string>();
  for (const line of log) {
    if (line.direction === 'command' && line.text.startsWith(`${verb} `)) waiting.add(line.connectionId);
    else if (line.direction === 'reply' && waiting.has(line.connectionId) && /^[2-5]\d\d/.test(line.text)) {
      waiting.delete(line.connectionId);
      replies.push(line.text.trim());
    }
  }
  return replies;
}

function commandCount(log: readonly LogLine[], verb: string): number {
  return log.filter((line) => line.direction === 'command' && line.text.startsWith(`${verb} `)).length;
}

function assertRefusedOnce(item: TransferItem, log: readonly LogLine[], verb: 'RETR' | 'STOR'): void {
  assert.equal(item.state, 'failed', JSON.stringify(item));
  assert.equal(item.attempts, 1, `one attempt: ${item.lastError?.message ?? ''}`);
  assert.equal(commandCount(log, verb), 1, `one ${verb}`);
  const [reply] = repliesTo(log, verb);
  assert.ok(reply, `the server answered ${verb}`);
  assert.match(reply, /^55\d/);
  assert.equal(item.lastError?.kind, 'ftp', item.lastError?.message);
  assert.equal(item.lastError?.code, Number(reply.slice(0, 3)));
  assert.ok(item.lastError?.message.includes(reply.slice(4).trim()), `"${item.lastError?.message}" carries the server's words "${reply}"`);
}

describe('a refused transfer fails at once with the server reply', () => {
  for (const name of SERVERS) {
    test(`${name}: downloading a file the user may not read (mode 000)`, async () => {
      const server = fleet.servers[name];
      const remote = `/${unique('unreadable')}.txt`;
      chmodSync(writeServerFile(server, remote, 'secret'), 0o000);
      const log: LogLine[] = [];
      const item = await runOne(log, { direction: 'download', siteKey: name, localPath: join(work, unique('down')), remotePath: remote, kind: 'file' });
      assertRefusedOnce(item, log, 'RETR');
    });

    test(`${name}: uploading into a folder the user may not write`, async () => {
      const server = fleet.servers[name];
      const folder = `/${unique('read-only')}`;
      chmodSync(dirname(writeServerFile(server, `${folder}/present.txt`, 'x')), 0o555);
      const local = join(work, unique('up'));
      writeFileSync(local, 'new content');
      const log: LogLine[] = [];
      const item = await runOne(log, { direction: 'upload', siteKey: name, localPath: local, remotePath: `${folder}/new.txt`, kind: 'file' });
      assertRefusedOnce(item, log, 'STOR');
    });
  }

  test('proftpd-explicit: downloading a file of another user (mode 600)', async () => {
    const server = fleet.servers['proftpd-explicit'];
    const remote = `/${unique('foreign')}.txt`;
    writeServerFile(server, remote, 'not yours');
    makeForeign(server, remote, 0o600);
    const log: LogLine[] = [];
    const item = await runOne(log, { direction: 'download', siteKey: server.name, localPath: join(work, unique('down')), remotePath: remote, kind: 'file' });
    assertRefusedOnce(item, log, 'RETR');
  });
});
