/*
 * What `wharf doctor` and `wharf sync` share on the command line: the small IO interface they run against
 * (so tests drive them without a terminal), and turning a URL or `site:NAME` into a connection the engine
 * and the doctor accept, with the password from the keychain, WHARF_PASSWORD or a prompt.
 */
import { EXIT_CODES } from './exit-codes';
import { readFile } from 'node:fs/promises';
import type { ConnectionTarget } from '../../common/models/site';
import { DEFAULT_KEEP_MODIFIED_TIMES, DEFAULT_UPLOAD_VIA_TEMPORARY_NAME, MAX_TIMEZONE_OFFSET_MINUTES, toConnectionTarget } from '../../common/models/site-profile';
import { ask } from './prompt';
import { openStores } from './stores';
import { hostForUrl, parseLocation, sitePath, type CliLocation } from './url';
import { cliConnectivity, type ConnectivityFlags, type ConnectivityIo } from './connectivity';
import type { ClientCertificate } from '../ftps/client-certificate';
import type { ProxyEndpoint } from '../ftps/proxy';
import { controlCharset } from '../ftps/charset';
import { WharfError } from '../ftps/errors';
import type { CertificateQuestion, SessionOptions, TrustDecision, TrustStoreLike } from '../ftps/session';

/** Everything a command touches outside itself. `processCliIo()` is the real one. */
export interface CliIo {
  /** A line (or lines) for stdout: results, reports, JSON. */
  readonly out: (text: string) => void;
  /** A line for stderr: progress, warnings, questions' context. */
  readonly err: (text: string) => void;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Whether a person can answer questions (stdin is a terminal). */
  readonly interactive: boolean;
  /** Asks on the terminal; `hidden` for passwords. Only called when `interactive`. */
  readonly ask: (question: string, options?: { hidden?: boolean }) => Promise<string>;
}

/** The process's stdout, stderr, environment and terminal. */
export function processCliIo(): CliIo {
  return {
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
    env: process.env,
    interactive: process.stdin.isTTY === true,
    ask,
  };
}

/** Connection flags both commands take. */
export interface ConnectionFlags {
  readonly ca: string | undefined;
  readonly fingerprint: string | undefined;
  readonly insecure: boolean;
  readonly allowPlain: boolean;
  /** `--allow-clear-data`: go on when the server refuses PROT P. */
  readonly allowClearData: boolean;
  readonly active: boolean;
  /** Seconds. */
  readonly timeout: number;
  /** --cert, --key, --proxy */
  readonly connectivity: ConnectivityFlags;
  /** --charset: the control connection's charset for this run (a URL's is UTF-8, a site's its own). */
  readonly charset: string | undefined;
  /** --timezone-offset: minutes the server's LIST times are ahead of UTC, for this run. */
  readonly timezoneOffsetMinutes: number | undefined;
}

/** The `parseArgs` options of the "keep modification times" setting (site add/edit, put, sync). */
export const KEEP_TIMES_OPTIONS = {
  'keep-times': { type: 'boolean', default: false },
  'no-keep-times': { type: 'boolean', default: false },
} as const;

/** "Keep modification times on upload" from `--keep-times` / `--no-keep-times`; undefined when neither is given. */
export function keepTimesFlag(values: { readonly 'keep-times'?: boolean | undefined; readonly 'no-keep-times'?: boolean | undefined }): boolean | undefined {
  const keep = values['keep-times'] === true;
  const noKeep = values['no-keep-times'] === true;
  if (keep && noKeep) throw new WharfError('invalid-input', 'Give --keep-times or --no-keep-times, not both.');
  return keep ? true : noKeep ? false : undefined;
}

/** The `parseArgs` option definitions for ConnectionFlags. */
export const CONNECTION_OPTIONS = {
  ca: { type: 'string' },
  fingerprint: { type: 'string' },
  insecure: { type: 'boolean', default: false },
  'allow-plain': { type: 'boolean', default: false },
  'allow-clear-data': { type: 'boolean', default: false },
  active: { type: 'boolean', default: false },
  timeout: { type: 'string', default: '30' },
  cert: { type: 'string' },
  key: { type: 'string' },
  proxy: { type: 'string' },
  charset: { type: 'string' },
  'timezone-offset': { type: 'string' },
} as const;

