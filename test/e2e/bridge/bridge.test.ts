/**
 * The end-to-end bridge carries the same contract as Electron IPC, to the same services, with the same
 * gate: checked here with Node WebSocket clients, with the page-side script evaluated against the host,
 * and against a real FTPS server of the fleet (certificate question, listing, a change pushed as an event,
 * a queued download). A Chromium test comes with the renderer.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import vm from 'node:vm';
import WebSocket from 'ws';
import type { WharfBridge, WharfEventName, WharfEvents } from '../../../common/ipc/contract';
import type { Result } from '../../../common/models/result';
import type { QueueUpdate } from '../../../common/models/transfer';
import type { CredentialStore } from '../../../main/credentials/keychain';
import { useFleet, writeServerFile } from '../../servers/fleet';
import { buildBridgeClient } from './build-client';
import { startBridgeHost, type BridgeHost } from './host';
import type { BridgeTestHooks, PageGlobals } from './client';

/** An in-memory credential store: the bridge runs the real services, but this test leaves the keychain alone. */
function memoryCredentials(): CredentialStore {
  const secrets = new Map<string, string>();
  return {
    get: async (id) => secrets.get(id) ?? null,
    set: async (id, password) => void secrets.set(id, password),
    delete: async (id) => secrets.delete(id),
    isAvailable: async () => ({ available: true }),
  };
}

/** A Node client speaking the wire protocol, collecting events so tests await them (no sleeps). */
class WireClient {
  private nextId = 1;
  private readonly waiting = new Map<number, (r: Result<unknown>) => void>();
  private readonly events: { name: string; payload: unknown }[] = [];
  private readonly watchers: { name: string; match: (p: unknown) => boolean; resolve: (p: unknown) => void }[] = [];

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const message = JSON.parse(data.toString()) as { type: string; id?: number; result?: Result<unknown>; name?: string; payload?: unknown };
      if (message.type === 'result') {
        // As the page script does: JSON drops `value: undefined` of void methods.
        const result = message.result!.ok && !('value' in message.result!) ? { ok: true as const, value: undefined } : message.result!;
        this.waiting.get(message.id!)?.(result);
        this.waiting.delete(message.id!);
      } else if (message.type === 'event') {
        this.events.push({ name: message.name!, payload: message.payload });
        for (const w of [...this.watchers]) {
          if (w.name === message.name && w.match(message.payload)) {
            this.watchers.splice(this.watchers.indexOf(w), 1);
            w.resolve(message.payload);
          }
        }
      }
    });
  }

  static open(url: string, origin: string): Promise<WireClient> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url, { origin });
      ws.once('open', () => resolve(new WireClient(ws)));
      ws.once('error', reject);
    });
  }

  call(method: string, payload: unknown): Promise<Result<unknown>> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      this.ws.send(JSON.stringify({ type: 'call', id, method, payload }));
    });
  }

  /** Resolves with the first event (already received or still to come) of that name matching `match`. */
  event<E extends WharfEventName>(name: E, match: (payload: WharfEvents[E]) => boolean = () => true): Promise<WharfEvents[E]> {
    const seen = this.events.find((e) => e.name === name && match(e.payload as WharfEvents[E]));
    if (seen) return Promise.resolve(seen.payload as WharfEvents[E]);
    return new Promise((resolve) => this.watchers.push({ name, match: match as (p: unknown) => boolean, resolve: resolve as (p: unknown) => void }));
  }

  close(): void {
    this.ws.close();
  }
}

function refusedUpgrade(url: string, origin: string | undefined): Promise<number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, origin ? { origin } : {});
    ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.once('open', () => {
      ws.close();
      resolve(101);
    });
    ws.once('error', () => undefined);
  });
}

const base = mkdtempSync(join(tmpdir(), 'wharf-bridge-test-'));
const home = join(base, 'home');
const renderer = join(base, 'renderer');
let host: BridgeHost;

before(async () => {
  mkdirSync(join(renderer, 'assets'), { recursive: true });
  mkdirSync(home);
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><html><head><script type="module" src="./assets/app.js"></script></head><body></body></html>');
  writeFileSync(join(renderer, 'assets', 'app.js'), 'window.rendererLoaded = true;');
  writeFileSync(join(base, 'secret.txt'), 'not for the page');
  host = await startBridgeHost({ rendererRoot: renderer, home, dataDir: join(base, 'data'), credentials: memoryCredentials() });
});
after(async () => {
  await host?.close();
  rmSync(base, { recursive: true, force: true });
});

