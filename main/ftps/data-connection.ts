import { t } from '../../common/i18n/t';
import { createServer, connect as netConnect, Socket, type AddressInfo } from 'node:net';
import type { ConnectionOptions } from 'node:tls';
import { FTPError, type FTPContext, type FTPResponse } from 'basic-ftp';
import { parseEpsvResponse, parsePasvResponse } from 'basic-ftp/dist/transfer';
import type { DataConnectionMode, LogDirection } from '../../common/models';
import { WharfError } from '../core/errors';
import { decidePassiveTarget, normalizeAddress } from './net-address';
import { secureDataSocket } from './data-tls';
import { attachDataSocket, TransferAcceptance, type TlsStart } from './transfer-acceptance';
import { PendingDataSocket } from './pending-data-socket';
import { connectDirect, readDirect, type DirectReadSink } from './direct-read';
import { failUnlessRefused } from './failed-data-connect';
import { sendPipelined } from './pipeline';
import type { Dialer } from './proxy';
import type { DeferredTransferSetup } from './reply-guard';
import type { ServerKnowledge } from './server-knowledge';
import type { TransferRider } from './transfer-rider';

/** What a data-connection strategy needs to know about its session, read at the moment it runs. */
export interface DataConnectionContext {
  /** The mode the site asks for; the other is tried when it fails to set up. */
  readonly preferredMode: DataConnectionMode;
  /** EPSV first (default). Off for routers that mangle EPSV, and to exercise the PASV NAT logic. */
  readonly useEpsv: boolean;
  /** Shared with the site's other sessions: whether passive EPSV worked there (read at the start, kept current). */
  readonly known?: Pick<ServerKnowledge, 'passiveEpsvWorks'>;
  /** True once PROT P was accepted: data connections then speak TLS. */
  isDataProtected(): boolean;
  /** The TLS options of the control connection, reused for data connections. */
  tlsOptions(): ConnectionOptions;
  /** The SHA-256 fingerprint accepted on the control connection: a data connection must present the same. */
  acceptedFingerprint(): string | null;
  log(direction: LogDirection, text: string): void;
  /** Called for each protected data connection once its handshake is done. */
  onDataTlsEstablished(sessionReused: boolean, protocol: string | null): void;
  /**
   * Set when the session goes through a proxy (main/ftps/proxy.ts): passive data connections are dialled
   * through it to the control connection's host, and active mode is refused (the proxy relays no
   * connection from the server back to us).
   */
  readonly viaProxy?: { readonly dial: Dialer; readonly host: string; readonly describe: string };
  /** A command to send with the next transfer's setup (see TransferRider); taken once, null when there is none. */
  takeRider?(): TransferRider | null;
  /** The destination of the download being set up when it takes bytes straight from the read buffer (see DirectReadSink); null otherwise. */
  directReadSink?(): DirectReadSink | null;
}

/** Why active mode cannot work through a proxy, as the user reads it. */
export function activeModeBehindProxyMessage(proxy: string): string {
  return t('errors.activeBehindProxy', { proxy });
}

type Strategy = (ftp: FTPContext) => Promise<FTPResponse>;

/** basic-ftp's `prepareTransfer`, plus the moment the server accepts the transfer command. */
export interface DataConnectionStrategy extends PrepareTransfer {
  /**
   * The server answered the transfer command with a preliminary or success reply: a protected data connection
   * starts its TLS handshake now unless it started already (see TlsStart), and an error it had is reported.
   */
  transferAccepted(): void;
  /** The EPSV this strategy left to go out with the transfer command, with its rider; taken once (see ReplyGuardHooks.takeDeferred). */
  takeDeferred(): DeferredTransferSetup | null;
}

/**
 * basic-ftp's `prepareTransfer` (what it calls with `ftp` alone, for a listing), and what our own transfers call with
 * `standIn` false (transfer-task.ts): they need no stand-in data socket until EPSV's reply, basic-ftp's download does.
 */