/** Reads ConnectionFlags from parsed values. */
export function connectionFlags(values: Record<string, string | boolean | undefined>): ConnectionFlags {
  const timeout = Number(values.timeout ?? '30');
  if (!(timeout > 0)) throw new WharfError('invalid-input', '--timeout takes a number of seconds.');
  return {
    ca: typeof values.ca === 'string' ? values.ca : undefined,
    fingerprint: typeof values.fingerprint === 'string' ? values.fingerprint : undefined,
    insecure: values.insecure === true,
    allowPlain: values['allow-plain'] === true,
    allowClearData: values['allow-clear-data'] === true,
    active: values.active === true,
    timeout,
    connectivity: {
      cert: typeof values.cert === 'string' ? values.cert : undefined,
      key: typeof values.key === 'string' ? values.key : undefined,
      proxy: typeof values.proxy === 'string' ? values.proxy : undefined,
    },
    ...targetOverrides(values),
  };
}

/** Reads and checks --charset and --timezone-offset; an unknown charset or an offset beyond a day is refused. */
export function targetOverrides(values: Record<string, string | boolean | undefined>): Pick<ConnectionFlags, 'charset' | 'timezoneOffsetMinutes'> {
  const charset = typeof values.charset === 'string' ? values.charset : undefined;
  if (charset !== undefined) controlCharset(charset);
  const offsetText = values['timezone-offset'];
  let timezoneOffsetMinutes: number | undefined;
  if (typeof offsetText === 'string') {
    timezoneOffsetMinutes = Number(offsetText);
    if (offsetText.trim() === '' || !Number.isInteger(timezoneOffsetMinutes) || Math.abs(timezoneOffsetMinutes) > MAX_TIMEZONE_OFFSET_MINUTES) {
      throw new WharfError('invalid-input', `--timezone-offset takes whole minutes between -${MAX_TIMEZONE_OFFSET_MINUTES} and ${MAX_TIMEZONE_OFFSET_MINUTES}.`);
    }
  }
  return { charset, timezoneOffsetMinutes };
}

/** A target with this run's --charset and --timezone-offset, where given. */
export function withTargetOverrides(target: ConnectionTarget, flags: Pick<ConnectionFlags, 'charset' | 'timezoneOffsetMinutes'>): ConnectionTarget {
  return {
    ...target,
    ...(flags.charset !== undefined ? { encoding: flags.charset } : {}),
    ...(flags.timezoneOffsetMinutes !== undefined ? { timezoneOffsetMinutes: flags.timezoneOffsetMinutes } : {}),
  };
}

/** A connection resolved from the command line. */
export interface CliConnection {
  readonly target: ConnectionTarget;
  readonly password: string;
  readonly path: string;
  /** Plain FTP allowed (a saved plain site, or --allow-plain). */
  readonly allowPlain: boolean;
  readonly extraCaPem: readonly string[];
  readonly pinnedFingerprint: string | undefined;
  readonly insecure: boolean;
  readonly trustStore: TrustStoreLike | undefined;
  readonly decideTrust: (question: CertificateQuestion) => Promise<TrustDecision>;
  /** A saved site's "upload via a temporary name"; on (the default) for a URL. */
  readonly uploadViaTemporaryName: boolean;
  /** A saved site's "keep modification times" on upload; on (the default) for a URL. */
  readonly keepModifiedTimes: boolean;
  /** The client certificate and proxy (flags, else the site's, else the app-wide proxy). */
  readonly reach: { readonly clientCertificate?: ClientCertificate; readonly proxy: ProxyEndpoint | null };
  /** Timezone offset detection where nobody set an offset (see offsetDetection). */
  readonly offsetDetection: Pick<SessionOptions, 'detectTimezoneOffset' | 'onTimezoneOffsetDetected'>;
}

