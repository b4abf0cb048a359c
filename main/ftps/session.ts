// Over 500 lines on purpose: connecting, TLS trust, login, the one-command queue with reconnect and listing fallbacks all share the state of one basic-ftp Client.
import { t, translator } from '../../common/i18n/t';
import { randomUUID } from 'node:crypto';
import type { Readable, Writable } from 'node:stream';
import * as tls from 'node:tls';
import { FTPError, type FTPResponse } from 'basic-ftp';
import { parseMLSxDate } from 'basic-ftp/dist/parseListMLSD';
import { isMultiline } from 'basic-ftp/dist/parseControlResponse';
import type {
  CertificateInfo,
  CertificateTrust,
  ClientCertificateUse,
  ConnectionTarget,
  LogDirection,
  LogLine,
  RemoteEntry,
  SecurityReport,
} from '../../common/models';
import { describePeerCertificate, explainVerificationError, normalizeFingerprint } from './certificate';
import { explainClientCertificateAlert, type ClientCertificate } from './client-certificate';
import { controlCharset, type ControlCharset } from './charset';
import { guessNameCharset, isValidUtf8 } from './charset-guess';
import { activeModeBehindProxyMessage, createDataConnectionStrategy, type PrepareTransfer } from './data-connection';
import { joinRiders, type TransferRider } from './transfer-rider';
import { IMPLICIT_CHECK_AFTER_MS, speaksImplicitTls, startsWithTlsRecord } from './implicit-probe';
import { toWharfError } from './error-mapping';
import { isWharfError, WharfError } from '../core/errors';
import { parseListing, parseMlstFacts, type ListingFormat } from './listing';
import { ListingCutShort, StreamingListClient } from './listing-client';
import { assertListingLines, ListingReader, type ListingLineLimits } from './listing-stream';
import { guardReplies } from './reply-guard';
import { isIpAddress } from './net-address';
import { proxyDialer, type ProxyEndpoint } from './proxy';
import { printableName } from './safe-names';
import { formatProxyAddress } from '../../common/models/proxy';
import { TRANSFER_COMMANDS } from '../../common/models/ftp-commands';
import { sharedSecureContext } from './secure-context';
import { hashAlgorithmFor, hashFromHashReply, hashOverControl, readyHashCommand, type RemoteHash } from './remote-hash';
import { removeTree, type RemoveLimits } from './remove-tree';
import { sendPipelined } from './pipeline';
import { sendUtf8Login, type EarlyControl } from './login-sequence';
import { receiveFile, sendFile, type TransferClient, type TransferOptions } from './transfer-task';
import { isDirectReadSink, type DirectReadSink } from './direct-read';
import { certificateChanged, dataProtectionRefused } from './session-errors';
import { newServerKnowledge, type ServerKnowledge } from './server-knowledge';

export { hashFromHashReply, hashFromLegacyReply, type RemoteHash } from './remote-hash';
export type { RemoveLimits } from './remove-tree';

/** How the user (or the caller on their behalf) answers an untrusted certificate. */
export type TrustDecision = 'once' | 'always' | 'reject';

/** Asked before anything is sent when a certificate is neither CA-valid for the host nor pinned. */
export interface CertificateQuestion {
  readonly host: string;
  readonly port: number;
  readonly certificate: CertificateInfo;
  /** Plain words: why the certificate is not trusted. */
  readonly reason: string;
}

/** The part of the pinned-certificate store the engine needs (main/sites/pinned-certificates.ts). */
export interface TrustStoreLike {
  get(host: string, port: number): Promise<{ readonly fingerprintSha256: string } | null>;
  pin(entry: { host: string; port: number; fingerprintSha256: string; subject: string }): Promise<void>;
}

/** Everything needed to open a session. Defaults are stated per field. */
export interface SessionOptions {
  readonly target: ConnectionTarget;
  readonly password: string;
  /** Must be true for mode 'plain': plain FTP sends the password in clear. default false */
  readonly allowPlain?: boolean;
  /** Extra trusted certificate authorities, PEM (CLI --ca). */
  readonly extraCaPem?: readonly string[];
  /** A fingerprint to pin for this connection (CLI --fingerprint); a different certificate is a hard stop. */
  readonly pinnedFingerprint?: string;
  /** Accept any certificate (CLI --insecure). Reported in the security report's warnings. default false */
  readonly insecure?: boolean;
  readonly trustStore?: TrustStoreLike;
  /** Called for certificates that are neither CA-valid nor pinned. default: reject */
  readonly decideTrust?: (question: CertificateQuestion) => Promise<TrustDecision>;
  /** default 30000 */
  readonly timeoutMs?: number;
  /** NOOP on an idle control connection every so often; default 30000, 0 = off */
  readonly keepAliveIntervalMs?: number;
  /** EPSV before PASV; default true. Off for routers that mangle EPSV. */
  readonly useEpsv?: boolean;
  readonly onLog?: (line: LogLine) => void;
  /**
   * Called as soon as PASS is written, while the server checks the password (vsftpd's PAM: ~50 ms, most of a
   * small download's wall time): what a caller loads then costs no wait. Must not throw. default none
   */
  readonly onPasswordSent?: () => void;
  /**
   * A plain-FTP control connection the command line opened and logged in on before the engine loaded
   * (main/cli/early-login.ts, which checks it was made for these options): adopted instead of connecting. default none
   */
  readonly earlyControl?: EarlyControl;
  /** What a person must be told once, beyond the log: a charset fallback, a detected timezone offset. */
  readonly onNotice?: (text: string) => void;
  /**
   * Compare the first LIST time with MDTM (which is UTC) and, where they differ by whole quarter-hours,
   * read LIST times with that offset from then on (as Transmit does). For sites whose offset nobody set.
   * default false
   */
  readonly detectTimezoneOffset?: boolean;
  /** Called once when detectTimezoneOffset found the server's offset, to store it with the site. */
  readonly onTimezoneOffsetDetected?: (minutes: number) => void;
  readonly connectionId?: string;
  /** A client certificate for mutual TLS (main/ftps/client-certificate.ts), on the control and every data connection. default none */
  readonly clientCertificate?: ClientCertificate;
  /** Go through this proxy for the control and passive data connections (main/ftps/proxy.ts). default direct */
  readonly proxy?: ProxyEndpoint | null;
  /** Shared by the sessions of one site (a transfer pool): what one learned, the others need not ask. default: this session's own */
  readonly known?: ServerKnowledge;
  /**
   * How long a held rename (renameWithNextCommand) waits for the session's next command before it goes alone:
   * for a lease kept without a command (a queued download asking whether to overwrite a local file). 0: no
   * timer, only the signals (the next command, sendHeldCommands, close). default 250
   */
  readonly heldRenameWaitMs?: number;
}

/** Raw commands that need a data connection or change the session's security are not for `raw()`. */
const RAW_COMMANDS_REFUSED = new Set<string>([
  ...TRANSFER_COMMANDS, 'PASV', 'EPSV', 'PORT', 'EPRT', 'USER', 'PASS',
  'AUTH', 'PBSZ', 'PROT', 'CCC', 'REIN', 'QUIT', 'REST', 'ABOR', 'ACCT',
]);

/** Refuses arguments that would smuggle a second command onto the control connection. */
function assertSafeArgument(value: string, what: string): void {
  if (/[\r\n\0]/.test(value)) {
    throw new WharfError('invalid-input', t('errors.unsafeArgument', { what }));
  }
}

/**
 * The most entries a listing may hold. basic-ftp stops reading at 40 MiB, but 40 MiB of short MLSD
 * lines is about 2,000,000 entries, which peaks near 1.4 GiB once parsed and shown; a million entries
 * (about 640 MiB measured through the CLI) is far beyond any folder a person browses.
 */
export const MAX_LISTING_ENTRIES = 1_000_000;

const MAX_LISTING_LINES = MAX_LISTING_ENTRIES + 3;

/**
 * A listing's lines, streamed (ListingReader) or read whole (assertListingLines): at most MAX_LISTING_ENTRIES (plus
 * `.`, `..` and `total N`), none over 64 KiB (no entry is that long; a line that never ends is a broken server's).
 */
const LISTING_LINE_LIMITS: ListingLineLimits = {
  maxLines: MAX_LISTING_LINES,
  tooManyLines: tooManyListingLines,
  maxLineBytes: 64 * 1024,
  lineTooLong: () => new WharfError('ftp', t('errors.listingLineTooLong')),
};

/** What a listing command's answer is: MLSD's facts, or the lines of `LIST -a` and `LIST`. */
function listingFormatOf(command: string): ListingFormat {
  return command.startsWith('MLSD') ? 'mlsd' : 'list';
}

function tooManyListingLines(): WharfError {
  return new WharfError('ftp', t('errors.folderTooBig', { limit: translator().number(MAX_LISTING_ENTRIES) }));
}

/** How a caller follows a listing while it arrives (see FtpsSession.list). */
export interface ListingProgress {
  /**
   * Entries read so far, in order; `from` is the index of the first in the listing being read. A `from`
   * of 0 after earlier batches means the listing started over (a refused MLSD read again with LIST).
   */
  readonly onBatch: (from: number, entries: readonly RemoteEntry[]) => void;
  /**
   * Aborted: the listing's data connection is closed mid-transfer and the server's reply to it read (the
   * session stays in step for its next command), and `list` fails as cancelled.
   */
  readonly signal?: AbortSignal;
}

