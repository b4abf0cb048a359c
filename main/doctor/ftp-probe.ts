/*
 * A deliberately small FTP control and data client over raw node:net / node:tls, for the doctor. The
 * engine (basic-ftp under FtpsSession) hides what the doctor must see: how long each step takes, what a
 * server sends before anyone speaks, the exact reply to EPSV and PASV, and whether a data connection that
 * does not resume the TLS session is refused. Nothing here is used to move files. This file is the control
 * side; data connections are in probe-data.ts.
 */
import { Buffer } from 'node:buffer';
import { connect as netConnect, isIP, type Server, type Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import { connect as tlsConnect, type ConnectionOptions, type TLSSocket } from 'node:tls';
import { t, translator } from '../../common/i18n/t';
import type { ControlCharset } from '../ftps/charset';
import { withoutOpenSslDump } from '../ftps/error-mapping';
import { normalizeAddress } from '../ftps/net-address';
import { rootsWithExtraCa } from '../ftps/tls-roots';
import { printableName } from '../ftps/safe-names';

/** A failure of the probe with a code the doctor classifies: errno codes, or ours below. */
export class ProbeError extends Error {
  constructor(
    message: string,
    /** `ETIMEDOUT` (ours: no answer in time), `ECLOSED` (the peer closed), or Node's code (`ECONNREFUSED`, `ERR_SSL_...`). */
    readonly code: string,
  ) {
    super(message);
    this.name = 'ProbeError';
  }
}

/** Wraps whatever a socket threw as a ProbeError with its code. */
export function asProbeError(err: unknown): ProbeError {
  if (err instanceof ProbeError) return err;
  const error = err instanceof Error ? err : new Error(String(err));
  const code = (error as NodeJS.ErrnoException).code ?? (error.message.includes('ssl') || error.message.includes('SSL') ? 'ERR_SSL' : 'EUNKNOWN');
  return new ProbeError(error.message, code);
}

/** One FTP reply, multi-line replies joined with `\n`. Code 0: a line that is not an FTP reply at all. */
export interface FtpReply {
  readonly code: number;
  readonly text: string;
}

/** Server text made safe to show: control characters escaped (a hostile banner cannot forge log lines). */
export function showable(text: string, max = 300): string {
  const clean = withoutOpenSslDump(text);
  const cut = clean.length > max ? `${clean.slice(0, max)}…` : clean;
  return cut
    .split('\n')
    .map((line) => printableName(line))
    .join(' | ');
}

/** A duration or count in a step line: the locale's digits without grouping, so English reads `15000 ms` as before. */
export function plainNumber(value: number): string {
  return translator().number(value, { useGrouping: false });
}

/** The first line of a reply, as `530 Login incorrect.`. */
export function replyLine(reply: FtpReply): string {
  return showable(reply.text.split('\n')[0] ?? '');
}

/** Tracks every socket and listener the doctor opens, so an abort or the end of a run closes all of them. */
export class SocketTracker {
  private readonly open = new Set<{ destroy(): void }>();

  add<T extends { destroy(): void; once(event: 'close', listener: () => void): unknown }>(socket: T): T {
    this.open.add(socket);
    socket.once('close', () => this.open.delete(socket));
    return socket;
  }

  addServer(server: Server): Server {
    const entry = { destroy: () => server.close() };
    this.open.add(entry);
    server.once('close', () => this.open.delete(entry));
    return server;
  }

  /**
   * Newest first: a TLS socket goes before the TCP socket it wraps. Destroying the TCP socket first makes
   * Node 22 read into the TLS socket's freed SSL object when the server sends anything more (a segfault in
   * ssl3_read_bytes, seen with vsftpd after a rejected certificate).
   */
  destroyAll(): void {
    for (const socket of [...this.open].reverse()) socket.destroy();
    this.open.clear();
  }
}

/** Opens a TCP connection, failing with ETIMEDOUT after `timeoutMs` (a firewall that drops, not rejects). */
export function tcpConnect(host: string, port: number, timeoutMs: number, tracker: SocketTracker): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = tracker.add(netConnect({ host, port }));
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new ProbeError(t('doctorSteps.probe.noAnswerFrom', { where: `${host}:${port}`, ms: plainNumber(timeoutMs) }), 'ETIMEDOUT'));
    }, timeoutMs);
    socket.once('connect', () => {
      clearTimeout(timer);
      socket.removeAllListeners('error');
      socket.on('error', () => undefined); // later errors surface through the users of the socket
      resolve(socket);
    });
    socket.once('error', (err) => {
      clearTimeout(timer);
      socket.destroy();
      reject(asProbeError(err));
    });
  });
}

/** What a TLS client of the doctor is told: the name to check, the versions, the extra CAs. */
export interface ProbeTlsSettings {
  /** The host name as the user typed it: checked against the certificate, sent as SNI unless an IP. */
  readonly hostName: string;
  readonly minVersion: 'TLSv1.2' | 'TLSv1.3';
  readonly maxVersion: 'TLSv1.2' | 'TLSv1.3';
  readonly extraCaPem: readonly string[];
}