const siteSaves: Promise<void>[] = [];

/**
 * Session options that detect the server's timezone offset (LIST against MDTM) where neither the site
 * nor --timezone-offset set one, and save a detected offset with a saved site, as the app does.
 */
export function offsetDetection(
  target: ConnectionTarget,
  flags: Pick<ConnectionFlags, 'timezoneOffsetMinutes'>,
  siteId: string | null,
  warn: (text: string) => void,
): Pick<SessionOptions, 'detectTimezoneOffset' | 'onTimezoneOffsetDetected'> {
  if (flags.timezoneOffsetMinutes !== undefined || target.timezoneOffsetMinutes !== 0) return {};
  if (siteId === null) return { detectTimezoneOffset: true };
  let saving = false;
  return {
    detectTimezoneOffset: true,
    onTimezoneOffsetDetected: (minutes) => {
      if (saving) return;
      saving = true;
      siteSaves.push(
        openStores(warn)
          .then(({ sites }) => sites.update(siteId, { timezoneOffsetMinutes: minutes }))
          .then(
            (site) => warn(`saved the timezone offset ${minutes} minutes with the site ${site.name}`),
            (err: unknown) => warn(`the detected timezone offset could not be saved with the site: ${err instanceof Error ? err.message : String(err)}`),
          ),
      );
    },
  };
}

/** Waits for detected settings being saved with sites, before the command ends. */
export async function settleSiteSaves(): Promise<void> {
  await Promise.all(siteSaves);
}

/** Turns `ftpes://user@host/path` or `site:NAME/path` into a connection; asks for the password where needed. */
export async function resolveCliConnection(arg: string, flags: ConnectionFlags, io: CliIo): Promise<CliConnection> {
  const location = parseLocation(arg);
  const extraCaPem = flags.ca ? [await readFile(flags.ca, 'utf8')] : [];
  if (flags.insecure) io.err('wharf: WARNING: --insecure: the server certificate is NOT verified; anyone on the network path can read the password');
  const common = { extraCaPem, pinnedFingerprint: flags.fingerprint, insecure: flags.insecure };
  if (location.kind === 'site') {
    const { sites, pins } = await openStores((text) => io.err(`wharf: ${text}`));
    const site = await sites.find(location.siteName);
    const saved = site.passwordStorage === 'keychain' ? await sites.getPassword(site.id) : null;
    const password = saved ?? io.env.WHARF_PASSWORD ?? (io.interactive ? await io.ask(`Password for ${site.user}@${site.host}: `, { hidden: true }) : null);
    if (password === null) throw new WharfError('invalid-input', `No password for site ${site.name}: save one (wharf site edit), set WHARF_PASSWORD, or run on a terminal.`);
    const siteTarget = toConnectionTarget(site);
    const target = flags.allowClearData ? { ...siteTarget, allowClearData: true } : siteTarget;
    const reach = await cliConnectivity(flags.connectivity, site, site.host, connectivityIo(io), () => openStores((text) => io.err(`wharf: ${text}`)));
    return {
      ...common,
      reach,
      target: withTargetOverrides(flags.active ? { ...target, dataMode: 'active' } : target, flags),
      password,
      path: sitePath(location, site.remoteDir),
      allowPlain: site.protocol === 'plain',
      trustStore: pins,
      decideTrust: (q) => decideOnTerminal(q, io, true),
      uploadViaTemporaryName: site.uploadViaTemporaryName,
      keepModifiedTimes: site.keepModifiedTimes,
      offsetDetection: offsetDetection(target, flags, site.id, (text) => io.err(`wharf: ${text}`)),
    };
  }
  if (location.mode === 'plain' && !flags.allowPlain) {
    throw new WharfError('plain-refused', 'ftp:// is plain FTP: the password and files travel unencrypted. Use ftpes:// (explicit FTPS), or pass --allow-plain if you accept that.');
  }
  let password: string;
  if (location.password !== null) {
    io.err('wharf: warning: a password in the URL is visible to other programs on this computer; prefer WHARF_PASSWORD');
    password = location.password;
  } else if (io.env.WHARF_PASSWORD !== undefined) {
    password = io.env.WHARF_PASSWORD;
  } else if (location.user === 'anonymous') {
    password = 'anonymous@';
  } else if (io.interactive) {
    password = await io.ask(`Password for ${location.user}@${location.host}: `, { hidden: true });
  } else {
    throw new WharfError('invalid-input', 'No password: set WHARF_PASSWORD or run on a terminal to be asked.');
  }
  const reach = await cliConnectivity(flags.connectivity, null, location.host, connectivityIo(io), () => openStores((text) => io.err(`wharf: ${text}`)));
  const target = urlTarget(location, flags);
  return {
    ...common,
    reach,
    target,
    password,
    path: location.path,
    allowPlain: flags.allowPlain,
    trustStore: undefined,
    decideTrust: (q) => decideOnTerminal(q, io, false),
    uploadViaTemporaryName: DEFAULT_UPLOAD_VIA_TEMPORARY_NAME,
    keepModifiedTimes: DEFAULT_KEEP_MODIFIED_TIMES,
    offsetDetection: offsetDetection(target, flags, null, (text) => io.err(`wharf: ${text}`)),
  };
}

