import { connect as netConnect, type Socket } from 'node:net';
import { formatProxyAddress, parseProxyUrl, type ProxyAddress, type ProxyMode } from '../../common/models/proxy';
import { hasControlCharacters } from '../../common/models/site-profile';
import { t } from '../../common/i18n/t';
import { WharfError } from '../core/errors';

/** A proxy to go through, with its password (from the keychain, the environment or a CLI URL). */
export interface ProxyEndpoint {
  readonly kind: ProxyAddress['kind'];
  readonly host: string;
  readonly port: number;
  /** '' when the proxy needs no login. */
  readonly user: string;
  readonly password: string;
  /** Where the choice came from, for the security report: `site`, `app setting`, `ALL_PROXY`, `--proxy`. */
  readonly source: string;
}

/** Opens a TCP connection to host:port, directly or through a proxy; resolves once bytes can flow. */
export type Dialer = (host: string, port: number, timeoutMs: number) => Promise<Socket>;

/** What went wrong talking to the proxy, in `detail.proxyStep`, for the doctor. */
export type ProxyFailureStep = 'reach' | 'authenticate' | 'connect';

function proxyError(kind: 'refused' | 'auth' | 'timeout', step: ProxyFailureStep, proxy: ProxyEndpoint, message: string, cause?: unknown): WharfError {
  return new WharfError(kind, message, {
    detail: { proxy: formatProxyAddress(proxy), proxyStep: step },
    ...(cause === undefined ? {} : { cause }),
  });
}

/** Where a proxy address is a host with a port: `[::1]:21` for IPv6. */
function hostPort(host: string, port: number): string {
  return `${host.includes(':') ? `[${host}]` : host}:${port}`;
}

/** A plain TCP connection, resolved on connect, with the same timeout rule as the proxied ones. */
export const directDialer: Dialer = (host, port, timeoutMs) =>
  new Promise((resolve, reject) => {
    const socket = netConnect({ host, port });
    const fail = (err: Error) => {
      socket.destroy();
      reject(err);
    };
    socket.setTimeout(timeoutMs, () => fail(Object.assign(new Error(`Timeout connecting to ${hostPort(host, port)}`), { code: 'ETIMEDOUT' })));
    socket.once('error', fail);
    socket.once('connect', () => {
      socket.setTimeout(0);
      socket.removeListener('error', fail);
      resolve(socket);
    });
  });

/** A dialer that goes through `proxy`: the SOCKS5 handshake by the `socks` library, HTTP CONNECT by us. */
export function proxyDialer(proxy: ProxyEndpoint): Dialer {
  return proxy.kind === 'socks5' ? (host, port, timeoutMs) => dialSocks5(proxy, host, port, timeoutMs) : (host, port, timeoutMs) => dialHttpConnect(proxy, host, port, timeoutMs);
}

async function dialSocks5(proxy: ProxyEndpoint, host: string, port: number, timeoutMs: number): Promise<Socket> {
  const where = formatProxyAddress(proxy);
  try {
    // Loaded here, not at the top: socks and ip-address are a third of the engine's code, and most connections are direct.
    const { SocksClient } = await import('socks');
    const { socket } = await SocksClient.createConnection({
      proxy: {
        host: proxy.host,
        port: proxy.port,
        type: 5,
        ...(proxy.user !== '' ? { userId: proxy.user, password: proxy.password } : {}),
      },
      command: 'connect',
      // The proxy resolves the name: inside a company network only it may know the server's address.
      destination: { host, port },
      timeout: timeoutMs,
    });
    return await keepEarlyBytes(socket);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    if (/ECONNREFUSED|ENOTFOUND|EHOSTUNREACH|ENETUNREACH|EAI_AGAIN/.test(message)) {
      throw proxyError('refused', 'reach', proxy, t('connectionTexts.proxyUnreachable', { kind: 'SOCKS5', proxy: where, code: /[A-Z_]{6,}/.exec(message)?.[0] ?? message }), err);
    }
    if (/timed out/i.test(message)) {
      throw proxyError('timeout', 'reach', proxy, t('connectionTexts.proxyTimeout', { kind: 'SOCKS5', proxy: where }), err);
    }
    if (/Authentication failed/i.test(message)) {
      throw proxyError('auth', 'authenticate', proxy, t('connectionTexts.socksLoginRefused', { proxy: where, login: proxy.user === '' ? 'none' : 'named', user: proxy.user }), err);
    }
    if (/no accepted authentication type/i.test(message)) {
      throw proxyError('auth', 'authenticate', proxy, proxy.user === '' ? t('connectionTexts.socksLoginRequired', { proxy: where }) : t('connectionTexts.socksNoLoginMethod', { proxy: where }), err);
    }
    if (/rejected connection/i.test(message)) {
      const reason = /- (\w+)/.exec(message)?.[1] ?? 'none';
      throw proxyError('refused', 'connect', proxy, t('connectionTexts.socksConnectRefused', { proxy: where, target: hostPort(host, port), reason }), err);
    }
    throw proxyError('refused', 'connect', proxy, t('connectionTexts.socksFailed', { proxy: where, message }), err);
  }
}

