import type { SiteProxyMode } from '../../../common/models/proxy';
import type { SiteProfile } from '../../../common/models';
import { t } from '../../../common/i18n/t';
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
function proxyWords(site: SiteProfile): string {
  const mode: SiteProxyMode = site.proxyMode ?? 'app';
  if (mode === 'custom') return t('cli.site.proxy.custom', { url: site.proxyUrl ?? '' });
  return t(mode === 'none' ? 'cli.site.proxy.none' : mode === 'system' ? 'cli.site.proxy.system' : 'cli.site.proxy.app');
}

function describeSite(site: SiteProfile): string {
  const protocol = site.protocol === 'explicit' ? 'ftpes' : site.protocol === 'implicit' ? 'ftps' : 'ftp';
  const password = t(site.passwordStorage === 'ask' ? 'cli.site.password.ask' : site.hasPassword ? 'cli.site.password.keychain' : 'cli.site.password.none');
  return [
    t('cli.site.show.name', { name: [...site.folderPath, site.name].join('/') }),
    t('cli.site.show.url', { url: `${protocol}://${encodeURIComponent(site.user)}@${hostForUrl(site.host)}:${site.port}${site.remoteDir || '/'}` }),
    t(site.protocol === 'explicit' ? 'cli.site.show.protocol.explicit' : site.protocol === 'implicit' ? 'cli.site.show.protocol.implicit' : 'cli.site.show.protocol.plain'),
    t('cli.site.show.password', { password }),
    t('cli.site.show.dataMode', { mode: site.dataMode }),
    t('cli.site.show.maxConnections', { count: String(site.maxConnections) }),
    t('cli.site.show.timezoneOffset', { minutes: String(site.timezoneOffsetMinutes) }),
    t('cli.site.show.charset', { charset: site.encoding }),
    t('cli.site.show.minTls', { version: site.minTlsVersion }),
    t(site.uploadViaTemporaryName ? 'cli.site.show.uploads.temporary' : 'cli.site.show.uploads.inPlace'),
    t(site.keepModifiedTimes ? 'cli.site.show.times.kept' : 'cli.site.show.times.notKept'),
    site.segments > 1 ? t('cli.site.show.segments.on', { segments: String(site.segments) }) : t('cli.site.show.segments.off'),
    t(site.allowClearData ? 'cli.site.show.data.clear' : 'cli.site.show.data.protected'),
    !site.clientCertPath
      ? t('cli.site.show.clientCert.none')
      : site.clientKeyPath
        ? t('cli.site.show.clientCertKey', { cert: site.clientCertPath, key: site.clientKeyPath })
        : t('cli.site.show.clientCert', { cert: site.clientCertPath }),
    t('cli.site.show.proxy', { proxy: proxyWords(site) }),
    ...(site.comments ? [t('cli.site.show.comments', { comments: site.comments })] : []),
  ].join('\n');
}

function integerFlag(value: string | undefined, what: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n)) throw new WharfError('invalid-input', t('cli.site.wholeNumber', { option: what }));
  return n;
}

/** The site's "allow unencrypted file data" from its two flags; undefined when neither is given. */
function clearDataFlag(flags: SiteFlags): boolean | undefined {
  if (flags.allowClearData && flags.requireDataProtection) {
    throw new WharfError('invalid-input', t('cli.site.clearDataConflict'));
  }
  if (flags.allowClearData) return true;
  return flags.requireDataProtection ? false : undefined;
}

/** The site's "upload via a temporary name" from its two flags; undefined when neither is given. */
function uploadSettingFlag(flags: SiteFlags): boolean | undefined {
  if (flags.uploadInPlace && flags.uploadViaTemporaryName) {
    throw new WharfError('invalid-input', t('cli.site.uploadModeConflict'));
  }
  if (flags.uploadInPlace) return false;
  return flags.uploadViaTemporaryName ? true : undefined;
}

