/**
 * The download boundary through the services main runs (createWharfServices, through the one gate that
 * validates requests) and through the `wharf` command line, against a scripted hostile server over real
 * TLS whose folder lists every name trick beside honest files. For each entry point: the request is
 * accepted whole, every tricked name fails alone saying why, the honest files arrive intact (`a` and
 * `a.part` both), and nothing exists anywhere in the test's temporary home outside the chosen folder.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { WharfMethod, WharfRequest } from '../../common/ipc/contract';
import type { RemoteEntry } from '../../common/models/remote-entry';
import { hasControlCharacters } from '../../common/models/site-profile';
import type { Result } from '../../common/models/result';
import type { TransferItem } from '../../common/models/transfer';
import { HeadlessPlatform } from '../../main/services/platform';
import { createWharfServices, type WharfServices } from '../../main/services/wharf-services';
import { PinnedCertificateStore } from '../../main/sites/pinned-certificates';
import { useFleet } from '../servers/fleet';
import { absoluteEscapes, boundaryFolder, runBoundaryFigures, startBoundaryServer, strayPaths, type BoundaryFolder } from './boundary';
import type { HostileServer } from './hostile-server';
import { PASSWORD, USER } from './scenarios';
import { ensureCliBuilt, fleetCertificate, runWharf } from './support';

const fleet = await useFleet();
const cert = fleetCertificate(fleet, 'server');
const TERMINAL = new Set<TransferItem['state']>(['done', 'failed', 'skipped']);

let counter = 0;

/** A fresh temporary home with the services over it, connected to a fresh boundary server. */
interface Harness {
  readonly base: string;
  readonly home: string;
  readonly chosen: string;
  readonly folder: BoundaryFolder;
  readonly server: HostileServer;
  readonly services: WharfServices;
  readonly sessionId: string;
  close(): Promise<void>;
}

async function harness(): Promise<Harness> {
  const tag = `svc-${process.pid}-${++counter}`;
  const base = mkdtempSync(join(tmpdir(), 'wharf-boundary-'));
  const home = join(base, 'home');
  const chosen = join(home, 'Downloads');
  const dataDir = join(base, 'data');
  mkdirSync(chosen, { recursive: true });
  mkdirSync(dataDir, { recursive: true });
  const folder = boundaryFolder(tag);
  const server = await startBoundaryServer(folder, cert);
  await new PinnedCertificateStore({ dataDir }).pin({ host: '127.0.0.1', port: server.port, fingerprintSha256: cert.fingerprint, subject: 'CN=hostile' });
  const services = await createWharfServices({ dataDir, home, platform: new HeadlessPlatform(), app: { name: 'Wharf', version: 'test' } });
  const site = value(await call(services, 'sitesCreate', { site: { name: tag, host: '127.0.0.1', port: server.port, user: USER, passwordStorage: 'ask' } }));
  const sessionId = value(await call(services, 'remoteConnect', { kind: 'site', siteId: site.id, password: PASSWORD })).sessionId;
  return {
    base, home, chosen, folder, server, services, sessionId,
    close: async () => {
      await services.dispose();
      await server.close();
      rmSync(base, { recursive: true, force: true });
      for (const p of folder.absoluteOutside) rmSync(p, { force: true });
    },
  };
}

