import { lookup as dnsLookup } from 'node:dns/promises';
import { isIP, type Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import type { TLSSocket } from 'node:tls';
import {
  DOCTOR_STEP_IDS,
  DOCTOR_STEP_TITLES,
  doctorVerdict,
  type DoctorDiagnosis,
  type DoctorFacts,
  type DoctorProblem,
  type DoctorReport,
  type DoctorStep,
  type DoctorStepId,
  type DoctorTlsVersionResult,
} from '../../common/models/doctor';
import type { CertificateInfo, CertificateTrust } from '../../common/models/security';
import type { ConnectionTarget } from '../../common/models/site';
import { describePeerCertificate, explainVerificationError, normalizeFingerprint } from '../ftps/certificate';
import { controlCharset, type ControlCharset } from '../ftps/charset';
import { parseListing } from '../ftps/listing';
import type { ClientCertificate } from '../ftps/client-certificate';
import { WharfError } from '../core/errors';
import { decidePassiveTarget } from '../ftps/net-address';
import { proxyDialer, type ProxyEndpoint } from '../ftps/proxy';
import { formatProxyAddress } from '../../common/models/proxy';
import { FtpsSession, type CertificateQuestion, type TrustDecision, type TrustStoreLike } from '../ftps/session';
import { diagnosis, type ProblemContext } from './diagnoses';
import {
  ControlConnection,
  ProbeError,
  SocketTracker,
  asProbeError,
  listenForActive,
  parseEpsvPort,
  parsePasv,
  replyLine,
  runTransfer,
  showable,
  tcpConnect,
  tlsOptionsFor,
  type DataProtection,
  type FtpReply,
  type TransferOutcome,
} from './ftp-probe';

/** How to run the doctor. Defaults are stated per field. */
export interface DoctorOptions {
  /** The site as the engine would connect to it (dataMode and timezone do not matter here). */
  readonly target: ConnectionTarget;
  readonly password: string;
  /** Must be true for mode 'plain' (the password then travels unencrypted). default false */
  readonly allowPlain?: boolean;
  /** The folder to list; default the folder the server puts us in after login. */
  readonly remoteDir?: string;
  /** Extra trusted certificate authorities, PEM (CLI --ca). */
  readonly extraCaPem?: readonly string[];
  /** A fingerprint to pin for this run (CLI --fingerprint). */
  readonly pinnedFingerprint?: string;
  /** Pinned certificates (main/sites/pinned-certificates.ts); "always" answers are pinned there. */
  readonly trustStore?: TrustStoreLike;
  /** Accept any certificate (CLI --insecure); reported as a warning. default false */
  readonly insecure?: boolean;
  /** Asked about a certificate that is neither CA-valid nor pinned. default: reject (the run stops before login) */
  readonly decideTrust?: (question: CertificateQuestion) => Promise<TrustDecision>;
  /** Each network step's limit. default 15000 ms */
  readonly timeoutMs?: number;
  /** How long a server may stay silent before the doctor checks whether it waits for TLS (implicit FTPS). default 5000 ms */
  readonly greetingTimeoutMs?: number;
  /** How long a data connection may take to connect. default 10000 ms */
  readonly dataTimeoutMs?: number;
  /** Name resolution; default node:dns lookup (all addresses, in the system's order). */
  readonly lookup?: (host: string) => Promise<readonly string[]>;
  /** Called when a step starts (`running`) and when it ends. */
  readonly onStep?: (step: DoctorStep) => void;
  /** Aborting closes every connection; the report then ends at the step that was running. */
  readonly signal?: AbortSignal;
  /** A client certificate for mutual TLS (main/ftps/client-certificate.ts). default none */
  readonly clientCertificate?: ClientCertificate;
  /** Go through this proxy for the control and passive data connections (main/ftps/proxy.ts). default direct */
  readonly proxy?: ProxyEndpoint | null;
}

/** Server replies that mean "too many connections" (vsftpd 421, proftpd 530 "maximum number of clients", pure-ftpd 421). */
const TOO_MANY = /too many|maximum (number of )?(connections|clients|users)|connection limit|max.*(connections|clients)|per ip|already connected/i;
const TLS_WANTED = /encrypt|ssl|tls|cleartext|secure/i;
/** A TLS client that read plain text (an FTP greeting) instead of a TLS record. */
const PLAIN_TEXT_TLS_ERROR = /wrong version number|packet length too long|unknown protocol|http request|record layer failure|unexpected message/i;

interface StepHandle {
  status: 'ok' | 'warning' | 'failed' | 'skipped';
  summary: string;
  readonly details: string[];
}

class Cancelled extends Error {}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** TLS versions from oldest to newest, to compare a probed version with a site's minimum. */
const TLS_VERSION_ORDER: readonly string[] = ['TLSv1.2', 'TLSv1.3'];

/** One doctor run: the steps, findings and transcript as they accumulate. */
class DoctorRun {
  private readonly steps = new Map<DoctorStepId, DoctorStep>();
  private readonly diagnoses: DoctorDiagnosis[] = [];
  private readonly transcript: string[] = [];
  private readonly tracker = new SocketTracker();
  private readonly charset: ControlCharset;
  private readonly facts: Mutable<DoctorFacts> = {
    addresses: [],
    serverBanner: null,
    tlsVersion: null,
    cipher: null,
    certificate: null,
    certificateTrust: null,
    features: [],
    workingDataMethod: null,
    pasvAnnouncedAddress: null,
    passivePortsSeen: [],
    dataSessionReused: null,
    sessionReuseRequired: null,
    tls13TicketReusable: null,
    tlsVersions: [],
  };
  private readonly timeoutMs: number;
  private readonly greetingTimeoutMs: number;
  private readonly dataTimeoutMs: number;
  private cancelled = false;
  private acceptedFingerprint: string | null = null;
  private address = '';
  private listCommand: 'MLSD' | 'LIST' = 'LIST';
  private dataProtected = false;
  /** The server's answer to PROT P when it refused it. */
  private protectionRefusal: string | null = null;
  /**
   * The passive method the TLS 1.3 and TLS 1.2 steps list with: the one that listed, or the one whose listing
   * the server refused for want of session reuse, so that they can tell whether one TLS version resumes
   * where the other does not.
   */
  private comparisonMethod: 'epsv' | 'pasv' | null = null;
  /** The server's refusal of the listing for want of session reuse. */
  private reuseRefusal: string | null = null;
  /** False once CWD to options.remoteDir was refused: the login folder is listed instead. */
  private remoteDirOpened = true;
  private readonly started = performance.now();
  private readonly startedAt = new Date().toISOString();

  constructor(private readonly options: DoctorOptions) {
    this.timeoutMs = options.timeoutMs ?? 15_000;
    this.greetingTimeoutMs = options.greetingTimeoutMs ?? 5_000;
    this.dataTimeoutMs = options.dataTimeoutMs ?? 10_000;
    this.charset = controlCharset(options.target.encoding || 'utf8');
    options.signal?.addEventListener('abort', () => {
      this.cancelled = true;
      this.tracker.destroyAll();
    }, { once: true });
  }

  private get target(): ConnectionTarget {
    return this.options.target;
  }

  private context(extra: Partial<ProblemContext> = {}): ProblemContext {
    return { host: this.target.host, port: this.target.port, mode: this.target.mode, clearDataAllowed: this.target.allowClearData === true, ...extra };
  }

  private diagnose(problem: DoctorProblem, stepId: DoctorStepId, extra: Partial<ProblemContext> = {}): void {
    this.diagnoses.push(diagnosis(problem, stepId, this.context(extra)));
  }

  private log(line: string): void {
    if (this.transcript.length < 2000) this.transcript.push(line);
  }

  private emit(step: DoctorStep): void {
    try {
      this.options.onStep?.(step);
    } catch {
      // A listener's failure must not stop the run.
    }
  }

  /** Runs one step: times it, records it, and turns an unexpected throw into a failed step. */
  private async step(id: DoctorStepId, body: (s: StepHandle) => Promise<void>): Promise<StepHandle> {
    if (this.cancelled) throw new Cancelled();
    const handle: StepHandle = { status: 'ok', summary: '', details: [] };
    this.emit({ id, title: DOCTOR_STEP_TITLES[id], status: 'running', summary: '', details: [], durationMs: null });
    const started = performance.now();
    const findingsBefore = this.diagnoses.length;
    try {
      await body(handle);
      if (this.cancelled) throw new Cancelled();
    } catch (err) {
      handle.status = 'failed';
      if (this.cancelled) {
        handle.summary = 'Cancelled.';
        // What a step concluded from connections the abort closed is not a finding.
        this.diagnoses.splice(findingsBefore);
      } else {
        const error = asProbeError(err);
        handle.summary = error.code === 'ETIMEDOUT' ? `No answer in time: ${error.message}` : `Failed: ${showable(error.message)}`;
        this.diagnose(error.code === 'ETIMEDOUT' ? 'timeout' : error.code === 'ECLOSED' ? 'server-closed' : 'unexpected', id, { detail: showable(error.message) });
      }
    }
    const step: DoctorStep = {
      id,
      title: DOCTOR_STEP_TITLES[id],
      status: handle.status,
      summary: handle.summary,
      details: handle.details,
      durationMs: Math.round((performance.now() - started) * 10) / 10,
    };
    this.steps.set(id, step);
    this.emit(step);
    if (this.cancelled) throw new Cancelled();
    return handle;
  }

  private skip(id: DoctorStepId, summary: string): void {
    const step: DoctorStep = { id, title: DOCTOR_STEP_TITLES[id], status: 'skipped', summary, details: [], durationMs: null };
    this.steps.set(id, step);
    this.emit(step);
  }

  private tlsSettings(version?: 'TLSv1.2' | 'TLSv1.3') {
    return {
      ...tlsOptionsFor({
        hostName: this.target.host,
        minVersion: version ?? this.target.minTlsVersion,
        maxVersion: version ?? 'TLSv1.3',
        extraCaPem: this.options.extraCaPem ?? [],
      }),
      ...this.options.clientCertificate?.tls,
    };
  }

  /**
   * Through the proxy, to the server's host and `port`: the tunnel, or a ProbeError whose message is the
   * proxy's part in words. The name is resolved by the proxy, as the engine lets it.
   */
  private async dialThroughProxy(proxy: ProxyEndpoint, port: number, timeoutMs: number): Promise<Socket> {
    try {
      return this.tracker.add(await proxyDialer(proxy)(this.target.host, port, timeoutMs));
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      const step = err instanceof WharfError ? String(err.detail?.proxyStep ?? 'connect') : 'connect';
      throw new ProbeError(message, step === 'connect' ? 'EPROXYCONNECT' : step === 'authenticate' ? 'EPROXYAUTH' : 'EPROXYREACH');
    }
  }

  /** The proxy step: reached, authenticated, and CONNECT to the FTP port allowed; the tunnel is the control connection. */
  private async connectThroughProxy(proxy: ProxyEndpoint): Promise<Socket | null> {
    let socket: Socket | null = null;
    const { host, port } = this.target;
    const where = formatProxyAddress(proxy);
    await this.step('proxy', async (s) => {
      s.details.push(`${proxy.kind === 'socks5' ? 'SOCKS5' : 'HTTP CONNECT'} proxy ${where} (${proxy.source})`);
      try {
        socket = await this.dialThroughProxy(proxy, port, this.timeoutMs);
      } catch (err) {
        const error = asProbeError(err);
        s.status = 'failed';
        s.summary = showable(error.message);
        s.details.push(
          error.code === 'EPROXYREACH' ? 'Reached: no' : 'Reached: yes',
          error.code === 'EPROXYREACH' ? 'Authenticated: not tried' : error.code === 'EPROXYAUTH' ? 'Authenticated: no' : `Authenticated: ${proxy.user ? 'yes' : 'no login needed'}`,
          error.code === 'EPROXYCONNECT' ? `CONNECT to ${host}:${port}: refused` : `CONNECT to ${host}:${port}: not tried`,
        );
        this.diagnose('proxy-failed', 'proxy', { detail: showable(error.message) });
        return;
      }
      s.summary = `Through ${where}: reached${proxy.user ? ', authenticated' : ''}, and allowed to connect to ${host}:${port}.`;
      s.details.push('Reached: yes', `Authenticated: ${proxy.user ? 'yes' : 'no login needed'}`, `CONNECT to ${host}:${port}: allowed`);
      this.log(`* connected to ${host}:${port} through ${where}`);
    });
    if (!socket) {
      this.skip('connect', 'Not tried: the proxy did not connect.');
      return null;
    }
    this.address = host;
    await this.step('connect', async (s) => {
      s.summary = `Connected to ${host}:${port} through the proxy.`;
    });
    return socket;
  }

  /**
   * A TCP connection to the server: directly to `host`, or through the proxy to the server's own host name
   * (a PASV reply names the server's view of itself; the proxy reaches it by the name the user gave). A
   * passive port the proxy refuses is a finding of its own (`data` names the step).
   */
  private async openTcp(host: string, port: number, timeoutMs: number, data: 'epsv' | 'pasv' | null): Promise<Socket> {
    const { proxy } = this.options;
    if (!proxy) return tcpConnect(host, port, timeoutMs, this.tracker);
    try {
      return await this.dialThroughProxy(proxy, port, timeoutMs);
    } catch (err) {
      if (data !== null && !this.diagnoses.some((d) => d.problem === 'proxy-failed')) {
        this.diagnose('proxy-failed', data, { detail: `Passive port ${port}: ${showable(asProbeError(err).message)}` });
      }
      throw err;
    }
  }

  /**
   * Whether the server asked for a client certificate (OpenSSL fills the shared signature algorithms on the
   * client only from a CertificateRequest) and, when it did, whether it accepts the connection: a server that
   * requires one lets the TLS 1.3 handshake finish and then sends an alert, which a NOOP brings out.
   */
  private async clientCertificate(control: ControlConnection): Promise<boolean> {
    const subject = this.options.clientCertificate?.subject ?? null;
    let usable = true;
    await this.step('client-certificate', async (s) => {
      const socket = control.activeSocket as TLSSocket;
      const requested = socket.getSharedSigalgs().length > 0;
      if (!requested) {
        s.summary = subject ? `${subject}, not requested: the server did not ask for one.` : 'Not requested: the server does not ask for a client certificate.';
        return;
      }
      try {
        const reply = await control.command('NOOP', this.timeoutMs);
        s.details.push(`NOOP: ${replyLine(reply)}`);
      } catch (err) {
        const message = showable(asProbeError(err).message);
        usable = false;
        s.status = 'failed';
        if (subject) {
          s.summary = `${subject}, sent: the server refused it (${message}).`;
          this.diagnose('client-certificate-refused', 'client-certificate', { detail: message });
        } else {
          s.summary = `Requested and required: this site has no client certificate, and the server refused the connection (${message}).`;
          this.diagnose('client-certificate-required', 'client-certificate', { detail: message });
        }
        return;
      }
      s.summary = subject ? `${subject}, sent: the server accepted it.` : 'Requested, none sent: the server accepts connections without one.';
    });
    return usable;
  }

  async execute(): Promise<void> {
    try {
      await this.main();
    } catch (err) {
      if (!(err instanceof Cancelled)) throw err;
    } finally {
      this.tracker.destroyAll();
    }
  }

  private async main(): Promise<void> {
    const { mode } = this.target;
    if (mode === 'plain' && !this.options.allowPlain) {
      await this.step('resolve', async (s) => {
        s.status = 'failed';
        s.summary = 'Plain FTP was not allowed for this test: the password would travel unencrypted.';
      });
      this.diagnose('plain-ftp', 'resolve');
      return;
    }
    const { proxy } = this.options;
    let raw: Socket | null;
    if (proxy) {
      await this.step('resolve', async (s) => {
        s.summary = `${this.target.host} is resolved by the proxy.`;
      });
      raw = await this.connectThroughProxy(proxy);
    } else {
      const addresses = await this.resolve();
      if (!addresses) return;
      this.skip('proxy', 'No proxy: connecting directly.');
      raw = await this.connect(addresses);
    }
    if (!raw) return;
    const control = new ControlConnection(raw, this.charset, (line) => this.log(line), this.tracker);

    const secured = mode === 'implicit' ? await this.implicitStart(control) : await this.explicitStart(control);
    if (!secured) return;
    if (mode !== 'plain' && !(await this.certificate(control))) return;
    if (mode !== 'plain' && !(await this.clientCertificate(control))) return;
    if (mode === 'plain') this.skip('client-certificate', 'Plain FTP: no TLS.');
    if (!(await this.login(control))) return;
    await this.protection(control);
    await this.dataSteps(control);
    await control.quit(Math.min(this.timeoutMs, 3000));
    if (mode === 'plain') {
      this.skip('tls13', 'Plain FTP: no TLS.');
      this.skip('tls12', 'Plain FTP: no TLS.');
    } else {
      await this.versionProbe('TLSv1.3');
      await this.versionProbe('TLSv1.2');
      this.refineTls13();
    }
  }

  // --- resolve and connect -------------------------------------------------------------------------------

  private async resolve(): Promise<readonly string[] | null> {
    let addresses: readonly string[] = [];
    const { host } = this.target;
    const s = await this.step('resolve', async (s) => {
      if (isIP(host)) {
        addresses = [host];
        s.summary = `${host} is an address: no lookup needed.`;
        return;
      }
      try {
        addresses = this.options.lookup
          ? await this.options.lookup(host)
          : (await dnsLookup(host, { all: true })).map((a) => a.address);
      } catch (err) {
        const error = asProbeError(err);
        s.status = 'failed';
        s.summary = `No address for ${host} (${error.code}).`;
        this.diagnose('dns-failed', 'resolve', { detail: error.code });
        return;
      }
      if (addresses.length === 0) {
        s.status = 'failed';
        s.summary = `No address for ${host}.`;
        this.diagnose('dns-failed', 'resolve');
        return;
      }
      s.summary = `${host}: ${addresses.join(', ')}`;
    });
    this.facts.addresses = addresses;
    return s.status === 'failed' ? null : addresses;
  }

  private async connect(addresses: readonly string[]): Promise<Socket | null> {
    let socket: Socket | null = null;
    const { port } = this.target;
    await this.step('connect', async (s) => {
      const failures: ProbeError[] = [];
      for (const address of addresses) {
        try {
          socket = await tcpConnect(address, port, this.timeoutMs, this.tracker);
          this.address = address;
          break;
        } catch (err) {
          const error = asProbeError(err);
          failures.push(error);
          s.details.push(`${address}:${port}: ${error.code === 'ETIMEDOUT' ? 'no answer' : error.code}`);
        }
      }
      if (socket) {
        s.summary = `Connected to ${this.address}:${port}.`;
        this.log(`* connected to ${this.address}:${port}`);
        return;
      }
      s.status = 'failed';
      const refused = failures.every((f) => f.code === 'ECONNREFUSED');
      s.summary = refused ? `Refused on port ${port}.` : `No answer from port ${port}.`;
      this.diagnose(refused ? 'connect-refused' : 'connect-timeout', 'connect', { detail: failures.map((f) => f.code).join(', ') });
    });
    return socket;
  }

  // --- what the server sends first, TLS --------------------------------------------------------------------

  /** Explicit FTPS and plain FTP: the server must greet in plain text. Silence suggests implicit FTPS. */
  private async explicitStart(control: ControlConnection): Promise<boolean> {
    let greeted = false;
    await this.step('greeting', async (s) => {
      const first = await control.waitForFirstBytes(this.greetingTimeoutMs);
      if (first.outcome === 'closed') {
        s.status = 'failed';
        s.summary = 'The server closed the connection without a word.';
        this.diagnose('server-closed', 'greeting', { detail: 'closed before greeting' });
        return;
      }
      if (first.outcome === 'silent') {
        s.details.push(`Nothing arrived within ${this.greetingTimeoutMs} ms: checking whether the server waits for a TLS handshake (implicit FTPS).`);
        const implicitGreeting = await this.probeImplicit();
        if (implicitGreeting !== null) {
          s.status = 'failed';
          s.summary = 'Silent until a TLS handshake: the server speaks implicit FTPS on this port.';
          s.details.push(`After a TLS handshake on a second connection it greeted: ${replyLine(implicitGreeting)}`);
          this.diagnose('implicit-server-explicit-settings', 'greeting', { detail: replyLine(implicitGreeting) });
          this.skip('tls', 'Not tried: the server expects implicit FTPS.');
          return;
        }
        s.details.push('A TLS handshake failed too: waiting longer for a plain-text greeting.');
      }
      if (first.outcome === 'data' && !/^\d{3}/.test(first.bytes.subarray(0, 4).toString('latin1'))) {
        const protocol = sniffProtocol(first.bytes);
        s.status = 'failed';
        s.summary = `Not an FTP greeting: ${protocol === 'unknown' ? showable(first.bytes.subarray(0, 40).toString('latin1')) : `${protocol} speaks on this port`}.`;
        this.diagnose('not-ftp', 'greeting', { protocol, detail: showable(first.bytes.subarray(0, 40).toString('latin1')) });
        return;
      }
      const remaining = first.outcome === 'silent' ? Math.max(this.timeoutMs - this.greetingTimeoutMs, 1000) : this.timeoutMs;
      const greeting = await control.nextReply(remaining);
      greeted = this.judgeGreeting(greeting, s);
      if (greeted && first.outcome === 'silent') {
        s.status = 'warning';
        s.details.push(`The greeting came only after more than ${this.greetingTimeoutMs} ms (the server may do slow reverse DNS lookups).`);
      }
    });
    if (!greeted) return false;
    if (this.target.mode === 'plain') {
      this.skip('tls', 'Plain FTP: no TLS.');
      this.skip('certificate', 'Plain FTP: no certificate.');
      this.diagnose('plain-ftp', 'tls');
      return true;
    }
    let secured = false;
    await this.step('tls', async (s) => {
      const reply = await control.command('AUTH TLS', this.timeoutMs);
      if (reply.code !== 234) {
        s.status = 'failed';
        s.summary = `AUTH TLS refused: ${replyLine(reply)}`;
        this.diagnose(TOO_MANY.test(reply.text) ? 'too-many-connections' : 'no-tls', 'tls', { detail: replyLine(reply) });
        return;
      }
      try {
        const { socket, ms } = await control.upgradeToTls(this.tlsSettings(), this.timeoutMs);
        secured = true;
        this.describeTls(s, socket, ms, 'AUTH TLS accepted');
      } catch (err) {
        const error = asProbeError(err);
        s.status = 'failed';
        s.summary = `The TLS handshake failed: ${showable(error.message)}`;
        this.diagnose('tls-handshake-failed', 'tls', { detail: showable(error.message) });
      }
    });
    return secured;
  }

  /** Implicit FTPS: TLS from the first byte, then the greeting inside TLS. A plain greeting means explicit FTPS. */
  private async implicitStart(control: ControlConnection): Promise<boolean> {
    let secured = false;
    let plainText = false;
    await this.step('tls', async (s) => {
      try {
        const { socket, ms } = await control.upgradeToTls(this.tlsSettings(), this.timeoutMs);
        secured = true;
        this.describeTls(s, socket, ms, 'Implicit TLS');
      } catch (err) {
        const error = asProbeError(err);
        s.status = 'failed';
        plainText = PLAIN_TEXT_TLS_ERROR.test(error.message) || error.code === 'ERR_SSL_WRONG_VERSION_NUMBER' || error.code === 'ERR_SSL_PACKET_LENGTH_TOO_LONG';
        s.summary = plainText ? 'The server answered the TLS handshake with plain text.' : `The TLS handshake failed: ${showable(error.message)}`;
        s.details.push(showable(error.message));
        if (!plainText) this.diagnose('tls-handshake-failed', 'tls', { detail: showable(error.message) });
      }
    });
    if (!secured) {
      if (plainText) await this.sniffPlainGreeting();
      else this.skip('greeting', 'Not reached: the TLS handshake failed.');
      return false;
    }
    let greeted = false;
    await this.step('greeting', async (s) => {
      s.details.push('Implicit FTPS: nothing is sent before the TLS handshake; the greeting comes inside TLS.');
      greeted = this.judgeGreeting(await control.nextReply(this.timeoutMs), s);
    });
    return greeted;
  }

  /** After a failed implicit handshake: what does the port say to a plain connection? */
  private async sniffPlainGreeting(): Promise<void> {
    await this.step('greeting', async (s) => {
      const raw = await this.openTcp(this.address, this.target.port, this.timeoutMs, null);
      const probe = new ControlConnection(raw, this.charset, (line) => this.log(`[plain check] ${line}`), this.tracker);
      try {
        const first = await probe.waitForFirstBytes(this.timeoutMs);
        if (first.outcome !== 'data') {
          s.status = 'failed';
          s.summary = 'The server sends nothing in plain text either.';
          this.diagnose('tls-handshake-failed', 'greeting', { detail: 'plain text, then nothing' });
          return;
        }
        if (!/^\d{3}/.test(first.bytes.subarray(0, 4).toString('latin1'))) {
          const protocol = sniffProtocol(first.bytes);
          s.status = 'failed';
          s.summary = `Not an FTP server: ${protocol === 'unknown' ? showable(first.bytes.subarray(0, 40).toString('latin1')) : protocol}.`;
          this.diagnose('not-ftp', 'greeting', { protocol, detail: showable(first.bytes.subarray(0, 40).toString('latin1')) });
          return;
        }
        const greeting = await probe.nextReply(this.timeoutMs);
        s.status = 'failed';
        s.summary = `The server greets in plain text: ${replyLine(greeting)}`;
        s.details.push('An implicit FTPS server says nothing until the TLS handshake; this one greets at once, as explicit FTPS and plain FTP servers do.');
        this.facts.serverBanner = replyLine(greeting);
        this.diagnose(TOO_MANY.test(greeting.text) ? 'too-many-connections' : 'explicit-server-implicit-settings', 'greeting', { detail: replyLine(greeting) });
      } finally {
        probe.destroy();
      }
    });
  }

  /** A second connection that starts TLS at once: returns the greeting if the server speaks implicit FTPS. */
  private async probeImplicit(): Promise<FtpReply | null> {
    let probe: ControlConnection | null = null;
    try {
      const raw = await this.openTcp(this.address, this.target.port, this.timeoutMs, null);
      probe = new ControlConnection(raw, this.charset, (line) => this.log(`[TLS check] ${line}`), this.tracker);
      await probe.upgradeToTls(this.tlsSettings(), this.timeoutMs);
      const greeting = await probe.nextReply(this.timeoutMs);
      return greeting.code > 0 ? greeting : null;
    } catch {
      return null;
    } finally {
      if (probe) await probe.quit(1000).catch(() => undefined);
    }
  }

  private judgeGreeting(greeting: FtpReply, s: StepHandle): boolean {
    s.details.push(`Greeting: ${replyLine(greeting)}`);
    if (greeting.code === 220) {
      this.facts.serverBanner = replyLine(greeting).replace(/^220[- ]?/, '');
      s.summary = `${this.target.mode === 'implicit' ? 'After TLS' : 'Plain-text greeting'}: ${replyLine(greeting)}`;
      return true;
    }
    s.status = 'failed';
    if (greeting.code === 421 || TOO_MANY.test(greeting.text)) {
      s.summary = `Turned away: ${replyLine(greeting)}`;
      this.diagnose(TOO_MANY.test(greeting.text) ? 'too-many-connections' : 'server-closed', 'greeting', { detail: replyLine(greeting) });
    } else {
      s.summary = `Unexpected greeting: ${replyLine(greeting)}`;
      this.diagnose('server-closed', 'greeting', { detail: replyLine(greeting) });
    }
    return false;
  }

  private describeTls(s: StepHandle, socket: TLSSocket, ms: number, prefix: string): void {
    const protocol = socket.getProtocol();
    const cipher = socket.getCipher()?.standardName ?? null;
    this.facts.tlsVersion = protocol;
    this.facts.cipher = cipher;
    s.summary = `${prefix}: ${protocol ?? 'TLS'}, ${cipher ?? 'unknown cipher'}.`;
    s.details.push(`Handshake: ${Math.round(ms)} ms.`);
  }

  // --- certificate and login ---------------------------------------------------------------------------------

  private async certificate(control: ControlConnection): Promise<boolean> {
    let trusted = false;
    await this.step('certificate', async (s) => {
      const socket = control.activeSocket as TLSSocket;
      const certificate = describePeerCertificate(socket);
      if (certificate === null) {
        s.status = 'failed';
        s.summary = 'The server presented no certificate.';
        this.diagnose('tls-handshake-failed', 'certificate', { detail: 'no certificate' });
        return;
      }
      this.facts.certificate = certificate;
      s.details.push(...certificateLines(certificate));
      const { host, port } = this.target;
      const presented = certificate.fingerprintSha256;
      const pinned = this.options.pinnedFingerprint
        ? normalizeFingerprint(this.options.pinnedFingerprint)
        : ((await this.options.trustStore?.get(host, port).catch(() => null))?.fingerprintSha256 ?? null);
      if (pinned !== null) {
        if (normalizeFingerprint(pinned) !== presented) {
          s.status = 'failed';
          s.summary = 'The certificate differs from the one pinned for this site. Nothing else was sent.';
          this.diagnose('certificate-changed', 'certificate', { detail: `pinned ${normalizeFingerprint(pinned)}, presented ${presented}` });
          this.setTrust('untrusted');
          return;
        }
        trusted = this.accept('pinned', presented, s, 'Trusted: it matches the fingerprint pinned for this site.');
        return;
      }
      if (socket.authorized) {
        trusted = this.accept('ca-valid', presented, s, `Trusted: issued by ${certificate.issuer}, valid for ${host} until ${certificate.validTo.slice(0, 10)}.`);
        return;
      }
      const reason = explainVerificationError(certificate, host);
      s.details.push(`Not verified: ${reason}`);
      if (this.options.insecure) {
        trusted = this.accept('accepted-once', presented, s, `Not trusted, accepted anyway (insecure): ${reason}`);
        s.status = 'warning';
        this.diagnose('certificate-untrusted', 'certificate', { reason, accepted: true });
        return;
      }
      const decision = this.options.decideTrust ? await this.options.decideTrust({ host, port, certificate, reason }) : 'reject';
      if (decision === 'reject') {
        s.status = 'failed';
        s.summary = `Not trusted: ${reason} Nothing else was sent.`;
        this.setTrust('untrusted');
        this.diagnose('certificate-untrusted', 'certificate', { reason });
        return;
      }
      if (decision === 'always') {
        await this.options.trustStore?.pin({ host, port, fingerprintSha256: presented, subject: certificate.subject });
        trusted = this.accept('pinned', presented, s, `Not verified by an authority, but you chose to always trust it: ${reason}`);
        return;
      }
      trusted = this.accept('accepted-once', presented, s, `Not trusted, accepted for this test: ${reason}`);
      s.status = 'warning';
      this.diagnose('certificate-untrusted', 'certificate', { reason, accepted: true });
    });
    return trusted;
  }

  private setTrust(trust: CertificateTrust): void {
    this.facts.certificateTrust = trust;
  }

  private accept(trust: CertificateTrust, fingerprint: string, s: StepHandle, summary: string): boolean {
    this.acceptedFingerprint = fingerprint;
    this.setTrust(trust);
    s.summary = summary;
    return true;
  }

  /** USER and PASS, then FEAT and CWD. */
  private async login(control: ControlConnection): Promise<boolean> {
    let ok = false;
    await this.step('login', async (s) => {
      const user = this.target.user || 'anonymous';
      let reply = await control.command(`USER ${user}`, this.timeoutMs);
      if (reply.code === 331 || reply.code === 332) {
        reply = await control.command(`PASS ${this.options.password}`, this.timeoutMs, 'PASS ********');
      }
      if (reply.code !== 230 && reply.code !== 202) {
        s.status = 'failed';
        s.summary = `Refused: ${replyLine(reply)}`;
        const problem: DoctorProblem = TOO_MANY.test(reply.text)
          ? 'too-many-connections'
          : this.target.mode === 'plain' && TLS_WANTED.test(reply.text)
            ? 'tls-required'
            : reply.code === 421
              ? 'server-closed'
              : 'login-refused';
        this.diagnose(problem, 'login', { detail: replyLine(reply) });
        return;
      }
      ok = true;
      s.summary = `Logged in as ${user}: ${replyLine(reply)}`;
      const feat = await control.command('FEAT', this.timeoutMs);
      if (feat.code >= 200 && feat.code < 300) {
        this.facts.features = feat.text
          .split('\n')
          .slice(1, -1)
          .map((l) => l.trim())
          .filter((l) => l.length > 0)
          .map((l) => showable(l, 120));
        s.details.push(`Features: ${this.facts.features.join(', ') || 'none listed'}`);
      }
      this.listCommand = this.facts.features.some((f) => /^MLST\b/i.test(f)) ? 'MLSD' : 'LIST';
      if (this.options.remoteDir) {
        const cwd = await control.command(`CWD ${this.options.remoteDir}`, this.timeoutMs);
        if (cwd.code < 200 || cwd.code >= 300) {
          this.remoteDirOpened = false;
          s.status = 'warning';
          s.details.push(`The folder ${showable(this.options.remoteDir)} could not be opened (${replyLine(cwd)}); the login folder is listed instead.`);
        }
      }
    });
    return ok;
  }

  private async protection(control: ControlConnection): Promise<void> {
    if (this.target.mode === 'plain') {
      this.skip('protection', 'Plain FTP: data connections are not encrypted.');
      return;
    }
    await this.step('protection', async (s) => {
      const pbsz = await control.command('PBSZ 0', this.timeoutMs);
      const prot = await control.command('PROT P', this.timeoutMs);
      this.dataProtected = prot.code >= 200 && prot.code < 300;
      s.details.push(`PBSZ 0: ${replyLine(pbsz)}`, `PROT P: ${replyLine(prot)}`);
      if (this.dataProtected) {
        s.summary = 'Accepted: listings and files travel encrypted.';
        return;
      }
      // Wharf itself stops such a connection unless the site allows clear data; the doctor goes on to
      // learn whether listings would work with the setting on.
      s.status = this.target.allowClearData === true ? 'warning' : 'failed';
      s.summary = `PROT P refused: ${replyLine(prot)}`;
      this.protectionRefusal = replyLine(prot);
      this.diagnose('data-protection-refused', 'protection', { detail: replyLine(prot) });
    });
  }

  // --- data connections ----------------------------------------------------------------------------------

  /** `latest`: the newest session or ticket, as Wharf does; `none`: a fresh handshake; or exactly this session. */
  private protectionFor(control: ControlConnection, session: SessionChoice, version?: 'TLSv1.2' | 'TLSv1.3'): DataProtection | null {
    if (!this.dataProtected) return null;
    const chosen = session === 'none' ? null : session === 'latest' ? (control.latestSession ?? (control.activeSocket as TLSSocket).getSession() ?? null) : session;
    return { tlsOptions: this.tlsSettings(version), session: chosen };
  }

  /** Sends EPSV or PASV and opens the data connection it names (PASV through the engine's NAT and bounce rules). */
  private async openPassive(control: ControlConnection, method: 'epsv' | 'pasv'): Promise<Socket> {
    const reply = await control.command(method === 'epsv' ? 'EPSV' : 'PASV', this.timeoutMs);
    if (reply.code < 200 || reply.code >= 300) throw new ProbeError(`${method.toUpperCase()} refused: ${replyLine(reply)}`, 'EREFUSEDREPLY');
    let host = control.peerAddress;
    let port: number | null;
    if (method === 'epsv') {
      port = parseEpsvPort(reply.text);
    } else {
      const parsed = parsePasv(reply.text);
      port = parsed?.port ?? null;
      if (parsed) {
        const decision = decidePassiveTarget(parsed.host, control.peerAddress);
        if (decision.action === 'refuse') throw new ProbeError(`PASV named another host (${decision.announced}); refused`, 'EFOREIGN');
        host = decision.host;
      }
    }
    if (port === null) throw new ProbeError(`unreadable reply: ${replyLine(reply)}`, 'EBADREPLY');
    this.log(`* data connection to ${host}:${port}`);
    return this.openTcp(host, port, this.dataTimeoutMs, method);
  }

  /** One listing over a fresh passive data connection; also says which session it offered. */
  private async listOnce(
    control: ControlConnection,
    method: 'epsv' | 'pasv',
    session: SessionChoice,
    version?: 'TLSv1.2' | 'TLSv1.3',
  ): Promise<TransferOutcome & { offered: Buffer | null }> {
    const socket = this.openPassive(control, method);
    socket.catch(() => undefined);
    // Wait for the connection first: the transfer command is sent only once the data connection is open.
    await socket;
    const protection = this.protectionFor(control, session, version);
    const outcome = await runTransfer(control, this.listCommand, socket, protection, this.timeoutMs, this.tracker);
    return { ...outcome, offered: protection?.session ?? null };
  }

  private async dataSteps(control: ControlConnection): Promise<void> {
    const ports = (port: number | null) => {
      if (port !== null) this.facts.passivePortsSeen = [...this.facts.passivePortsSeen, port];
    };
    let epsvOk = false;
    let epsvBlocked: 'refused' | 'timeout' | null = null;
    await this.step('epsv', async (s) => {
      const reply = await control.command('EPSV', this.timeoutMs);
      if (reply.code < 200 || reply.code >= 300) {
        s.status = 'warning';
        s.summary = `Not supported: ${replyLine(reply)}`;
        this.diagnose('epsv-unsupported', 'epsv', { detail: replyLine(reply) });
        return;
      }
      const port = parseEpsvPort(reply.text);
      ports(port);
      if (port === null) {
        s.status = 'warning';
        s.summary = `Unreadable reply: ${replyLine(reply)}`;
        return;
      }
      const where = `${control.peerAddress}:${port}`;
      try {
        const socket = await this.openTcp(control.peerAddress, port, this.dataTimeoutMs, 'epsv');
        socket.destroy();
        epsvOk = true;
        s.summary = `Port ${port}: connected to ${where}.`;
      } catch (err) {
        const error = asProbeError(err);
        epsvBlocked = error.code === 'ETIMEDOUT' ? 'timeout' : 'refused';
        s.status = 'failed';
        s.summary = `Port ${port}: ${epsvBlocked === 'timeout' ? `no answer from ${where} within ${this.dataTimeoutMs} ms` : `connection refused by ${where}`}.`;
      }
    });

    let pasvOk = false;
    let pasvBlocked: 'refused' | 'timeout' | null = null;
    await this.step('pasv', async (s) => {
      const reply = await control.command('PASV', this.timeoutMs);
      if (reply.code < 200 || reply.code >= 300) {
        s.status = epsvOk ? 'ok' : 'warning';
        s.summary = `Refused: ${replyLine(reply)}${epsvOk ? ' (EPSV works)' : ''}`;
        return;
      }
      const parsed = parsePasv(reply.text);
      if (parsed === null) {
        s.status = 'warning';
        s.summary = `Unreadable reply: ${replyLine(reply)}`;
        return;
      }
      ports(parsed.port);
      this.facts.pasvAnnouncedAddress = parsed.host;
      const decision = decidePassiveTarget(parsed.host, control.peerAddress);
      s.details.push(`The reply names ${parsed.host}:${parsed.port}; the control connection goes to ${control.peerAddress}.`);
      if (decision.action === 'refuse') {
        s.status = epsvOk ? 'warning' : 'failed';
        s.summary = `Names another host, ${parsed.host}: refused (not connected; FTP bounce protection).`;
        this.diagnose('pasv-foreign-address', 'pasv', { announced: parsed.host, epsvWorked: epsvOk });
        return;
      }
      if (decision.action === 'substitute') {
        s.details.push(`${parsed.host} is a private address: connecting to ${decision.host} instead, as Wharf does.`);
      }
      const where = `${decision.host}:${parsed.port}`;
      try {
        const socket = await this.openTcp(decision.host, parsed.port, this.dataTimeoutMs, 'pasv');
        socket.destroy();
        pasvOk = true;
        s.summary = decision.action === 'substitute' ? `Names the private address ${parsed.host}: connected to ${where} instead.` : `Port ${parsed.port}: connected to ${where}.`;
      } catch (err) {
        const error = asProbeError(err);
        pasvBlocked = error.code === 'ETIMEDOUT' ? 'timeout' : 'refused';
        s.status = 'failed';
        s.summary = `Port ${parsed.port}: ${pasvBlocked === 'timeout' ? `no answer from ${where} within ${this.dataTimeoutMs} ms` : `connection refused by ${where}`}.`;
      }
      if (decision.action === 'substitute') {
        if (s.status === 'ok') s.status = 'warning';
        this.diagnose('pasv-private-address', 'pasv', { announced: parsed.host, epsvWorked: epsvOk });
      }
    });

    const method: 'epsv' | 'pasv' | null = epsvOk ? 'epsv' : pasvOk ? 'pasv' : null;
    let listingOk = false;
    let resumedOnListing: boolean | null = null;
    let usedSession: Buffer | null = null;
    let protectionContradicts = false;
    await this.step('listing', async (s) => {
      if (method === null) {
        s.status = 'failed';
        s.summary = 'No passive data connection could be opened.';
        return;
      }
      const outcome = await this.listOnce(control, method, 'latest');
      usedSession = outcome.offered;
      const judged = this.judgeListing(outcome, s, method);
      listingOk = judged.ok;
      resumedOnListing = judged.resumed;
      if (listingOk) {
        const engineError = await this.listWithEngine();
        if (engineError !== null) {
          // The probe's own listing worked, Wharf's did not: the verdict follows what Wharf will do.
          listingOk = false;
          s.status = 'failed';
          s.summary = `Wharf's listing failed: ${engineError}`;
          s.details.push("The doctor's own probe listed the folder; Wharf's engine, which every transfer uses, could not.");
          this.diagnose('listing-failed', 'listing', { detail: engineError });
          return;
        }
        this.facts.workingDataMethod = method;
        this.facts.dataSessionReused = resumedOnListing;
        this.comparisonMethod = method;
        return;
      }
      if (this.protectionRefusal !== null && outcome.final !== null && TLS_WANTED.test(outcome.final.text)) {
        // PROT P was refused, and now an unencrypted data connection is refused for want of TLS (proftpd
        // "522 SSL/TLS required on the data channel"): one contradiction in the server's settings, not a
        // session reuse problem (522 is also vsftpd's code for those).
        protectionContradicts = true;
        const index = this.diagnoses.findIndex((d) => d.problem === 'data-protection-refused');
        const contradiction = diagnosis('data-protection-refused', 'protection', this.context({ detail: this.protectionRefusal, dataReply: judged.detail }));
        if (index >= 0) this.diagnoses.splice(index, 1, contradiction);
        else this.diagnoses.push(contradiction);
        return;
      }
      if (judged.reuseRefused) {
        this.comparisonMethod = method;
        this.reuseRefusal = judged.detail;
      }
      this.diagnose(judged.reuseRefused ? 'session-reuse-failed' : 'listing-failed', 'listing', { detail: judged.detail });
    });

    if (method !== null && listingOk && this.dataProtected) {
      await this.step('session-reuse', async (s) => {
        await this.testTicketReuse(control, method, usedSession, resumedOnListing, s);
        const outcome = await this.listOnce(control, method, 'none');
        const accepted = succeeded(outcome);
        s.details.push(`Listing with the session resumed: ${resumedOnListing ? 'resumed' : 'not resumed'}.`);
        if (accepted) {
          this.facts.sessionReuseRequired = false;
          s.summary = resumedOnListing
            ? 'Wharf resumes the TLS session; the server does not require it (a data connection without reuse was accepted).'
            : 'Not resumed, and not required by the server.';
          return;
        }
        const answer = outcome.final ? replyLine(outcome.final) : outcome.controlError ? showable(outcome.controlError.message) : 'no answer';
        s.details.push(`A data connection without reuse: ${answer}`);
        if (outcome.final && isReuseRefusal(outcome.final)) {
          this.facts.sessionReuseRequired = true;
          s.summary = `Required by the server: without reuse it answered ${answer}. Wharf resumes the session, so this is fine.`;
          this.diagnose('session-reuse-required', 'session-reuse', { detail: answer });
        } else {
          s.status = 'warning';
          s.summary = `A data connection without reuse failed: ${answer}`;
        }
      });
    } else {
      this.skip('session-reuse', method === null || !listingOk ? 'Not reached: no listing worked.' : 'Data connections are not encrypted.');
    }

    let activeWorked: boolean | null = null;
    // Active mode cannot help when the server refused the data connection itself (it would refuse it the same way).
    if (this.options.proxy) {
      this.skip('active', 'Not tried: behind a proxy, active mode cannot work (the server cannot connect back through it).');
    } else if (method === null || (!listingOk && !protectionContradicts && !this.diagnoses.some((d) => d.problem === 'session-reuse-failed'))) {
      await this.step('active', async (s) => {
        const strangers: string[] = [];
        const listener = await listenForActive(control, this.dataTimeoutMs, this.tracker, (line, from) => {
          this.log(line);
          strangers.push(from);
        });
        try {
          const family = listener.address.includes(':') ? 2 : 1;
          let reply = await control.command(`EPRT |${family}|${listener.address}|${listener.port}|`, this.timeoutMs);
          if ((reply.code < 200 || reply.code >= 300) && family === 1) {
            const [a, b, c, d] = listener.address.split('.');
            reply = await control.command(`PORT ${a},${b},${c},${d},${listener.port >> 8},${listener.port & 255}`, this.timeoutMs);
          }
          if (reply.code < 200 || reply.code >= 300) {
            activeWorked = false;
            s.status = 'failed';
            s.summary = `Refused: ${replyLine(reply)}`;
            return;
          }
          const outcome = await runTransfer(control, this.listCommand, listener.accepted, this.protectionFor(control, 'latest'), this.timeoutMs, this.tracker);
          const judged = this.judgeListing(outcome, s, 'active');
          activeWorked = judged.ok;
          if (!judged.ok && strangers.length > 0) {
            s.summary = `The server's data connection came from ${strangers.join(', ')}, not from the server's address ${control.peerAddress}: refused, as Wharf does (it could be anyone).`;
          }
          if (judged.ok) {
            this.facts.workingDataMethod = 'active';
            this.diagnose('active-works', 'active');
          }
        } finally {
          listener.close();
        }
      });
    } else {
      this.skip('active', listingOk ? 'Not needed: passive mode works.' : 'Not tried: the server refused the transfer itself, as it would in active mode.');
    }

    if (method === null && (epsvBlocked !== null || pasvBlocked !== null)) {
      this.diagnose('passive-blocked', 'listing', {
        ports: this.facts.passivePortsSeen,
        blocked: epsvBlocked === 'timeout' || pasvBlocked === 'timeout' ? 'timeout' : 'refused',
        activeWorked,
      });
    }
  }

  /**
   * TLS 1.3 only: offers the ticket that already resumed the listing's data connection once more. A server
   * with single-use tickets refuses it; clients that keep reusing their first ticket then fail from their
   * second transfer on.
   */
  private async testTicketReuse(control: ControlConnection, method: 'epsv' | 'pasv', used: Buffer | null, resumed: boolean | null, s: StepHandle): Promise<void> {
    if (this.facts.tlsVersion !== 'TLSv1.3' || used === null || resumed !== true) return;
    const again = await this.listOnce(control, method, used);
    const reused = succeeded(again) && again.data.sessionReused === true;
    this.facts.tls13TicketReusable = reused;
    if (reused) {
      s.details.push('A TLS 1.3 ticket already used once resumed a second data connection too.');
      return;
    }
    const answer = again.final ? replyLine(again.final) : 'no answer';
    s.details.push(`A TLS 1.3 ticket already used once did not resume a second data connection: ${succeeded(again) ? 'accepted without reuse' : answer}.`);
    if (!succeeded(again)) this.diagnose('tls13-single-use-tickets', 'session-reuse', { detail: answer });
  }

  /**
   * Lists through Wharf's engine (main/ftps), the code every transfer uses, on its own connection with the
   * certificate this run accepted: "works" must mean Wharf works, not only the doctor's probe.
   */
  private async listWithEngine(): Promise<string | null> {
    let session: FtpsSession | null = null;
    try {
      session = await FtpsSession.open({
        // Past a refused PROT P the run learns whether listings would work with clear data allowed (the
        // refusal is already diagnosed): the engine is asked the same.
        target: { ...this.target, dataMode: 'passive', ...(this.protectionRefusal !== null ? { allowClearData: true } : {}) },
        password: this.options.password,
        allowPlain: this.options.allowPlain ?? false,
        extraCaPem: this.options.extraCaPem ?? [],
        ...(this.acceptedFingerprint !== null ? { pinnedFingerprint: this.acceptedFingerprint } : {}),
        insecure: this.options.insecure ?? false,
        timeoutMs: this.timeoutMs,
        keepAliveIntervalMs: 0,
        // The same way out as the run itself: the site's client certificate and proxy.
        ...(this.options.clientCertificate ? { clientCertificate: this.options.clientCertificate } : {}),
        ...(this.options.proxy ? { proxy: this.options.proxy } : {}),
      });
      await session.list(this.options.remoteDir && this.remoteDirOpened ? this.options.remoteDir : '');
      return null;
    } catch (err) {
      return err instanceof Error ? err.message : String(err);
    } finally {
      await session?.close().catch(() => undefined);
    }
  }

  private judgeListing(outcome: TransferOutcome, s: StepHandle, via: 'epsv' | 'pasv' | 'active'): { ok: boolean; resumed: boolean | null; reuseRefused: boolean; detail: string } {
    const label = via === 'epsv' ? 'EPSV' : via === 'pasv' ? 'PASV' : 'active mode';
    if (outcome.preliminary) s.details.push(`Transfer: ${replyLine(outcome.preliminary)}`);
    if (outcome.final) s.details.push(`Result: ${replyLine(outcome.final)}`);
    if (outcome.data.tlsProtocol) {
      s.details.push(`Data connection: ${outcome.data.tlsProtocol}, session ${outcome.data.sessionReused ? 'resumed' : 'NOT resumed'}.`);
    }
    s.details.push(`Took ${Math.round(outcome.ms)} ms.`);
    const ok = succeeded(outcome);
    if (ok) {
      const text = outcome.data.bytes.toString(this.charset.socketEncoding === 'utf8' ? 'utf8' : 'latin1');
      const entries = parseListing(this.charset.decode(text), { format: this.listCommand === 'MLSD' ? 'mlsd' : 'list', timezoneOffsetMinutes: 0, now: new Date() });
      s.summary = `Listed ${entries.length} entries (${outcome.data.bytes.length} bytes) via ${label}${outcome.data.tlsProtocol ? `, TLS session ${outcome.data.sessionReused ? 'resumed' : 'not resumed'}` : ', unencrypted'}.`;
      return { ok, resumed: outcome.data.sessionReused, reuseRefused: false, detail: '' };
    }
    const detail = outcome.final ? replyLine(outcome.final) : outcome.controlError ? showable(outcome.controlError.message) : outcome.data.error ? showable(outcome.data.error.message) : 'no answer';
    s.status = 'failed';
    s.summary = `The listing via ${label} failed: ${detail}`;
    return { ok: false, resumed: outcome.data.sessionReused, reuseRefused: outcome.final !== null && isReuseRefusal(outcome.final), detail };
  }

  // --- TLS 1.3 and TLS 1.2 on their own connections -------------------------------------------------------

  private async versionProbe(version: 'TLSv1.3' | 'TLSv1.2'): Promise<void> {
    const id = version === 'TLSv1.3' ? 'tls13' : 'tls12';
    if (this.acceptedFingerprint === null) {
      this.skip(id, 'Not reached: no trusted TLS connection.');
      return;
    }
    const result: Mutable<DoctorTlsVersionResult> = { version, supported: false, cipher: null, listingWorked: null, dataSessionReused: null, handshakeMs: null, listingMs: null };
    const label = version === 'TLSv1.3' ? 'TLS 1.3' : 'TLS 1.2';
    const log = (line: string) => this.log(`[${label}] ${line}`);
    await this.step(id, async (s) => {
      const raw = await this.openTcp(this.address, this.target.port, this.timeoutMs, null);
      const control = new ControlConnection(raw, this.charset, log, this.tracker);
      try {
        if (this.target.mode === 'explicit') {
          const greeting = await control.nextReply(this.timeoutMs);
          if (greeting.code !== 220) {
            s.status = 'warning';
            s.summary = `Could not test: the server turned the connection away (${replyLine(greeting)}).`;
            return;
          }
          const auth = await control.command('AUTH TLS', this.timeoutMs);
          if (auth.code !== 234) {
            s.status = 'warning';
            s.summary = `Could not test: AUTH TLS answered ${replyLine(auth)}.`;
            return;
          }
        }
        let socket: TLSSocket;
        try {
          const upgraded = await control.upgradeToTls(this.tlsSettings(version), this.timeoutMs);
          socket = upgraded.socket;
          result.handshakeMs = Math.round(upgraded.ms * 10) / 10;
        } catch (err) {
          const error = asProbeError(err);
          s.details.push(showable(error.message));
          if (error.code === 'ETIMEDOUT') throw error;
          s.status = version === 'TLSv1.3' ? 'warning' : 'ok';
          s.summary = `Not offered by the server (${showable(error.message, 120)}).`;
          this.diagnose(version === 'TLSv1.3' ? 'tls13-unsupported' : 'tls12-unsupported', id, { detail: showable(error.message, 120) });
          return;
        }
        result.supported = true;
        result.cipher = socket.getCipher()?.standardName ?? null;
        const presented = describePeerCertificate(socket)?.fingerprintSha256 ?? '';
        if (presented !== this.acceptedFingerprint) {
          s.status = 'failed';
          s.summary = 'A different certificate was presented on this connection; not continued.';
          this.diagnose('certificate-changed', id, { detail: `expected ${this.acceptedFingerprint}, presented ${presented}` });
          return;
        }
        if (TLS_VERSION_ORDER.indexOf(version) < TLS_VERSION_ORDER.indexOf(this.target.minTlsVersion)) {
          // Below the site's minimum: the user name and password never travel over it, not even for a
          // test. That the server offers it is all this probe learns.
          const minimum = this.target.minTlsVersion.replace('TLSv', 'TLS ');
          s.summary = `${label} works (${result.cipher}); not logged in over it: this site accepts ${minimum} and newer only, so its password is never sent over ${label}.`;
          return;
        }
        if (this.target.mode === 'implicit') {
          const greeting = await control.nextReply(this.timeoutMs);
          if (greeting.code !== 220) {
            s.status = 'warning';
            s.summary = `${label} works (${result.cipher}); the server then turned the connection away: ${replyLine(greeting)}.`;
            return;
          }
        }
        let reply = await control.command(`USER ${this.target.user || 'anonymous'}`, this.timeoutMs);
        if (reply.code === 331 || reply.code === 332) reply = await control.command(`PASS ${this.options.password}`, this.timeoutMs, 'PASS ********');
        if (reply.code !== 230 && reply.code !== 202) {
          s.status = 'warning';
          s.summary = `${label} works (${result.cipher}); the login on this extra connection was refused: ${replyLine(reply)}.`;
          return;
        }
        await control.command('PBSZ 0', this.timeoutMs);
        await control.command('PROT P', this.timeoutMs);
        if (this.options.remoteDir) await control.command(`CWD ${this.options.remoteDir}`, this.timeoutMs);
        const method = this.comparisonMethod;
        if (method !== null) {
          const outcome = await this.listOnce(control, method, 'latest', version);
          result.listingMs = Math.round(outcome.ms * 10) / 10;
          result.listingWorked = succeeded(outcome);
          result.dataSessionReused = outcome.data.sessionReused;
          if (!result.listingWorked) {
            s.status = 'failed';
            s.summary = `${label} works (${result.cipher}), but the listing failed: ${outcome.final ? replyLine(outcome.final) : 'no answer'}.`;
            s.details.push(`Data connection session ${outcome.data.sessionReused ? 'resumed' : 'NOT resumed'}.`);
            return;
          }
        }
        s.summary = `${result.cipher}: handshake ${Math.round(result.handshakeMs ?? 0)} ms${result.listingMs !== null ? `, listing ${Math.round(result.listingMs)} ms, ${result.dataSessionReused === null ? 'unencrypted' : `session ${result.dataSessionReused ? 'resumed' : 'not resumed'}`}` : ''}.`;
      } finally {
        await control.quit(Math.min(this.timeoutMs, 3000)).catch(() => undefined);
        this.facts.tlsVersions = [...this.facts.tlsVersions, result];
      }
    });
  }

  /**
   * TLS 1.3 against TLS 1.2: a reuse failure on a TLS 1.3 main connection that TLS 1.2 does not have is a
   * TLS 1.3 ticket problem; so, more mildly, is a TLS 1.3 data connection that is not resumed where TLS 1.2 is.
   */
  private refineTls13(): void {
    const v13 = this.facts.tlsVersions.find((v) => v.version === 'TLSv1.3');
    const v12 = this.facts.tlsVersions.find((v) => v.version === 'TLSv1.2');
    const index = this.diagnoses.findIndex((d) => d.problem === 'session-reuse-failed');
    if (index >= 0 && this.facts.tlsVersion === 'TLSv1.3' && v12?.listingWorked === true) {
      this.diagnoses.splice(index, 1, diagnosis('tls13-tickets', 'tls13', this.context({ dataFailed: true, ...(this.reuseRefusal === null ? {} : { detail: this.reuseRefusal }) })));
      return;
    }
    if (v13?.listingWorked === true && v13.dataSessionReused === false && v12?.dataSessionReused === true && this.dataProtected) {
      this.diagnose('tls13-tickets', 'tls13', { dataFailed: false });
    }
  }

  report(): DoctorReport {
    const steps = DOCTOR_STEP_IDS.map(
      (id) => this.steps.get(id) ?? { id, title: DOCTOR_STEP_TITLES[id], status: 'skipped' as const, summary: this.cancelled ? 'Cancelled.' : 'Not reached.', details: [], durationMs: null },
    );
    const { host, port, mode, user } = this.target;
    return {
      host,
      port,
      mode,
      user,
      startedAt: this.startedAt,
      durationMs: Math.round(performance.now() - this.started),
      verdict: doctorVerdict(this.diagnoses),
      steps,
      diagnoses: this.diagnoses,
      facts: this.facts,
      transcript: this.transcript,
    };
  }
}

type SessionChoice = 'latest' | 'none' | Buffer;

/** A transfer that ended with 2xx and a clean data connection. */
function succeeded(outcome: TransferOutcome): boolean {
  return outcome.final !== null && outcome.final.code >= 200 && outcome.final.code < 300 && outcome.data.error === null;
}

/** 522 on vsftpd, proftpd's 425 "Operation not permitted", or any reply that names session reuse. */
function isReuseRefusal(reply: FtpReply): boolean {
  return reply.code === 522 || /session reuse|reuse required/i.test(reply.text) || (reply.code === 425 && /not permitted/i.test(reply.text)) || (reply.code === 450 && /tls|ssl/i.test(reply.text));
}

function sniffProtocol(bytes: Buffer): NonNullable<ProblemContext['protocol']> {
  const head = bytes.subarray(0, 8).toString('latin1');
  if (head.startsWith('SSH-')) return 'SSH';
  if (head.startsWith('HTTP/')) return 'HTTP';
  if (bytes[0] === 0x16 || bytes[0] === 0x15) return 'TLS';
  return 'unknown';
}

function certificateLines(c: CertificateInfo): string[] {
  return [
    `Subject: ${c.subject}`,
    `Issuer: ${c.issuer}`,
    `Valid: ${c.validFrom} to ${c.validTo}`,
    `Names: ${c.subjectAltNames.join(', ') || '(none)'}`,
    `SHA-256: ${c.fingerprintSha256}`,
  ];
}

/**
 * Runs the connection doctor: every step one by one, each with its result and time, then diagnoses with
 * fixes. Never throws for a network or server problem (that is what the report is for); the password
 * never appears in the report.
 */
export async function runDoctor(options: DoctorOptions): Promise<DoctorReport> {
  const run = new DoctorRun(options);
  await run.execute();
  return run.report();
}
