import type { SiteProxyMode } from '../../../common/models/proxy';
import type { SiteProfile } from '../../../common/models';
import { WharfError } from '../../core/errors';
import { openStores } from '../stores';
import { hostForUrl, parseLocation } from '../url';

/** What `wharf site add|edit` take besides the site name. */
export interface SiteFlags {
  readonly url: string | undefined;
  readonly rename: string | undefined;
  readonly folder: string | undefined;
  readonly askPassword: boolean;
  readonly active: boolean;
  readonly passive: boolean;
  readonly maxConnections: string | undefined;
  readonly timezoneOffset: string | undefined;
  readonly encoding: string | undefined;
  readonly comments: string | undefined;
  /** `--upload-in-place`: uploads write the final name (servers that refuse renames). */
  readonly uploadInPlace: boolean;
  /** `--upload-via-temporary-name`: uploads go to NAME.wharf-part, renamed once verified (the default). */
  readonly uploadViaTemporaryName: boolean;
  /** `--allow-clear-data`: the site goes on when the server refuses PROT P (data unencrypted). */
  readonly allowClearData: boolean;
  /** `--require-data-protection`: the site refuses a server that refuses PROT P (the default). */
  readonly requireDataProtection: boolean;
  /** `--keep-times` / `--no-keep-times`: the site's "keep modification times" on upload; undefined when neither. */
  readonly keepTimes: boolean | undefined;
  /** `--segments N` / `--no-segments` (0): the site's segmented downloads; undefined when neither. */
  readonly segments: number | undefined;
  /** `--keep-password`: `edit` keeps the saved password though host, port, user or protocol change. */
  readonly keepPassword: boolean;
}

/** A site's proxy choice as `wharf site show` words it. */
const PROXY_WORDS: Readonly<Record<SiteProxyMode, string>> = {
  app: 'as the app setting says',
  none: 'none (direct)',
  system: 'the system proxy (ALL_PROXY / HTTPS_PROXY)',
  custom: 'through',
};

function describeSite(site: SiteProfile): string {
  const protocol = site.protocol === 'explicit' ? 'ftpes' : site.protocol === 'implicit' ? 'ftps' : 'ftp';
  const password = site.passwordStorage === 'ask' ? 'asked on connect' : site.hasPassword ? 'in the keychain' : 'none saved';
  return [
    `Name:             ${[...site.folderPath, site.name].join('/')}`,
    `URL:              ${protocol}://${encodeURIComponent(site.user)}@${hostForUrl(site.host)}:${site.port}${site.remoteDir || '/'}`,
    `Protocol:         ${site.protocol === 'explicit' ? 'FTPS, explicit (AUTH TLS)' : site.protocol === 'implicit' ? 'FTPS, implicit (legacy)' : 'FTP, NOT encrypted'}`,
    `Password:         ${password}`,
    `Data connections: ${site.dataMode}`,
    `Max connections:  ${site.maxConnections}`,
    `Timezone offset:  ${site.timezoneOffsetMinutes} min`,
    `Charset:          ${site.encoding}`,
    `Minimum TLS:      ${site.minTlsVersion}`,
    `Uploads:          ${site.uploadViaTemporaryName ? 'via a temporary name (NAME.wharf-part), renamed once verified' : 'in place (straight to the final name)'}`,
    `Upload times:     ${site.keepModifiedTimes ? 'kept (the local modification time, by MFMT or SITE UTIME)' : 'not kept (the server sets its own)'}`,
    `Big downloads:    ${site.segments > 1 ? `in up to ${site.segments} ranges at once, on free connections (REST)` : 'one stream per file (segments off)'}`,
    `File data:        ${site.allowClearData ? 'unencrypted allowed when the server refuses PROT P' : 'encrypted (PROT P) required'}`,
    `Client cert:      ${site.clientCertPath ? `${site.clientCertPath}${site.clientKeyPath ? ` (key ${site.clientKeyPath})` : ''}` : 'none'}`,
    `Proxy:            ${PROXY_WORDS[site.proxyMode ?? 'app']}${site.proxyMode === 'custom' ? ` ${site.proxyUrl ?? ''}` : ''}`,
    ...(site.comments ? [`Comments:         ${site.comments}`] : []),
  ].join('\n');
}

