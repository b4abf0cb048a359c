/**
 * Bounded recursion: a hostile server lists a tree without end (every folder holds another) or a very
 * wide one. A folder download (and a sync's compare) stops and asks once it passes its budget (items, depth) instead of growing
 * memory and the queue without limit: the queue asks its `onBudgetExceeded`, the app asks the user a
 * `choiceQuestion`, the command line stops with an error naming the option that raises the bound. The
 * budget is made small here (injected); the app and the CLI default to 100,000 items and 64 levels.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { ChoiceQuestion } from '../../common/ipc/payloads';
import type { CredentialStore } from '../../main/credentials/keychain';
import { FtpsSession } from '../../main/ftps/session';
import { WharfError } from '../../main/core/errors';
import { HeadlessPlatform } from '../../main/services/platform';
import { createWharfServices } from '../../main/services/wharf-services';
import { compareFolders } from '../../main/sync/compare-folders';
import { TransferQueue } from '../../main/transfers/transfer-queue';
import type { BudgetExceeded } from '../../main/transfers/expand';
import { useFleet } from '../servers/fleet';
import { startHostileServer, unixLine, type HostileServer } from './hostile-server';
import { ensureCliBuilt, fleetCertificate, hostileSessionFactory, runWharf } from './support';

const fleet = await useFleet();
const work = mkdtempSync(join(tmpdir(), 'wharf-budget-'));
const cert = fleetCertificate(fleet, 'server');
let deep: HostileServer;
let wide: HostileServer;

/** Files in the wide server's one folder. */
const WIDE_FILES = 300;

before(async () => {
  // Every folder holds a file and another folder, for ever.
  deep = await startHostileServer({
    mode: 'explicit',
    key: cert.key,
    cert: cert.cert,
    listing: () => Buffer.concat([unixLine('f.txt', { size: 1 }), unixLine('deeper', { directory: true })]),
    file: () => Buffer.from('x'),
  });
  wide = await startHostileServer({
    mode: 'explicit',
    key: cert.key,
    cert: cert.cert,
    listing: () => Buffer.concat(Array.from({ length: WIDE_FILES }, (_, i) => unixLine(`file-${String(i).padStart(3, '0')}.txt`, { size: 1 }))),
    file: () => Buffer.from('x'),
  });
});

after(async () => {
  await deep?.close();
  await wide?.close();
  rmSync(work, { recursive: true, force: true });
});

/** A paused queue (nothing is downloaded: only what expansion queues matters here). */
async function pausedQueue(server: HostileServer, answers: boolean[], asked: BudgetExceeded[], budget = { maxItems: 50, maxDepth: 8 }): Promise<TransferQueue> {
  const queue = await TransferQueue.open({
    openSession: hostileSessionFactory(server.port, cert),
    stateFile: null,
    expansionBudget: budget,
    onBudgetExceeded: async (exceeded) => {
      asked.push(exceeded);
      return answers.shift() ?? false;
    },
  });
  queue.controls.pauseAll();
  return queue;
}

