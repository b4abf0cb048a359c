/**
 * The connection doctor's report: plain data that the site manager's "Test connection" and `wharf doctor`
 * both render. Each step says what was tried, how it went and how long it took; each diagnosis names a
 * failure class in plain words with the fixes that apply.
 */
import type { CertificateInfo, CertificateTrust } from './security';
import type { FtpsMode } from './site';

/** The steps in the order they run. Every report lists all of them; those not reached are `skipped`. */
export const DOCTOR_STEP_IDS = [
  'resolve',
  'proxy',
  'connect',
  'greeting',
  'tls',
  'certificate',
  'client-certificate',
  'login',
  'protection',
  'epsv',
  'pasv',
  'listing',
  'session-reuse',
  'active',
  'tls13',
  'tls12',
] as const;

/** One step of the doctor. */
export type DoctorStepId = (typeof DOCTOR_STEP_IDS)[number];

/** Titles as the checklist shows them before anything ran. */
export const DOCTOR_STEP_TITLES: Readonly<Record<DoctorStepId, string>> = {
  resolve: 'Name resolution',
  proxy: 'Proxy',
  connect: 'TCP connection',
  greeting: 'What the server sends first',
  tls: 'TLS handshake',
  certificate: 'Certificate',
  'client-certificate': 'Client certificate',
  login: 'Login',
  protection: 'Data protection (PBSZ/PROT)',
  epsv: 'Passive mode, EPSV',
  pasv: 'Passive mode, PASV',
  listing: 'Data connection and listing',
  'session-reuse': 'TLS session reuse on data connections',
  active: 'Active mode (EPRT/PORT)',
  tls13: 'TLS 1.3',
  tls12: 'TLS 1.2',
};

/** `pending` and `running` appear only in progress events; a finished report has the other four. */
export type DoctorStepStatus = 'pending' | 'running' | 'ok' | 'warning' | 'failed' | 'skipped';

/** One step's result. */
export interface DoctorStep {
  readonly id: DoctorStepId;
  readonly title: string;
  readonly status: DoctorStepStatus;
  /** One line for people: what happened ("Connected to 127.0.0.1:2121", "Refused: 530 Login incorrect."). */
  readonly summary: string;
  /** Facts behind the summary: addresses, replies, ciphers. Server text is stripped of control characters. */
  readonly details: readonly string[];
  /** Wall-clock time the step took; null when it did not run. Reported, never a pass/fail criterion. */
  readonly durationMs: number | null;
}

/** Every failure class (and notable finding) the doctor can name. */
export const DOCTOR_PROBLEMS = [
  'dns-failed',
  'connect-refused',
  'connect-timeout',
  'not-ftp',
  'server-closed',
  'implicit-server-explicit-settings',
  'explicit-server-implicit-settings',
  'no-tls',
  'tls-handshake-failed',
  'certificate-untrusted',
  'certificate-changed',
  'too-many-connections',
  'login-refused',
  'tls-required',
  'plain-ftp',
  'data-protection-refused',
  'epsv-unsupported',
  'passive-blocked',
  'pasv-private-address',
  'pasv-foreign-address',
  'session-reuse-required',
  'session-reuse-failed',
  'tls13-tickets',
  'tls13-single-use-tickets',
  'tls13-unsupported',
  'tls12-unsupported',
  'listing-failed',
  'active-works',
  'proxy-failed',
  'client-certificate-required',
  'client-certificate-refused',
  'timeout',
  'unexpected',
] as const;

/** A failure class or finding. */
export type DoctorProblem = (typeof DOCTOR_PROBLEMS)[number];

/** `error`: the site does not work this way; `warning`: it works with a caveat; `info`: worth knowing. */
export type DoctorSeverity = 'error' | 'warning' | 'info';

/** A diagnosis: what is wrong, in plain words, and what to do about it. */
export interface DoctorDiagnosis {
  readonly problem: DoctorProblem;
  readonly severity: DoctorSeverity;
  /** The step that found it. */
  readonly stepId: DoctorStepId;
  readonly title: string;
  readonly explanation: string;
  /** What to change, most likely first. */
  readonly fixes: readonly string[];
}

/** How one TLS version fared on its own connection (steps tls13 and tls12). */
export interface DoctorTlsVersionResult {
  readonly version: 'TLSv1.3' | 'TLSv1.2';
  /** False when the server refused this version. */
  readonly supported: boolean;
  readonly cipher: string | null;
  /** Whether a listing worked on this version; null when not tried. */
  readonly listingWorked: boolean | null;
  /** Whether its data connection resumed the control connection's session; null when not tried. */
  readonly dataSessionReused: boolean | null;
  readonly handshakeMs: number | null;
  readonly listingMs: number | null;
}