/** Options for tls.connect: we verify, but decide ourselves (rejectUnauthorized false), as the engine does. */
export function tlsOptionsFor(settings: ProbeTlsSettings): ConnectionOptions {
  return {
    host: settings.hostName,
    ...(isIP(settings.hostName) ? {} : { servername: settings.hostName }),
    minVersion: settings.minVersion,
    maxVersion: settings.maxVersion,
    rejectUnauthorized: false,
    ...(settings.extraCaPem.length > 0 ? { ca: rootsWithExtraCa(settings.extraCaPem) } : {}),
  };
}

/** Runs a TLS client handshake over a connected socket. */
export function tlsHandshake(socket: Socket, options: ConnectionOptions, timeoutMs: number, tracker: SocketTracker): Promise<TLSSocket> {
  return new Promise((resolve, reject) => {
    const secure = tracker.add(tlsConnect({ ...options, socket }));
    const timer = setTimeout(() => {
      secure.destroy();
      reject(new ProbeError(t('doctorSteps.probe.handshakeTimeout', { ms: plainNumber(timeoutMs) }), 'ETIMEDOUT'));
    }, timeoutMs);
    const onClose = () => {
      clearTimeout(timer);
      reject(new ProbeError(t('doctorSteps.probe.closedDuringHandshake'), 'ECLOSED'));
    };
    secure.once('close', onClose);
    secure.once('secureConnect', () => {
      clearTimeout(timer);
      secure.removeListener('close', onClose);
      secure.removeAllListeners('error');
      secure.on('error', () => undefined);
      resolve(secure);
    });
    secure.once('error', (err) => {
      clearTimeout(timer);
      secure.removeListener('close', onClose);
      secure.destroy();
      reject(asProbeError(err));
    });
  });
}

type Waiter = { resolve: (reply: FtpReply) => void; reject: (err: ProbeError) => void; timer: NodeJS.Timeout };

/**
 * One FTP control connection: parses replies (multi-line too), sends commands, upgrades to TLS, and keeps
 * the newest TLS session (TLS 1.3 tickets arrive after the handshake and are single-use) for data
 * connections. Every line both ways goes to `log`, the password masked by the caller.
 */
export class ControlConnection {
  private socket: Socket | TLSSocket;
  private pendingBytes = Buffer.alloc(0);
  private readonly replies: FtpReply[] = [];
  private current: { code: string; lines: string[] } | null = null;
  private waiter: Waiter | null = null;
  private failure: ProbeError | null = null;
  private firstBytes: Buffer | null = null;
  private firstBytesWaiter: (() => void) | null = null;
  /** The newest TLS session (ticket) seen on this connection or its data connections. */
  latestSession: Buffer | null = null;
  private readonly onData = (chunk: Buffer) => this.receive(chunk);
  private readonly onClose = () => this.fail(new ProbeError(t('doctorSteps.probe.closedControl'), 'ECLOSED'));
  private readonly onError = (err: Error) => this.fail(asProbeError(err));

  constructor(
    socket: Socket,
    private readonly charset: ControlCharset,
    private readonly log: (line: string) => void,
    private readonly tracker: SocketTracker,
  ) {
    this.socket = socket;
    this.listen(socket);
  }

  /** The socket the connection speaks over now (the TLS one after an upgrade). */
  get activeSocket(): Socket | TLSSocket {
    return this.socket;
  }

  /** The server's address as the control connection sees it (what EPSV and PASV data connections go to). */
  get peerAddress(): string {
    return normalizeAddress(this.socket.remoteAddress ?? '');
  }

  get localAddress(): string {
    return normalizeAddress(this.socket.localAddress ?? '');
  }

  get isTls(): boolean {
    return 'encrypted' in this.socket && this.socket.encrypted === true;
  }

  private listen(socket: Socket | TLSSocket): void {
    socket.on('data', this.onData);
    socket.on('close', this.onClose);
    socket.on('error', this.onError);
    if ('encrypted' in socket) {
      (socket as TLSSocket).on('session', (session: Buffer) => {
        this.latestSession = session;
      });
    }
  }

  private unlisten(socket: Socket | TLSSocket): void {
    socket.removeListener('data', this.onData);
    socket.removeListener('close', this.onClose);
    socket.removeListener('error', this.onError);
  }

  private receive(chunk: Buffer): void {
    if (this.firstBytes === null) {
      this.firstBytes = chunk;
      this.firstBytesWaiter?.();
    }
    this.pendingBytes = Buffer.concat([this.pendingBytes, chunk]);
    for (let nl = this.pendingBytes.indexOf(0x0a); nl >= 0; nl = this.pendingBytes.indexOf(0x0a)) {
      const lineBytes = this.pendingBytes.subarray(0, nl);
      this.pendingBytes = this.pendingBytes.subarray(nl + 1);
      const raw = this.charset.socketEncoding === 'utf8' ? lineBytes.toString('utf8') : this.charset.decode(lineBytes.toString('latin1'));
      this.line(raw.replace(/\r$/, ''));
    }
    // A server that never ends a line (not FTP at all) must not grow this without bound.
    if (this.pendingBytes.length > 64 * 1024) this.pendingBytes = Buffer.alloc(0);
  }