describe('a recursive download past its budget', () => {
  test('an endless tree stops at the depth bound when told to stop, keeping what was queued', async () => {
    const asked: BudgetExceeded[] = [];
    const queue = await pausedQueue(deep, [false], asked);
    try {
      const adding = queue.add({ direction: 'download', siteKey: 'deep', localPath: join(work, 'deep'), remotePath: '/top', kind: 'directory' });
      await assert.rejects(adding, (err: unknown) => err instanceof WharfError && err.kind === 'cancelled' && /stopped at 8 folders deep/.test(err.message));
      assert.deepEqual(asked.map((a) => [a.limit, a.value]), [['depth', 8]]);
      assert.equal(asked[0]?.path, `/top${'/deeper'.repeat(9)}`);
      const items = queue.getSnapshot().items;
      assert.equal(items.length, 9, 'one file per level walked, levels 0 to 8');
      assert.ok(items.every((i) => i.remotePath.split('/deeper').length - 1 <= 8));
    } finally {
      await queue.stop();
    }
  });

  test('going on doubles the bound and asks again when that is passed', async () => {
    const asked: BudgetExceeded[] = [];
    const queue = await pausedQueue(deep, [true, false], asked);
    try {
      await assert.rejects(queue.add({ direction: 'download', siteKey: 'deep', localPath: join(work, 'deeper'), remotePath: '/top', kind: 'directory' }));
      assert.deepEqual(asked.map((a) => [a.limit, a.value]), [['depth', 8], ['depth', 16]]);
      assert.equal(queue.getSnapshot().items.length, 17);
    } finally {
      await queue.stop();
    }
  });

  test('a wide folder stops at the item bound; queued items never pass the bound answered for', async () => {
    const asked: BudgetExceeded[] = [];
    const queue = await pausedQueue(wide, [true, false], asked);
    try {
      await assert.rejects(queue.add({ direction: 'download', siteKey: 'wide', localPath: join(work, 'wide'), remotePath: '/w', kind: 'directory' }), /stopped at 100 files and folders/);
      assert.deepEqual(asked.map((a) => [a.limit, a.value, a.path]), [['items', 50, '/w'], ['items', 100, '/w']]);
      assert.equal(queue.getSnapshot().items.length, 100);
    } finally {
      await queue.stop();
    }
  });

  test('a tree within the budget is queued whole without a question', async () => {
    const asked: BudgetExceeded[] = [];
    const queue = await pausedQueue(wide, [], asked, { maxItems: WIDE_FILES, maxDepth: 8 });
    try {
      const added = await queue.add({ direction: 'download', siteKey: 'wide', localPath: join(work, 'whole'), remotePath: '/w', kind: 'directory' });
      assert.equal(added.added, WIDE_FILES);
      assert.deepEqual(asked, []);
    } finally {
      await queue.stop();
    }
  });

  test('in the app: a question with Continue and Stop; Stop ends the download with a clear error', async () => {
    const noKeychain: CredentialStore = {
      get: async () => null,
      set: async () => assert.fail('the keychain is not used here'),
      delete: async () => false,
      isAvailable: async () => ({ available: false, reason: 'not used in this test' }),
    };
    const services = await createWharfServices({
      dataDir: join(work, 'app-data'),
      home: work,
      platform: new HeadlessPlatform(),
      app: { name: 'Wharf', version: 'test' },
      credentials: noKeychain,
      expansionBudget: { maxItems: 1000, maxDepth: 4 },
      openSession: (options) => FtpsSession.open({ ...options, pinnedFingerprint: cert.fingerprint, keepAliveIntervalMs: 0 }),
    });
    try {
      const questions: ChoiceQuestion[] = [];
      services.events.subscribe((name, payload) => {
        if (name !== 'choiceQuestion') return;
        const question = payload as ChoiceQuestion;
        questions.push(question);
        void services.api.answerChoice({ questionId: question.id, choice: 'stop' });
      });
      const connected = await services.api.remoteConnect({ kind: 'quick', host: '127.0.0.1', port: deep.port, mode: 'explicit', user: 'u', password: 'p' });
      assert.ok(connected.ok, JSON.stringify(connected));
      services.queue.controls.pauseAll();
      const enqueued = await services.api.queueEnqueue({
        sessionId: connected.value.sessionId,
        transfers: [{ direction: 'download', localFolder: join(work, 'app-deep'), remoteFolder: '/', name: 'top', kind: 'directory' }],
      });
      assert.equal(enqueued.ok, false);
      assert.equal(!enqueued.ok && enqueued.error.kind, 'cancelled');
      assert.match(!enqueued.ok ? enqueued.error.message : '', /stopped at 4 folders deep .*what was found so far is queued/);
      assert.equal(questions.length, 1);
      const [question] = questions;
      assert.equal(question?.topic, 'expansion-budget');
      assert.deepEqual(question?.choices.map((c) => c.id), ['stop', 'continue']);
      assert.equal(question?.cancelChoice, 'stop');
      assert.match(question?.message ?? '', /folders more than 4 levels deep/);
      assert.equal(services.queue.snapshot().items.length, 5);
    } finally {
      await services.dispose();
    }
  });

  test('a sync compare of an endless tree stops at the depth bound, asked once', async () => {
    const local = join(work, 'sync-local');
    mkdirSync(local, { recursive: true });
    const session = await hostileSessionFactory(deep.port, cert)();
    try {
      const asked: BudgetExceeded[] = [];
      const comparing = compareFolders(session, {
        localRoot: local,
        remoteRoot: '/top',
        budget: { maxItems: 1000, maxDepth: 6 },
        onBudgetExceeded: async (exceeded) => {
          asked.push(exceeded);
          return false;
        },
      });
      await assert.rejects(comparing, (err: unknown) => err instanceof WharfError && err.kind === 'cancelled' && /The compare of \/top stopped at 6 folders deep/.test(err.message));
      assert.deepEqual(asked.map((a) => [a.limit, a.value, a.path]), [['depth', 6, `/top${'/deeper'.repeat(7)}`]]);
    } finally {
      await session.close();
    }
  });

  test('the command line stops with an error naming the option that raises the bound', async () => {
    ensureCliBuilt();
    const url = `ftpes://u@127.0.0.1:${deep.port}/top`;
    const env = { WHARF_PASSWORD: 'p', WHARF_DATA_DIR: join(work, 'cli-data') };
    const fingerprint = `SHA256:${cert.fingerprint.replace(/:/g, '')}`;
    const depth = await runWharf(['get', '-r', url, join(work, 'cli-deep'), '--fingerprint', fingerprint, '--max-depth', '5'], env);
    assert.equal(depth.code, 9, depth.stderr);
    assert.match(depth.stderr, /folders more than 5 levels deep .*raise the limit with --max-depth N/);
    const items = await runWharf(['get', '-r', `ftpes://u@127.0.0.1:${wide.port}/w`, join(work, 'cli-wide'), '--fingerprint', fingerprint, '--max-items', '20'], env);
    assert.equal(items.code, 9, items.stderr);
    assert.match(items.stderr, /more than 20 files and folders .*raise the limit with --max-items N/);
  });
});