describe('the bridge host over HTTP', () => {
  it('serves the renderer with the app CSP (plus its own socket) and the bridge script first', async () => {
    const response = await fetch(host.url);
    assert.equal(response.status, 200);
    const csp = response.headers.get('content-security-policy') ?? '';
    assert.match(csp, /default-src 'none'; script-src 'self'; style-src 'self'/);
    assert.match(csp, new RegExp(`connect-src ${host.origin.replace('http', 'ws').replace(/[.]/g, '\\.')}(;|$)`));
    const html = await response.text();
    assert.ok(html.indexOf('/__wharf/bridge.js') < html.indexOf('assets/app.js'), html);
    const script = await fetch(`${host.origin}/__wharf/bridge.js`);
    assert.equal(script.status, 200);
    assert.match(await script.text(), /wharfToken/);
  });

  it('refuses paths outside the renderer folder', async () => {
    for (const path of ['/%2e%2e/secret.txt', '/..%2fsecret.txt', '/assets/%2e%2e%2f%2e%2e%2fsecret.txt']) {
      const response = await fetch(`${host.origin}${path}`);
      assert.notEqual(response.status, 200, path);
      assert.doesNotMatch(await response.text(), /not for the page/);
    }
  });
});

describe('the bridge socket', () => {
  it('accepts only our token from our own origin', async () => {
    assert.equal(await refusedUpgrade(host.wsUrl.replace(/wharfToken=[^&]+/, 'wharfToken=guess'), host.origin), 403);
    assert.equal(await refusedUpgrade(host.wsUrl, 'https://evil.example'), 403);
    assert.equal(await refusedUpgrade(host.wsUrl, undefined), 403);
    assert.equal(await refusedUpgrade(host.wsUrl, host.origin), 101);
  });

  it('carries calls through the same validation and services as Electron IPC', async () => {
    const client = await WireClient.open(host.wsUrl, host.origin);
    try {
      assert.deepEqual(await client.call('appInfo', {}), { ok: true, value: { name: 'Wharf', version: 'bridge', platform: process.platform, host: 'bridge' } });
      const bad = await client.call('remoteList', { sessionId: 's1', path: '/a\r\nDELE b' });
      assert.equal(!bad.ok && bad.error.kind, 'invalid-input');
      const unknown = await client.call('toString', {});
      assert.equal(!unknown.ok && unknown.error.kind, 'invalid-input');
      const outside = await client.call('localList', { path: base });
      assert.equal(!outside.ok && outside.error.detail?.reason, 'not-allowed');
      const mkdir = await client.call('localMkdir', { path: join(home, 'made-over-the-bridge') });
      assert.deepEqual(mkdir, { ok: true, value: undefined });
      const refreshed = await client.event('listingRefreshed', (l) => l.side === 'local' && l.path === home);
      assert.ok(refreshed.entries.some((e) => e.name === 'made-over-the-bridge'));
    } finally {
      client.close();
    }
  });

  it('closes the socket on a frame that is not a call', async () => {
    const client = await WireClient.open(host.wsUrl, host.origin);
    const closed = new Promise<number>((resolve) => client.ws.once('close', (code) => resolve(code)));
    client.ws.send('{"type":"hello"}');
    assert.equal(await closed, 1008);
  });
});

describe('the page-side bridge script', () => {
  it('defines window.wharf with the preload shape and reaches the host', async () => {
    const code = await buildBridgeClient();
    const origin = host.origin;
    class PageWebSocket extends WebSocket {
      constructor(url: string) {
        super(url, { origin });
      }
    }
    const page = { location: new URL(host.url), WebSocket: PageWebSocket, URLSearchParams, console } as unknown as PageGlobals & Record<string, unknown>;
    vm.runInNewContext(code, Object.assign(page, { globalThis: page }));
    const wharf = page.wharf as WharfBridge;
    assert.ok(wharf);
    const hooks = page.wharfBridgeTest as BridgeTestHooks;
    const info = await wharf.appInfo({});
    assert.ok(info.ok && info.value.host === 'bridge');
    assert.equal(hooks.isConnected(), true);

    const events: string[] = [];
    const off = wharf.on('listingRefreshed', (l) => events.push(l.path));
    writeFileSync(join(home, 'dropped.txt'), 'from the OS');
    const forged = await wharf.dropIn({ paths: [base] });
    assert.equal(!forged.ok && forged.error.detail?.reason, 'not-from-os');
    hooks.registerDroppedPath('dropped.txt', join(home, 'dropped.txt'));
    const path = wharf.getPathForFile({ name: 'dropped.txt', size: 11 });
    const dropped = await wharf.dropIn({ paths: [path] });
    assert.ok(dropped.ok && dropped.value.entries[0]?.size === 11);
    const made = await wharf.localMkdir({ path: join(home, 'from-the-page') });
    // Objects from the page's realm: compare fields, not prototypes.
    assert.equal(made.ok, true);
    assert.ok('value' in made && made.value === undefined);
    const places = await wharf.localPlaces({});
    assert.ok(places.ok);
    assert.ok(events.includes(home), 'the event reached the page before the next answer');
    off();
  });
});