  private line(text: string): void {
    if (this.current !== null) {
      this.current.lines.push(text);
      if (text.startsWith(`${this.current.code} `) || text === this.current.code) {
        const reply = { code: Number(this.current.code), text: this.current.lines.join('\n') };
        this.current = null;
        this.deliver(reply);
      }
      return;
    }
    const match = /^(\d{3})([ -]?)/.exec(text);
    if (match === null) {
      this.deliver({ code: 0, text });
      return;
    }
    if (match[2] === '-') {
      this.current = { code: match[1] as string, lines: [text] };
      return;
    }
    this.deliver({ code: Number(match[1]), text });
  }

  private deliver(reply: FtpReply): void {
    this.log(`< ${showable(reply.text)}`);
    if (this.waiter) {
      const { resolve, timer } = this.waiter;
      this.waiter = null;
      clearTimeout(timer);
      resolve(reply);
    } else {
      this.replies.push(reply);
    }
  }

  private fail(err: ProbeError): void {
    if (this.failure === null) this.failure = err;
    this.firstBytesWaiter?.();
    if (this.waiter) {
      const { reject, timer } = this.waiter;
      this.waiter = null;
      clearTimeout(timer);
      reject(this.failure);
    }
  }

  /**
   * Waits until the server sends its first bytes, closes, or stays silent for `timeoutMs`. A plain FTP
   * server greets at once; an implicit FTPS server says nothing until it gets a TLS ClientHello.
   */
  waitForFirstBytes(timeoutMs: number): Promise<{ outcome: 'data'; bytes: Buffer } | { outcome: 'closed' | 'silent' }> {
    return new Promise((resolve) => {
      const settle = () => {
        clearTimeout(timer);
        this.firstBytesWaiter = null;
        if (this.firstBytes !== null) resolve({ outcome: 'data', bytes: this.firstBytes });
        else resolve({ outcome: this.failure ? 'closed' : 'silent' });
      };
      const timer = setTimeout(settle, timeoutMs);
      if (this.firstBytes !== null || this.failure !== null) {
        settle();
        return;
      }
      this.firstBytesWaiter = settle;
    });
  }

  /** The next reply (buffered or to come). Rejects with ETIMEDOUT or ECLOSED. */
  nextReply(timeoutMs: number): Promise<FtpReply> {
    const buffered = this.replies.shift();
    if (buffered) return Promise.resolve(buffered);
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiter = null;
        reject(new ProbeError(t('doctorSteps.probe.noReply', { ms: plainNumber(timeoutMs) }), 'ETIMEDOUT'));
      }, timeoutMs);
      this.waiter = { resolve, reject, timer };
    });
  }

  /** Sends one command; `shown` replaces it in the log (PASS). Refuses line breaks (command injection). */
  send(command: string, shown: string = command): void {
    if (/[\r\n\0]/.test(command)) throw new ProbeError(t('doctorSteps.probe.lineBreak'), 'EINVAL');
    this.log(`> ${shown}`);
    const wire = this.charset.encode(command);
    this.socket.write(`${wire}\r\n`, this.charset.socketEncoding);
  }

  /** Sends a command and returns the next reply, whatever its code. */
  async command(command: string, timeoutMs: number, shown?: string): Promise<FtpReply> {
    this.send(command, shown);
    return this.nextReply(timeoutMs);
  }

  /** Starts TLS on this connection (implicit: at once; explicit: after 234). Returns the handshake time. */
  async upgradeToTls(options: ConnectionOptions, timeoutMs: number): Promise<{ socket: TLSSocket; ms: number }> {
    const raw = this.socket as Socket;
    this.unlisten(raw);
    this.pendingBytes = Buffer.alloc(0);
    const started = performance.now();
    const secure = await tlsHandshake(raw, options, timeoutMs, this.tracker);
    const ms = performance.now() - started;
    this.socket = secure;
    this.listen(secure);
    this.log(`* TLS ${secure.getProtocol() ?? ''} ${secure.getCipher()?.standardName ?? ''}`.trimEnd());
    return { socket: secure, ms };
  }

  /** Says QUIT and waits (briefly) for the server to close, so its per-address count drops before the next connection. */
  async quit(timeoutMs: number): Promise<void> {
    if (this.failure) {
      this.destroy();
      return;
    }
    const closed = new Promise<void>((resolve) => {
      if (this.socket.destroyed) resolve();
      else this.socket.once('close', () => resolve());
    });
    try {
      this.send('QUIT');
      await this.nextReply(timeoutMs).catch(() => undefined);
      this.socket.end();
      await Promise.race([closed, new Promise<void>((resolve) => setTimeout(resolve, timeoutMs).unref())]);
    } finally {
      this.destroy();
    }
  }

  destroy(): void {
    this.socket.destroy();
  }
}
