import { t } from '../../common/i18n/t';
import { defaultPortFor, type ConnectionTarget, type DataConnectionMode, type FtpsMode, type MinTlsVersion } from '../../common/models/site';
import { DEFAULT_KEEP_MODIFIED_TIMES, DEFAULT_UPLOAD_VIA_TEMPORARY_NAME, toConnectionTarget, type SiteProfile } from '../../common/models/site-profile';
import { WharfError } from '../core/errors';
import type { TrustStoreLike } from '../ftps/session';
import { proxyForSite, siteConnectivity, type ConnectivitySources, type SiteConnectivity } from '../sites/site-connectivity';
import type { SessionConnection } from './session-connection';

/*
 * How to log in to a site, written once for the app's sessions, the queue, the doctor, sync and the CLI:
 * - the password: one typed for this connection, else the keychain's (a site that saves it), else whatever
 *   the caller can ask (the CLI: WHARF_PASSWORD, then the terminal), else the anonymous password for an
 *   anonymous user, else a `password-required` error (the app then asks and connects again);
 * - plain FTP: allowed only for a saved site whose protocol is plain FTP, or a quick connection / URL whose
 *   user said so; `onPlainFtp` gets the warning for either;
 * - "upload via a temporary name": the site's setting, on (the default) for a quick connection / URL.
 */

/** The line a plain-FTP connection is announced with, in the user's language. */
export function plainFtpWarning(): string {
  return t('cli.connection.plainInUse');
}

/** What a password comes from besides the keychain; every part is optional. */
export interface PasswordSources {
  /** Typed for this connection (the app's prompt, a URL's user info, WHARF_PASSWORD for a URL). */
  readonly typed?: string | null;
  /** Asked once neither a typed nor a saved password is there; null when nobody can answer. */
  readonly ask?: () => Promise<string | null>;
  /** The error for a password nobody gave; default: "Enter the password for NAME: it is not saved." */
  readonly missing?: () => WharfError;
}

/** True for a login that needs no password of the user's: no user name, or `anonymous`. */
export function isAnonymousUser(user: string): boolean {
  return user === '' || user.toLowerCase() === 'anonymous';
}

async function passwordFrom(
  saved: () => Promise<string | null>,
  anonymous: string | null,
  sources: PasswordSources,
  missing: () => WharfError,
): Promise<string> {
  const password = sources.typed ?? (await saved()) ?? anonymous ?? (sources.ask ? await sources.ask() : null);
  if (password === null) throw (sources.missing ?? missing)();
  return password;
}

/** What a saved site's connection needs around the site itself. */
export interface SiteConnectionSources extends PasswordSources {
  readonly getPassword: (siteId: string) => Promise<string | null>;
  readonly trustStore?: TrustStoreLike;
  /** The client certificate and proxy as the caller resolves them (after the password); else from `connectivity`; else direct. */
  readonly reach?: () => Promise<SiteConnectivity>;
  readonly connectivity?: ConnectivitySources;
  /** A client key's passphrase typed for this connection. */
  readonly clientKeyPassphrase?: string;
  readonly onPlainFtp?: (warning: string) => void;
}

/** A saved site as the engine connects to it: its target, its password (see the rule above) and its settings. */
export async function connectionForSite(site: SiteProfile, sources: SiteConnectionSources): Promise<SessionConnection> {
  const password = await passwordFrom(
    async () => (site.passwordStorage === 'keychain' ? sources.getPassword(site.id) : null),
    isAnonymousUser(site.user) ? '' : null,
    sources,
    () => new WharfError('invalid-input', t('transfers.enterSitePassword', { site: site.name }), { detail: { reason: 'password-required', siteId: site.id } }),
  );
  const reach = sources.reach ? await sources.reach() : (sources.connectivity ? await siteConnectivity(site, sources.connectivity, sources.clientKeyPassphrase) : { proxy: null });
  const target = toConnectionTarget(site);
  if (target.mode === 'plain') sources.onPlainFtp?.(plainFtpWarning());
  return {
    siteKey: site.id,
    label: site.name,
    maxConnections: site.maxConnections,
    uploadViaTemporaryName: site.uploadViaTemporaryName,
    keepModifiedTimes: site.keepModifiedTimes,
    segments: site.segments,
    options: { target, password, allowPlain: site.protocol === 'plain', ...trustOption(sources.trustStore), ...reach },
  };
}

/** A quick connection or a URL: the fields typed, each with the default a FileZilla user expects. */
export interface UrlConnectionFields {
  readonly host: string;
  readonly port?: number | null;
  readonly mode?: FtpsMode;
  readonly user: string;
  readonly dataMode?: DataConnectionMode;
  readonly minTlsVersion?: MinTlsVersion;
  /** Present only where the caller lets the user choose (left out of the target otherwise). */
  readonly allowClearData?: boolean;
  /** The user chose plain FTP knowingly (the quick-connect checkbox, --allow-plain). */
  readonly allowPlain?: boolean;
}

export interface UrlConnectionSources extends PasswordSources {
  readonly siteKey: string;
  readonly trustStore?: TrustStoreLike;
  /** As for a site; without it, a quick connection follows the app-wide proxy setting from `connectivity`. */
  readonly reach?: () => Promise<SiteConnectivity>;
  readonly connectivity?: ConnectivitySources;
  /** The password of an anonymous user nobody typed; default 'anonymous@' (as FileZilla sends). */
  readonly anonymousPassword?: string;
  readonly onPlainFtp?: (warning: string) => void;
}

/** A quick connection or a URL as the engine connects to it: no keychain, the upload default on. */
export async function connectionForUrl(fields: UrlConnectionFields, sources: UrlConnectionSources): Promise<SessionConnection> {
  const mode = fields.mode ?? 'explicit';
  const password = await passwordFrom(
    async () => null,
    isAnonymousUser(fields.user) ? (sources.anonymousPassword ?? 'anonymous@') : null,
    sources,
    () => new WharfError('invalid-input', t('transfers.enterPassword', { user: fields.user, host: fields.host }), { detail: { reason: 'password-required' } }),
  );
  const target: ConnectionTarget = {
    host: fields.host,
    port: fields.port ?? defaultPortFor(mode),
    mode,
    user: fields.user,
    dataMode: fields.dataMode ?? 'passive',
    minTlsVersion: fields.minTlsVersion ?? 'TLSv1.2',
    timezoneOffsetMinutes: 0,
    encoding: 'utf8',
    ...(fields.allowClearData !== undefined ? { allowClearData: fields.allowClearData } : {}),
  };
  const reach = sources.reach ? await sources.reach() : { proxy: sources.connectivity ? await proxyForSite({ id: '', host: fields.host, proxyMode: 'app', proxyUrl: '' }, sources.connectivity) : null };
  if (mode === 'plain') sources.onPlainFtp?.(plainFtpWarning());
  return {
    siteKey: sources.siteKey,
    label: `${fields.user || 'anonymous'}@${fields.host}`,
    maxConnections: null,
    uploadViaTemporaryName: DEFAULT_UPLOAD_VIA_TEMPORARY_NAME,
    keepModifiedTimes: DEFAULT_KEEP_MODIFIED_TIMES,
    options: { target, password, allowPlain: fields.allowPlain === true, ...trustOption(sources.trustStore), ...reach },
  };
}

function trustOption(trustStore: TrustStoreLike | undefined): { trustStore?: TrustStoreLike } {
  return trustStore ? { trustStore } : {};
}