export type PrepareTransfer = (ftp: FTPContext, standIn?: boolean) => Promise<FTPResponse>;

/**
 * basic-ftp's `prepareTransfer` for Wharf: EPSV then PASV (with NAT substitution and bounce refusal),
 * or active mode (EPRT then PORT), falling back to the other mode when the preferred one cannot be set
 * up, and remembering what worked.
 */
export function createDataConnectionStrategy(context: DataConnectionContext): DataConnectionStrategy {
  let epsvWorks = context.useEpsv;
  const known = context.known;
  // Another session of the site found passive EPSV working: this one sends EPSV with its first transfer command too.
  let workingMode: DataConnectionMode | null = known?.passiveEpsvWorks === true && epsvWorks && context.preferredMode === 'passive' && !context.viaProxy ? 'passive' : null;
  const acceptance = new TransferAcceptance();
  const logLateReply = (text: string) => context.log('warning', `Ignored a late reply about an earlier data connection (while waiting for pipelined commands): ${text}`);
  /** This transfer's rider until it is sent. */
  let rider: TransferRider | null = null;
  const sendRiderAlone = async (ftp: FTPContext): Promise<void> => {
    const alone = rider;
    rider = null;
    if (alone === null) return;
    let replies: FTPResponse[];
    try {
      replies = await sendPipelined(ftp, alone.commands, logLateReply);
    } catch (err) {
      alone.answered(null);
      throw err;
    }
    alone.answered(replies);
  };

  const passive: Strategy = async (ftp) => {
    if (context.viaProxy) {
      await sendRiderAlone(ftp);
      return passiveThroughProxy(ftp, context, acceptance, context.viaProxy, epsvWorks, () => (epsvWorks = false));
    }
    if (epsvWorks) {
      let reply: FTPResponse | null = null;
      try {
        reply = await requestEpsv(ftp);
      } catch (err) {
        if (!(err instanceof FTPError)) throw err;
        epsvWorks = false;
        if (known) known.passiveEpsvWorks = false;
        context.log('info', `EPSV refused (${err.code}): using PASV from now on`);
      }
      if (reply) {
        const port = parseEpsvResponse(reply.message);
        const host = normalizeAddress(ftp.socket.remoteAddress ?? '');
        await openDataSocket(ftp, context, acceptance, () => connectPassive(context, host, port), `${host}:${port}`, workingMode === null);
        return reply;
      }
    }
    await sendRiderAlone(ftp);
    const reply = await ftp.request('PASV');
    const target = parsePasvResponse(reply.message);
    const decision = decidePassiveTarget(target.host, ftp.socket.remoteAddress ?? '');
    if (decision.action === 'refuse') {
      throw new WharfError(
        'data-channel',
        t('errors.bounceRefused', { announced: decision.announced }),
        { detail: { announced: decision.announced } },
      );
    }
    if (decision.action === 'substitute') {
      context.log(
        'warning',
        `PASV named ${decision.announced}, a private address: the server is behind NAT. Connecting to ${decision.host} instead.`,
      );
    }
    await openDataSocket(ftp, context, acceptance, () => connectPassive(context, decision.host, target.port), `${decision.host}:${target.port}`, workingMode === null);
    return reply;
  };

  /** EPSV, with the rider's command in the same write when there is one; a refused EPSV rejects as ftp.request would. */
  const requestEpsv = async (ftp: FTPContext): Promise<FTPResponse> => {
    const riding = rider;
    if (riding === null) return ftp.request('EPSV');
    rider = null;
    let replies: FTPResponse[];
    try {
      replies = await sendPipelined(ftp, [...riding.commands, 'EPSV'], logLateReply);
    } catch (err) {
      riding.answered(null);
      throw err;
    }
    riding.answered(replies.slice(0, -1));
    const epsvReply = replies.at(-1) as FTPResponse;
    if (epsvReply.code >= 400) throw new FTPError(epsvReply);
    return epsvReply;
  };

  const active: Strategy = async (ftp) => {
    await sendRiderAlone(ftp);
    return openActive(ftp, context, acceptance);
  };
  const byMode: Record<DataConnectionMode, Strategy> = { passive, active };

  let deferred: DeferredTransferSetup | null = null;
  let epsvWithCommand = true;
  /**
   * Once EPSV has worked in this session, EPSV and the transfer command go out in one write: one round trip fewer
   * per transfer. The data connection starts when EPSV's reply is read, while the server already has the command;
   * a passive server waits for the connection then (see openDataSocket), and a protected one starts TLS at once when
   * the command was in the same TLS record as EPSV (TlsStart `connected`). A refused or unusable EPSV reply fails
   * that transfer as a data-connection problem and ends this for the session: its retry asks EPSV on its own.
   */
  const deferEpsv = (ftp: FTPContext, deferredRider: TransferRider | null, standIn: boolean): FTPResponse => {
    // basic-ftp checks that a download (a listing) has a data socket before it sends the command: a stand-in until
    // EPSV's reply. Our own transfers check only on the 150, by when EPSV's reply has set the real one.
    if (standIn) ftp.dataSocket = new Socket();
    const epsv = (reply: FTPResponse, inOneRecord: boolean): void => {
      let port: number;
      try {
        if (reply.code >= 400) throw new Error(reply.message.trim());
        port = parseEpsvResponse(reply.message);
      } catch (err) {
        epsvWithCommand = false;
        if (known) known.passiveEpsvWorks = false;
        throw new WharfError('data-channel', t('errors.dataOpenInMode', { mode: 'passive', reason: err instanceof Error ? err.message : String(err) }), { cause: err });
      }
      const host = normalizeAddress(ftp.socket.remoteAddress ?? '');
      void openDataSocket(ftp, context, acceptance, () => connectPassive(context, host, port), `${host}:${port}`, false, inOneRecord ? 'connected' : 'accepted');
    };
    deferred = { epsv, rider: deferredRider };
    // basic-ftp does not read what prepareTransfer resolves to; EPSV's real reply is read with the command's.
    return { code: 229, message: '' };
  };

  const strategy = async (ftp: FTPContext, standIn = true): Promise<FTPResponse> => {
    rider = context.takeRider?.() ?? null;
    // A setup left by a transfer command that was never sent: nothing will answer its rider.
    deferred?.rider?.answered(null);
    deferred = null;
    try {
      return await setUp(ftp, standIn);
    } finally {
      // Not sent (the setup failed before it): nothing will answer it.
      rider?.answered(null);
      rider = null;
    }
  };

  const setUp = async (ftp: FTPContext, standIn: boolean): Promise<FTPResponse> => {
    acceptance.clear();
    if (epsvWithCommand && epsvWorks && workingMode === 'passive' && !context.viaProxy) {
      // The rider goes first in the same write as EPSV and the transfer command (see reply-guard).
      const riding = rider;
      rider = null;
      return deferEpsv(ftp, riding, standIn);
    }
    if (context.viaProxy) {
      if (context.preferredMode === 'active') throw new WharfError('data-channel', activeModeBehindProxyMessage(context.viaProxy.describe));
      // No fallback to active mode: it cannot work through the proxy.
      return passive(ftp);
    }
    const first = workingMode ?? context.preferredMode;
    try {
      const reply = await byMode[first](ftp);
      workingMode = first;
      if (known && first === 'passive' && epsvWorks) known.passiveEpsvWorks = true;
      return reply;
    } catch (err) {
      if (workingMode !== null || (err instanceof WharfError && err.kind === 'data-channel' && err.detail?.announced)) {
        throw toDataChannelError(err, first);
      }
      const other: DataConnectionMode = first === 'passive' ? 'active' : 'passive';
      context.log('warning', `${first} mode failed (${err instanceof Error ? err.message : String(err)}): trying ${other} mode`);
      try {
        const reply = await byMode[other](ftp);
        workingMode = other;
        return reply;
      } catch (otherErr) {
        // A server that refuses the other mode outright (502 to EPRT) says nothing about why the data connection
        // failed: the first mode's failure does.
        if (otherErr instanceof FTPError) {
          const firstError = toDataChannelError(err, first);
          if (firstError instanceof WharfError) {
            throw new WharfError(firstError.kind, t('errors.otherModeRefused', { first: firstError.message, mode: other, reply: otherErr.message.trim() }), { cause: err });
          }
        }
        throw toDataChannelError(otherErr, other);
      }
    }
  };
  return Object.assign(strategy, {
    transferAccepted: () => acceptance.run(),
    takeDeferred: () => {
      const taken = deferred;
      deferred = null;
      return taken;
    },
  });
}

