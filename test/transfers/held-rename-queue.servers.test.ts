/**
 * A verified upload's time and rename held for the session's next transfer (FtpsSession.renameWithNextCommand), in a
 * queue on a real server (pure-ftpd, MFMT: the rename is held from the session's first upload on). With the held
 * rename's timer off (`heldRenameWaitMs: 0`) only the signals send it: the pool finding the session idle, and the next
 * command that is not a transfer. With the timer on, the case it is there for: the next item keeps the session without
 * a command (a download asking whether to overwrite a local file, its size and time from the listing). Pausing or
 * cancelling the queue while the rename is held leaves the file under its final name once, verified first.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import type { LogLine } from '../../common/models';
import type { OverwriteQuestion, TransferItem } from '../../common/models/transfer';
import { TransferQueue } from '../../main/transfers/transfer-queue';
import { commandsSent, openSession, testBytes } from '../ftps/support';
import { useFleet, writeServerFile } from '../servers/fleet';

const fleet = await useFleet();
const server = fleet.servers['pureftpd-explicit'];
const SITE = 'pureftpd-explicit';
const work = mkdtempSync(join(tmpdir(), 'wharf-held-rename-queue-'));
after(() => rmSync(work, { recursive: true, force: true }));
let counter = 0;
const unique = (prefix: string) => `${prefix}-${process.pid}-${++counter}`;
/** A failure here is a held rename nobody sent: the test would otherwise wait for ever. */
const LIMIT = { timeout: 60_000 };

function openQueue(log: LogLine[], heldRenameWaitMs?: number): Promise<TransferQueue> {
  return TransferQueue.open({
    openSession: async () => (await openSession(fleet, server, { onLog: (line) => log.push(line), ...(heldRenameWaitMs !== undefined ? { heldRenameWaitMs } : {}) })).session,
    stateFile: null,
    defaultOverwrite: 'overwrite',
    defaultConcurrency: 1,
    retry: { baseDelayMs: 20, maxDelayMs: 50, tooManyConnectionsDelayMs: 50 },
  });
}

/** Runs `use` on a queue of its own (see openQueue), stopped afterwards whatever happens. */
async function withQueue(heldRenameWaitMs: number | undefined, use: (queue: TransferQueue, log: LogLine[]) => Promise<void>): Promise<void> {
  const log: LogLine[] = [];
  const queue = await openQueue(log, heldRenameWaitMs);
  try {
    await use(queue, log);
  } finally {
    await queue.stop();
  }
}

const itemNamed = (queue: TransferQueue, remotePath: string): TransferItem => {
  const item = queue.getSnapshot().items.find((i) => i.remotePath === remotePath);
  assert.ok(item, `no item ${remotePath}`);
  return item;
};

/** Resolves once `check` holds for the queue, looked at on each of its updates. */
function whenQueue(queue: TransferQueue, check: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    if (check()) return resolve();
    const stop = queue.subscribe(() => {
      if (!check()) return;
      stop();
      resolve();
    });
  });
}

function nextQuestion(queue: TransferQueue): Promise<OverwriteQuestion> {
  return new Promise((resolve) => {
    if (queue.currentQuestion) return resolve(queue.currentQuestion);
    const stop = queue.onDidChangeQuestion((question) => {
      if (!question) return;
      stop();
      resolve(question);
    });
  });
}

/** What the server's folder holds, sorted. */
const serverFolder = (folder: string): string[] => readdirSync(join(server.root, folder)).sort();

/**
 * The setup of most tests: a remote folder with `b`; upload `a` into it (temporary name, then renamed), then download
 * `b` onto a local `b` that exists (policy ask, size and time as a listing gives them), on one connection. Resolves
 * once b's question is open: a's upload is verified, its rename held on the session b keeps.
 */
