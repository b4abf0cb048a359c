import { statSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_PROXY_SETTING } from '../../common/models/proxy';
import type { SiteProfile } from '../../common/models/site-profile';
import { loadClientCertificate, needsClientKeyPassphrase, type ClientCertificate } from '../ftps/client-certificate';
import { t } from '../../common/i18n/t';
import { WharfError } from '../core/errors';
import { resolveProxy, type ProxyEndpoint } from '../ftps/proxy';
import type { ProxySettingsStore } from '../sites/proxy-settings';
import { proxyForSite, type ConnectivitySources } from '../sites/site-connectivity';
import { defaultDataDir, PROXY_SETTINGS_FILE_NAME } from '../sites/data-dir';
import type { CliStores } from './stores';

/** The command line's client-certificate and proxy flags. */
export interface ConnectivityFlags {
  /** --cert FILE: a PEM certificate or a PKCS#12 file; overrides a saved site's. */
  readonly cert: string | undefined;
  /** --key FILE: the PEM key of --cert, when it is a separate file. */
  readonly key: string | undefined;
  /** --proxy socks5://host:port | http://host:port | none | system; overrides the site's and the app's. */
  readonly proxy: string | undefined;
}

/** What the terminal offers: the environment, and a hidden prompt where there is a terminal. */
export interface ConnectivityIo {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly interactive: boolean;
  readonly ask: (question: string, options?: { hidden?: boolean }) => Promise<string>;
  readonly warn: (text: string) => void;
}

/**
 * The app-wide proxy setting. Its store, and the schema library and keychain code under it, load only where
 * the setting was saved: without its file the setting is the store's default (`system`), and a `get` of a
 * URL loads no store code at all (test/packaging/cli-chunks.test.ts).
 */
function appProxySetting(): NonNullable<ConnectivitySources['appProxy']> {
  const dataDir = defaultDataDir();
  let store: Promise<ProxySettingsStore> | null = null;
  // A damaged file is an error naming it (the store's), left as it is: the command connects nowhere.
  const open = (): Promise<ProxySettingsStore> =>
    (store ??= Promise.all([import('../sites/proxy-settings'), import('./stores')]).then(([{ ProxySettingsStore }, { cliCredentials }]) => new ProxySettingsStore({ dataDir, credentials: cliCredentials() })));
  // Only a missing file is the default; any other failure to read it is the store's to report. A stat at once,
  // not through the thread pool: it comes before the first connection.
  const saved = (): boolean => {
    try {
      return statSync(join(dataDir, PROXY_SETTINGS_FILE_NAME), { throwIfNoEntry: false }) !== undefined;
    } catch {
      return true;
    }
  };
  return {
    read: async () => (saved() ? (await open()).read() : DEFAULT_PROXY_SETTING),
    getPassword: async () => (await open()).getPassword(),
  };
}

/**
 * The client certificate and proxy of one command-line connection: the flags first, then the saved site's
 * settings, then (for a URL) the app-wide proxy setting. A key that needs a passphrase takes it from
 * WHARF_CERT_PASSPHRASE, the keychain, or a hidden prompt, in that order.
 */
export async function cliConnectivity(
  flags: ConnectivityFlags,
  site: SiteProfile | null,
  host: string,
  io: ConnectivityIo,
  stores: () => Promise<CliStores>,
): Promise<{ clientCertificate?: ClientCertificate; proxy: ProxyEndpoint | null }> {
  if (flags.key !== undefined && flags.cert === undefined) throw new WharfError('invalid-input', t('cli.connectivity.keyNeedsCert'));
  const env = io.env as NodeJS.ProcessEnv;
  // The sites file is opened only for a saved site's secrets: a URL reads the app-wide proxy setting and nothing else.
  const sources = (): ConnectivitySources => ({
    getClientKeyPassphrase: async (id) => (await stores()).sites.getClientKeyPassphrase(id),
    getProxyPassword: async (id) => (await stores()).sites.getProxyPassword(id),
    appProxy: appProxySetting(),
    env,
  });

  let proxy: ProxyEndpoint | null;
  if (flags.proxy !== undefined) {
    // As for a site with a proxy of its own: no connection while the app-wide setting's file is damaged.
    await sources().appProxy?.read();
    const value = flags.proxy.trim();
    const mode = value === 'none' ? 'none' : value === 'system' ? 'system' : 'custom';
    proxy = resolveProxy({ mode, proxyUrl: value, source: '--proxy' }, host, io.env.WHARF_PROXY_PASSWORD ?? null, env);
    if (mode === 'custom' && /:[^@/]*@/.test(value.replace(/^[a-z0-9]+:\/\//i, ''))) io.warn(t('cli.connectivity.passwordInProxy'));
  } else {
    proxy = await proxyForSite(site ?? { id: '', host, proxyMode: 'app', proxyUrl: '' }, sources());
  }

  const certPath = flags.cert ?? site?.clientCertPath ?? '';
  if (certPath === '') return { proxy };
  const files = { certPath, keyPath: flags.cert !== undefined ? (flags.key ?? '') : (site?.clientKeyPath ?? '') };
  let passphrase = io.env.WHARF_CERT_PASSPHRASE ?? null;
  if (passphrase === null && site && flags.cert === undefined) passphrase = await sources().getClientKeyPassphrase(site.id);
  try {
    return { clientCertificate: await loadClientCertificate(files, passphrase), proxy };
  } catch (err) {
    if (!(err instanceof WharfError) || !needsClientKeyPassphrase(err.detail) || !io.interactive || io.env.WHARF_CERT_PASSPHRASE !== undefined) {
      if (err instanceof WharfError && needsClientKeyPassphrase(err.detail) && !io.interactive) {
        throw new WharfError(err.kind, t('cli.connectivity.passphraseNeeded', { reason: err.message }), { detail: { ...err.detail } });
      }
      throw err;
    }
    const typed = await io.ask(t('cli.connectivity.passphrasePrompt', { cert: certPath }), { hidden: true });
    return { clientCertificate: await loadClientCertificate(files, typed), proxy };
  }
}
