/**
 * Proxies, against real parts: a vsftpd inside a network namespace whose firewall drops every packet from
 * this host to its control and passive ports, and real proxies from Debian inside the same namespace
 * (dante for SOCKS5, tinyproxy for HTTP CONNECT). A direct connection cannot reach the server; a
 * transfer that arrives with the same SHA-256 on both sides went through the proxy, control and data alike.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { before, describe, test } from 'node:test';
import { setUiLocale } from '../../common/i18n/t';
import { parseProxyUrl } from '../../common/models/proxy';
import { FtpsSession } from '../../main/ftps/session';
import { WharfError } from '../../main/core/errors';
import { isExemptFromProxy, proxyDialer, resolveProxy, type ProxyEndpoint } from '../../main/ftps/proxy';
import { startVsftpd, type ExtraServer } from '../servers/doctor-servers';
import { useFleet } from '../servers/fleet';
import { createNetworkNamespace, type NetworkNamespace } from '../servers/network-namespace';
import { startSocksProxy, startTinyproxy, type TestProxy } from '../servers/proxies';
import { targetFor, testBytes } from './support';
import { downloadDirectly } from './direct-read-support';

const fleet = await useFleet();
const SOCKS_LOGIN = { user: 'wharf-proxy-user', password: 'Proxy-pass-1' };
const HTTP_LOGIN = { user: 'wharf-http-user', password: 'Http-pass-1' };
let network: NetworkNamespace;
let server: ExtraServer;
/** Plain FTP behind the same proxies: its data connections are where a proxy's bytes could come before the direct reads. */
let plainServer: ExtraServer;
let socks: TestProxy;
let socksWithLogin: TestProxy;
let http: TestProxy;
let httpWithLogin: TestProxy;
let httpControlPortOnly: TestProxy;

before(async () => {
  network = await createNetworkNamespace();
  server = await startVsftpd(fleet, { name: 'behind-proxy', network });
  plainServer = await startVsftpd(fleet, { name: 'plain-behind-proxy', network, mode: 'plain', namespacePorts: { control: 2122, passiveBase: 30010 } });
  const [low, high] = server.passivePorts;
  const [plainLow, plainHigh] = plainServer.passivePorts;
  const ports = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
  const allowed = [server.port, ...ports(low, high), plainServer.port, ...ports(plainLow, plainHigh)];
  [socks, socksWithLogin, http, httpWithLogin, httpControlPortOnly] = await Promise.all([
    startSocksProxy(network, 1080),
    startSocksProxy(network, 1081, SOCKS_LOGIN),
    startTinyproxy(network, 8888, { connectPorts: allowed }),
    startTinyproxy(network, 8889, { connectPorts: allowed, login: HTTP_LOGIN }),
    startTinyproxy(network, 8890, { connectPorts: [server.port] }),
  ]);
  // From here on only programs inside the namespace (the proxies) reach the FTP ports.
  await network.dropTcpFromHost(server.port, server.port);
  await network.dropTcpFromHost(low, high);
  await network.dropTcpFromHost(plainServer.port, plainServer.port);
  await network.dropTcpFromHost(plainLow, plainHigh);
});

function endpoint(proxy: TestProxy, login?: { user: string; password: string }): ProxyEndpoint {
  return { kind: proxy.kind, host: proxy.host, port: proxy.port, user: login?.user ?? '', password: login?.password ?? '', source: 'test' };
}

function open(proxy: ProxyEndpoint | null, options: { timeoutMs?: number; dataMode?: 'passive' | 'active'; plain?: boolean } = {}): Promise<FtpsSession> {
  const to = options.plain ? plainServer : server;
  return FtpsSession.open({
    target: targetFor(to, { dataMode: options.dataMode ?? 'passive' }),
    password: to.password,
    allowPlain: options.plain ?? false,
    // The fleet's certificate names 127.0.0.1, not the namespace's address: pinned, as a user would.
    pinnedFingerprint: fleet.servers['vsftpd-explicit'].certFingerprintSha256 ?? '',
    keepAliveIntervalMs: 0,
    timeoutMs: options.timeoutMs ?? 10_000,
    proxy,
  });
}

function sha256(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Uploads and downloads through the session: the server's copy and the downloaded copy match the original. */
async function transferBothWays(session: FtpsSession, name: string): Promise<void> {
  const content = testBytes(1024 * 1024 + 17, name.length);
  await session.upload(Readable.from([content]), `/${name}`);
  assert.equal(sha256(readFileSync(join(server.root, name))), sha256(content), 'the server holds what was sent');
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (c: Buffer) => chunks.push(c));
  await session.download(`/${name}`, sink);
  assert.equal(sha256(Buffer.concat(chunks)), sha256(content), 'the download is what the server holds');
  const listing = await session.list('/');
  assert.ok(listing.some((e) => e.name === name));
}