function integerFlag(value: string | undefined, what: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n)) throw new WharfError('invalid-input', `${what} takes a whole number.`);
  return n;
}

/** The site's "allow unencrypted file data" from its two flags; undefined when neither is given. */
function clearDataFlag(flags: SiteFlags): boolean | undefined {
  if (flags.allowClearData && flags.requireDataProtection) {
    throw new WharfError('invalid-input', 'Give --allow-clear-data or --require-data-protection, not both.');
  }
  if (flags.allowClearData) return true;
  return flags.requireDataProtection ? false : undefined;
}

/** The site's "upload via a temporary name" from its two flags; undefined when neither is given. */
function uploadSettingFlag(flags: SiteFlags): boolean | undefined {
  if (flags.uploadInPlace && flags.uploadViaTemporaryName) {
    throw new WharfError('invalid-input', 'Give --upload-in-place or --upload-via-temporary-name, not both.');
  }
  if (flags.uploadInPlace) return false;
  return flags.uploadViaTemporaryName ? true : undefined;
}

/**
 * `wharf site ls|show|add|edit|rm` over the same store the app uses. Passwords for `add` and `edit` come
 * from WHARF_PASSWORD or the given prompt and go straight to the keychain.
 */
export async function runSiteCommand(
  args: readonly string[],
  flags: SiteFlags,
  io: { out: (text: string) => void; warn: (text: string) => void; askPassword: (question: string) => Promise<string | null> },
): Promise<void> {
  const [action = 'ls', name] = args;
  const { sites, pins } = await openStores(io.warn);
  const needName = () => {
    if (!name) throw new WharfError('invalid-input', `wharf site ${action} takes a site name.`);
    return name;
  };
  switch (action) {
    case 'ls': {
      const tree = await sites.list();
      for (const site of tree.sites) {
        const protocol = site.protocol === 'explicit' ? 'ftpes' : site.protocol === 'implicit' ? 'ftps' : 'ftp';
        io.out(`${[...site.folderPath, site.name].join('/')}\t${protocol}://${site.user}@${hostForUrl(site.host)}:${site.port}\t${site.passwordStorage === 'ask' ? 'ask' : site.hasPassword ? 'keychain' : 'no password'}`);
      }
      return;
    }
    case 'show':
      io.out(describeSite(await sites.find(needName())));
      return;
    case 'add': {
      if (!flags.url) throw new WharfError('invalid-input', 'wharf site add NAME --url ftpes://user@host[:port][/folder]');
      const location = parseLocation(flags.url);
      if (location.kind !== 'url') throw new WharfError('invalid-input', '--url takes an ftpes://, ftps:// or ftp:// URL.');
      if (location.password !== null) throw new WharfError('invalid-input', 'Put no password in the URL: it would end up in your shell history. Use WHARF_PASSWORD or the prompt.');
      // Checked before the password prompt: a usage error should not cost the user their typing.
      const uploadViaTemporaryName = uploadSettingFlag(flags);
      const allowClearData = clearDataFlag(flags);
      const password = flags.askPassword ? null : (process.env.WHARF_PASSWORD ?? (await io.askPassword(`Password for ${location.user}@${location.host} (saved in the keychain; empty for none): `)));
      const site = await sites.create({
        name: needName(),
        ...(flags.folder ? { folderPath: flags.folder.split('/').filter((p) => p.length > 0) } : {}),
        protocol: location.mode,
        host: location.host,
        port: location.port,
        user: location.user,
        remoteDir: location.path === '/' ? '' : location.path,
        passwordStorage: flags.askPassword ? 'ask' : 'keychain',
        ...(password ? { password } : {}),
        dataMode: flags.active ? 'active' : 'passive',
        ...(flags.maxConnections ? { maxConnections: integerFlag(flags.maxConnections, '--max-connections') } : {}),
        ...(flags.timezoneOffset ? { timezoneOffsetMinutes: integerFlag(flags.timezoneOffset, '--timezone-offset') } : {}),
        ...(flags.encoding ? { encoding: flags.encoding } : {}),
        ...(uploadViaTemporaryName !== undefined ? { uploadViaTemporaryName } : {}),
        ...(flags.keepTimes !== undefined ? { keepModifiedTimes: flags.keepTimes } : {}),
        ...(flags.segments !== undefined ? { segments: flags.segments } : {}),
        ...(allowClearData !== undefined ? { allowClearData } : {}),
        ...(flags.comments ? { comments: flags.comments } : {}),
      });
      if (site.protocol === 'plain') io.warn('warning: this site uses plain FTP: the password and files travel unencrypted');
      io.out(describeSite(site));
      return;
    }
    case 'edit': {
      const site = await sites.find(needName());
      const location = flags.url ? parseLocation(flags.url) : null;
      if (location && location.kind !== 'url') throw new WharfError('invalid-input', '--url takes an ftpes://, ftps:// or ftp:// URL.');
      if (location && location.password !== null) throw new WharfError('invalid-input', 'Put no password in the URL; use WHARF_PASSWORD.');
      const newPassword = process.env.WHARF_PASSWORD;
      const uploadViaTemporaryName = uploadSettingFlag(flags);
      const allowClearData = clearDataFlag(flags);
      let updated = await sites.update(site.id, {
        ...(location ? { protocol: location.mode, host: location.host, port: location.port, user: location.user, remoteDir: location.path === '/' ? '' : location.path } : {}),
        ...(flags.askPassword ? { passwordStorage: 'ask' as const } : {}),
        ...(newPassword !== undefined && !flags.askPassword ? { passwordStorage: 'keychain' as const, password: newPassword } : {}),
        ...(flags.active ? { dataMode: 'active' as const } : flags.passive ? { dataMode: 'passive' as const } : {}),
        ...(flags.maxConnections ? { maxConnections: integerFlag(flags.maxConnections, '--max-connections') } : {}),
        ...(flags.timezoneOffset ? { timezoneOffsetMinutes: integerFlag(flags.timezoneOffset, '--timezone-offset') } : {}),
        ...(flags.encoding ? { encoding: flags.encoding } : {}),
        ...(uploadViaTemporaryName !== undefined ? { uploadViaTemporaryName } : {}),
        ...(flags.keepTimes !== undefined ? { keepModifiedTimes: flags.keepTimes } : {}),
        ...(flags.segments !== undefined ? { segments: flags.segments } : {}),
        ...(allowClearData !== undefined ? { allowClearData } : {}),
        ...(flags.comments !== undefined ? { comments: flags.comments } : {}),
        ...(flags.keepPassword ? { keepPassword: true } : {}),
      });
      if (site.hasPassword && !updated.hasPassword && updated.passwordStorage === 'keychain') {
        io.warn(
          `the saved password was for ${site.user}@${site.host}:${site.port} and was removed, so it is not sent to ${updated.host} unasked; ` +
            'save one with WHARF_PASSWORD=... wharf site edit, or keep the old one next time with --keep-password',
        );
      }
      if (flags.folder !== undefined) updated = await sites.moveToFolder(site.id, flags.folder.split('/').filter((p) => p.length > 0));
      if (flags.rename) updated = await sites.rename(site.id, flags.rename);
      io.out(describeSite(updated));
      return;
    }
    case 'rm': {
      const site = await sites.find(needName());
      await sites.delete(site.id);
      io.out(`removed ${[...site.folderPath, site.name].join('/')} and its saved password`);
      return;
    }
    case 'certs': {
      for (const pin of await pins.list()) io.out(`${pin.host}:${pin.port}\t${pin.fingerprintSha256}\t${pin.subject}\ttrusted ${pin.trustedAt}`);
      return;
    }
    case 'uncert': {
      const [host, port] = needName().split(/:(?=\d+$)/);
      if (!host || !port) throw new WharfError('invalid-input', 'wharf site uncert HOST:PORT');
      const removed = await pins.remove(host, Number(port));
      if (!removed) throw new WharfError('invalid-input', `No certificate is pinned for ${host}:${port}.`);
      io.out(`forgot the pinned certificate of ${host}:${port}`);
      return;
    }
    default:
      throw new WharfError('invalid-input', `Unknown site command "${action}": use ls, show, add, edit, rm, certs, uncert, import or export.`);
  }
}