function connectivityIo(io: CliIo): ConnectivityIo {
  return { env: io.env, interactive: io.interactive, ask: io.ask, warn: (text) => io.err(`wharf: ${text}`) };
}

/** What a URL connects to: its parts, the data mode, and this run's --charset and --timezone-offset. */
export function urlTarget(
  location: Extract<CliLocation, { kind: 'url' }>,
  flags: Pick<ConnectionFlags, 'active' | 'allowClearData' | 'charset' | 'timezoneOffsetMinutes'>,
): ConnectionTarget {
  return withTargetOverrides({
    host: location.host,
    port: location.port,
    mode: location.mode,
    user: location.user,
    dataMode: flags.active ? 'active' : 'passive',
    minTlsVersion: 'TLSv1.2',
    timezoneOffsetMinutes: 0,
    encoding: 'utf8',
    allowClearData: flags.allowClearData,
  }, flags);
}

/** On a terminal: once, always (saved sites) or reject; elsewhere: reject, saying how to pin the certificate. */
async function decideOnTerminal(question: CertificateQuestion, io: CliIo, canPin: boolean): Promise<TrustDecision> {
  const { certificate, reason, host, port } = question;
  if (!io.interactive) {
    io.err(`wharf: ${reason}`);
    io.err(`wharf: certificate SHA-256 ${certificate.fingerprintSha256}`);
    io.err(`wharf: to trust it, check the fingerprint with the server's administrator, then pass --fingerprint SHA256:${certificate.fingerprintSha256.replace(/:/g, '')}`);
    return 'reject';
  }
  io.err(
    [
      `The certificate of ${hostForUrl(host)}:${port} is not trusted. ${reason}`,
      `  subject: ${certificate.subject}`,
      `  issuer:  ${certificate.issuer}`,
      `  valid:   ${certificate.validFrom} to ${certificate.validTo}`,
      `  SHA-256: ${certificate.fingerprintSha256}`,
      'Nothing has been sent yet.',
    ].join('\n'),
  );
  const answer = (await io.ask(canPin ? 'Trust it [o]nce, [a]lways (pin it for this site), or reject [N]? ' : 'Trust it [o]nce for this run, or reject [N]? ')).trim().toLowerCase();
  if (canPin && (answer === 'a' || answer === 'always')) return 'always';
  return answer === 'o' || answer === 'once' ? 'once' : 'reject';
}

/** Exit codes shared with the rest of the CLI, by error kind. */
export const EXIT_CODE_BY_KIND: Readonly<Partial<Record<string, number>>> = EXIT_CODES;