/** A download through `proxy` from each server, TLS and plain: its bytes reach the sink directly (direct-read.ts), whole. */
async function downloadsDirectly(proxy: ProxyEndpoint, name: string): Promise<void> {
  for (const plain of [false, true]) {
    const data = testBytes(3 * 1024 * 1024 + 5, name.length + (plain ? 1 : 0));
    writeFileSync(join((plain ? plainServer : server).root, name), data);
    const session = await open(proxy, { plain });
    try {
      await downloadDirectly(session, `/${name}`, data, { proxied: true });
    } finally {
      await session.close();
    }
  }
}

test('the firewall: without a proxy the server cannot be reached', async () => {
  await assert.rejects(open(null, { timeoutMs: 1500 }), (err: WharfError) => {
    assert.equal(err.kind, 'timeout');
    return true;
  });
});

describe('SOCKS5 (dante)', () => {
  test('control and passive data connections go through it; sha256 equal on both sides', async () => {
    const session = await open(endpoint(socks));
    try {
      assert.deepEqual(session.report.proxy, { via: `socks5://${socks.host}:${socks.port}`, source: 'test' });
      await transferBothWays(session, 'via-socks.bin');
      assert.equal(session.report.dataProtected, true);
    } finally {
      await session.close();
    }
  });

  test('a download through it, TLS or plain, reaches its sink directly, byte for byte', async () => {
    await downloadsDirectly(endpoint(socks), 'direct-via-socks.bin');
  });

  test('a plain download into a stream through it arrives whole (bytes sent before the transfer is read are kept)', async () => {
    const data = testBytes(3 * 1024 * 1024 + 11, 9);
    writeFileSync(join(plainServer.root, 'streamed-via-socks.bin'), data);
    const session = await open(endpoint(socks), { plain: true });
    try {
      const sink = new PassThrough();
      const chunks: Buffer[] = [];
      sink.on('data', (c: Buffer) => chunks.push(c));
      await session.download('/streamed-via-socks.bin', sink);
      assert.equal(sha256(Buffer.concat(chunks)), sha256(data));
      const listing = await session.list('/');
      assert.ok(listing.some((entry) => entry.name === 'streamed-via-socks.bin'), 'a plain listing through it is whole too');
    } finally {
      await session.close();
    }
  });

  test('with a user and password', async () => {
    const session = await open(endpoint(socksWithLogin, SOCKS_LOGIN));
    try {
      await transferBothWays(session, 'via-socks-login.bin');
    } finally {
      await session.close();
    }
  });

  test('a wrong proxy password is a login error about the proxy, not the server', async () => {
    await assert.rejects(open(endpoint(socksWithLogin, { ...SOCKS_LOGIN, password: 'wrong' })), (err: WharfError) => {
      assert.equal(err.kind, 'auth');
      assert.equal(err.detail?.proxyStep, 'authenticate');
      assert.match(err.message, /SOCKS5 proxy .* refused the user name or password/);
      return true;
    });
  });

  test('a proxy that needs a login, given none, says so', async () => {
    await assert.rejects(open(endpoint(socksWithLogin)), (err: WharfError) => err.kind === 'auth' && /requires a login/.test(err.message));
  });
});

describe('HTTP CONNECT (tinyproxy)', () => {
  test('control and passive data connections go through it; sha256 equal on both sides', async () => {
    const session = await open(endpoint(http));
    try {
      await transferBothWays(session, 'via-http.bin');
    } finally {
      await session.close();
    }
    assert.match(http.log(), new RegExp(`CONNECT ${network.innerAddress.replace(/\./g, '\\.')}:${server.port}`));
  });

  test('a download through it, TLS or plain, reaches its sink directly, byte for byte', async () => {
    await downloadsDirectly(endpoint(http), 'direct-via-http.bin');
  });

  test('with Basic authentication; a wrong password is a login error about the proxy', async () => {
    const session = await open(endpoint(httpWithLogin, HTTP_LOGIN));
    try {
      await transferBothWays(session, 'via-http-login.bin');
    } finally {
      await session.close();
    }
    await assert.rejects(open(endpoint(httpWithLogin, { ...HTTP_LOGIN, password: 'wrong' })), (err: WharfError) => err.kind === 'auth' && err.detail?.proxyStep === 'authenticate' && /HTTP proxy .* refused the user name or password/.test(err.message));
  });

  test('uploads are never cut when the proxy tears the tunnel down at our half-close (40 in a row)', async () => {
    // tinyproxy closes both sides once we end; a TLS 1.3 session ticket from vsftpd arriving after that made the
    // proxy's kernel reset the server's side and drop undelivered bytes ("426 Failure reading network stream"),
    // in 3-7% of such uploads before the end waited for the ticket (main/ftps/data-connection.ts).
    const session = await open(endpoint(http));
    try {
      for (let i = 0; i < 40; i++) {
        const content = testBytes(1024 * 1024 + i, i);
        await session.upload(Readable.from([content]), `/in-a-row-${i}.bin`);
        assert.equal(sha256(readFileSync(join(server.root, `in-a-row-${i}.bin`))), sha256(content), `upload ${i} arrived whole`);
      }
      assert.equal(session.report.tlsVersion, 'TLSv1.3', 'the case needs TLS 1.3, whose tickets come after the handshake');
    } finally {
      await session.close();
    }
  });

  test('a proxy that allows CONNECT to the control port only: the data connection fails naming the proxy', async () => {
    const session = await open(endpoint(httpControlPortOnly));
    try {
      await assert.rejects(session.list('/'), (err: WharfError) => {
        assert.equal(err.kind, 'data-channel');
        assert.match(err.message, /refused CONNECT to .*:\d+: 403/);
        return true;
      });
    } finally {
      await session.close();
    }
  });
});

