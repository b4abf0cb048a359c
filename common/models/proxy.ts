/**
 * Proxies for corporate networks that allow outbound traffic only through one: SOCKS5 (RFC 1928, with the
 * user/password method of RFC 1929) and HTTP CONNECT. Plain data and string parsing only, so the site
 * manager checks a typed proxy address with the same rules as main and the CLI.
 */

import { t } from '../i18n/t';
import { hasControlCharacters } from './site-profile';

/** The proxy protocols Wharf speaks. */
export type ProxyKind = 'socks5' | 'http';

/**
 * How a connection reaches the server. `none`: directly; `system`: the proxy named by the environment
 * (ALL_PROXY, then HTTPS_PROXY, with NO_PROXY), as curl and most command-line tools read it; `custom`: the
 * proxy given in `proxyUrl`. A site may also say `app`: whatever the app-wide setting says.
 */
export type ProxyMode = 'none' | 'system' | 'custom';

/** A site's proxy choice: one of ProxyMode, or `app` to follow the app-wide setting (the default). */
export type SiteProxyMode = 'app' | ProxyMode;

/** Every site proxy choice, in the order the site manager offers them. */
export const SITE_PROXY_MODES: readonly SiteProxyMode[] = ['app', 'none', 'system', 'custom'];

/** The app-wide proxy setting (Settings, and the default for every site). */
export interface ProxySettings {
  readonly mode: ProxyMode;
  /** `socks5://[user@]host:port` or `http://[user@]host:port`; '' unless mode is `custom`. */
  readonly proxyUrl: string;
  /** Whether the keychain holds a password for the app-wide proxy's user. */
  readonly hasPassword: boolean;
}

/** `detail.reason` of the error a damaged proxy settings file gives: no connection is made until it is saved again or deleted. */
export const PROXY_SETTINGS_DAMAGED = 'proxy-settings-damaged';

/** The app-wide setting nobody has changed: the environment's proxy, if it names one. */
export const DEFAULT_PROXY_SETTING: Omit<ProxySettings, 'hasPassword'> = { mode: 'system', proxyUrl: '' };

/** What the settings dialog or the CLI sends: `password` a string saves it in the keychain, null forgets it, absent keeps it. */
export interface ProxySettingsInput {
  readonly mode: ProxyMode;
  readonly proxyUrl: string;
  readonly password?: string | null;
}

/** A proxy address taken apart. The password never lives here when it comes from a saved setting. */
export interface ProxyAddress {
  readonly kind: ProxyKind;
  readonly host: string;
  readonly port: number;
  /** '' when the proxy needs no login. */
  readonly user: string;
  /** Only from an environment variable or a CLI URL; saved proxies keep theirs in the keychain. */
  readonly password: string | null;
}

/** Default ports when a proxy URL names none: 1080 for SOCKS (its registered port), 8080 for HTTP (the usual proxy port). */
const DEFAULT_PORTS: Record<ProxyKind, number> = { socks5: 1080, http: 8080 };

/**
 * Reads `socks5://[user[:password]@]host[:port]` or `http://...`; `socks5h://` and `socks://` mean SOCKS5
 * too (the name is resolved by the proxy either way). Returns a sentence for the user when it is not one.
 */
export function parseProxyUrl(text: string): ProxyAddress | { readonly error: string } {
  const value = text.trim();
  const match = /^([a-z0-9]+):\/\/(?:([^@/]*)@)?(\[[^\]/]+\]|[^:/@[\]]+)(?::(\d{1,5}))?\/?$/i.exec(value);
  if (!match) return { error: t('connectionTexts.proxyAddressUnreadable', { value }) };
  const scheme = (match[1] as string).toLowerCase();
  const kind: ProxyKind | null = scheme === 'socks5' || scheme === 'socks5h' || scheme === 'socks' ? 'socks5' : scheme === 'http' ? 'http' : null;
  if (kind === null) {
    return { error: t('connectionTexts.proxySchemeUnsupported', { scheme, https: scheme === 'https' ? 'yes' : 'no' }) };
  }
  const host = (match[3] as string).replace(/^\[|\]$/g, '');
  const port = match[4] === undefined ? DEFAULT_PORTS[kind] : Number(match[4]);
  if (!Number.isInteger(port) || port < 1 || port > 65535) return { error: t('connectionTexts.proxyPortOutOfRange', { port: match[4] }) };
  let user = '';
  let password: string | null = null;
  if (match[2] !== undefined) {
    const colon = match[2].indexOf(':');
    try {
      user = decodeURIComponent(colon === -1 ? match[2] : match[2].slice(0, colon));
      password = colon === -1 ? null : decodeURIComponent(match[2].slice(colon + 1));
    } catch {
      return { error: t('connectionTexts.proxyBrokenEscape') };
    }
  }
  if (hasControlCharacters(user + (password ?? '') + host)) return { error: t('connectionTexts.proxyControlCharacters') };
  if (user.length > 255 || (password ?? '').length > 255) return { error: t('connectionTexts.proxyCredentialsTooLong') };
  return { kind, host, port, user, password };
}

/** The proxy as people write it, without any password: `socks5://user@host:1080`. */
export function formatProxyAddress(proxy: Pick<ProxyAddress, 'kind' | 'host' | 'port' | 'user'>): string {
  const host = proxy.host.includes(':') ? `[${proxy.host}]` : proxy.host;
  return `${proxy.kind}://${proxy.user ? `${encodeURIComponent(proxy.user)}@` : ''}${host}:${proxy.port}`;
}

/** How the security report and the CLI describe the way a connection went out. */
export interface ProxyUse {
  /** `socks5://user@host:1080`, or `direct`. */
  readonly via: string;
  /** Where the proxy choice came from: the site, the app setting, the environment (which variable), the CLI. */
  readonly source: string;
}
