/**
 * The end-to-end bridge host: runs the very services main runs (`createWharfServices`, headless platform)
 * and carries the same contract to a page over a WebSocket on 127.0.0.1, through the same dispatcher
 * (validation, allow-list, errors as data). It also serves the built renderer with the app's CSP (plus
 * `connect-src` for its own socket) and injects the page-side bridge before the renderer's scripts.
 * A development and test tool only: never part of the packaged app.
 *
 * Run it: `node --import tsx test/e2e/bridge/host.ts [--renderer DIR] [--data-dir DIR] [--home DIR] [--port N]`
 * It prints the URL to open (with the random token) and runs until SIGINT/SIGTERM.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WebSocketServer, type WebSocket } from 'ws';
import type { QuickConnectLink } from '../../../common/ipc/payloads';
import { LinkInbox } from '../../../main/app/protocol-links';
import { CONTENT_SECURITY_POLICY, serveRendererFile } from '../../../main/app/renderer-protocol';
import type { CredentialStore } from '../../../main/credentials/keychain';
import { HeadlessPlatform } from '../../../main/services/platform';
import { createWharfServices, type WharfServices, type WharfServicesOptions } from '../../../main/services/wharf-services';
import { buildBridgeClient } from './build-client';
import { BRIDGE_SCRIPT_PATH, BRIDGE_TOKEN_PARAM, BRIDGE_WS_PATH, parseCallMessage, type HostMessage } from './wire';

/** The repository root, for the default renderer folder. */
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** Frames larger than this are refused (a 100,000-path request fits easily). */
const MAX_FRAME_BYTES = 64 * 1024 * 1024;

/** How to start a host; every default suits `npm run harness`. */
export interface BridgeHostOptions {
  /** The built renderer. default `<repo>/dist/renderer` */
  readonly rendererRoot?: string;
  /** default: a new temporary folder */
  readonly dataDir?: string;
  /** The local pane's home (allowed by default). default: os.homedir() */
  readonly home?: string;
  /** default 0 (any free port) */
  readonly port?: number;
  /** default: the OS keychain (tests may pass an in-memory store) */
  readonly credentials?: CredentialStore;
  /** default: the real engine */
  readonly openSession?: WharfServicesOptions['openSession'];
  /** default 64 MiB: a test lowers it to download "big" files in segments without moving 64 MiB */
  readonly segmentThresholdBytes?: number;
}

/** A running host. */
export interface BridgeHost {
  /** The page URL to open, token included: `http://127.0.0.1:PORT/?wharfToken=...`. */
  readonly url: string;
  /** The origin pages are served from (the only Origin the socket accepts). */
  readonly origin: string;
  /** The WebSocket URL with the token, for Node clients. */
  readonly wsUrl: string;
  readonly token: string;
  /** The real services (a test may inspect them, or script dialogs on `platform`). */
  readonly services: WharfServices;
  /** Scripted dialogs and recorded shell calls. */
  readonly platform: HeadlessPlatform;
  /**
   * Hands the app an `ftps://`/`ftpes://` link (or an argv holding one) as the OS would: through the same
   * `LinkInbox` main/app uses, so it waits for `linksReady` or is pushed as `openQuickConnect`.
   */
  offerLink(linkOrArgv: string | readonly string[]): QuickConnectLink | null;
  /**
   * Holds the next call of `method` whose payload `matches` before the services see it, as a slow disk would:
   * `arrived` resolves once it has come, `release` lets it go on. No local disk here is slow enough for a test
   * to act while a local listing is surely still under way; later calls pass as usual.
   */
  holdNextCall(method: string, matches: (payload: unknown) => boolean): { arrived: Promise<void>; release: () => void };
  close(): Promise<void>;
}