async function heldBehindAQuestion(queue: TransferQueue) {
  const folder = unique('held');
  const local = join(work, folder);
  mkdirSync(local);
  const upload = testBytes(64 * 1024, ++counter);
  writeFileSync(join(local, 'a'), upload);
  writeFileSync(join(local, 'b'), 'the local b');
  writeServerFile(server, `${folder}/b`, 'the remote b');
  const remote = `/${folder}`;
  queue.enqueue([
    { kind: 'file', direction: 'upload', siteKey: SITE, localPath: join(local, 'a'), remotePath: `${remote}/a`, uploadViaTemporaryName: true },
    { kind: 'file', direction: 'download', siteKey: SITE, localPath: join(local, 'b'), remotePath: `${remote}/b`, localRoot: local, size: 12, modifiedAt: new Date(Date.UTC(2020, 0, 1)).toISOString(), overwrite: 'ask' },
  ]);
  const question = await nextQuestion(queue);
  return { folder, remote, local, upload, question };
}

/** The file's commands in the order sent: the temporary name's size is read back before RNFR names it. */
function assertVerifiedBeforeRename(log: readonly LogLine[], remote: string): void {
  const commands = commandsSent(log);
  const temporary = commands.find((c) => c.startsWith('STOR '))?.slice(5) ?? '';
  assert.ok(temporary.startsWith(`${remote}/`) && temporary !== `${remote}/a`, `uploaded under a temporary name: ${commands.join(' | ')}`);
  const size = commands.indexOf(`SIZE ${temporary}`);
  const rename = commands.indexOf(`RNFR ${temporary}`);
  assert.ok(size >= 0 && rename > size, `SIZE before RNFR: ${commands.join(' | ')}`);
  assert.equal(commands.filter((c) => c === `RNTO ${remote}/a`).length, 1, 'renamed once');
}

describe('a held rename in a queue, its timer off: the signals send it', () => {
  test('the queue goes idle: the pool sends it', LIMIT, async () => {
    await withQueue(0, async (queue, log) => {
      const folder = unique('idle');
      mkdirSync(join(work, folder));
      const bytes = testBytes(4096, 7);
      writeFileSync(join(work, folder, 'a'), bytes);
      writeServerFile(server, `${folder}/keep`, '');
      queue.enqueue([{ kind: 'file', direction: 'upload', siteKey: SITE, localPath: join(work, folder, 'a'), remotePath: `/${folder}/a`, uploadViaTemporaryName: true }]);
      await queue.whenSettled();
      assert.equal(itemNamed(queue, `/${folder}/a`).state, 'done');
      assert.deepEqual(serverFolder(folder), ['a', 'keep']);
      assert.ok(readFileSync(join(server.root, folder, 'a')).equals(bytes));
      assertVerifiedBeforeRename(log, `/${folder}`);
    });
  });

  test('the next command is not a transfer: the rename goes alone before it', LIMIT, async () => {
    await withQueue(0, async (queue, log) => {
      const folder = unique('next');
      mkdirSync(join(work, folder));
      writeFileSync(join(work, folder, 'a'), testBytes(4096, 8));
      writeFileSync(join(work, folder, 'c'), testBytes(4096, 9));
      writeServerFile(server, `${folder}/c`, 'the remote c');
      queue.enqueue([
        { kind: 'file', direction: 'upload', siteKey: SITE, localPath: join(work, folder, 'a'), remotePath: `/${folder}/a`, uploadViaTemporaryName: true },
        // c exists remotely: its policy is checked with SIZE (not a transfer) before anything is sent.
        { kind: 'file', direction: 'upload', siteKey: SITE, localPath: join(work, folder, 'c'), remotePath: `/${folder}/c`, uploadViaTemporaryName: true, overwrite: 'skip' },
      ]);
      await queue.whenSettled();
      assert.equal(itemNamed(queue, `/${folder}/a`).state, 'done');
      assert.equal(itemNamed(queue, `/${folder}/c`).state, 'skipped');
      assert.deepEqual(serverFolder(folder), ['a', 'c']);
      assertVerifiedBeforeRename(log, `/${folder}`);
      const commands = commandsSent(log);
      assert.ok(commands.indexOf(`RNTO /${folder}/a`) < commands.indexOf(`SIZE /${folder}/c`), commands.join(' | '));
    });
  });

  test('while the next item asks a question, the rename stays held (what the timer is for)', LIMIT, async () => {
    await withQueue(0, async (queue, log) => {
      const { folder, remote } = await heldBehindAQuestion(queue);
      assert.equal(itemNamed(queue, `${remote}/a`).state, 'running');
      assert.ok(!serverFolder(folder).includes('a'), `not renamed yet: ${serverFolder(folder).join(', ')}`);
      assert.ok(!commandsSent(log).includes(`RNTO ${remote}/a`));
    });
  });
});