/** Facts the doctor learnt, for the renderer to show beside the steps. */
export interface DoctorFacts {
  readonly addresses: readonly string[];
  readonly serverBanner: string | null;
  readonly tlsVersion: string | null;
  readonly cipher: string | null;
  readonly certificate: CertificateInfo | null;
  readonly certificateTrust: CertificateTrust | null;
  /** FEAT lines, e.g. `EPSV`, `MLST type*;size*;modify*;`, `HASH SHA-256*;MD5`. */
  readonly features: readonly string[];
  /** The data-connection method that worked: 'epsv', 'pasv', 'active', or null when none did. */
  readonly workingDataMethod: 'epsv' | 'pasv' | 'active' | null;
  /** What a PASV reply named (address), when it was sent. */
  readonly pasvAnnouncedAddress: string | null;
  /** Passive ports the server named during this run. */
  readonly passivePortsSeen: readonly number[];
  /** Whether the listing's data connection resumed the control connection's TLS session. */
  readonly dataSessionReused: boolean | null;
  /** Whether the server refused a data connection that did not resume the session; null when not tested. */
  readonly sessionReuseRequired: boolean | null;
  /**
   * TLS 1.3 only: whether a session ticket already used for one data connection resumes a second one. False
   * means single-use tickets: a client must take the fresh ticket each data connection brings. null: not tested.
   */
  readonly tls13TicketReusable: boolean | null;
  readonly tlsVersions: readonly DoctorTlsVersionResult[];
}

/** The whole result of one doctor run. Never holds the password. */
export interface DoctorReport {
  readonly host: string;
  readonly port: number;
  readonly mode: FtpsMode;
  readonly user: string;
  /** ISO 8601. */
  readonly startedAt: string;
  readonly durationMs: number;
  /** `failed` when any diagnosis is an error; `warnings` when any is a warning; else `ok`. */
  readonly verdict: 'ok' | 'warnings' | 'failed';
  readonly steps: readonly DoctorStep[];
  readonly diagnoses: readonly DoctorDiagnosis[];
  readonly facts: DoctorFacts;
  /** The control dialogue, `> ` for what we sent (password masked) and `< ` for replies, `* ` for events. */
  readonly transcript: readonly string[];
  /**
   * Only on a run the user cancelled (`doctorCancel`): the step it was at. That step and those after it did
   * not finish, so the verdict speaks only of the steps before it.
   */
  readonly cancelledAt?: DoctorStepId;
}

/** A step as pushed while the doctor runs (`doctorStep` event), tagged with the run it belongs to. */
export interface DoctorStepEvent {
  readonly runId: string;
  readonly step: DoctorStep;
}

/** The verdict from a list of diagnoses. Pure. */
export function doctorVerdict(diagnoses: readonly Pick<DoctorDiagnosis, 'severity'>[]): DoctorReport['verdict'] {
  if (diagnoses.some((d) => d.severity === 'error')) return 'failed';
  if (diagnoses.some((d) => d.severity === 'warning')) return 'warnings';
  return 'ok';
}

// ---------------------------------------------------------------------------------------------------------
// IPC request

/**
 * How the renderer asks for a doctor run: a saved site (password from the keychain unless given), or the
 * fields of the site being edited, saved or not. `runId`, chosen by the renderer, tags `doctorStep` events.
 */
export type DoctorRequest =
  | { readonly kind: 'site'; readonly siteId: string; readonly password?: string; readonly runId?: string }
  | {
      readonly kind: 'quick';
      readonly host: string;
      /** default 21, or 990 for implicit FTPS */
      readonly port?: number;
      /** default explicit */
      readonly mode?: FtpsMode;
      readonly user: string;
      readonly password: string;
      /** default TLSv1.2 */
      readonly minTlsVersion?: 'TLSv1.2' | 'TLSv1.3';
      /** Must be true for mode `plain`. */
      readonly allowPlain?: boolean;
      /** The site's "Allow unencrypted file data": a refused PROT P is then a warning, not an error. default false */
      readonly allowClearData?: boolean;
      /** The folder to list; default the login folder. */
      readonly remoteDir?: string;
      readonly runId?: string;
    };
