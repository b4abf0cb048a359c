/**
 * View/Edit against a real vsftpd of the fleet, through the very services main runs (`createWharfServices`
 * with a headless platform): a file opened with `remoteOpen` is watched; saving it with new bytes asks
 * `editedFileChanged`, and "upload" sends them through the transfer queue to the server. A touch asks
 * nothing, a change on the server is reported, "stop" and a closed session end the watching. Waits are on
 * events (the service's own checks, the queue's updates), never on time.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { WharfEventName, WharfEvents } from '../../common/ipc/contract';
import type { CredentialStore } from '../../main/credentials/keychain';
import { FtpsSession } from '../../main/ftps/session';
import { EditedFilesService, type EditCheckOutcome } from '../../main/services/edited-files';
import { EventHub } from '../../main/services/event-hub';
import { HeadlessPlatform } from '../../main/services/platform';
import { createWharfServices, type WharfServices } from '../../main/services/wharf-services';
import { useFleet, writeServerFile, type ServerInfo } from '../servers/fleet';

const work = mkdtempSync(join(tmpdir(), 'wharf-edit-'));
/** Quick connections keep no password: the keychain is never asked. */
const noKeychain: CredentialStore = {
  get: async () => null,
  set: async () => assert.fail('the keychain is not used here'),
  delete: async () => false,
  isAvailable: async () => ({ available: false, reason: 'not used in this test' }),
};

const platform = new HeadlessPlatform();
let server: ServerInfo;
let services: WharfServices;
let sessionId: string;
const seen: { name: WharfEventName; payload: unknown }[] = [];
const waiters: { name: WharfEventName; match: (p: unknown) => boolean; resolve: (p: unknown) => void }[] = [];

/** The first event (already pushed, or still to come) of that name matching `match`. */
function nextEvent<E extends WharfEventName>(name: E, match: (payload: WharfEvents[E]) => boolean): Promise<WharfEvents[E]> {
  const earlier = seen.find((e) => e.name === name && match(e.payload as WharfEvents[E]));
  if (earlier) return Promise.resolve(earlier.payload as WharfEvents[E]);
  return new Promise((resolve) => waiters.push({ name, match: match as (p: unknown) => boolean, resolve: resolve as (p: unknown) => void }));
}

/** The outcome of the next check of this copy (the service checks once a save has settled). */
function nextCheck(edited: EditedFilesService, localPath: string): Promise<EditCheckOutcome> {
  return new Promise((resolve) => {
    const off = edited.onDidCheck((path, outcome) => {
      if (path !== localPath) return;
      off();
      resolve(outcome);
    });
  });
}

function questionsAbout(localPath: string): WharfEvents['editedFileChanged'][] {
  return seen.filter((e) => e.name === 'editedFileChanged').map((e) => e.payload as WharfEvents['editedFileChanged']).filter((q) => q.localPath === localPath);
}

/** Puts a file on the server and opens it as the context menu's Open does; answers the local copy's path. */
async function openRemote(remotePath: string, content: string): Promise<string> {
  writeServerFile(server, remotePath, content);
  const opened = await services.api.remoteOpen({ sessionId, path: remotePath });
  assert.ok(opened.ok, JSON.stringify(opened));
  return opened.value.file;
}

/** Waits for the queue to finish uploading this copy. */
function uploaded(localPath: string): Promise<unknown> {
  return nextEvent('queueUpdate', (u) => u.items.some((i) => i.localPath === localPath && i.direction === 'upload' && i.state === 'done'));
}

before(async () => {
  const fleet = await useFleet();
  server = fleet.servers['vsftpd-explicit'];
  services = await createWharfServices({
    dataDir: join(work, 'data'),
    home: work,
    platform,
    app: { name: 'Wharf', version: 'test' },
    credentials: noKeychain,
    scratchParent: join(work, 'scratch'),
    // The fleet's CA is not the system's: trusted here so no certificate question stands in the way.
    openSession: (options) => FtpsSession.open({ ...options, extraCaPem: [fleet.caCertPem], keepAliveIntervalMs: 0 }),
  });
  services.events.subscribe((name, payload) => {
    seen.push({ name, payload });
    for (const w of [...waiters]) {
      if (w.name === name && w.match(payload)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(payload);
      }
    }
  });
  const connected = await services.api.remoteConnect({ kind: 'quick', host: server.host, port: server.port, mode: 'explicit', user: server.user, password: server.password });
  assert.ok(connected.ok, JSON.stringify(connected));
  sessionId = connected.value.sessionId;
});