/** What a caller knows of the folder it lists (see FtpsSession.list). */
export interface ListingOptions {
  /**
   * The folder was just listed by its parent as a folder (a recursive walk): an empty listing of it is believed
   * without entering it to prove it exists. A folder a person named is proved (see mayNotBeTheFolder); a
   * subfolder deleted between the two listings may then pass as empty.
   */
  readonly listedAsFolder?: boolean;
}

/** Spaces and glob characters: what a server that hands LIST's argument to /bin/ls may split or expand. */
const LIST_ARGUMENT_AT_RISK = /[\s*?[\]{}~]/;

/**
 * One logged-in FTPS control connection and what it needs for data connections. Commands run one at a
 * time (basic-ftp closes a client that is given two). A dropped connection is reopened before the next
 * command, with the same certificate decision; a different certificate is then a hard stop.
 */
export class FtpsSession {
  readonly id: string;
  private readonly client: StreamingListClient;
  private readonly options: SessionOptions;
  private queue: Promise<unknown> = Promise.resolve();
  private keepAliveTimer: NodeJS.Timeout | null = null;
  private lastActivity = Date.now();
  private closedByUser = false;
  private suppressListingLog = false;
  private acceptedFingerprint: string | null = null;
  private trust: CertificateTrust | null = null;
  private dataProtected = false;
  private featureMap: ReadonlyMap<string, string> = new Map();
  private currentReport: SecurityReport;
  private charset: ControlCharset;
  /** What this session or another of its site learned about the server (EPSV, MDTM with a time, SITE HELP). */
  private readonly known: ServerKnowledge;
  /** Commands to send with the next data connection's EPSV (the file's time with a download); see TransferRider. */
  private transferRider: TransferRider | null = null;
  /** The running download's destination when it takes bytes straight from the data connection's read buffer. */
  private directReadSink: DirectReadSink | null = null;
  /**
   * Commands held to go out in one write with this session's next transfer: a verified upload's time and rename
   * (renameWithNextCommand), an upload's SIZE (verifyAndRenameWithNextCommands); sent alone, in order, before any
   * other command, or when the session goes idle.
   */
  private held: TransferRider[] = [];
  private heldRenameTimer: NodeJS.Timeout | null = null;
  /** Operations queued or running in `run`: a held command's timer sends it only when there is none. */
  private operations = 0;
  /** Files' transfers, run by transfer-task.ts over this session's client and data-connection strategy. */
  private readonly transfers: TransferClient;
  /** Whether LIST times are still to be checked against MDTM (see detectListingOffset). */
  private offsetToDetect: boolean;
  /** Set once a listing showed the site's names to be UTF-8 or not (see fallBackFromUtf8). */
  private utf8Settled = false;
  private secureContext: tls.SecureContext | null = null;
  private utf8AcceptedBeforeLogin = false;
  /** The early login's connection until the first connect adopts it (reconnects connect anew). */
  private earlyControl: EarlyControl | undefined;
  /** The early login's outcome, read by the first login. */
  private earlyLogin: EarlyControl['login'] | undefined;
  /** The target's timezone offset, changeable while connected (see setListingTimezoneOffset). */
  private listingOffsetMinutes: number;

  private constructor(options: SessionOptions) {
    this.options = options;
    this.known = options.known ?? newServerKnowledge();
    this.id = options.connectionId ?? randomUUID();
    this.client = new StreamingListClient(options.timeoutMs ?? 30_000);
    this.client.cutReplyWaitMs = Math.min(options.timeoutMs ?? 30_000, 5000);
    this.earlyControl = options.target.mode === 'plain' && !options.proxy ? options.earlyControl : undefined;
    // The early login's context becomes the client's, before anything below wraps or configures it.
    if (this.earlyControl) (this.client as { ftp: StreamingListClient['ftp'] }).ftp = this.earlyControl.ftp;
    this.client.ftp.verbose = true;
    this.client.ftp.log = (message: string) => this.onLibraryLog(message);
    for (const line of this.earlyControl?.takeLog() ?? []) this.onLibraryLog(line);
    this.charset = controlCharset(options.target.encoding);
    this.listingOffsetMinutes = options.target.timezoneOffsetMinutes;
    this.offsetToDetect = options.detectTimezoneOffset === true;
    this.client.ftp.encoding = this.charset.socketEncoding;
    const dataConnections = createDataConnectionStrategy({
      preferredMode: options.target.dataMode,
      useEpsv: options.useEpsv ?? true,
      known: this.known,
      isDataProtected: () => this.dataProtected,
      tlsOptions: () => this.tlsOptions(),
      acceptedFingerprint: () => this.acceptedFingerprint,
      log: (direction, text) => this.log(direction, text),
      takeRider: () => {
        const rider = this.transferRider;
        this.transferRider = null;
        return rider;
      },
      directReadSink: () => this.directReadSink,
      ...(options.proxy ? { viaProxy: { dial: proxyDialer(options.proxy), host: options.target.host, describe: formatProxyAddress(options.proxy) } } : {}),
      onDataTlsEstablished: (reused, protocol) => {
        if (this.currentReport.dataTlsSessionReused !== false) {
          this.currentReport = { ...this.currentReport, dataTlsSessionReused: reused };
        }
        this.log('tls', `Data connection: ${protocol ?? 'TLS'}, session ${reused ? 'resumed' : 'NOT resumed'}`);
      },
    });
    this.client.prepareTransfer = dataConnections;
    const client = this.client;
    this.transfers = {
      get ftp() {
        return client.ftp;
      },
      // Through the client's prepareTransfer, the one set-up every data connection goes through (tests hook it there).
      prepare: (ftp) => (client.prepareTransfer as PrepareTransfer)(ftp, false),
      pathForCommand: (path) => client.pathForCommand(path),
    };
    guardReplies(this.client.ftp, {
      transferAccepted: () => dataConnections.transferAccepted(),
      takeDeferred: () => dataConnections.takeDeferred(),
      log: (text) => this.log('warning', text),
    });
    this.currentReport = this.emptyReport();
  }

  /** Connects, secures, checks the certificate before anything else is sent, logs in, and sets up data protection. */
  static async open(options: SessionOptions): Promise<FtpsSession> {
    const session = new FtpsSession(options);
    await session.connectAndLogin();
    session.startKeepAlive();
    return session;
  }

  /** The session's security report, kept current as data connections are opened. */
  get report(): SecurityReport {
    return this.currentReport;
  }

  /**
   * The site's timezone offset changed while connected: listings from now on read LIST times with the new
   * offset. Only our parser uses it (nothing is sent to the server), so it needs no new login.
   */
  setListingTimezoneOffset(minutes: number): void {
    this.listingOffsetMinutes = minutes;
    const times = this.currentReport.listingTimes;
    if (times?.format === 'list') this.currentReport = { ...this.currentReport, listingTimes: { ...times, offsetMinutes: minutes, source: 'site' } };
  }

  /** False once closed by the user; a connection dropped by the network reopens on the next command. */
  get isOpen(): boolean {
    return !this.closedByUser;
  }

  private emptyReport(): SecurityReport {
    const { host, port, mode } = this.options.target;
    return {
      host,
      port,
      mode,
      tlsVersion: null,
      cipher: null,
      certificate: null,
      certificateTrust: null,
      trustExplanation: mode === 'plain' ? t('connectionTexts.plainTrustExplanation') : '',
      credentialsEncrypted: false,
      dataProtected: false,
      dataTlsSessionReused: null,
      serverBanner: '',
      warnings: [],
    };
  }

  private log(direction: LogDirection, text: string): void {
    this.options.onLog?.({ time: new Date().toISOString(), connectionId: this.id, direction, text });
  }

  /** basic-ftp logs commands as `> X`, replies as `< X`, and listings verbatim; we keep the dialogue. */
  private onLibraryLog(message: string): void {
    if (message.startsWith('> ')) {
      const command = message.slice(2);
      this.log('command', /^PASS\b/i.test(command) ? 'PASS ********' : command);
    } else if (message.startsWith('< ')) {
      for (const line of message.slice(2).split(/\r?\n/)) if (line.length > 0) this.log('reply', line);
    } else if (!this.suppressListingLog && !message.includes('\n')) {
      // basic-ftp says "Connected to HOST:PORT (No encryption)" before AUTH TLS, which reads as if the
      // session stayed in clear; for explicit FTPS it is the step before TLS.
      const plainConnect = /^(Connected to .*) \(No encryption\)$/.exec(message);
      if (plainConnect && this.options.target.mode === 'explicit') this.log('info', `${plainConnect[1]}, starting TLS`);
      else this.log(/TLS|secur/i.test(message) ? 'tls' : 'info', message);
    }
  }

  private tlsOptions(): tls.ConnectionOptions {
    const { host, minTlsVersion } = this.options.target;
    // One context per TLS settings, shared by the process: tls.connect would otherwise build one per data
    // connection, and an extra CA would cost a rebuild of every root: see sharedSecureContext.
    this.secureContext ??= sharedSecureContext(minTlsVersion, this.options.extraCaPem ?? [], this.options.clientCertificate?.tls);
    return {
      host,
      ...(isIpAddress(host) ? {} : { servername: host }),
      minVersion: minTlsVersion,
      // We decide about the certificate ourselves, before login: see evaluateCertificate.
      rejectUnauthorized: false,
      secureContext: this.secureContext,
    };
  }

