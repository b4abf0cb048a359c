/*
 * The data side of the doctor's FTP probe: one transfer command over a data connection (passive or active),
 * TLS on it with or without the control connection's session, and the EPSV/PASV replies. The control side
 * is in ftp-probe.ts.
 */
import { Buffer } from 'node:buffer';
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import { connect as tlsConnect, type ConnectionOptions, type TLSSocket } from 'node:tls';
import { t } from '../../common/i18n/t';
import { normalizeAddress } from '../ftps/net-address';
import { ProbeError, asProbeError, plainNumber, type ControlConnection, type FtpReply, type SocketTracker } from './ftp-probe';

/** How a data connection is protected: null for clear text; else TLS, resuming `session` unless it is null. */
export interface DataProtection {
  readonly tlsOptions: ConnectionOptions;
  /** The session to resume; null: a fresh handshake (to test whether the server requires reuse). */
  readonly session: Buffer | null;
}

/** What happened on one data connection. */
export interface DataOutcome {
  readonly bytes: Buffer;
  readonly tlsProtocol: string | null;
  readonly sessionReused: boolean | null;
  readonly error: ProbeError | null;
}

/**
 * Reads a data connection to its end, securing it first when asked: TLS starts once `transferAccepted`
 * resolves, as the engine's data connections do (main/ftps/data-connection.ts): a server may reset a data
 * connection whose handshake starts before the transfer command arrived, and the doctor must list as Wharf
 * does. Resolves (never rejects) with what arrived and the first error; `abort()` ends it early (the server
 * refused the transfer).
 */
export function consumeData(
  socketPromise: Promise<Socket>,
  protection: DataProtection | null,
  onSession: (session: Buffer) => void,
  tracker: SocketTracker,
  transferAccepted: Promise<void>,
): { done: Promise<DataOutcome>; abort(): void } {
  let stream: Socket | TLSSocket | null = null;
  let aborted = false;
  let stopWaiting: (() => void) | null = null;
  const cancelled = (): DataOutcome => ({ bytes: Buffer.alloc(0), tlsProtocol: null, sessionReused: null, error: new ProbeError(t('doctorSteps.probe.stopped'), 'ECANCELED') });
  const done = (async (): Promise<DataOutcome> => {
    let raw: Socket;
    try {
      raw = await socketPromise;
    } catch (err) {
      return { bytes: Buffer.alloc(0), tlsProtocol: null, sessionReused: null, error: asProbeError(err) };
    }
    if (protection && !aborted) {
      await Promise.race([transferAccepted, new Promise<void>((resolve) => (stopWaiting = resolve))]);
    }
    if (aborted) {
      raw.destroy();
      return cancelled();
    }
    let tlsProtocol: string | null = null;
    let sessionReused: boolean | null = null;
    if (protection) {
      const secure = tracker.add(
        tlsConnect({ ...protection.tlsOptions, socket: raw, ...(protection.session ? { session: protection.session } : {}) }),
      );
      secure.on('session', onSession);
      secure.once('secureConnect', () => {
        tlsProtocol = secure.getProtocol();
        sessionReused = secure.isSessionReused();
      });
      stream = secure;
    } else {
      stream = raw;
    }
    const chunks: Buffer[] = [];
    const error = await new Promise<ProbeError | null>((resolve) => {
      const s = stream as Socket;
      let firstError: ProbeError | null = null;
      s.on('data', (chunk: Buffer) => chunks.push(chunk));
      s.on('error', (err) => {
        firstError ??= asProbeError(err);
      });
      s.once('close', () => resolve(firstError));
      s.once('end', () => s.end());
    });
    return { bytes: Buffer.concat(chunks), tlsProtocol, sessionReused, error };
  })();
  return {
    done,
    abort() {
      aborted = true;
      stopWaiting?.();
      stream?.destroy();
    },
  };
}

/** The result of one transfer command (LIST/MLSD) over a data connection. */
export interface TransferOutcome {
  /** The 1xx reply, if any. */
  readonly preliminary: FtpReply | null;
  /** The final reply (2xx on success; 4xx/5xx when refused); null when the control connection failed. */
  readonly final: FtpReply | null;
  readonly data: DataOutcome;
  /** A control-connection failure (timeout, closed) while waiting. */
  readonly controlError: ProbeError | null;
  readonly ms: number;
}