/** A passive data connection; a plain one for a download whose destination reads directly gets its bytes that way (a protected one: data-tls). */
function connectPassive(context: DataConnectionContext, host: string, port: number): Socket {
  const sink = plainDirectReadSink(context);
  return sink ? connectDirect(host, port, sink) : netConnect({ host, port });
}

/** Where a plain download's bytes go straight from the read buffer; null for protected data (data-tls reads its own) or none. */
function plainDirectReadSink(context: DataConnectionContext): DirectReadSink | null {
  return context.isDataProtected() ? null : (context.directReadSink?.() ?? null);
}

function toDataChannelError(err: unknown, mode: DataConnectionMode): unknown {
  if (err instanceof WharfError || err instanceof FTPError) return err;
  const message = err instanceof Error ? err.message : String(err);
  return new WharfError('data-channel', t('errors.dataOpenInMode', { mode, reason: message }), { cause: err });
}

/**
 * Passive mode through a proxy: EPSV, else PASV, and a data connection through the proxy to the control
 * connection's host at the port the server named. The address in a PASV reply is ignored: the proxy,
 * not we, reaches the server, and a server behind NAT names an inside address (FileZilla does the same).
 */
async function passiveThroughProxy(
  ftp: FTPContext,
  context: DataConnectionContext,
  acceptance: TransferAcceptance,
  proxy: NonNullable<DataConnectionContext['viaProxy']>,
  tryEpsv: boolean,
  epsvRefused: () => void,
): Promise<FTPResponse> {
  let reply: FTPResponse | null = null;
  let port = 0;
  if (tryEpsv) {
    try {
      reply = await ftp.request('EPSV');
      port = parseEpsvResponse(reply.message);
    } catch (err) {
      if (!(err instanceof FTPError)) throw err;
      epsvRefused();
      context.log('info', `EPSV refused (${err.code}): using PASV from now on`);
    }
  }
  if (reply === null) {
    reply = await ftp.request('PASV');
    port = parsePasvResponse(reply.message).port;
  }
  const where = `${proxy.host}:${port} through ${proxy.describe}`;
  let raw: Socket;
  try {
    raw = await proxy.dial(proxy.host, port, ftp.timeout > 0 ? ftp.timeout : 30_000);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    throw new WharfError('data-channel', t('errors.dataOpenTo', { where, reason: message }), {
      cause: err,
      ...(err instanceof WharfError && err.detail ? { detail: err.detail } : {}),
    });
  }
  // TLS starts once the server accepts the transfer command, as on a direct connection: a server may reset a
  // data connection that speaks TLS before its command arrived (pyftpdlib), and through a proxy whether it
  // does depends on timing. A plain download's bytes go straight to its sink, as on a direct connection.
  const sink = plainDirectReadSink(context);
  if (sink) readDirect(raw, sink);
  attachDataSocket(ftp, context, acceptance, raw, 'accepted');
  return reply;
}