  private async connectAndLogin(): Promise<void> {
    const { target } = this.options;
    if (target.mode === 'plain' && !this.options.allowPlain) {
      throw new WharfError('plain-refused', t('errors.plainNotAllowed'));
    }
    if (this.options.proxy && target.dataMode === 'active') {
      throw new WharfError('invalid-input', activeModeBehindProxyMessage(formatProxyAddress(this.options.proxy)), { detail: { reason: 'active-mode-behind-proxy' } });
    }
    let welcome: FTPResponse;
    try {
      welcome = await this.connectTransport();
      // No Nagle on the control connection: commands go in one write each (pipeline.ts), but a write right after
      // the TLS handshake (USER after the client's Finished) would wait for its acknowledgement, a round trip.
      this.client.ftp.socket.setNoDelay(true);
    } catch (err) {
      this.client.close();
      throw this.explainClientCertificateRefusal(toWharfError(err, { phase: 'connect', mode: target.mode }));
    }
    try {
      if (target.mode !== 'plain') await this.evaluateCertificate();
      await this.login();
      await this.configureSession();
    } catch (err) {
      this.client.close();
      throw this.explainClientCertificateRefusal(toWharfError(err, { phase: 'login', mode: target.mode }));
    }
    this.currentReport = this.buildReport(welcome.message);
  }

  /**
   * A server that requires a client certificate lets the handshake finish and then sends an alert, which
   * arrives with the greeting or the first command (TLS 1.3): said in words naming the setting.
   */
  private explainClientCertificateRefusal(error: WharfError): WharfError {
    if (error.kind !== 'tls-handshake' && error.kind !== 'connection-lost') return error;
    const explained = explainClientCertificateAlert(error.message, this.options.clientCertificate !== undefined);
    if (explained === null) return error;
    return new WharfError('tls-handshake', t('errors.withReason', { explanation: explained, reason: error.message }), { cause: error, detail: { reason: 'client-certificate-refused' } });
  }

  /** Through a proxy: the tunnel first, then the greeting (after TLS for implicit FTPS) as basic-ftp's connect would read it. */
  private async connectThroughProxy(proxy: ProxyEndpoint): Promise<FTPResponse> {
    const { host, port, mode } = this.options.target;
    this.log('info', `Connecting to ${host}:${port} through the ${proxy.kind === 'socks5' ? 'SOCKS5' : 'HTTP'} proxy ${formatProxyAddress(proxy)} (${proxy.source})`);
    const tunnel = await proxyDialer(proxy)(host, port, this.options.timeoutMs ?? 30_000);
    this.log('info', `The proxy connected us to ${host}:${port}`);
    if (mode === 'implicit') {
      const options = this.tlsOptions();
      this.client.ftp.socket = tls.connect({ ...options, socket: tunnel });
      this.client.ftp.tlsOptions = options;
    } else {
      this.client.ftp.socket = tunnel;
    }
    return this.client.ftp.handle(undefined, (res, task) => {
      if (res instanceof Error) task.reject(res);
      else if (res.code >= 200 && res.code < 300) task.resolve(res);
      else task.reject(new FTPError(res));
    });
  }

  private async connectTransport(): Promise<FTPResponse> {
    const { host, port, mode } = this.options.target;
    const { proxy } = this.options;
    if (!proxy && mode === 'implicit') return this.client.connectImplicitTLS(host, port, this.tlsOptions());
    const early = this.earlyControl;
    this.earlyControl = undefined;
    this.earlyLogin = early?.login;
    const welcome = proxy ? await this.connectThroughProxy(proxy) : await this.greetingOrImplicitHint(host, port, early);
    if (mode === 'explicit') {
      try {
        await this.client.send('AUTH TLS');
      } catch (err) {
        if (err instanceof FTPError) {
          throw new WharfError(
            'tls-required',
            t('errors.authTlsRefused', { code: err.code }),
            { code: err.code },
          );
        }
        throw err;
      }
      await this.upgradeControlSocket();
    }
    return welcome;
  }