test('active mode is refused behind a proxy, with the reason, before connecting', async () => {
  await assert.rejects(open(endpoint(socks), { dataMode: 'active' }), (err: WharfError) => {
    assert.equal(err.kind, 'invalid-input');
    assert.match(err.message, /Active mode cannot work through a proxy/);
    assert.match(err.message, /passive mode/);
    return true;
  });
});

test('"system" reads ALL_PROXY, then HTTPS_PROXY, and NO_PROXY exempts', async () => {
  const host = network.innerAddress;
  assert.equal(resolveProxy({ mode: 'system', proxyUrl: '', source: 'site' }, host, null, {}), null);
  const fromAll = resolveProxy({ mode: 'system', proxyUrl: '', source: 'site' }, host, null, { ALL_PROXY: socks.url, HTTPS_PROXY: http.url });
  assert.deepEqual(fromAll && { kind: fromAll.kind, port: fromAll.port, source: fromAll.source }, { kind: 'socks5', port: socks.port, source: 'ALL_PROXY' });
  const fromHttps = resolveProxy({ mode: 'system', proxyUrl: '', source: 'site' }, host, null, { HTTPS_PROXY: http.url });
  assert.equal(fromHttps?.source, 'HTTPS_PROXY');
  assert.equal(resolveProxy({ mode: 'system', proxyUrl: '', source: 'site' }, host, null, { ALL_PROXY: socks.url, NO_PROXY: host }), null);
  assert.throws(() => resolveProxy({ mode: 'system', proxyUrl: '', source: 'site' }, host, null, { ALL_PROXY: 'ftp://x' }), /ALL_PROXY/);
  // And a session opened with what the environment named reaches the server.
  const session = await open(fromAll);
  try {
    await transferBothWays(session, 'via-environment.bin');
  } finally {
    await session.close();
  }
});

test('proxy addresses: what is accepted and the sentence for what is not', () => {
  assert.deepEqual(parseProxyUrl('socks5://alice:s%40cret@proxy.example:1080'), { kind: 'socks5', host: 'proxy.example', port: 1080, user: 'alice', password: 's@cret' });
  assert.deepEqual(parseProxyUrl('http://[::1]:3128'), { kind: 'http', host: '::1', port: 3128, user: '', password: null });
  assert.equal((parseProxyUrl('socks5h://p') as { port: number }).port, 1080);
  assert.match((parseProxyUrl('https://p:1') as { error: string }).error, /not supported/);
  assert.match((parseProxyUrl('p:1080') as { error: string }).error, /socks5:\/\/host:port/);
  assert.match((parseProxyUrl('http://p:70000') as { error: string }).error, /between 1 and 65535/);
  // The same refusals in the window's or terminal's language.
  setUiLocale('de');
  try {
    assert.match((parseProxyUrl('https://p:1') as { error: string }).error, /^Wharf unterstützt SOCKS5- und HTTP-CONNECT-Proxys; "https:\/\/" ist keines davon \(eine TLS-Verbindung/);
    assert.equal((parseProxyUrl('http://p:70000') as { error: string }).error, 'Der Proxy-Port 70000 liegt nicht zwischen 1 und 65535.');
  } finally {
    setUiLocale('en');
  }
  assert.equal(isExemptFromProxy('ftp.corp.example', '.corp.example'), true);
  assert.equal(isExemptFromProxy('ftp.corp.example', 'corp.example'), true);
  assert.equal(isExemptFromProxy('notcorp.example', 'corp.example'), false);
  assert.equal(isExemptFromProxy('anything', '*'), true);
});

/**
 * A scripted HTTP proxy, not tinyproxy: whether the server's greeting shares a packet with the proxy's "200" is
 * timing on a real one (it did under load, and the greeting was lost: "did not greet us in time"); here it always does.
 */
test('HTTP CONNECT: a greeting in the same packet as the proxy\'s answer reaches the caller', async () => {
  const scripted = createServer((client) => client.once('data', () => client.end('HTTP/1.1 200 Connection established\r\n\r\n220 Welcome\r\n')));
  await new Promise<void>((resolve) => scripted.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = scripted.address() as AddressInfo;
    const tunnel = await proxyDialer({ kind: 'http', host: '127.0.0.1', port, user: '', password: '', source: 'site' })('ftp.example', 21, 10_000);
    const received: Buffer[] = [];
    tunnel.on('data', (chunk: Buffer) => received.push(chunk));
    await new Promise((resolve) => tunnel.once('end', resolve));
    assert.equal(Buffer.concat(received).toString('latin1'), '220 Welcome\r\n');
  } finally {
    scripted.close();
  }
});