describe('a held rename in a queue, with its timer', () => {
  test('the next item keeps the session for a question: the rename goes meanwhile, and the upload is done', LIMIT, async () => {
    await withQueue(undefined, async (queue, log) => {
      const { folder, remote, upload, question } = await heldBehindAQuestion(queue);
      await whenQueue(queue, () => itemNamed(queue, `${remote}/a`).state === 'done');
      assert.equal(queue.currentQuestion?.id, question.id, 'the question is still open');
      assert.ok(readFileSync(join(server.root, folder, 'a')).equals(upload));
      assert.deepEqual(serverFolder(folder), ['a', 'b']);
      assertVerifiedBeforeRename(log, remote);
      queue.answerOverwrite({ questionId: question.id, choice: 'skip', applyToAll: false });
      await queue.whenSettled();
    });
  });
});

describe('pause and cancel while a rename is held (its timer off, so it is held when they come)', () => {
  test('pausing the queue: the upload ends under its final name, once, verified first; the download waits', LIMIT, async () => {
    await withQueue(0, async (queue, log) => {
      const { folder, remote, local, upload } = await heldBehindAQuestion(queue);
      queue.controls.pauseAll();
      await queue.whenSettled();
      assert.equal(itemNamed(queue, `${remote}/a`).state, 'done');
      assert.equal(itemNamed(queue, `${remote}/b`).state, 'paused');
      assert.deepEqual(serverFolder(folder), ['a', 'b'], 'no temporary name left, nothing else');
      assert.ok(readFileSync(join(server.root, folder, 'a')).equals(upload));
      assertVerifiedBeforeRename(log, remote);
      // Resumed: the download asks again; the upload is not sent again.
      queue.controls.resumeAll();
      const again = await nextQuestion(queue);
      queue.answerOverwrite({ questionId: again.id, choice: 'overwrite', applyToAll: false });
      await queue.whenSettled();
      assert.equal(readFileSync(join(local, 'b'), 'utf8'), 'the remote b');
      assert.equal(commandsSent(log).filter((c) => c.startsWith('STOR ')).length, 1, 'a was sent once');
      assert.deepEqual(serverFolder(folder), ['a', 'b']);
    });
  });

  test('cancelling the queue: the verified upload still ends under its final name, once; the download leaves the local file alone', LIMIT, async () => {
    await withQueue(0, async (queue, log) => {
      const { folder, remote, local, upload } = await heldBehindAQuestion(queue);
      queue.controls.cancel(queue.getSnapshot().items.map((item) => item.id));
      await queue.whenSettled();
      // The rename was sent once the download gave the session back: the upload had been verified, so it is done.
      assert.equal(itemNamed(queue, `${remote}/a`).state, 'done');
      assert.equal(itemNamed(queue, `${remote}/b`).state, 'failed');
      assert.deepEqual(serverFolder(folder), ['a', 'b']);
      assert.ok(readFileSync(join(server.root, folder, 'a')).equals(upload));
      assertVerifiedBeforeRename(log, remote);
      assert.equal(readFileSync(join(local, 'b'), 'utf8'), 'the local b');
      assert.deepEqual(readdirSync(local).sort(), ['a', 'b'], 'no temporary download left');
    });
  });

  test('stopping the queue (quit): the held rename goes before the connection closes', LIMIT, async () => {
    const log: LogLine[] = [];
    const queue = await openQueue(log, 0);
    const { folder, remote, upload } = await heldBehindAQuestion(queue);
    await queue.stop();
    assert.deepEqual(serverFolder(folder), ['a', 'b']);
    assert.ok(readFileSync(join(server.root, folder, 'a')).equals(upload));
    assertVerifiedBeforeRename(log, remote);
    assert.ok(!existsSync(join(server.root, folder, 'a.wharf-part')));
  });
});