/**
 * Sends a transfer command and runs its data connection: waits for the 1xx and the final reply, and for
 * the data to end when the transfer succeeded. The data connection is already open (passive) or will
 * arrive (active).
 */
export async function runTransfer(
  control: ControlConnection,
  command: string,
  dataSocket: Promise<Socket>,
  protection: DataProtection | null,
  timeoutMs: number,
  tracker: SocketTracker,
): Promise<TransferOutcome> {
  const started = performance.now();
  let accept = (): void => undefined;
  const accepted = new Promise<void>((resolve) => (accept = resolve));
  const data = consumeData(dataSocket, protection, (session) => {
    control.latestSession = session;
  }, tracker, accepted);
  let preliminary: FtpReply | null = null;
  let final: FtpReply | null = null;
  let controlError: ProbeError | null = null;
  try {
    control.send(command);
    let reply = await control.nextReply(timeoutMs);
    // Accepted (1xx, or 2xx at once), as the engine's reply guard judges it: the data connection's TLS may start.
    if (reply.code < 400 && reply.code !== 350) accept();
    if (reply.code >= 100 && reply.code < 200) {
      preliminary = reply;
      reply = await control.nextReply(timeoutMs);
    }
    final = reply;
  } catch (err) {
    controlError = asProbeError(err);
  }
  if (final === null || final.code < 200 || final.code >= 300) data.abort();
  const timer = setTimeout(() => data.abort(), timeoutMs);
  const outcome = await data.done;
  clearTimeout(timer);
  return { preliminary, final, data: outcome, controlError, ms: performance.now() - started };
}

/** Parses the port of a 229 EPSV reply `(|||port|)`; null if malformed. */
export function parseEpsvPort(text: string): number | null {
  const match = /\(([!-~])\1\1(\d{1,5})\1\)/.exec(text);
  if (!match) return null;
  const port = Number(match[2]);
  return port > 0 && port < 65536 ? port : null;
}

/** Parses a 227 PASV reply `(h1,h2,h3,h4,p1,p2)`; null if malformed. */
export function parsePasv(text: string): { host: string; port: number } | null {
  const match = /(\d{1,3}),(\d{1,3}),(\d{1,3}),(\d{1,3}),(\d{1,3}),(\d{1,3})/.exec(text);
  if (!match) return null;
  const numbers = match.slice(1).map(Number);
  if (numbers.some((n) => n > 255)) return null;
  const [a, b, c, d, p1, p2] = numbers as [number, number, number, number, number, number];
  const port = p1 * 256 + p2;
  if (port === 0) return null;
  return { host: `${a}.${b}.${c}.${d}`, port };
}

/**
 * Listens for an active-mode data connection on the control connection's local address. Only a
 * connection from the server's own address is accepted (anyone else could slip into the transfer).
 */
export async function listenForActive(
  control: ControlConnection,
  timeoutMs: number,
  tracker: SocketTracker,
  onStranger: (line: string, from: string) => void,
): Promise<{ address: string; port: number; accepted: Promise<Socket>; close(): void }> {
  const server = tracker.addServer(createServer());
  const address = control.localAddress || '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, address, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const expected = control.peerAddress;
  const accepted = new Promise<Socket>((resolve, reject) => {
    const timer = setTimeout(() => {
      server.close();
      reject(new ProbeError(t('doctorSteps.probe.noConnectBack', { where: `${address}:${port}`, ms: plainNumber(timeoutMs) }), 'ETIMEDOUT'));
    }, timeoutMs);
    server.on('connection', (socket: Socket) => {
      tracker.add(socket);
      const from = normalizeAddress(socket.remoteAddress ?? '');
      if (from !== expected) {
        onStranger(`* refused a data connection from ${from}: not the server (${expected})`, from);
        socket.destroy();
        return;
      }
      clearTimeout(timer);
      server.close();
      resolve(socket);
    });
  });
  accepted.catch(() => undefined);
  return { address, port, accepted, close: () => server.close() };
}