after(async () => {
  await services?.dispose();
  if (services) assert.equal(existsSync(services.scratch.root), false, 'the scratch folder is removed at quit');
  rmSync(work, { recursive: true, force: true });
});

describe('View/Edit: opened remote files are watched and uploaded back when saved', () => {
  it('asks nothing for a touch, asks after a real save, and uploads the new bytes through the queue', async () => {
    const file = await openRemote('/edit/notes.txt', 'first version\n');
    assert.equal(readFileSync(file, 'utf8'), 'first version\n');
    // The copy is private: a 0600 file alone in a 0700 folder of this run's 0700 scratch folder.
    assert.equal(statSync(file).mode & 0o777, 0o600);
    assert.equal(statSync(dirname(file)).mode & 0o777, 0o700);
    assert.equal(statSync(dirname(dirname(file))).mode & 0o777, 0o700);
    assert.equal(dirname(dirname(dirname(file))), join(work, 'scratch'));
    assert.ok(platform.record.opened.includes(file));
    assert.ok(services.edited.isWatching(file));

    // An editor saving without changes: new time, same bytes.
    const touched = nextCheck(services.edited, file);
    writeFileSync(file, 'first version\n');
    const later = new Date(Date.now() + 60_000);
    utimesSync(file, later, later);
    assert.equal(await touched, 'same-content');
    assert.deepEqual(questionsAbout(file), []);

    const asked = nextEvent('editedFileChanged', (q) => q.localPath === file);
    writeFileSync(file, 'second version, edited locally\n');
    const question = await asked;
    assert.equal(question.name, 'notes.txt');
    assert.equal(question.remotePath, '/edit/notes.txt');
    assert.equal(question.sessionId, sessionId);
    assert.equal(question.server, `${server.user}@${server.host}`);
    assert.equal(question.local.size, Buffer.byteLength('second version, edited locally\n'));
    assert.equal(question.remoteBefore.size, Buffer.byteLength('first version\n'));
    assert.equal(question.remoteChanged, false);
    const pending = await services.api.questionsPending({});
    assert.ok(pending.ok && pending.value.some((q) => q.kind === 'edited-file' && q.id === question.id));

    const done = uploaded(file);
    assert.deepEqual(await services.api.answerEditedFile({ questionId: question.id, action: 'upload' }), { ok: true, value: undefined });
    assert.equal((await nextEvent('questionClosed', (c) => c.questionId === question.id)).reason, 'answered');
    await done;
    assert.equal(readFileSync(join(server.root, 'edit', 'notes.txt'), 'utf8'), 'second version, edited locally\n');
    const again = await services.api.answerEditedFile({ questionId: question.id, action: 'upload' });
    assert.equal(!again.ok && again.error.kind, 'invalid-input');

    // Our own upload is not "a change on the server": the next save asks again, with nothing to warn about.
    const askedAgain = nextEvent('editedFileChanged', (q) => q.localPath === file && q.id !== question.id);
    writeFileSync(file, 'third version\n');
    const second = await askedAgain;
    assert.equal(second.remoteChanged, false);
    assert.equal(second.remoteBefore.size, Buffer.byteLength('second version, edited locally\n'));
    assert.deepEqual(await services.api.answerEditedFile({ questionId: second.id, action: 'ignore' }), { ok: true, value: undefined });
    assert.equal(readFileSync(join(server.root, 'edit', 'notes.txt'), 'utf8'), 'second version, edited locally\n', 'not uploaded');
    assert.ok(services.edited.isWatching(file), '"Don’t upload" keeps watching');
  });

  it('says the server’s file changed since it was opened when its time differs, even at the same size', async () => {
    const file = await openRemote('/edit/shared.txt', 'original text\n');
    // A colleague saves a change of the same length; its modification time moves.
    const onServer = writeServerFile(server, 'edit/shared.txt', 'changed text!\n');
    const anHourLater = new Date(statSync(onServer).mtimeMs + 3_600_000);
    utimesSync(onServer, anHourLater, anHourLater);

    const asked = nextEvent('editedFileChanged', (q) => q.localPath === file);
    writeFileSync(file, 'my own edit here\n');
    const question = await asked;
    assert.equal(question.remoteChanged, true);
    assert.ok(question.remoteNow, 'the server still has the file');
    assert.equal(question.remoteNow.size, question.remoteBefore.size);
    assert.notEqual(question.remoteNow.modifiedAt, question.remoteBefore.modifiedAt);
    assert.deepEqual(await services.api.answerEditedFile({ questionId: question.id, action: 'ignore' }), { ok: true, value: undefined });
    assert.equal(readFileSync(onServer, 'utf8'), 'changed text!\n', 'the colleague’s edit is still there');
  });

  it('asks nothing more after "stop", and stops watching when the session is disconnected', async () => {
    const stopped = await openRemote('/edit/stop.txt', 'stop me\n');
    const other = await openRemote('/edit/other.txt', 'other\n');

    const asked = nextEvent('editedFileChanged', (q) => q.localPath === stopped);
    writeFileSync(stopped, 'changed once\n');
    const question = await asked;
    assert.deepEqual(await services.api.answerEditedFile({ questionId: question.id, action: 'stop' }), { ok: true, value: undefined });
    assert.equal(services.edited.isWatching(stopped), false);

    // Saved after "stop", before a save of a file still watched: that one is asked about, this one never.
    // The watched one is saved as many editors do: a new file written beside it, then renamed over it.
    writeFileSync(stopped, 'changed twice\n');
    const otherAsked = nextEvent('editedFileChanged', (q) => q.localPath === other);
    const beside = join(dirname(other), '.other.txt.swp');
    writeFileSync(beside, 'other, edited\n');
    renameSync(beside, other);
    const otherQuestion = await otherAsked;
    assert.equal(otherQuestion.local.size, Buffer.byteLength('other, edited\n'));
    assert.equal(questionsAbout(stopped).length, 1);
    assert.equal(readFileSync(join(server.root, 'edit', 'stop.txt'), 'utf8'), 'stop me\n');

    // Closing the session withdraws the open question and ends the watching.
    const withdrawn = nextEvent('questionClosed', (c) => c.questionId === otherQuestion.id);
    assert.deepEqual(await services.api.remoteDisconnect({ sessionId }), { ok: true, value: undefined });
    assert.equal((await withdrawn).reason, 'cancelled');
    assert.equal(services.edited.isWatching(other), false);
    assert.deepEqual(services.edited.pending(), []);
  });
});