/**
 * After its handshake the socks library, in an immediate, hands what came after the proxy's answer to 'data'
 * listeners and sets the socket flowing: with nobody listening yet, what the server sent then was dropped (a plain
 * download lost its first 45 KiB). It is kept and given back here, and the socket is left as a fresh one is,
 * neither flowing nor paused (a paused one would not start for a 'data' listener), waiting for its reader.
 */
async function keepEarlyBytes(socket: Socket): Promise<Socket> {
  const early: Buffer[] = [];
  const keep = (chunk: Buffer) => early.push(chunk);
  socket.on('data', keep);
  await new Promise<void>((resolve) => setImmediate(resolve));
  socket.removeListener('data', keep);
  (socket as { readableFlowing: boolean | null }).readableFlowing = null;
  if (early.length > 0) socket.unshift(Buffer.concat(early));
  return socket;
}

/** The longest proxy response header we read before giving up (a real CONNECT answer is a few lines). */
const MAX_CONNECT_RESPONSE_BYTES = 16 * 1024;

/**
 * HTTP CONNECT (RFC 9110 9.3.6): one request, one response header; a 2xx turns the connection into a
 * tunnel. Bytes the proxy sends after the header belong to the server and are given back to the socket.
 */
function dialHttpConnect(proxy: ProxyEndpoint, host: string, port: number, timeoutMs: number): Promise<Socket> {
  const where = formatProxyAddress(proxy);
  const authority = hostPort(host, port);
  if (/\s/.test(authority) || hasControlCharacters(authority)) return Promise.reject(new WharfError('invalid-input', t('connectionTexts.proxyHostInvalid', { host })));
  return new Promise((resolve, reject) => {
    const socket = netConnect({ host: proxy.host, port: proxy.port });
    let received = Buffer.alloc(0);
    let connected = false;
    const finish = (err: WharfError | null) => {
      socket.setTimeout(0);
      socket.removeListener('readable', onReadable);
      socket.removeListener('error', onError);
      socket.removeListener('close', onClose);
      if (err) {
        socket.destroy();
        reject(err);
      } else {
        resolve(socket);
      }
    };
    const onError = (err: NodeJS.ErrnoException) => {
      finish(
        connected
          ? proxyError('refused', 'connect', proxy, t('connectionTexts.httpProxyDropped', { proxy: where, target: authority, code: err.code ?? err.message }), err)
          : proxyError('refused', 'reach', proxy, t('connectionTexts.proxyUnreachable', { kind: 'HTTP', proxy: where, code: err.code ?? err.message }), err),
      );
    };
    const onClose = () => finish(proxyError('refused', 'connect', proxy, t('connectionTexts.httpProxyClosed', { proxy: where, target: authority })));
    // Read with 'readable', not 'data': once its listener is gone the socket is back to a fresh one's state, and
    // bytes given back with unshift wait for its next reader. A socket that once had a 'data' listener keeps
    // flowing and drops them before the caller can listen: the server's greeting, when it came in the same
    // packet as the proxy's answer.
    const onReadable = () => {
      for (let chunk = socket.read() as Buffer | null; chunk !== null; chunk = socket.read() as Buffer | null) received = Buffer.concat([received, chunk]);
      const end = received.indexOf('\r\n\r\n');
      if (end === -1) {
        if (received.length > MAX_CONNECT_RESPONSE_BYTES) finish(proxyError('refused', 'connect', proxy, t('connectionTexts.httpProxyAnswerTooLong', { proxy: where })));
        return;
      }
      const head = received.subarray(0, end).toString('latin1');
      const rest = received.subarray(end + 4);
      const status = /^HTTP\/1\.[01] (\d{3})(?: ([^\r\n]*))?/.exec(head);
      if (!status) {
        finish(proxyError('refused', 'connect', proxy, t('connectionTexts.notAnHttpProxy', { proxy: where, line: JSON.stringify(head.split('\r\n')[0]?.slice(0, 80) ?? '') })));
        return;
      }
      const code = Number(status[1]);
      const reason = (status[2] ?? '').trim();
      if (code >= 200 && code < 300) {
        finish(null);
        // The server's greeting may have come in the same packet as the proxy's answer.
        if (rest.length > 0) socket.unshift(rest);
        return;
      }
      // tinyproxy 1.11 answers a wrong Basic login with 401 instead of 407.
      if (code === 407 || code === 401) {
        finish(
          proxyError(
            'auth',
            'authenticate',
            proxy,
            proxy.user === ''
              ? t('connectionTexts.httpProxyLoginRequired', { proxy: where, code: String(code) })
              : t('connectionTexts.httpProxyLoginRefused', { proxy: where, user: proxy.user, code: String(code) }),
          ),
        );
        return;
      }
      finish(proxyError('refused', 'connect', proxy, t('connectionTexts.httpProxyConnectRefused', { proxy: where, target: authority, status: `${code}${reason ? ` ${reason}` : ''}` })));
    };
    socket.setTimeout(timeoutMs, () => finish(proxyError('timeout', connected ? 'connect' : 'reach', proxy, t('connectionTexts.proxyTimeout', { kind: 'HTTP', proxy: where }))));
    socket.once('error', onError);
    socket.once('close', onClose);
    socket.on('readable', onReadable);
    socket.once('connect', () => {
      connected = true;
      const lines = [`CONNECT ${authority} HTTP/1.1`, `Host: ${authority}`, 'User-Agent: Wharf'];
      if (proxy.user !== '') lines.push(`Proxy-Authorization: Basic ${Buffer.from(`${proxy.user}:${proxy.password}`, 'utf8').toString('base64')}`);
      socket.write(`${lines.join('\r\n')}\r\n\r\n`);
    });
  });
}