/** Calls a method through the gate the app and the bridge use: validation and the local-path allow-list first. */
function call<M extends WharfMethod>(services: WharfServices, method: M, request: WharfRequest<M>): ReturnType<WharfServices['api'][M]> {
  return services.dispatch(method, request) as ReturnType<WharfServices['api'][M]>;
}

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.kind}: ${result.error.message}`);
  return result.value;
}

/** Resolves with the queue once every item in it has ended, following queue events (no polling on time). */
function whenQueueEnded(services: WharfServices, expected: number): Promise<readonly TransferItem[]> {
  return new Promise((resolve) => {
    const check = () => {
      const snapshot = services.queue.snapshot();
      if (snapshot.items.length >= expected && snapshot.items.every((i) => TERMINAL.has(i.state))) {
        off();
        resolve(snapshot.items);
      }
    };
    const off = services.events.subscribe((event) => {
      if (event === 'queueUpdate') check();
    });
    check();
  });
}

async function listed(h: Harness): Promise<readonly RemoteEntry[]> {
  return value(await call(h.services, 'remoteList', { sessionId: h.sessionId, path: h.folder.remoteFolder })).entries;
}

/** The honest files arrived whole in the chosen folder, and nothing escaped anywhere. */
function assertHonestAndContained(h: Harness, allowed: readonly string[] = ['home/Downloads', 'data']): void {
  for (const [name, content] of Object.entries(h.folder.honest)) assert.equal(readFileSync(join(h.chosen, name), 'utf8'), content, `${name} arrived intact`);
  assert.deepEqual(strayPaths(h.base, allowed), [], 'nothing in the temporary home outside the chosen folder');
  assert.deepEqual(absoluteEscapes(h.folder), [], 'nothing written at absolute paths');
}

describe('downloads from a hostile listing stay inside the chosen folder', () => {
  let h: Harness;
  before(async () => {
    h = await harness();
  });
  after(async () => {
    await h.close();
  });

  test('a pane selection (Download, Enter, double-click, drag between panes): one request, each tricked name fails alone with its reason', async () => {
    const entries = await listed(h);
    const names = entries.map((e) => e.name);
    for (const trick of h.folder.tricks) assert.ok(names.includes(trick.name), `the pane lists ${JSON.stringify(trick.name)}`);
    // The shape the renderer's transferRequests builds (test/renderer checks it): the entry as listed, the pane's folder.
    const transfers = entries.map((e) => ({ direction: 'download' as const, localFolder: h.chosen, remoteFolder: h.folder.remoteFolder, name: e.name, kind: e.type === 'directory' ? ('directory' as const) : ('file' as const) }));
    const queued = value(await call(h.services, 'queueEnqueue', { sessionId: h.sessionId, transfers }));
    assert.equal(queued.added, Object.keys(h.folder.honest).length, 'the honest files are queued');
    assert.equal(queued.skipped.length, h.folder.tricks.length, 'each tricked name is reported');
    const items = await whenQueueEnded(h.services, entries.length);
    for (const trick of h.folder.tricks) {
      const refused = items.filter((i) => i.lastError?.kind === 'unsafe-name' && i.lastError.message.startsWith('The server named this file'));
      assert.ok(
        refused.some((i) => trick.reason.test(i.lastError?.message ?? '') && (i.lastError?.detail?.name as string).length > 0),
        `${JSON.stringify(trick.name)} failed with a reason matching ${trick.reason}`,
      );
    }
    const outsideReason = items.find((i) => /would be written outside/.test(i.lastError?.message ?? ''));
    assert.match(outsideReason?.lastError?.message ?? '', /^The server named this file ".+", which would be written outside Downloads; skipped\.$/);
    assert.equal(items.filter((i) => i.state === 'failed').length, h.folder.tricks.length);
    assert.equal(items.filter((i) => i.state === 'done').length, Object.keys(h.folder.honest).length);
    // Retrying cannot make a name safe: the refused items stay as they are.
    value(await call(h.services, 'queueRetry', { itemIds: items.filter((i) => i.state === 'failed').map((i) => i.id) }));
    assert.ok(h.services.queue.snapshot().items.filter((i) => i.lastError?.kind === 'unsafe-name').every((i) => i.state === 'failed'));
    assertHonestAndContained(h);
    value(await call(h.services, 'queueClear', { states: ['done', 'failed'] }));
  });

  test('a folder download (the folder row): the tricks are left out with reasons, the honest files arrive', async () => {
    rmSync(h.chosen, { recursive: true, force: true });
    mkdirSync(h.chosen);
    const queued = value(await call(h.services, 'queueEnqueue', { sessionId: h.sessionId, transfers: [{ direction: 'download', localFolder: h.home, remoteFolder: '/', name: 'dl', kind: 'directory' }] }));
    assert.equal(queued.skipped.length, h.folder.tricks.length, JSON.stringify(queued.skipped));
    const items = await whenQueueEnded(h.services, queued.added);
    assert.ok(items.every((i) => i.state === 'done'), JSON.stringify(items.map((i) => [i.remotePath, i.state, i.lastError?.message])));
    for (const [name, content] of Object.entries(h.folder.honest)) assert.equal(readFileSync(join(h.home, 'dl', name), 'utf8'), content);
    assert.deepEqual(strayPaths(h.base, ['home/Downloads', 'home/dl', 'data']), []);
    assert.deepEqual(absoluteEscapes(h.folder), []);
    value(await call(h.services, 'queueClear', { states: ['done', 'failed'] }));
    rmSync(join(h.home, 'dl'), { recursive: true });
  });

  test('a sync down into the chosen folder: the tricks are left out with reasons, the honest files arrive', async () => {
    rmSync(h.chosen, { recursive: true, force: true });
    mkdirSync(h.chosen);
    const plan = value(await call(h.services, 'syncPlan', { sessionId: h.sessionId, localRoot: h.chosen, remoteRoot: h.folder.remoteFolder, direction: 'down' }));
    assert.ok(plan.skipped.length >= h.folder.tricks.length, JSON.stringify(plan.skipped));
    const run = value(await call(h.services, 'syncRun', { planId: plan.planId }));
    assert.ok(run.results.every((r) => r.status === 'done'), JSON.stringify(run.results));
    assertHonestAndContained(h);
    value(await call(h.services, 'queueClear', { states: ['done', 'failed'] }));
  });

  test('View/Edit and drag-out: a tricked name is refused with its reason or lands inside the scratch folder, never outside', async () => {
    for (const trick of h.folder.tricks) {
      const path = `${h.folder.remoteFolder}/${trick.name}`;
      for (const method of ['remoteOpen', 'dragOut'] as const) {
        const result = method === 'remoteOpen'
          ? await call(h.services, 'remoteOpen', { sessionId: h.sessionId, path })
          : await call(h.services, 'dragOut', { items: [{ side: 'remote', sessionId: h.sessionId, path }] });
        if (!result.ok) assert.match(result.error.kind, /unsafe-name|invalid-input/, `${method} ${JSON.stringify(trick.name)}: ${result.error.message}`);
      }
    }
    assert.deepEqual(strayPaths(h.base, ['home/Downloads', 'data']), []);
    assert.deepEqual(absoluteEscapes(h.folder), []);
  });

  test('drag-out of a selection holding every trick: per item, the honest file is dragged and each trick is logged with its reason', async () => {
    // The gate refuses a control character in a path; the window leaves such a name out before asking.
    const tricks = h.folder.tricks.filter((t) => !hasControlCharacters(t.name));
    const items = [...tricks.map((t) => t.name), 'ok.txt'].map((name) => ({ side: 'remote' as const, sessionId: h.sessionId, path: `${h.folder.remoteFolder}/${name}` }));
    const dragged = value(await call(h.services, 'dragOut', { items })).files;
    assert.ok(dragged.every((f) => f.startsWith(`${h.services.scratch.root}/`)), JSON.stringify(dragged));
    assert.ok(dragged.some((f) => readFileSync(f, 'utf8') === h.folder.honest['ok.txt']), 'the honest file is dragged');
    const logged = h.services.log.recent().map((l) => l.text).filter((t) => t.startsWith('Drag out: The server named this file'));
    assert.equal(logged.length, items.length - dragged.length, JSON.stringify(logged));
    assert.ok(logged.every((t) => / which .+; skipped\.$/.test(t)), JSON.stringify(logged));
    assert.deepEqual(strayPaths(h.base, ['home/Downloads', 'data']), []);
    assert.deepEqual(absoluteEscapes(h.folder), []);
  });
});

describe('wharf get, get -r and sync through the same check', () => {
  let base: string;
  let folder: BoundaryFolder;
  let server: HostileServer;
  before(async () => {
    ensureCliBuilt();
    base = mkdtempSync(join(tmpdir(), 'wharf-boundary-cli-'));
    folder = boundaryFolder(`cli-${process.pid}`);
    server = await startBoundaryServer(folder, cert);
  });
  after(async () => {
    await server.close();
    rmSync(base, { recursive: true, force: true });
    rmSync(`${base}-compile-cache`, { recursive: true, force: true });
    for (const p of folder.absoluteOutside) rmSync(p, { force: true });
  });

  const fingerprint = () => `SHA256:${cert.fingerprint.replace(/:/g, '')}`;
  const url = (path: string) => `ftpes://${USER}@127.0.0.1:${server.port}${path}`;
  // The launcher's compile cache goes beside `base`, not into HOME's .cache: every file under `base` outside the chosen folders is a stray.
  const wharf = (args: string[]) => runWharf([...args, '--fingerprint', fingerprint(), ...(args[0] === 'sync' ? [] : ['--overwrite', 'overwrite']), '--timeout', '5'], { WHARF_PASSWORD: PASSWORD, HOME: base, WHARF_COMPILE_CACHE_DIR: `${base}-compile-cache` });

  test('get into a folder: a name unsafe on disk fails with the reason, the honest one arrives', async () => {
    const chosen = join(base, 'get');
    mkdirSync(chosen, { recursive: true });
    for (const name of ['CON', 'nul.txt', `trailing-cli-${process.pid}.`]) {
      const run = await wharf(['get', url(`/dl/${encodeURIComponent(name)}`), chosen]);
      assert.notEqual(run.code, 0, name);
      assert.match(run.stderr, /The server named this file ".+", which (is a reserved Windows device name|ends with a dot or space)[^;]*; skipped/, run.stderr);
    }
    const ok = await wharf(['get', url('/dl/a.part'), chosen]);
    assert.equal(ok.code, 0, ok.stderr);
    assert.equal(readFileSync(join(chosen, 'a.part'), 'utf8'), folder.honest['a.part']);
    assert.deepEqual(strayPaths(base, ['get', 'getr', 'sync']), []);
  });

  test('get -r and sync down: each trick reported, the honest files intact, nothing outside the folder', async () => {
    const recursive = await wharf(['get', '-r', url('/dl'), join(base, 'getr')]);
    assert.equal(recursive.code, 0, recursive.stderr);
    mkdirSync(join(base, 'sync'));
    const sync = await wharf(['sync', join(base, 'sync'), url('/dl'), '--direction', 'down']);
    assert.equal(sync.code, 0, sync.stderr);
    for (const target of ['getr', 'sync']) {
      for (const [name, content] of Object.entries(folder.honest)) assert.equal(readFileSync(join(base, target, name), 'utf8'), content, `${target}/${name}`);
    }
    for (const out of [recursive.stderr, sync.stdout + sync.stderr]) {
      for (const reason of ['contains "/"', 'contains "\\"', 'control character', 'reserved Windows device name', 'ends with a dot or space', 'longer than 255 bytes']) {
        assert.ok(out.includes(reason), `reported: ${reason}\n${out}`);
      }
    }
    assert.deepEqual(strayPaths(base, ['get', 'getr', 'sync']), []);
    assert.deepEqual(absoluteEscapes(folder), []);
  });
});

describe('the reliability figure of the boundary', () => {
  test('every trick refused with its reason, the honest files intact, 0 files written outside', async () => {
    const figures = await runBoundaryFigures(cert);
    assert.deepEqual(figures.problems, []);
    assert.equal(figures.lostOrCorrupted, 0);
    assert.equal(figures.credentialsInClear, 0);
  });
});