describe('the bridge against a real FTPS server', () => {
  it('sends nothing to a server whose certificate the user rejects, and reports the failed session', async () => {
    const fleet = await useFleet();
    const server = fleet.servers['proftpd-explicit'];
    const client = await WireClient.open(host.wsUrl, host.origin);
    try {
      const connecting = client.call('remoteConnect', { kind: 'quick', host: server.host, port: server.port, user: server.user, password: server.password });
      const question = await client.event('certificateQuestion', (q) => q.port === server.port);
      assert.equal(question.previousFingerprint, null);
      await client.call('answerCertificate', { questionId: question.id, decision: 'reject' });
      const closed = await client.event('questionClosed', (c) => c.questionId === question.id);
      assert.equal(closed.reason, 'answered');
      const result = await connecting;
      assert.equal(!result.ok && result.error.kind, 'tls-untrusted');
      const failed = await client.event('sessionState', (s) => s.target.port === server.port && s.state === 'failed');
      assert.equal(failed.error?.kind, 'tls-untrusted');
      const again = await client.call('answerCertificate', { questionId: question.id, decision: 'once' });
      assert.equal(!again.ok && again.error.kind, 'invalid-input');
      const sessions = await client.call('remoteSessions', {});
      assert.ok(sessions.ok && !(sessions.value as { target: { port: number } }[]).some((x) => x.target.port === server.port));
    } finally {
      client.close();
    }
  });

  it('connects after a certificate question, lists, pushes a change, and downloads through the queue', async () => {
    const fleet = await useFleet();
    const server = fleet.servers['vsftpd-explicit'];
    writeServerFile(server, 'bridge/hello.txt', 'hello over FTPS');
    const client = await WireClient.open(host.wsUrl, host.origin);
    try {
      const connecting = client.call('remoteConnect', { kind: 'quick', host: server.host, port: server.port, mode: 'explicit', user: server.user, password: server.password });
      // The fleet's CA is not the system's: the user is asked, and answers "trust once".
      const question = await client.event('certificateQuestion');
      assert.equal(question.certificate.fingerprintSha256, server.certFingerprintSha256);
      assert.equal(question.port, server.port);
      const pending = await client.call('questionsPending', {});
      assert.ok(pending.ok && (pending.value as { id: string }[]).some((q) => q.id === question.id));
      assert.deepEqual(await client.call('answerCertificate', { questionId: question.id, decision: 'once' }), { ok: true, value: undefined });
      const connected = await connecting;
      assert.ok(connected.ok, JSON.stringify(connected));
      const session = connected.value as { sessionId: string; state: string; report: { credentialsEncrypted: boolean; certificateTrust: string } };
      assert.equal(session.state, 'connected');
      assert.equal(session.report.credentialsEncrypted, true);
      assert.equal(session.report.certificateTrust, 'accepted-once');

      const listing = await client.call('remoteList', { sessionId: session.sessionId, path: '/bridge' });
      assert.ok(listing.ok && (listing.value as { entries: { name: string }[] }).entries.some((e) => e.name === 'hello.txt'));

      assert.deepEqual(await client.call('remoteMkdir', { sessionId: session.sessionId, path: '/bridge/new-folder' }), { ok: true, value: undefined });
      const refreshed = await client.event('listingRefreshed', (l) => l.side === 'remote' && l.path === '/bridge');
      assert.ok(refreshed.entries.some((e) => e.name === 'new-folder' && e.type === 'directory'));

      const report = await client.call('remoteSecurityReport', { sessionId: session.sessionId });
      assert.ok(report.ok && (report.value as { dataProtected: boolean }).dataProtected);

      const target = join(home, 'hello.txt');
      const queued = await client.call('queueEnqueue', { sessionId: session.sessionId, transfers: [{ direction: 'download', localFolder: home, remoteFolder: '/bridge', name: 'hello.txt', kind: 'file' }] });
      assert.deepEqual(queued, { ok: true, value: { added: 1, skipped: [] } });
      await client.event('queueUpdate', (u: QueueUpdate) => u.items.some((i) => i.remotePath === '/bridge/hello.txt' && i.state === 'done'));
      assert.ok(existsSync(target));
      assert.equal(readFileSync(target, 'utf8'), 'hello over FTPS');

      assert.deepEqual(await client.call('remoteDisconnect', { sessionId: session.sessionId }), { ok: true, value: undefined });
      await client.event('sessionState', (s) => s.sessionId === session.sessionId && s.state === 'closed');
      const log = await client.call('logRecent', {});
      assert.ok(log.ok);
      const lines = (log.value as { text: string }[]).map((l) => l.text).join('\n');
      assert.match(lines, /AUTH TLS/);
      assert.doesNotMatch(lines, new RegExp(server.password.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    } finally {
      client.close();
    }
  });
});