/** Starts the host: services, HTTP server for the renderer, WebSocket for the contract. */
export async function startBridgeHost(options: BridgeHostOptions = {}): Promise<BridgeHost> {
  const rendererRoot = resolve(options.rendererRoot ?? join(ROOT, 'dist', 'renderer'));
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'wharf-bridge-'));
  const platform = new HeadlessPlatform();
  // `services` exists before any page can call linksReady, so nothing is delivered before it is set.
  const links = new LinkInbox((link) => services.events.emit('openQuickConnect', link));
  const services: WharfServices = await createWharfServices({
    dataDir,
    platform,
    app: { name: 'Wharf', version: 'bridge' },
    links,
    ...(options.home ? { home: options.home } : {}),
    ...(options.credentials ? { credentials: options.credentials } : {}),
    ...(options.openSession ? { openSession: options.openSession } : {}),
    ...(options.segmentThresholdBytes !== undefined ? { segmentThresholdBytes: options.segmentThresholdBytes } : {}),
  });
  const token = randomBytes(24).toString('base64url');
  const script = await buildBridgeClient();
  let origin = '';

  const server: Server = createServer((req, res) => {
    void handleHttp(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });

  async function handleHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', origin);
    const csp = CONTENT_SECURITY_POLICY.replace("connect-src 'none'", `connect-src ${origin.replace(/^http/, 'ws')}`);
    if (url.pathname === BRIDGE_SCRIPT_PATH) {
      res.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Content-Security-Policy': csp, 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store' });
      res.end(script);
      return;
    }
    const response = await serveRendererFile(rendererRoot, url.pathname, req.method ?? 'GET', csp);
    const headers = Object.fromEntries(response.headers.entries());
    let body = Buffer.from(await response.arrayBuffer());
    if (response.status === 200 && (headers['content-type'] ?? '').startsWith('text/html')) {
      // The bridge must define window.wharf before any renderer script runs, as the preload does.
      const tag = `<script src="${BRIDGE_SCRIPT_PATH}"></script>`;
      const html = body.toString('utf8');
      body = Buffer.from(/<head[^>]*>/i.test(html) ? html.replace(/<head[^>]*>/i, (m) => `${m}${tag}`) : `${tag}${html}`, 'utf8');
      headers['content-length'] = String(body.length);
    }
    res.writeHead(response.status, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_FRAME_BYTES,
  });

  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', origin);
    const given = Buffer.from(url.searchParams.get(BRIDGE_TOKEN_PARAM) ?? '');
    const expected = Buffer.from(token);
    const tokenOk = given.length === expected.length && timingSafeEqual(given, expected);
    // The sender check of the bridge: our token, and a page from our own origin (or a Node test client
    // that says so), never another site open in the same browser.
    if (url.pathname !== BRIDGE_WS_PATH || !tokenOk || req.headers.origin !== origin) {
      socket.write('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => serveSocket(ws));
  });

  let hold: { readonly method: string; matches(payload: unknown): boolean; readonly until: Promise<void>; arrived(): void } | null = null;

  function serveSocket(ws: WebSocket): void {
    const send = (message: HostMessage) => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
    };
    const unsubscribe = services.events.subscribe((event, payload) => send({ type: 'event', name: event, payload }));
    ws.on('close', unsubscribe);
    ws.on('message', (data, isBinary) => {
      if (isBinary) return ws.close(1003, 'Text frames only');
      const call = parseCallMessage(data.toString());
      if (!call) return ws.close(1008, 'Not a call');
      const dispatch = () => void services.dispatch(call.method, call.payload).then((result) => send({ type: 'result', id: call.id, result }));
      const held = hold?.method === call.method && hold.matches(call.payload) ? hold : null;
      if (!held) return dispatch();
      hold = null;
      held.arrived();
      void held.until.then(dispatch);
    });
  }

  await new Promise<void>((ready, failed) => {
    server.once('error', failed);
    server.listen(options.port ?? 0, '127.0.0.1', () => ready());
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;

  return {
    url: `${origin}/?${BRIDGE_TOKEN_PARAM}=${token}`,
    origin,
    wsUrl: `ws://127.0.0.1:${port}${BRIDGE_WS_PATH}?${BRIDGE_TOKEN_PARAM}=${token}`,
    token,
    services,
    platform,
    offerLink: (linkOrArgv) => links.offer(linkOrArgv),
    holdNextCall(method, matches) {
      let release = () => {};
      const until = new Promise<void>((resolve) => (release = resolve));
      const arrived = new Promise<void>((resolve) => (hold = { method, matches, until, arrived: resolve }));
      return { arrived, release };
    },
    async close() {
      for (const client of wss.clients) client.terminate();
      wss.close();
      const closed = new Promise<void>((done) => server.close(() => done()));
      server.closeAllConnections();
      await closed;
      await services.dispose();
    },
  };
}

function argument(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const port = argument('port');
  const rendererRoot = argument('renderer');
  const dataDir = argument('data-dir');
  const home = argument('home');
  const host = await startBridgeHost({
    ...(port ? { port: Number(port) } : {}),
    ...(rendererRoot ? { rendererRoot } : {}),
    ...(dataDir ? { dataDir } : {}),
    ...(home ? { home } : {}),
  });
  console.log(host.url);
  const stop = () => void host.close().finally(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