/**
 * Connects a passive data connection. Until the mode has worked once in this session (`waitForConnect`), the
 * transfer command waits for the connection, so a failure can still fall back to the other mode. After that the
 * command goes out while the connection is being made, one round trip fewer per transfer: a passive server waits
 * for the connection when the command comes (vsftpd, proftpd and pure-ftpd accept then; pyftpdlib queues the
 * command until it is made), and it answers 150 only once it has accepted. A connection that then fails closes
 * the control connection with that reason, unless the server refused the command (see failUnlessRefused).
 */
function openDataSocket(
  ftp: FTPContext,
  context: DataConnectionContext,
  acceptance: TransferAcceptance,
  connect: () => Socket,
  where: string,
  waitForConnect: boolean,
  tlsStart: TlsStart = 'accepted',
): Promise<void> {
  return new Promise((resolve, reject) => {
    const raw = connect();
    const onError = (err: NodeJS.ErrnoException) => {
      if (!waitForConnect) {
        // basic-ftp's listeners would report this socket's close later, maybe on the session's next connection.
        raw.removeAllListeners('close').removeAllListeners('error').on('error', () => undefined);
      }
      raw.destroy();
      const error = new WharfError('data-channel', t('errors.dataOpenTo', { where, reason: err.message }), { cause: err });
      if (waitForConnect) reject(error);
      // Refused or reset while connecting: a server that refuses the command closes the port it named, or takes
      // the connection and drops it (proftpd, on loopback before our side saw it made). Its answer decides.
      else failUnlessRefused(ftp, error, (report) => acceptance.reportError(report));
    };
    // Before basic-ftp's own listeners (attached below when not waiting): this reason, naming the address, comes first.
    raw.once('error', onError);
    if (!waitForConnect) {
      attachDataSocket(ftp, context, acceptance, raw, tlsStart);
      resolve();
    }
    raw.setTimeout(ftp.timeout, () => onError(new Error('no answer in time')));
    raw.once('connect', () => {
      raw.setTimeout(0);
      raw.removeListener('error', onError);
      if (!waitForConnect) return;
      attachDataSocket(ftp, context, acceptance, raw, 'accepted');
      resolve();
    });
  });
}