  /**
   * The server's greeting; but when its first bytes are a TLS record, or it stays silent for
   * IMPLICIT_CHECK_AFTER_MS and a second connection completes a TLS handshake, the port speaks implicit FTPS:
   * say so then, not after the whole timeout.
   */
  private async greetingOrImplicitHint(host: string, port: number, early?: EarlyControl): Promise<FTPResponse> {
    const timeoutMs = this.options.timeoutMs ?? 30_000;
    const greeting = early ? early.greeting : this.client.connect(host, port);
    let timer: NodeJS.Timeout | undefined;
    const implicit = new Promise<'silent' | 'tls-record'>((resolve) => {
      if (early?.greetedWithTls()) resolve('tls-record');
      // Before basic-ftp's reader, which would wait for a line ending in bytes that are no FTP reply.
      this.client.ftp.socket.prependOnceListener('data', (chunk: Buffer | string) => {
        if (startsWithTlsRecord(chunk)) resolve('tls-record');
      });
      timer = setTimeout(() => {
        void speaksImplicitTls(host, port, this.tlsOptions(), timeoutMs).then((yes) => {
          if (yes) resolve('silent');
        });
      }, Math.min(IMPLICIT_CHECK_AFTER_MS, timeoutMs));
      timer.unref();
    });
    try {
      const first = await Promise.race([greeting, implicit]);
      if (typeof first !== 'string') return first;
      greeting.catch(() => undefined);
      this.client.close();
      throw new WharfError(
        'tls-handshake',
        t('errors.implicitPort', { port: String(port), behaviour: first }),
        { detail: { reason: 'implicit-port' } },
      );
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * The TLS handshake after AUTH TLS, as basic-ftp's useTLS does it, but with a timeout: basic-ftp runs it
   * outside any command, so its own timeout does not cover it, and a server or path that goes silent
   * mid-handshake would hang the session (and the transfer queue) for ever.
   */
  private upgradeControlSocket(): Promise<void> {
    const options = this.tlsOptions();
    return new Promise((resolve, reject) => {
      const socket = tls.connect({ ...options, socket: this.client.ftp.socket });
      const timer = setTimeout(() => {
        socket.destroy(new WharfError('timeout', t('errors.handshakeTimeout')));
      }, this.options.timeoutMs ?? 30_000);
      const onError = (err: Error) => {
        clearTimeout(timer);
        reject(err);
      };
      socket.once('error', onError);
      socket.once('secureConnect', () => {
        clearTimeout(timer);
        socket.removeListener('error', onError);
        this.client.ftp.socket = socket;
        this.client.ftp.tlsOptions = options;
        this.log('tls', `Control socket is using: ${socket.getProtocol() ?? 'TLS'}`);
        resolve();
      });
    });
  }

  /** The certificate decision: pinned, CA-valid, or asked. Nothing but AUTH TLS has been sent when this runs. */
  private async evaluateCertificate(): Promise<void> {
    const socket = this.client.ftp.socket as tls.TLSSocket;
    const { host, port } = this.options.target;
    const certificate = describePeerCertificate(socket);
    if (certificate === null) throw new WharfError('tls-handshake', t('errors.noCertificate'));
    this.currentReport = { ...this.currentReport, certificate };
    const presented = certificate.fingerprintSha256;

    if (this.acceptedFingerprint !== null) {
      // A reconnect: the certificate must be the one accepted when the session opened.
      if (presented !== this.acceptedFingerprint) throw certificateChanged(host, port, this.acceptedFingerprint, presented);
      return;
    }
    const pinned = this.options.pinnedFingerprint
      ? normalizeFingerprint(this.options.pinnedFingerprint)
      : ((await this.options.trustStore?.get(host, port))?.fingerprintSha256 ?? null);
    if (pinned !== null) {
      if (normalizeFingerprint(pinned) !== presented) throw certificateChanged(host, port, pinned, presented);
      this.accept('pinned', presented, t('connectionTexts.trustPinned'));
      return;
    }
    if (socket.authorized) {
      this.accept('ca-valid', presented, t('connectionTexts.trustAuthority', { issuer: certificate.issuer, host }));
      return;
    }
    const reason = explainVerificationError(certificate, host);
    if (this.options.insecure) {
      this.log('warning', `Certificate NOT verified (--insecure): ${reason}`);
      this.accept('accepted-once', presented, t('connectionTexts.trustInsecure', { reason }));
      return;
    }
    this.log('tls', `Certificate not trusted: ${reason} Waiting for a decision; nothing has been sent.`);
    const decision = this.options.decideTrust ? await this.options.decideTrust({ host, port, certificate, reason }) : 'reject';
    if (decision === 'reject') {
      throw new WharfError('tls-untrusted', t('errors.untrustedStopped', { reason }), {
        detail: { fingerprint: presented },
      });
    }
    if (decision === 'always') {
      await this.options.trustStore?.pin({ host, port, fingerprintSha256: presented, subject: certificate.subject });
      this.accept('pinned', presented, t('connectionTexts.trustAlways', { reason }));
    } else {
      this.accept('accepted-once', presented, t('connectionTexts.trustOnce', { reason }));
    }
  }

  private accept(trust: CertificateTrust, fingerprint: string, explanation: string): void {
    this.trust = trust;
    this.acceptedFingerprint = fingerprint;
    this.currentReport = { ...this.currentReport, certificateTrust: trust, trustExplanation: explanation };
  }

  private async login(): Promise<void> {
    const user = this.wire(this.options.target.user, 'user name');
    const password = this.wire(this.options.password, 'password');
    // Servers expect UTF-8 to be switched on before a non-ASCII user name or password (RFC 2640).
    this.utf8AcceptedBeforeLogin = false;
    if (this.charset.socketEncoding !== 'utf8') {
      await this.client.login(user, password);
      return;
    }
    const early = this.earlyLogin;
    this.earlyLogin = undefined;
    // The early login sent the same commands for the same user and password (see its takeFor).
    const outcome = await (early ?? sendUtf8Login(this.client.ftp, user, password, this.lateReplyLog, this.options.onPasswordSent));
    this.utf8AcceptedBeforeLogin = outcome.utf8AcceptedBeforeLogin;
  }

  private async configureSession(): Promise<void> {
    // Every command is a round trip (50-300 ms on real links, and every connection of a pool logs in): no STRU F
    // (RFC 959's default structure), OPTS UTF8 again only for servers that did not take it before login, and the
    // commands that do not depend on FEAT's answer go out in the same write as FEAT, their replies read in order.
    const secure = this.options.target.mode !== 'plain';
    const utf8Again = this.charset.socketEncoding === 'utf8' && !this.utf8AcceptedBeforeLogin;
    const [feat, type, ...rest] = await sendPipelined(
      this.client.ftp,
      ['FEAT', 'TYPE I', ...(utf8Again ? ['OPTS UTF8 ON'] : []), ...(secure ? ['PBSZ 0', 'PROT P'] : [])],
      this.lateReplyLog,
    );
    this.featureMap = parseFeatures(feat as FTPResponse);
    if ((type as FTPResponse).code >= 400) throw new FTPError(type as FTPResponse);
    const mlsd = this.featureMap.has('MLST');
    this.client.availableListCommands = mlsd ? ['MLSD', 'LIST -a', 'LIST'] : ['LIST -a', 'LIST'];
    if (mlsd) await this.client.sendIgnoringError('OPTS MLST type;size;modify;unix.mode;unix.owner;unix.group;unix.ownername;unix.groupname;');
    this.dataProtected = false;
    if (secure) {
      const prot = rest[rest.length - 1] as FTPResponse;
      this.dataProtected = prot.code >= 200 && prot.code < 300;
      if (!this.dataProtected && this.options.target.allowClearData !== true) throw dataProtectionRefused(prot.code, prot.message);
      if (!this.dataProtected) this.log('warning', `The server refused PROT P (${prot.code}): file contents and listings will travel unencrypted.`);
    }
  }

  private buildReport(banner: string): SecurityReport {
    const { mode } = this.options.target;
    const socket = this.client.ftp.socket;
    const secure = socket instanceof tls.TLSSocket;
    const warnings: string[] = [];
    if (mode === 'plain') warnings.push(t('connectionTexts.securityWarning', { warning: 'plain' }));
    if (secure && !this.dataProtected) warnings.push(t('connectionTexts.securityWarning', { warning: 'protRefused' }));
    if (this.trust === 'accepted-once') warnings.push(t('connectionTexts.securityWarning', { warning: 'acceptedOnce' }));
    if (this.options.insecure) warnings.push(t('connectionTexts.securityWarning', { warning: 'insecure' }));
    const protocol = secure ? socket.getProtocol() : null;
    if (protocol === 'TLSv1.2') warnings.push(t('connectionTexts.securityWarning', { warning: 'tls12' }));
    return {
      ...this.currentReport,
      ...(secure ? { clientCertificate: this.clientCertificateUse(socket) } : {}),
      proxy: this.options.proxy ? { via: formatProxyAddress(this.options.proxy), source: this.options.proxy.source } : { via: 'direct', source: 'no proxy' },
      tlsVersion: protocol,
      cipher: secure ? (socket.getCipher()?.standardName ?? null) : null,
      credentialsEncrypted: secure,
      dataProtected: this.dataProtected,
      listingTimes: this.featureMap.has('MLST')
        ? { format: 'mlsd', offsetMinutes: 0, source: 'utc' }
        : (this.currentReport.listingTimes ?? { format: 'list', offsetMinutes: this.listingOffsetMinutes, source: 'site' }),
      serverBanner: banner
        .split(/\r?\n/)
        .map((line) => line.replace(/^220[- ]?/, '').trim())
        .filter((line) => line.length > 0 && !/^-+$/.test(line))
        .join(' | '),
      warnings,
    };
  }

  /**
   * Whether the server asked for a client certificate: OpenSSL fills the shared signature algorithms on the
   * client only from a CertificateRequest (TLS 1.2 and 1.3), so they are non-empty exactly when it asked.
   */
  private clientCertificateUse(socket: tls.TLSSocket): ClientCertificateUse {
    const requested = socket.getSharedSigalgs().length > 0;
    const subject = this.options.clientCertificate?.subject ?? null;
    return { subject, state: requested ? (subject !== null ? 'sent' : 'requested') : 'not-requested' };
  }

  private startKeepAlive(): void {
    const interval = this.options.keepAliveIntervalMs ?? 30_000;
    if (interval <= 0) return;
    this.keepAliveTimer = setInterval(() => {
      if (Date.now() - this.lastActivity < interval || this.client.closed) return;
      void this.run(async () => {
        await this.client.send('NOOP');
      }).catch(() => {
        // A failed NOOP means the connection dropped; the next command reconnects.
      });
    }, interval);
    this.keepAliveTimer.unref();
  }

  /**
   * Runs one command at a time, reconnecting first if the connection dropped. A held rename goes out first, alone,
   * unless `renameRides` (a transfer, which sends it with its EPSV).
   */
  private run<T>(operation: () => Promise<T>, renameRides = false): Promise<T> {
    this.operations++;
    const next = this.queue.then(async () => {
      if (this.closedByUser) throw new WharfError('cancelled', t('errors.sessionClosed'));
      if (this.client.closed) this.takeHeldRename()?.answered(null);
      else if (!renameRides) await this.sendHeldRename();
      if (this.client.closed) {
        this.log('info', 'The connection was lost: reconnecting');
        await this.connectAndLogin();
      }
      try {
        return await operation();
      } catch (err) {
        throw toWharfError(err, { phase: 'command', mode: this.options.target.mode });
      } finally {
        this.lastActivity = Date.now();
      }
    });
    this.queue = next.catch(() => undefined).finally(() => this.operations--);
    return next;
  }

  /** A path or name as the control connection carries it: checked for line breaks, then in the site's charset. */
  private wire(value: string, what = 'path'): string {
    assertSafeArgument(value, what);
    return this.charset.encode(value);
  }

  /**
   * Lists a folder with MLSD where the server has it, else LIST; `.` and `..` are dropped. With `progress`,
   * entries are handed over while they arrive; the batches are a prefix of the answer unless the listing
   * had to be read again (names not UTF-8 after all, the server's time offset found): then the answer's
   * entries are new objects and replace what was handed over.
   */
  async list(path = '', progress?: ListingProgress, options: ListingOptions = {}): Promise<RemoteEntry[]> {
    return this.onPath(path, (wirePath) =>
      this.run(async () => {
        let entries = await this.listNow(wirePath, progress, options);
        if (this.mayFallBackFromUtf8() && entries.some((e) => e.name.includes('\ufffd')) && (await this.fallBackFromUtf8(path)) === 'switched') {
          entries = await this.listNow(this.wire(path), undefined, options);
        }
        if (this.offsetToDetect && !this.listingHasExactFacts()) entries = await this.detectListingOffset(wirePath, entries);
        this.log('info', `Listed ${wirePath || 'the current folder'}: ${entries.length} entries`);
        return entries;
      }),
    );
  }

  /**
   * LIST shows the server's local time, MDTM UTC (RFC 3659): one file's two times tell the server's
   * offset. Only a file listed with its minute (not an old one, listed with its day) can tell, and only
   * a difference of whole quarter-hours counts (LIST drops the seconds MDTM has). Runs inside run().
   */
  private async detectListingOffset(folderWirePath: string, entries: RemoteEntry[]): Promise<RemoteEntry[]> {
    if (!this.featureMap.has('MDTM')) {
      this.offsetToDetect = false;
      return entries;
    }
    const current = this.listingOffsetMinutes;
    const candidate = entries.find((e) => e.type === 'file' && e.modifiedAt !== null && (Date.parse(e.modifiedAt) + current * 60_000) % 86_400_000 !== 0);
    if (!candidate?.modifiedAt) return entries;
    const folder = folderWirePath === '' ? '' : `${folderWirePath.replace(/\/+$/, '')}/`;
    const utc = await this.client.lastMod(`${folder}${this.charset.encode(candidate.name)}`).catch(() => null);
    this.offsetToDetect = false;
    if (utc === null) return entries;
    const shownAsLocal = Date.parse(candidate.modifiedAt) + current * 60_000 - utc.getTime();
    const offset = Math.round(shownAsLocal / 900_000) * 15;
    const exact = shownAsLocal > offset * 60_000 - 61_000 && shownAsLocal <= offset * 60_000 + 1_000;
    if (!exact || offset === current || Math.abs(offset) > 24 * 60) return entries;
    this.listingOffsetMinutes = offset;
    this.currentReport = { ...this.currentReport, listingTimes: { format: 'list', offsetMinutes: offset, source: 'detected' } };
    const sign = offset < 0 ? '-' : '+';
    const zone = `UTC${sign}${String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0')}:${String(Math.abs(offset) % 60).padStart(2, '0')}`;
    const notice = t('connectionTexts.listingTimezoneNotice', { zone, name: printableName(candidate.name), offset: String(offset) });
    this.log('warning', notice);
    this.options.onNotice?.(notice);
    this.options.onTimezoneOffsetDetected?.(offset);
    const shiftMs = (offset - current) * 60_000;
    return entries.map((e) => (e.modifiedAt === null ? e : { ...e, modifiedAt: new Date(Date.parse(e.modifiedAt) - shiftMs).toISOString() }));
  }

  /** True while names are taken for UTF-8 because the site says UTF-8, and no listing has shown whether they are. */
  private mayFallBackFromUtf8(): boolean {
    return !this.utf8Settled && this.charset.socketEncoding === 'utf8';
  }

  /**
   * FileZilla's fallback: on a UTF-8 site whose names are not valid UTF-8, stop assuming UTF-8. Lists the
   * folder again byte for byte (inside run); when names in it are not UTF-8, names are read and written in
   * the likeliest charset from then on, and the person is told once. 'unreadable' when the folder cannot
   * be listed (nothing is settled then).
   */
  private async fallBackFromUtf8(folder: string): Promise<'switched' | 'utf8' | 'unreadable'> {
    let text = '';
    this.client.parseList = (rawText: string) => {
      text = rawText;
      return [];
    };
    this.client.ftp.encoding = 'latin1';
    try {
      assertSafeArgument(folder, 'path');
      await this.listUnlogged(Buffer.from(folder, 'utf8').toString('latin1'));
    } catch (err) {
      if (err instanceof FTPError) return 'unreadable';
      throw err;
    } finally {
      this.client.ftp.encoding = this.charset.socketEncoding;
    }
    const listed = parseListing(text, { format: this.listingFormatNow(), timezoneOffsetMinutes: 0, now: new Date() }).map((entry) => Buffer.from(entry.name, 'latin1'));
    // vsftpd lists a folder that does not exist as empty: that proves nothing about names.
    if (listed.length === 0) return 'unreadable';
    this.utf8Settled = true;
    const names = listed.filter((name) => !isValidUtf8(name));
    if (names.length === 0) return 'utf8';
    const guess = guessNameCharset(names) ?? 'latin1';
    this.charset = controlCharset(guess);
    this.client.ftp.encoding = this.charset.socketEncoding;
    const notice = t('connectionTexts.nameCharsetNotice', { folder: printableName(folder || '.'), charset: guess });
    this.log('warning', notice);
    this.options.onNotice?.(notice);
    return 'switched';
  }

  /**
   * Runs a command on a path; when it is refused for a non-ASCII path on a site taken for UTF-8, the
   * nearest folder above it that lists shows whether names are UTF-8 at all, and after a fallback to
   * another charset the command is tried once more.
   */
  private async onPath<T>(path: string, operation: (wirePath: string) => Promise<T>): Promise<T> {
    try {
      return await operation(this.wire(path));
    } catch (err) {
      if (!this.mayFallBackFromUtf8() || !/[^\p{ASCII}]/u.test(path) || !isWharfError(err, 'ftp') || (err.code ?? 0) < 450) throw err;
      let outcome: 'switched' | 'utf8' | 'unreadable' = 'unreadable';
      for (let folder = path; outcome === 'unreadable' && folder.includes('/') && folder !== '/'; ) {
        folder = folder.slice(0, folder.lastIndexOf('/')) || '/';
        const probe = folder;
        outcome = await this.run(() => this.fallBackFromUtf8(probe));
      }
      if (outcome !== 'switched') throw err;
      return operation(this.wire(path));
    }
  }

  /**
   * One listing inside a running command. A path with spaces or glob characters may reach the server's /bin/ls
   * split or expanded (netkit and BSD ftpd: "LIST /a b" lists "/a" and "b"), which answers with an empty
   * listing or a refusal that says nothing about the folder: then the folder is entered with CWD and listed
   * without an argument, as curl and FileZilla do, and the session returns to where it was. "Empty" is only
   * believed from a listing the server could have produced for this folder.
   */
  private async listNow(wirePath: string, progress?: ListingProgress, options: ListingOptions = {}): Promise<RemoteEntry[]> {
    try {
      return await this.listFolder(wirePath, progress, options);
    } catch (err) {
      if (!(err instanceof FTPError)) throw err;
      // A recursive transfer, sync or delete reports which folder it could not read.
      const mapped = toWharfError(err, { phase: 'command', mode: this.options.target.mode });
      const text =
        wirePath === ''
          ? t('errors.currentFolderUnreadable', { reason: mapped.message })
          : t('errors.folderUnreadable', { folder: printableName(this.charset.decode(wirePath)), reason: mapped.message });
      throw new WharfError(mapped.kind, text, {
        ...(mapped.code !== undefined ? { code: mapped.code } : {}), ...(mapped.detail !== undefined ? { detail: { ...mapped.detail } } : {}), cause: err,
      });
    }
  }

  private async listFolder(wirePath: string, progress?: ListingProgress, options: ListingOptions = {}): Promise<RemoteEntry[]> {
    if (!LIST_ARGUMENT_AT_RISK.test(wirePath)) {
      const entries = await this.listByArgument(wirePath, progress);
      // Its parent listed it as a folder: empty is what it is (a folder vsftpd cannot open lists as itself, which is still checked).
      if (entries.length === 0 && options.listedAsFolder === true) return entries;
      return this.mayNotBeTheFolder(wirePath, entries) ? this.confirmFolder(wirePath, entries, progress) : entries;
    }
    let refusal: unknown = null;
    try {
      const entries = await this.listByArgument(wirePath, progress);
      if (!this.mayNotBeTheFolder(wirePath, entries)) return entries;
    } catch (err) {
      if (!(err instanceof FTPError)) throw err;
      refusal = err;
    }
    const here = await this.client.pwd();
    try {
      await this.client.cd(wirePath);
    } catch (err) {
      // The folder's own refusal says more than CWD's (which may only say "not a directory").
      throw refusal instanceof FTPError ? refusal : err;
    }
    try {
      return await this.listByArgument('', progress);
    } finally {
      await this.returnTo(here);
    }
  }

  /**
   * vsftpd answers LIST of a folder that does not exist with an empty listing, and of a folder it cannot
   * open with that folder itself as the only entry (ls -d style): both look like a real listing. Only these
   * two shapes are checked (a non-empty listing costs nothing more); a file listed by its own name is one.
   */
  private mayNotBeTheFolder(wirePath: string, entries: readonly RemoteEntry[]): boolean {
    const path = this.charset.decode(wirePath).replace(/\/+$/, '');
    if (path === '' || path === '.') return false;
    if (entries.length === 0) return true;
    const [only] = entries;
    return entries.length === 1 && only !== undefined && only.type !== 'file' && (only.name === path || only.name === path.slice(path.lastIndexOf('/') + 1));
  }

  /**
   * As FileZilla does: the folder is entered with CWD (a missing or closed folder refuses it, and that
   * refusal is the error) and, for a lone entry named like the folder, listed again from inside without an
   * argument (vsftpd then says it failed to open the folder, or lists the real entry). The session returns
   * to where it was.
   */
  private async confirmFolder(wirePath: string, entries: RemoteEntry[], progress?: ListingProgress): Promise<RemoteEntry[]> {
    const here = await this.client.pwd();
    await this.client.cd(wirePath);
    try {
      return entries.length === 0 ? entries : await this.listByArgument('', progress);
    } finally {
      await this.returnTo(here);
    }
  }

  /**
   * Back to the folder a listing left; not over a connection a cut listing ended (pure-ftpd's, a silent
   * server's): the error would hide the listing's own, and a new login starts afresh anyway.
   */
  private async returnTo(folder: string): Promise<void> {
    if (!this.client.closed) await this.client.cd(folder);
  }

  /** A listing closed with a success code over a folder the server could not open (see lastListingReply). */
  private assertFolderOpened(): void {
    const reply = this.client.lastListingReply;
    // pure-ftpd's LIST says it in one line of three: "226-Sorry, we were unable to read [/folder]", then
    // "226-Options: -a -l", "226 0 matches total". That line alone is the reason.
    const line = reply?.message.split(/\r?\n/).find((text) => /failed to open directory|unable to read \[/i.test(text));
    if (!reply || line === undefined) return;
    this.client.keepMlsdFirst();
    throw new FTPError({ code: reply.code, message: `${reply.code} ${line.replace(/^\d{3}[- ]/, '')}` });
  }

  /** basic-ftp fetches the text, our parsers read it (its own keep no owner or link target). */
  private async listByArgument(wirePath: string, progress?: ListingProgress): Promise<RemoteEntry[]> {
    if (progress) return this.listStreaming(wirePath, progress);
    let text = '';
    this.client.parseList = (rawText: string) => {
      text = rawText;
      return [];
    };
    await this.listUnlogged(wirePath);
    return this.checkedListing(wirePath, () => {
      assertListingLines(text, LISTING_LINE_LIMITS, this.client.ftp.encoding ?? 'utf8');
      return parseListing(this.charset.decode(text), { format: this.listingFormatNow(), timezoneOffsetMinutes: this.listingOffsetMinutes, now: new Date() });
    });
  }

  /**
   * basic-ftp's listing (MLSD, else `LIST -a`, `LIST`) with its text kept out of the session log: the log keeps
   * the dialogue, and a folder's thousands of lines are not part of it.
   */
  private async listUnlogged(wirePath: string): Promise<void> {
    this.suppressListingLog = true;
    try {
      await this.client.list(wirePath);
    } finally {
      this.suppressListingLog = false;
    }
  }

  /**
   * The format listings come in: basic-ftp tries its list commands in order and, after a listing, keeps only the
   * one that answered, so right after a listing this is that listing's format.
   */
  private listingFormatNow(): ListingFormat {
    return listingFormatOf(this.client.availableListCommands[0] ?? '');
  }

  /**
   * The checks that end a listing, whole or streamed: the server could open the folder (assertFolderOpened),
   * and an empty LIST is not MLSD's refusal (notRefusedByMlsd). The entries are read between the two: a folder
   * the server could not open is the error, whatever its listing's text holds.
   */
  private checkedListing(wirePath: string, readEntries: () => RemoteEntry[]): RemoteEntry[] {
    this.assertFolderOpened();
    return this.notRefusedByMlsd(wirePath, readEntries());
  }

  /**
   * proftpd and pure-ftpd refuse MLSD of a folder they may enter but not read ("550 ...: Permission denied",
   * "550 Can't check for file existence") and answer LIST of it with an empty success, which CWD cannot
   * question (the folder may be entered). Until MLSD has worked once on a session, basic-ftp takes that LIST:
   * an empty answer from it is MLSD's refusal, and MLSD stays first for the next listing. LIST is believed
   * when it shows entries (a server whose MLSD is broken) or when MLSD is unknown to the server.
   */
  private notRefusedByMlsd(wirePath: string, entries: RemoteEntry[]): RemoteEntry[] {
    const refusal = this.client.mlsdRefusal;
    if (!refusal || (entries.length > 0 && !this.mayNotBeTheFolder(wirePath, entries))) return entries;
    this.client.keepMlsdFirst();
    throw refusal;
  }

  /** A listing parsed while it arrives, batch by batch (see ListingProgress). */
  private async listStreaming(wirePath: string, progress: ListingProgress): Promise<RemoteEntry[]> {
    // Superseded while it waited for an earlier command: nothing is sent.
    if (progress.signal?.aborted) throw new WharfError('cancelled', t('errors.listingReplaced'));
    let reader: ListingReader | null = null;
    const socketEncoding = this.client.ftp.encoding;
    const abandon = () => {
      this.log('info', 'Listing superseded: closing its data connection');
      reader?.abandon();
    };
    progress.signal?.addEventListener('abort', abandon, { once: true });
    this.client.listingReceiver = (command) => {
      reader = new ListingReader({
        format: listingFormatOf(command),
        timezoneOffsetMinutes: this.listingOffsetMinutes,
        now: new Date(),
        decode: (bytes) => this.charset.decode(bytes.toString(socketEncoding)),
        ...LISTING_LINE_LIMITS,
        // basic-ftp's own cap on a listing it buffers (maxListingBytes), with error-mapping.ts's words for it.
        maxBytes: 40 * 1024 * 1024,
        tooManyBytes: () => new WharfError('ftp', t('errors.listingTooLarge')),
        onBatch: progress.onBatch,
      });
      if (progress.signal?.aborted) reader.abandon();
      const current = reader;
      return (chunk) => current.push(chunk);
    };
    this.client.listingSignal = progress.signal ?? null;
    try {
      await this.listUnlogged(wirePath);
    } catch (err) {
      if (!(err instanceof ListingCutShort)) throw err;
      if (this.keepsCutListings() && !this.client.closed) {
        this.log('info', 'pure-ftpd sends what it had not sent of a cut listing with the next one: logging in again');
        this.client.close();
      }
      throw new WharfError('cancelled', t('errors.listingReplaced'), { cause: err });
    } finally {
      this.client.listingReceiver = null;
      this.client.listingSignal = null;
      progress.signal?.removeEventListener('abort', abandon);
    }
    if (progress.signal?.aborted) throw new WharfError('cancelled', t('errors.listingReplaced'));
    return this.checkedListing(wirePath, () => reader?.finish() ?? []);
  }

  /**
   * pure-ftpd keeps the unsent rest of a listing whose data connection was closed mid-transfer and writes it
   * with the session's next listing (seen with 1.0.50: a listing of 3,002 entries came with 577 more, names of
   * the cut listing's twice). Known by its banner, or by ESTA in FEAT, which only pure-ftpd offers.
   */
  private keepsCutListings(): boolean {
    return /pure-?ftpd/i.test(this.currentReport.serverBanner) || this.featureMap.has('ESTA');
  }

  /** The current remote folder. */
  pwd(): Promise<string> {
    return this.run(async () => this.charset.decode(await this.client.pwd()));
  }

  /** Creates a folder; with `recursive`, every missing parent too (existing ones are fine). */
  async mkdir(path: string, options: { recursive?: boolean } = {}): Promise<void> {
    path = this.wire(path);
    return this.run(async () => {
      if (!options.recursive) {
        await this.client.send(`MKD ${path}`);
        return;
      }
      const absolute = path.startsWith('/');
      const parts = path.split('/').filter((p) => p.length > 0);
      let current = absolute ? '' : '.';
      for (const part of parts) {
        current = `${current}/${part}`;
        const reply = await this.client.sendIgnoringError(`MKD ${absolute ? current : current.slice(2)}`);
        if (reply.code >= 400) {
          // 550 also means "exists": confirm by entering it.
          const here = await this.client.pwd();
          await this.client.cd(absolute ? current : current.slice(2));
          await this.client.cd(here);
        }
      }
    });
  }

  /** Renames or moves a file or folder on the server: RNFR and RNTO in one round trip. */
  async rename(from: string, to: string): Promise<void> {
    from = this.wire(from);
    to = this.wire(to);
    return this.run(async () => {
      // basic-ftp makes a path with a leading space absolute first (its protectWhitespace asks PWD).
      if (from.startsWith(' ') || to.startsWith(' ')) {
        await this.client.rename(from, to);
        return;
      }
      throwRenameRefusal(await sendPipelined(this.client.ftp, [`RNFR ${from}`, `RNTO ${to}`], this.lateReplyLog));
    });
  }

  /**
   * Sets `from`'s modification time, then renames it to `to`, in one round trip where the way to set the time is
   * known (MFMT, or an MDTM with a time already seen to work); else as `setModifiedAt` then `rename`. Resolves
   * whether the time was set (a refused time does not stop the rename); rejects with the rename's refusal.
   */
  async setModifiedAtAndRename(from: string, to: string, date: Date): Promise<boolean> {
    const fromWire = this.wire(from);
    const toWire = this.wire(to);
    const timeCommand = this.knownTimeCommand(date, fromWire);
    if (timeCommand === null || fromWire.startsWith(' ') || toWire.startsWith(' ')) {
      const timeSet = await this.setModifiedAt(from, date).catch(() => false);
      await this.rename(from, to);
      return timeSet;
    }
    return this.run(async () => {
      const [time, ...rename] = await sendPipelined(this.client.ftp, [timeCommand, `RNFR ${fromWire}`, `RNTO ${toWire}`], this.lateReplyLog);
      throwRenameRefusal(rename);
      return time !== undefined && time.code >= 200 && time.code < 300;
    });
  }

  /**
   * Sets `from`'s time (when `date` is given) and renames it to `to` in one write with this session's next transfer
   * (before its EPSV and STOR or RETR): a verified upload's last round trip shared with the next file's first. Any
   * other command sends them alone first, and so does the session going idle (`sendHeldCommands`, or a short timer).
   * Resolves whether the time was set; rejects with the rename's refusal (RNFR's, not RNTO's 503 after it), or as
   * a lost connection when the replies were not read (then the rename may or may not have happened). Null when
   * the time cannot be set without a question first or a name needs basic-ftp's own handling: then use
   * `setModifiedAtAndRename`.
   */
  renameWithNextCommand(from: string, to: string, date: Date | null): Promise<boolean> | null {
    const held = this.heldRenameCommands(from, to, date);
    if (held === null || this.closedByUser) return null;
    return new Promise<boolean>((resolve, reject) => this.holdRename(held, resolve, reject));
  }

  /**
   * An upload's verification and its move into place, each in one write with one of this session's next transfers:
   * SIZE of `from` with the next one; `check` judges its answer (the size, null where the server gave none) and
   * throws to stop there; only once it has passed are the time and the rename held, as renameWithNextCommand holds
   * them, for the transfer after (or sent alone when there is none). The rename never goes out before the size was
   * read and checked. Resolves whether the time was set; rejects with `check`'s error (nothing renamed), the
   * rename's refusal, or as a lost connection when a reply was not read. Null where renameWithNextCommand is.
   */
  verifyAndRenameWithNextCommands(from: string, to: string, date: Date | null, check: (remoteSize: number | null) => void): Promise<boolean> | null {
    const held = this.heldRenameCommands(from, to, date);
    if (held === null || this.closedByUser) return null;
    return new Promise<boolean>((resolve, reject) => {
      this.hold({
        commands: [`SIZE ${held.fromWire}`],
        answered: (replies) => {
          const reply = replies?.[0];
          if (reply === undefined) {
            reject(new WharfError('connection-lost', t('errors.serverClosed', { connection: 'control', reason: 'SIZE' })));
            return;
          }
          const size = reply.code === 213 ? Number.parseInt(reply.message.slice(4), 10) : Number.NaN;
          try {
            check(Number.isSafeInteger(size) ? size : null);
          } catch (error) {
            reject(error);
            return;
          }
          // Held even while the session closes: close() sends what is held before QUIT.
          this.holdRename(held, resolve, reject);
        },
      });
    });
  }

  /** The commands of a held time and rename, or null where they cannot be held (see renameWithNextCommand). */
  private heldRenameCommands(from: string, to: string, date: Date | null): { fromWire: string; commands: [string, ...string[]]; timed: boolean } | null {
    const fromWire = this.wire(from);
    const toWire = this.wire(to);
    const timeCommand = date === null ? null : this.knownTimeCommand(date, fromWire);
    if ((date !== null && timeCommand === null) || fromWire.startsWith(' ') || toWire.startsWith(' ')) return null;
    const rename: [string, string] = [`RNFR ${fromWire}`, `RNTO ${toWire}`];
    return { fromWire, commands: timeCommand === null ? rename : [timeCommand, ...rename], timed: timeCommand !== null };
  }

  private holdRename(held: { commands: [string, ...string[]]; timed: boolean }, resolve: (timeSet: boolean) => void, reject: (error: unknown) => void): void {
    const { commands, timed } = held;
    this.hold({
      commands,
      answered: (replies) => {
        if (replies === null || replies.length < commands.length) {
          reject(new WharfError('connection-lost', t('errors.serverClosed', { connection: 'control', reason: 'RNFR/RNTO' })));
          return;
        }
        const time = timed ? replies[0] : null;
        try {
          throwRenameRefusal(replies.slice(timed ? 1 : 0));
        } catch (error) {
          reject(toWharfError(error, { phase: 'command', mode: this.options.target.mode }));
          return;
        }
        resolve(time !== null && time !== undefined && time.code >= 200 && time.code < 300);
      },
    });
  }

  /**
   * Holds `rider` for the next transfer. The pool sends what is held as soon as the session goes idle
   * (sendHeldCommands), the next command before it; the timer is for the session lent on and kept without a command
   * (an overwrite question). It sends only when no operation is queued or running: after one, the next transfer or
   * the pool's idle signal comes first, and the timer is armed again.
   */
  private hold(rider: TransferRider): void {
    this.held.push(rider);
    const wait = this.options.heldRenameWaitMs ?? HELD_RENAME_WAIT_MS;
    if (wait <= 0 || this.heldRenameTimer !== null) return;
    const fire = () => {
      this.heldRenameTimer = null;
      if (this.held.length === 0) return;
      if (this.operations > 0) {
        this.heldRenameTimer = setTimeout(fire, wait);
        this.heldRenameTimer.unref();
        return;
      }
      this.sendHeldCommands();
    };
    this.heldRenameTimer = setTimeout(fire, wait);
    this.heldRenameTimer.unref();
  }

  /** Sends what is held now, alone (the session has no next transfer to send it with). */
  sendHeldCommands(): void {
    if (this.held.length === 0 || this.closedByUser) return;
    void this.run(async () => undefined).catch(() => undefined);
  }

  /** Everything held, as one rider (null when nothing is). */
  private takeHeldRename(): TransferRider | null {
    const held = this.held.reduce<TransferRider | null>((joined, rider) => joinRiders(joined, rider), null);
    this.held = [];
    if (this.heldRenameTimer !== null) clearTimeout(this.heldRenameTimer);
    this.heldRenameTimer = null;
    return held;
  }

  /**
   * Inside run(): what is held, alone, its replies to their owners; a lost connection is the owners' error, not the
   * next command's. Again while answering held something more (a verified size holds its rename).
   */
  private async sendHeldRename(): Promise<void> {
    for (let held = this.takeHeldRename(); held !== null; held = this.client.closed ? null : this.takeHeldRename()) {
      let replies: FTPResponse[] | null = null;
      try {
        replies = await sendPipelined(this.client.ftp, held.commands, this.lateReplyLog);
      } catch {
        // The next operation finds the connection closed and reconnects.
      }
      held.answered(replies);
    }
  }

  /** The command that sets a time with no question asked first, or null (SITE UTIME and an untried MDTM need one). */
  private knownTimeCommand(date: Date, wirePath: string): string | null {
    const stamp = timeStamp(date);
    if (this.featureMap.has('MFMT')) return `MFMT ${stamp} ${wirePath}`;
    if (this.known.mdtmSetsTime && this.featureMap.has('MDTM')) return `MDTM ${stamp} ${wirePath}`;
    return null;
  }

  /**
   * Deletes a file, or a folder with `recursive`. Walks the tree with our own listing so a hostile name
   * (`..`, `a/b`) is skipped and reported, never followed out of the folder being deleted. With `limits`,
   * the walk asks `onExceeded` past them (as a folder download does) and, when that does not go on, stops
   * before anything is deleted: the whole tree is listed first.
   */
  async remove(path: string, options: { recursive?: boolean; limits?: RemoveLimits } = {}): Promise<void> {
    path = this.wire(path);
    return this.run(async () => {
      const dele = await this.client.sendIgnoringError(`DELE ${path}`);
      if (dele.code < 400) return;
      if (!options.recursive) {
        const rmd = await this.client.sendIgnoringError(`RMD ${path}`);
        if (rmd.code >= 400) throw new FTPError(dele);
        return;
      }
      await removeTree(path, options.limits, {
        list: (folder, listedAsFolder) => this.listNow(folder, undefined, { listedAsFolder }),
        send: (command) => this.client.send(command),
        charset: () => this.charset,
        log: (direction, text) => this.log(direction, text),
      });
    });
  }

  /** SITE CHMOD with an octal mode such as `755`. */
  async chmod(path: string, mode: string): Promise<void> {
    path = this.wire(path);
    if (!/^[0-7]{3,4}$/.test(mode)) throw new WharfError('invalid-input', t('errors.notOctalMode', { mode }));
    return this.run(async () => {
      await this.client.send(`SITE CHMOD ${mode} ${path}`);
    });
  }

  /**
   * True while listings come from MLSD: their sizes and times (to the second, in UTC) are what SIZE and MDTM
   * would answer, so a transfer queued from one may skip those two round trips. LIST times are local to the
   * server and often to the minute only.
   */
  listingHasExactFacts(): boolean {
    return this.listingFormatNow() === 'mlsd';
  }

  /** The size of a remote file in bytes (SIZE). */
  async size(path: string): Promise<number> {
    return this.onPath(path, (wirePath) => this.run(() => this.client.size(wirePath)));
  }

  /**
   * What verifying an upload asks: the size (SIZE) and, where the server hashes, the hash, in one write once the
   * hash algorithm is chosen on this connection. Each is null when the server does not answer it.
   */
  async sizeAndHash(path: string): Promise<{ size: number | null; hash: RemoteHash | null }> {
    return this.onPath(path, (wirePath) =>
      this.run(async () => {
        const ready = readyHashCommand(this.client, this.featureMap, wirePath);
        if (ready === null) {
          const size = await this.client.size(wirePath).catch(() => null);
          return { size, hash: await hashOverControl(this.client, this.featureMap, wirePath).catch(() => null) };
        }
        const [sizeReply, hashReply] = await sendPipelined(this.client.ftp, [`SIZE ${wirePath}`, ready.command], this.lateReplyLog);
        const size = sizeReply?.code === 213 ? Number.parseInt(sizeReply.message.slice(4), 10) : Number.NaN;
        const hex = hashReply?.code === 213 ? hashFromHashReply(hashReply.message) : null;
        // A hash reply it cannot read: the legacy commands may still answer, as hash() would ask them.
        const hash = hex !== null ? { algorithm: ready.algorithm, hex } : await hashOverControl(this.client, this.featureMap, wirePath).catch(() => null);
        return { size: Number.isSafeInteger(size) ? size : null, hash };
      }),
    );
  }

  private readonly lateReplyLog = (text: string): void => this.log('warning', `Ignored a late reply about an earlier data connection (while waiting for pipelined commands): ${text}`);

  /** The modification time of a remote file (MDTM, else MLST); null when the server cannot say. */
  async modifiedAt(path: string): Promise<Date | null> {
    return this.onPath(path, (wirePath) =>
      this.run(async () => {
        if (this.featureMap.has('MDTM')) return this.client.lastMod(wirePath);
        if (this.featureMap.has('MLST')) {
          const reply = await this.client.send(`MLST ${wirePath}`);
          const line = reply.message.split(/\r?\n/).find((l) => l.startsWith(' '));
          const entry = line ? parseMlstFacts(line.trim()) : null;
          return entry?.modifiedAt ? new Date(entry.modifiedAt) : null;
        }
        return null;
      }),
    );
  }

  /**
   * Sets a remote file's modification time: MFMT; else SITE UTIME where FEAT or SITE HELP offers it
   * (pure-ftpd, proftpd's mod_site_misc); else MDTM with a time, which vsftpd (mdtm_write) accepts, trusted
   * once MDTM has read the time back (the first time per session). False when the server cannot set it.
   */
  async setModifiedAt(path: string, date: Date): Promise<boolean> {
    path = this.wire(path);
    return this.run(async () => {
      const stamp = timeStamp(date);
      const succeeded = (reply: FTPResponse) => reply.code >= 200 && reply.code < 300;
      if (this.featureMap.has('MFMT')) return succeeded(await this.client.sendIgnoringError(`MFMT ${stamp} ${path}`));
      if ((await this.offersSiteUtime()) && succeeded(await this.client.sendIgnoringError(`SITE UTIME ${stamp} ${path}`))) return true;
      if (!this.featureMap.has('MDTM')) return false;
      if (!succeeded(await this.client.sendIgnoringError(`MDTM ${stamp} ${path}`))) return false;
      if (this.known.mdtmSetsTime) return true;
      // A server may read `MDTM <time> <path>` as asking the time of a file with that odd name: check once.
      const now = await this.client.lastMod(path).catch(() => null);
      this.known.mdtmSetsTime = now !== null && Math.floor(now.getTime() / 1000) === Math.floor(date.getTime() / 1000);
      return this.known.mdtmSetsTime;
    });
  }

  /** Whether SITE UTIME exists: FEAT rarely says so, SITE HELP does (asked once). Inside run(). */
  private async offersSiteUtime(): Promise<boolean> {
    if (/\bUTIME\b/i.test(this.featureMap.get('SITE') ?? '')) return true;
    this.known.siteHelp ??= (await this.client.sendIgnoringError('SITE HELP')).message;
    return /\bUTIME\b/i.test(this.known.siteHelp.replace(/^\d{3}[ -]/gm, ''));
  }

  /** The FEAT lines, keyed by feature name. */
  features(): Promise<ReadonlyMap<string, string>> {
    return this.run(async () => this.featureMap);
  }

  /**
   * The algorithm `hash()` asks the server for first, from FEAT; null when the server offers none (vsftpd). Known
   * before a transfer, so the transfer can hash its bytes as they pass instead of reading the file again.
   */
  hashAlgorithm(): RemoteHash['algorithm'] | null {
    return hashAlgorithmFor(this.featureMap);
  }

  /**
   * A hash of a remote file computed by the server: HASH (SHA-256, SHA-1, MD5, CRC32 in that order of
   * preference) or the older XSHA256/XSHA1/XMD5/XCRC; null when the server offers none (vsftpd).
   */
  async hash(path: string): Promise<RemoteHash | null> {
    path = this.wire(path);
    return this.run(() => hashOverControl(this.client, this.featureMap, path));
  }

  /** Sends one command and returns the reply, error replies included. Commands that need a data connection or change security are refused. */
  async raw(command: string): Promise<{ code: number; message: string }> {
    command = this.wire(command, 'command');
    const verb = command.trim().split(/\s+/)[0]?.toUpperCase() ?? '';
    if (verb === '' || RAW_COMMANDS_REFUSED.has(verb)) {
      throw new WharfError('invalid-input', verb ? t('errors.rawRefused', { verb }) : t('errors.rawEmpty'));
    }
    return this.run(async () => {
      const reply = await this.client.sendIgnoringError(command.trim());
      return { code: reply.code, message: reply.message };
    });
  }

  /**
   * Downloads a remote file into a stream, from `startAt` (REST) if given. Aborting closes the
   * connection (basic-ftp has no ABOR); the session reconnects for its next command. `onModifiedAt` gets the
   * file's time (MDTM, null where the server gives none) before the data flows, asked in the same round trip as
   * the data connection's EPSV.
   */
  async download(
    remotePath: string,
    destination: Writable,
    options: { startAt?: number; signal?: AbortSignal; onProgress?: (bytes: number) => void; onModifiedAt?: (time: Date | null) => void } = {},
  ): Promise<void> {
    const { onModifiedAt } = options;
    // basic-ftp makes a name with a leading space absolute first (a PWD): that one is asked on its own.
    const withTransfer = onModifiedAt !== undefined && this.featureMap.has('MDTM') && !this.wire(remotePath).startsWith(' ');
    if (onModifiedAt && !withTransfer) onModifiedAt(await this.modifiedAt(remotePath).catch(() => null));
    return this.onPath(remotePath, (wirePath) =>
      this.run(() => {
        const time: TransferRider | null = onModifiedAt && withTransfer
          ? { commands: [`MDTM ${wirePath}`], answered: (replies) => onModifiedAt(replies?.[0]?.code === 213 ? mdtmTime(replies[0].message) : null) }
          : null;
        return this.withAbortAndProgress(options, (transferOptions) => {
          // Taken once the transfer really starts (not cancelled already): the strategy sends them with its EPSV.
          this.transferRider = joinRiders(this.takeHeldRename(), time);
          this.directReadSink = isDirectReadSink(destination) ? destination : null;
          return receiveFile(this.transfers, destination, wirePath, options.startAt ?? 0, transferOptions);
        }).finally(() => {
          this.directReadSink = null;
          this.dropUnsentRider();
        });
      }, true),
    );
  }

  /** Uploads a stream to a remote file; with `append`, APPE adds to what is there (resuming an upload). */
  async upload(
    source: Readable,
    remotePath: string,
    options: { append?: boolean; signal?: AbortSignal; onProgress?: (bytes: number) => void } = {},
  ): Promise<void> {
    remotePath = this.wire(remotePath);
    return this.run(() => {
      return this.withAbortAndProgress(options, (transferOptions) => {
        this.transferRider = this.takeHeldRename();
        return sendFile(this.transfers, source, remotePath, options.append === true, transferOptions);
      }).finally(() => this.dropUnsentRider());
    }, true);
  }

  /** A rider the transfer never took (it failed before its setup): nothing will answer it. */
  private dropUnsentRider(): void {
    const unsent = this.transferRider;
    this.transferRider = null;
    unsent?.answered(null);
  }

  private async withAbortAndProgress(
    options: { signal?: AbortSignal; onProgress?: (bytes: number) => void },
    transfer: (transferOptions: TransferOptions) => Promise<FTPResponse>,
  ): Promise<void> {
    const { signal, onProgress } = options;
    if (signal?.aborted) throw new WharfError('cancelled', t('errors.transferCancelled'));
    const onAbort = () => {
      this.log('info', 'Transfer stopped: closing the data and control connections');
      this.client.close();
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      await transfer({ ...(onProgress ? { onProgress } : {}), log: this.options.onLog !== undefined });
    } catch (err) {
      if (signal?.aborted) throw new WharfError('cancelled', t('errors.transferCancelled'), { cause: err });
      throw err;
    } finally {
      signal?.removeEventListener('abort', onAbort);
    }
  }

  /** Says QUIT and closes; the session cannot be used afterwards. */
  async close(): Promise<void> {
    if (this.closedByUser) return;
    if (this.held.length > 0) await this.run(async () => undefined).catch(() => undefined);
    if (this.keepAliveTimer) clearInterval(this.keepAliveTimer);
    const pending = this.queue;
    this.closedByUser = true;
    await pending;
    // What the last operations held (a rename after a size they read) goes before QUIT; what cannot go, fails.
    if (!this.client.closed) await this.sendHeldRename();
    this.takeHeldRename()?.answered(null);
    if (!this.client.closed) await this.client.sendIgnoringError('QUIT').catch(() => undefined);
    this.client.close();
  }
}

/**
 * How long a held rename waits for the session's next command before it goes alone: the next file of a queue reaches
 * its transfer within milliseconds of the previous one's verification, but one may keep the session without a command
 * (a download asking whether to overwrite a local file, with the size and time from the listing) for as long as the
 * question stays open, and the pool's idle signal does not come while it is lent.
 */
const HELD_RENAME_WAIT_MS = 250;

/** FEAT's reply as basic-ftp's `features()` reads it: one entry per line between the first and the last; none when refused. */
function parseFeatures(reply: FTPResponse): Map<string, string> {
  const features = new Map<string, string>();
  if (reply.code >= 400 || !isMultiline(reply.message)) return features;
  for (const line of reply.message.split('\n').slice(1, -1)) {
    const [name = '', value = ''] = line.trim().split(' ');
    features.set(name, value);
  }
  return features;
}

/** The time in an MDTM reply ("213 20261207121326"), or null where it is not one. */
function mdtmTime(message: string): Date | null {
  const time = parseMLSxDate(message.slice(4).trim());
  return Number.isNaN(time.getTime()) ? null : time;
}

/** A time as MFMT, SITE UTIME and MDTM take it: YYYYMMDDHHMMSS in UTC. */
function timeStamp(date: Date): string {
  return date.toISOString().replace(/[-:T]/g, '').slice(0, 14);
}

/** The replies to a pipelined RNFR and RNTO: the first refusal as an error (an RNTO after a refused RNFR only says 503). */
function throwRenameRefusal(replies: readonly FTPResponse[]): void {
  const refusal = replies.find((reply) => reply.code >= 400);
  if (refusal) throw new FTPError(refusal);
}