/** The environment variables `system` reads, in order: the first one set names the proxy. */
export const PROXY_ENVIRONMENT_VARIABLES = ['ALL_PROXY', 'all_proxy', 'HTTPS_PROXY', 'https_proxy'] as const;

/** Whether NO_PROXY (`example.com,.corp,10.1.2.3,*`) exempts this host, as curl reads it. */
export function isExemptFromProxy(host: string, noProxy: string | undefined): boolean {
  if (!noProxy) return false;
  const name = host.toLowerCase().replace(/^\[|\]$/g, '');
  return noProxy
    .split(/[\s,]+/)
    .map((entry) => entry.trim().toLowerCase().replace(/^\*?\./, '.').replace(/:\d+$/, ''))
    .filter((entry) => entry !== '')
    .some((entry) => entry === '*' || name === entry.replace(/^\./, '') || (entry.startsWith('.') ? name.endsWith(entry) : name.endsWith(`.${entry}`)));
}

/**
 * The proxy the environment names for `host` (ALL_PROXY, then HTTPS_PROXY; NO_PROXY exempts), or null.
 * A variable that is set but not a proxy address is an error, not a silent direct connection.
 */
export function proxyFromEnvironment(host: string, env: NodeJS.ProcessEnv): ProxyEndpoint | null {
  const name = PROXY_ENVIRONMENT_VARIABLES.find((key) => (env[key] ?? '').trim() !== '');
  if (name === undefined) return null;
  if (isExemptFromProxy(host, env.NO_PROXY ?? env.no_proxy)) return null;
  const parsed = parseProxyUrl(env[name] as string);
  if ('error' in parsed) throw new WharfError('invalid-input', `${name}: ${parsed.error}`);
  return { kind: parsed.kind, host: parsed.host, port: parsed.port, user: parsed.user, password: parsed.password ?? '', source: name };
}

/**
 * The proxy for one connection, from a mode: `none` is direct, `system` reads the environment, `custom`
 * parses `proxyUrl` (its password from `password`, the keychain's, when the URL has none).
 */
export function resolveProxy(
  choice: { readonly mode: ProxyMode; readonly proxyUrl: string; readonly source: string },
  host: string,
  password: string | null,
  env: NodeJS.ProcessEnv = process.env,
): ProxyEndpoint | null {
  if (choice.mode === 'none') return null;
  if (choice.mode === 'system') return proxyFromEnvironment(host, env);
  const parsed = parseProxyUrl(choice.proxyUrl);
  if ('error' in parsed) throw new WharfError('invalid-input', t('connectionTexts.proxySettingInvalid', { source: choice.source, problem: parsed.error }));
  return { kind: parsed.kind, host: parsed.host, port: parsed.port, user: parsed.user, password: parsed.password ?? password ?? '', source: choice.source };
}