/**
 * Active mode: we listen, tell the server where (EPRT, else PORT), and the server connects to us. Some servers
 * connect once the transfer command is sent, others (pyftpdlib) before they even answer EPRT/PORT: the stand-in
 * data socket given to basic-ftp exists, and claims connections, before EPRT is sent. It buffers until the
 * server's connection arrives and the server has accepted the transfer command. RFC 4217: the client stays the
 * TLS client.
 */
async function openActive(ftp: FTPContext, context: DataConnectionContext, acceptance: TransferAcceptance): Promise<FTPResponse> {
  const localAddress = normalizeAddress(ftp.socket.localAddress ?? '127.0.0.1');
  const serverAddress = normalizeAddress(ftp.socket.remoteAddress ?? '');
  const listener = createServer();
  await new Promise<void>((resolve, reject) => {
    listener.once('error', reject);
    listener.listen(0, localAddress, () => resolve());
  });
  const { port } = listener.address() as AddressInfo;
  const family = localAddress.includes(':') ? 2 : 1;
  // TLS goes directly over the accepted socket (not over the stand-in): Node's TLS over a generic stream
  // never answers the server's close_notify, and vsftpd then waits forever for the end of the transfer.
  const secure = context.isDataProtected();
  const pending = new PendingDataSocket(listener, serverAddress, ftp.timeout, (text) => context.log('warning', text), secure
    ? (accepted) => secureDataSocket(ftp, context, accepted)
    : null, plainDirectReadSink(context));
  if (secure) acceptance.set(() => pending.allowTls());
  let reply: FTPResponse;
  try {
    try {
      reply = await ftp.request(`EPRT |${family}|${localAddress}|${port}|`);
    } catch (err) {
      if (!(err instanceof FTPError) || family === 2) throw err;
      const [a, b, c, d] = localAddress.split('.');
      reply = await ftp.request(`PORT ${a},${b},${c},${d},${port >> 8},${port & 255}`);
    }
  } catch (err) {
    acceptance.clear();
    pending.destroy();
    throw err;
  }
  ftp.dataSocket = pending as unknown as Socket;
  return reply;
}
