/*
 * A command-line connection: turning a URL or `site:NAME` and the flags (connection-flags.ts) into what
 * the engine and the doctor accept, by main/connections' rule (the password from the keychain,
 * WHARF_PASSWORD or a prompt; plain FTP only for a plain site or with --allow-plain).
 */
import { readFile } from 'node:fs/promises';
import type { ConnectionTarget } from '../../common/models/site';
import { DEFAULT_KEEP_MODIFIED_TIMES } from '../../common/models/site-profile';
import type { CliStores } from './stores';
import { parseLocation, sitePath, type CliLocation } from './url';
import { cliConnectivity, type ConnectivityIo } from './connectivity';
import { withTargetOverrides, type ConnectionFlags } from './connection-flags';
import type { ClientCertificate } from '../ftps/client-certificate';
import type { ProxyEndpoint } from '../ftps/proxy';
import { t } from '../../common/i18n/t';
import { WharfError } from '../core/errors';
import type { CertificateQuestion, SessionOptions, TrustDecision, TrustStoreLike } from '../ftps/session';
import { connectionForSite, connectionForUrl } from '../connections/connection-rule';
import { warnOn, type CliIo } from './io';
import { decideTrustOnTerminal } from './terminal';

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
  /** Up to how many ranges a big download is fetched in: the saved site's setting; a URL has no such setting (1). */
  readonly segments: number;
  /** The client certificate and proxy (flags, else the site's, else the app-wide proxy). */
  readonly reach: { readonly clientCertificate?: ClientCertificate; readonly proxy: ProxyEndpoint | null };
  /** Timezone offset detection where nobody set an offset (see offsetDetection). */
  readonly offsetDetection: Pick<SessionOptions, 'detectTimezoneOffset' | 'onTimezoneOffsetDetected'>;
}

const siteSaves: Promise<void>[] = [];

/** The saved sites and pins, loaded (with their schema library and the keychain code) only by what uses them: a URL does not. */
async function openStores(warn: (text: string) => void): Promise<CliStores> {
  return (await import('./stores')).openStores(warn);
}

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
            (site) => warn(t('cli.connection.offsetSaved', { minutes: String(minutes), site: site.name })),
            (err: unknown) => warn(t('cli.connection.offsetNotSaved', { reason: err instanceof Error ? err.message : String(err) })),
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
export async function resolveCliConnection(arg: string | CliLocation, flags: ConnectionFlags, io: CliIo): Promise<CliConnection> {
  const location = typeof arg === 'string' ? parseLocation(arg) : arg;
  const warn = warnOn(io);
  if (location.kind === 'url' && location.mode === 'plain' && !flags.allowPlain) {
    throw new WharfError('plain-refused', t('cli.connection.plainRefused'));
  }
  const extraCaPem = flags.ca ? [await readFile(flags.ca, 'utf8')] : [];
  if (flags.insecure) warn(t('cli.connection.insecure'));
  const common = { extraCaPem, pinnedFingerprint: flags.fingerprint, insecure: flags.insecure };
  const stores = () => openStores(warn);
  const askPassword = async (user: string, host: string) => io.env.WHARF_PASSWORD ?? (io.interactive ? await io.ask(t('cli.connection.passwordPrompt', { user, host }), { hidden: true }) : null);
  if (location.kind === 'site') {
    const { sites, pins } = await stores();
    const site = await sites.find(location.siteName);
    const { options, uploadViaTemporaryName, keepModifiedTimes } = await connectionForSite(site, {
      onPlainFtp: warn,
      getPassword: (id) => sites.getPassword(id),
      ask: () => askPassword(site.user, site.host),
      missing: () => new WharfError('invalid-input', t('cli.connection.noSitePassword', { site: site.name })),
      reach: () => cliConnectivity(flags.connectivity, site, site.host, connectivityIo(io), stores),
    });
    const target = flags.allowClearData ? { ...options.target, allowClearData: true } : options.target;
    return {
      ...common,
      reach: reachOf(options),
      target: withTargetOverrides(flags.active ? { ...target, dataMode: 'active' } : target, flags),
      password: options.password,
      path: sitePath(location, site.remoteDir),
      allowPlain: options.allowPlain === true,
      trustStore: pins,
      decideTrust: (q) => decideTrustOnTerminal(q, io, true),
      uploadViaTemporaryName,
      keepModifiedTimes: keepModifiedTimes ?? DEFAULT_KEEP_MODIFIED_TIMES,
      segments: site.segments,
      offsetDetection: offsetDetection(target, flags, site.id, warn),
    };
  }
  if (location.password !== null) warn(t('cli.connection.passwordInUrl'));
  const { options, uploadViaTemporaryName, keepModifiedTimes } = await connectionForUrl(
    { ...location, dataMode: flags.active ? 'active' : 'passive', allowClearData: flags.allowClearData, allowPlain: flags.allowPlain },
    {
      siteKey: 'cli',
      onPlainFtp: warn,
      typed: location.password ?? io.env.WHARF_PASSWORD ?? null,
      ask: async () => (io.interactive ? io.ask(t('cli.connection.passwordPrompt', { user: location.user, host: location.host }), { hidden: true }) : null),
      missing: () => new WharfError('invalid-input', t('cli.connection.noPassword')),
      reach: () => cliConnectivity(flags.connectivity, null, location.host, connectivityIo(io), stores),
    },
  );
  const target = withTargetOverrides(options.target, flags);
  return {
    ...common,
    reach: reachOf(options),
    target,
    password: options.password,
    path: location.path,
    allowPlain: options.allowPlain === true,
    trustStore: undefined,
    decideTrust: (q) => decideTrustOnTerminal(q, io, false),
    uploadViaTemporaryName,
    keepModifiedTimes: keepModifiedTimes ?? DEFAULT_KEEP_MODIFIED_TIMES,
    segments: 1,
    offsetDetection: offsetDetection(target, flags, null, warn),
  };
}

function reachOf(options: SessionOptions): CliConnection['reach'] {
  return { proxy: options.proxy ?? null, ...(options.clientCertificate ? { clientCertificate: options.clientCertificate } : {}) };
}

function connectivityIo(io: CliIo): ConnectivityIo {
  return { env: io.env, interactive: io.interactive, ask: io.ask, warn: warnOn(io) };
}
