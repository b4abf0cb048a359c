/*
 * The doctor's step framework: one run's state (facts, findings, transcript, open sockets), the step runner
 * that times each step and turns a throw into a failed step, and the report. The steps are in ./steps/.
 */
import type { Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import {
  DOCTOR_STEP_IDS,
  doctorVerdict,
  type DoctorDiagnosis,
  type DoctorFacts,
  type DoctorProblem,
  type DoctorReport,
  type DoctorStep,
  type DoctorStepId,
} from '../../common/models/doctor';
import type { ConnectionTarget } from '../../common/models/site';
import { doctorStepTitle } from '../../common/models/doctor-steps';
import { t } from '../../common/i18n/t';
import { controlCharset, type ControlCharset } from '../ftps/charset';
import type { ClientCertificate } from '../ftps/client-certificate';
import { WharfError } from '../core/errors';
import { proxyDialer, type ProxyEndpoint } from '../ftps/proxy';
import type { CertificateQuestion, TrustDecision, TrustStoreLike } from '../ftps/session';
import { diagnosis, type ProblemContext } from './diagnoses';
import { ProbeError, SocketTracker, asProbeError, showable, tcpConnect, tlsOptionsFor } from './ftp-probe';

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
export const TOO_MANY = /too many|maximum (number of )?(connections|clients|users)|connection limit|max.*(connections|clients)|per ip|already connected/i;
export const TLS_WANTED = /encrypt|ssl|tls|cleartext|secure/i;
/** A TLS client that read plain text (an FTP greeting) instead of a TLS record. */
export const PLAIN_TEXT_TLS_ERROR = /wrong version number|packet length too long|unknown protocol|http request|record layer failure|unexpected message/i;

/** What a step body fills in: its status, one-line summary and detail lines. */
export interface StepHandle {
  status: 'ok' | 'warning' | 'failed' | 'skipped';
  summary: string;
  readonly details: string[];
}

/** Thrown out of a step when the run was aborted; ends the run quietly. */
export class Cancelled extends Error {}

export type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** TLS versions from oldest to newest, to compare a probed version with a site's minimum. */
export const TLS_VERSION_ORDER: readonly string[] = ['TLSv1.2', 'TLSv1.3'];

/**
 * One doctor run: the steps, findings and transcript as they accumulate, and what earlier steps learnt for
 * later ones (the fields below `cancelled`). The step functions read and write it.
 */
export class DoctorRun {
  private readonly steps = new Map<DoctorStepId, DoctorStep>();
  readonly diagnoses: DoctorDiagnosis[] = [];
  readonly transcript: string[] = [];
  readonly tracker = new SocketTracker();
  readonly charset: ControlCharset;
  readonly facts: Mutable<DoctorFacts> = {
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
  readonly timeoutMs: number;
  readonly greetingTimeoutMs: number;
  readonly dataTimeoutMs: number;
  cancelled = false;
  acceptedFingerprint: string | null = null;
  address = '';
  listCommand: 'MLSD' | 'LIST' = 'LIST';
  dataProtected = false;
  /** The server's answer to PROT P when it refused it. */
  protectionRefusal: string | null = null;
  /**
   * The passive method the TLS 1.3 and TLS 1.2 steps list with: the one that listed, or the one whose listing
   * the server refused for want of session reuse, so that they can tell whether one TLS version resumes
   * where the other does not.
   */
  comparisonMethod: 'epsv' | 'pasv' | null = null;
  /** The server's refusal of the listing for want of session reuse. */
  reuseRefusal: string | null = null;
  /** False once CWD to options.remoteDir was refused: the login folder is listed instead. */
  remoteDirOpened = true;
  private readonly started = performance.now();
  private readonly startedAt = new Date().toISOString();

  constructor(readonly options: DoctorOptions) {
    this.timeoutMs = options.timeoutMs ?? 15_000;
    this.greetingTimeoutMs = options.greetingTimeoutMs ?? 5_000;
    this.dataTimeoutMs = options.dataTimeoutMs ?? 10_000;
    this.charset = controlCharset(options.target.encoding || 'utf8');
    options.signal?.addEventListener('abort', () => {
      this.cancelled = true;
      this.tracker.destroyAll();
    }, { once: true });
  }

  get target(): ConnectionTarget {
    return this.options.target;
  }

  context(extra: Partial<ProblemContext> = {}): ProblemContext {
    return { host: this.target.host, port: this.target.port, mode: this.target.mode, clearDataAllowed: this.target.allowClearData === true, ...extra };
  }

  diagnose(problem: DoctorProblem, stepId: DoctorStepId, extra: Partial<ProblemContext> = {}): void {
    this.diagnoses.push(diagnosis(problem, stepId, this.context(extra)));
  }

  log(line: string): void {
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
  async step(id: DoctorStepId, body: (s: StepHandle) => Promise<void>): Promise<StepHandle> {
    if (this.cancelled) throw new Cancelled();
    const handle: StepHandle = { status: 'ok', summary: '', details: [] };
    this.emit({ id, title: doctorStepTitle(id), status: 'running', summary: '', details: [], durationMs: null });
    const started = performance.now();
    const findingsBefore = this.diagnoses.length;
    try {
      await body(handle);
      if (this.cancelled) throw new Cancelled();
    } catch (err) {
      handle.status = 'failed';
      if (this.cancelled) {
        handle.summary = t('doctorSteps.cancelled');
        // What a step concluded from connections the abort closed is not a finding.
        this.diagnoses.splice(findingsBefore);
      } else {
        const error = asProbeError(err);
        handle.summary = error.code === 'ETIMEDOUT' ? t('doctorSteps.timedOut', { reason: error.message }) : t('doctorSteps.failed', { reason: showable(error.message) });
        this.diagnose(error.code === 'ETIMEDOUT' ? 'timeout' : error.code === 'ECLOSED' ? 'server-closed' : 'unexpected', id, { detail: showable(error.message) });
      }
    }
    const step: DoctorStep = {
      id,
      title: doctorStepTitle(id),
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

  skip(id: DoctorStepId, summary: string): void {
    const step: DoctorStep = { id, title: doctorStepTitle(id), status: 'skipped', summary, details: [], durationMs: null };
    this.steps.set(id, step);
    this.emit(step);
  }

  tlsSettings(version?: 'TLSv1.2' | 'TLSv1.3') {
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
  async dialThroughProxy(proxy: ProxyEndpoint, port: number, timeoutMs: number): Promise<Socket> {
    try {
      return this.tracker.add(await proxyDialer(proxy)(this.target.host, port, timeoutMs));
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      const step = err instanceof WharfError ? String(err.detail?.proxyStep ?? 'connect') : 'connect';
      throw new ProbeError(message, step === 'connect' ? 'EPROXYCONNECT' : step === 'authenticate' ? 'EPROXYAUTH' : 'EPROXYREACH');
    }
  }

  /**
   * A TCP connection to the server: directly to `host`, or through the proxy to the server's own host name
   * (a PASV reply names the server's view of itself; the proxy reaches it by the name the user gave). A
   * passive port the proxy refuses is a finding of its own (`data` names the step).
   */
  async openTcp(host: string, port: number, timeoutMs: number, data: 'epsv' | 'pasv' | null): Promise<Socket> {
    const { proxy } = this.options;
    if (!proxy) return tcpConnect(host, port, timeoutMs, this.tracker);
    try {
      return await this.dialThroughProxy(proxy, port, timeoutMs);
    } catch (err) {
      if (data !== null && !this.diagnoses.some((d) => d.problem === 'proxy-failed')) {
        this.diagnose('proxy-failed', data, { detail: t('doctorSteps.proxyPassivePort', { port: String(port), reason: showable(asProbeError(err).message) }) });
      }
      throw err;
    }
  }

  report(): DoctorReport {
    const steps = DOCTOR_STEP_IDS.map(
      (id) => this.steps.get(id) ?? { id, title: doctorStepTitle(id), status: 'skipped' as const, summary: t(this.cancelled ? 'doctorSteps.cancelled' : 'doctorSteps.notReached'), details: [], durationMs: null },
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
