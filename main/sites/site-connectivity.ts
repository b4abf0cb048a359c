import type { ProxySettings } from '../../common/models/proxy';
import type { SiteProfile } from '../../common/models/site-profile';
import { loadClientCertificate, type ClientCertificate } from '../ftps/client-certificate';
import { resolveProxy, type ProxyEndpoint } from '../ftps/proxy';

/** Where a site's connectivity secrets and the app-wide proxy come from (the site store and the proxy settings). */
export interface ConnectivitySources {
  getClientKeyPassphrase(siteId: string): Promise<string | null>;
  getProxyPassword(siteId: string): Promise<string | null>;
  /** The app-wide proxy; null where there is none to read (then `app` means `system`). Its password is read only for a custom proxy. */
  readonly appProxy: { read(): Promise<Omit<ProxySettings, 'hasPassword'>>; getPassword(): Promise<string | null> } | null;
  /** default process.env */
  readonly env?: NodeJS.ProcessEnv;
}

/** What a saved site adds to SessionOptions: its client certificate and its proxy. */
export interface SiteConnectivity {
  readonly clientCertificate?: ClientCertificate;
  readonly proxy: ProxyEndpoint | null;
}

/**
 * How a saved site goes out: the client certificate read and checked (its passphrase as typed on connect,
 * else from the keychain), and the proxy from the site's choice, the app-wide setting or the environment.
 * One place, so the app, the CLI, the doctor and sync cannot drift apart. A key that needs a passphrase
 * nobody gave throws with `detail.reason` 'client-certificate-passphrase-required', for the app to ask.
 */
export async function siteConnectivity(site: SiteProfile, sources: ConnectivitySources, typedPassphrase?: string): Promise<SiteConnectivity> {
  const proxy = await proxyForSite(site, sources);
  const certPath = site.clientCertPath ?? '';
  if (certPath === '') return { proxy };
  const passphrase = typedPassphrase ?? (await sources.getClientKeyPassphrase(site.id));
  const clientCertificate = await loadClientCertificate({ certPath, keyPath: site.clientKeyPath ?? '' }, passphrase);
  return { clientCertificate, proxy };
}

/** The proxy for a site (or a quick connection: `proxyMode` 'app'), from its choice, the app-wide setting or the environment. */
export async function proxyForSite(site: Pick<SiteProfile, 'id' | 'host' | 'proxyMode' | 'proxyUrl'>, sources: ConnectivitySources): Promise<ProxyEndpoint | null> {
  const env = sources.env ?? process.env;
  const mode = site.proxyMode ?? 'app';
  // Read whatever the site chooses: while the app-wide setting's file is damaged (or unreadable) no connection is
  // made at all, and its error says how to mend it.
  const app = sources.appProxy ? await sources.appProxy.read() : { mode: 'system' as const, proxyUrl: '' };
  if (mode === 'custom') return resolveProxy({ mode, proxyUrl: site.proxyUrl ?? '', source: 'site' }, site.host, await sources.getProxyPassword(site.id), env);
  if (mode !== 'app') return resolveProxy({ mode, proxyUrl: '', source: 'site' }, site.host, null, env);
  const password = app.mode === 'custom' && sources.appProxy ? await sources.appProxy.getPassword() : null;
  return resolveProxy({ mode: app.mode, proxyUrl: app.proxyUrl, source: 'app setting' }, site.host, password, env);
}