describe('View/Edit limits', () => {
  it('watches at most maxWatched copies, dropping the oldest one nobody is being asked about, and none after shutdown', async () => {
    const events = new EventHub();
    const asked: string[] = [];
    const withdrawn: string[] = [];
    events.subscribe((name, payload) => {
      if (name === 'editedFileChanged') asked.push((payload as WharfEvents['editedFileChanged']).localPath);
      if (name === 'questionClosed') withdrawn.push((payload as WharfEvents['questionClosed']).reason);
    });
    const edited = new EditedFilesService({
      events,
      remoteFacts: async () => ({ size: 1, modifiedAt: null }),
      upload: async () => assert.fail('nothing is uploaded here'),
      serverLabel: () => 'server',
      onLog: () => undefined,
      maxWatched: 2,
    });
    try {
      const copies = ['a', 'b', 'c'].map((name) => {
        const folder = mkdtempSync(join(work, 'limit-'));
        writeFileSync(join(folder, `${name}.txt`), name);
        return join(folder, `${name}.txt`);
      });
      const [a, b, c] = copies as [string, string, string];
      await edited.watch({ sessionId: 's1', localPath: a, remotePath: '/a.txt', remote: { size: 1, modifiedAt: null } });
      await edited.watch({ sessionId: 's1', localPath: b, remotePath: '/b.txt', remote: { size: 1, modifiedAt: null } });
      // The oldest (a) has a question open: the next oldest goes instead.
      const checked = nextCheck(edited, a);
      writeFileSync(a, 'a, edited');
      assert.equal(await checked, 'asked');
      await edited.watch({ sessionId: 's1', localPath: c, remotePath: '/c.txt', remote: { size: 1, modifiedAt: null } });
      assert.deepEqual(copies.map((p) => edited.isWatching(p)), [true, false, true]);
      assert.deepEqual(asked, [a]);

      // Shutdown: nothing is watched any more and the open question is withdrawn.
      edited.stopAll();
      assert.deepEqual(copies.map((p) => edited.isWatching(p)), [false, false, false]);
      assert.deepEqual(withdrawn, ['cancelled']);
    } finally {
      edited.stopAll();
    }
  });
});