/** The settings `site add` and `site edit` take alike, only those given; a flag that cannot be used throws here. */
function settingsFromFlags(flags: SiteFlags) {
  const uploadViaTemporaryName = uploadSettingFlag(flags);
  const allowClearData = clearDataFlag(flags);
  return {
    ...(flags.maxConnections ? { maxConnections: integerFlag(flags.maxConnections, '--max-connections') } : {}),
    ...(flags.timezoneOffset ? { timezoneOffsetMinutes: integerFlag(flags.timezoneOffset, '--timezone-offset') } : {}),
    ...(flags.encoding ? { encoding: flags.encoding } : {}),
    ...(uploadViaTemporaryName !== undefined ? { uploadViaTemporaryName } : {}),
    ...(flags.keepTimes !== undefined ? { keepModifiedTimes: flags.keepTimes } : {}),
    ...(flags.segments !== undefined ? { segments: flags.segments } : {}),
    ...(allowClearData !== undefined ? { allowClearData } : {}),
  };
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
    if (!name) throw new WharfError('invalid-input', t('cli.site.needsName', { action }));
    return name;
  };
  switch (action) {
    case 'ls': {
      const tree = await sites.list();
      for (const site of tree.sites) {
        const protocol = site.protocol === 'explicit' ? 'ftpes' : site.protocol === 'implicit' ? 'ftps' : 'ftp';
        io.out(`${[...site.folderPath, site.name].join('/')}\t${protocol}://${site.user}@${hostForUrl(site.host)}:${site.port}\t${t(site.passwordStorage === 'ask' ? 'cli.site.ls.ask' : site.hasPassword ? 'cli.site.ls.keychain' : 'cli.site.ls.noPassword')}`);
      }
      return;
    }
    case 'show':
      io.out(describeSite(await sites.find(needName())));
      return;
    case 'add': {
      if (!flags.url) throw new WharfError('invalid-input', t('cli.site.addUsage'));
      const location = parseLocation(flags.url);
      if (location.kind !== 'url') throw new WharfError('invalid-input', t('cli.site.urlKind'));
      if (location.password !== null) throw new WharfError('invalid-input', t('cli.site.addPasswordInUrl'));
      // Checked before the password prompt: a usage error should not cost the user their typing.
      const settings = settingsFromFlags(flags);
      const password = flags.askPassword ? null : (process.env.WHARF_PASSWORD ?? (await io.askPassword(t('cli.site.addPasswordPrompt', { user: location.user, host: location.host }))));
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
        ...settings,
        ...(flags.comments ? { comments: flags.comments } : {}),
      });
      if (site.protocol === 'plain') io.warn(t('cli.site.plainWarning'));
      io.out(describeSite(site));
      return;
    }
    case 'edit': {
      const site = await sites.find(needName());
      const location = flags.url ? parseLocation(flags.url) : null;
      if (location && location.kind !== 'url') throw new WharfError('invalid-input', t('cli.site.urlKind'));
      if (location && location.password !== null) throw new WharfError('invalid-input', t('cli.site.editPasswordInUrl'));
      const newPassword = process.env.WHARF_PASSWORD;
      const settings = settingsFromFlags(flags);
      let updated = await sites.update(site.id, {
        ...(location ? { protocol: location.mode, host: location.host, port: location.port, user: location.user, remoteDir: location.path === '/' ? '' : location.path } : {}),
        ...(flags.askPassword ? { passwordStorage: 'ask' as const } : {}),
        ...(newPassword !== undefined && !flags.askPassword ? { passwordStorage: 'keychain' as const, password: newPassword } : {}),
        ...(flags.active ? { dataMode: 'active' as const } : flags.passive ? { dataMode: 'passive' as const } : {}),
        ...settings,
        ...(flags.comments !== undefined ? { comments: flags.comments } : {}),
        ...(flags.keepPassword ? { keepPassword: true } : {}),
      });
      if (site.hasPassword && !updated.hasPassword && updated.passwordStorage === 'keychain') {
        io.warn(
          t('cli.site.passwordForgotten', { old: `${site.user}@${site.host}:${site.port}`, host: updated.host }),
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
      io.out(t('cli.site.removed', { name: [...site.folderPath, site.name].join('/') }));
      return;
    }
    case 'certs': {
      for (const pin of await pins.list()) io.out(t('cli.site.certLine', { address: `${pin.host}:${pin.port}`, fingerprint: pin.fingerprintSha256, subject: pin.subject, trustedAt: pin.trustedAt }));
      return;
    }
    case 'uncert': {
      const [host, port] = needName().split(/:(?=\d+$)/);
      if (!host || !port) throw new WharfError('invalid-input', t('cli.site.uncertUsage'));
      const removed = await pins.remove(host, Number(port));
      if (!removed) throw new WharfError('invalid-input', t('cli.site.noPin', { address: `${host}:${port}` }));
      io.out(t('cli.site.unpinned', { address: `${host}:${port}` }));
      return;
    }
    default:
      throw new WharfError('invalid-input', t('cli.site.unknownAction', { action }));
  }
}
