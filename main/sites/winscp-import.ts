import { t } from '../../common/i18n/t';
import type { FtpsMode, MinTlsVersion } from '../../common/models/site';
import { hasControlCharacters } from '../../common/models/site-profile';
import { hostSchema } from '../../common/models/site-profile-schema';
import { WharfError } from '../core/errors';
import { clampTimezoneOffset, cleanName, importComments, SiteImportCollector } from './import-helpers';
import type { ParsedSiteImport } from './site-import-plan';
import { decryptWinScpPassword } from './winscp-password';

/**
 * Reads WinSCP's sites from WinSCP.ini (Tools > Preferences > Storage > "INI file", or Export/Backup
 * Configuration). Key names, defaults and encodings follow WinSCP's own reader (source/core/SessionData.cpp
 * TSessionData::DoLoad, HierarchicalStorage.cpp):
 * - each site is a section `[Sessions\Folder/Sub/Name]`; "/" separates folders; the name is escaped PuTTY
 *   style (%XX for space, "%", "\", "*", "?", controls, non-ASCII and a leading "."), and a name starting with
 *   the escaped UTF-8 BOM %EF%BB%BF is UTF-8, otherwise the Windows ANSI code page;
 * - string values are escaped the same way; integers are decimal; booleans 0/1 (or on/off); `TimeDifference`
 *   is a TDateTime (fraction of a day), stored as the 16 hex digits of a little-endian double;
 * - `[Sessions\Default%20Settings]` holds the user's defaults, which every site starts from;
 * - `Password` is scrambled with the user + host name (see winscp-password.ts); `[Configuration\Security]
 *   UseMasterPassword=1` means the passwords are encrypted with a master password we do not have.
 */
export function parseWinScpIni(content: string | Uint8Array): ParsedSiteImport {
  const text = typeof content === 'string' ? content.replace(/^\uFEFF/, '') : decodeIniBytes(content);
  const sections = readIni(text);
  const sessions = [...sections.entries()].filter(([name]) => /^sessions\\/i.test(name));
  if (sessions.length === 0 && ![...sections.keys()].some((name) => /^configuration\\/i.test(name))) {
    throw new WharfError('invalid-input', t('sites.notWinScp'));
  }
  const security = [...sections.entries()].find(([name]) => name.toLowerCase() === 'configuration\\security')?.[1];
  const masterPassword = boolValue(security?.get('usemasterpassword')) === true;

  const defaultsKey = sessions.find(([name]) => unescapeWinScp(name.slice('sessions\\'.length)) === 'Default Settings');
  const defaults = defaultsKey?.[1] ?? new Map<string, string>();
  const collector = new SiteImportCollector('winscp');
  for (const [sectionName, own] of sessions) {
    if (defaultsKey && sectionName === defaultsKey[0]) continue;
    const values = new Map([...defaults, ...own]);
    readSession(unescapeWinScp(sectionName.slice('sessions\\'.length)), values, masterPassword, collector);
  }
  return collector.build();
}

/** WinSCP's FSProtocol values (TFSProtocol) that are not FTP, named for the "skipped" reason. */
const OTHER_PROTOCOLS: Readonly<Record<number, string>> = { 0: 'SCP', 1: 'SFTP (SSH)', 2: 'SFTP (SSH)', 6: 'WebDAV', 7: 'Amazon S3' };
const FS_FTP = 5;
/** WinSCP's default protocol when a site and the default settings name none. */
const FS_DEFAULT = 1;

/** TFtps: none, implicit, explicit with AUTH SSL (legacy), explicit with AUTH TLS. */
const FTPS = { none: 0, implicit: 1, explicitSsl: 2, explicitTls: 3 } as const;

function readSession(fullName: string, values: ReadonlyMap<string, string>, masterPassword: boolean, collector: SiteImportCollector): void {
  const segments = fullName.split('/');
  const { name, changed } = cleanName(segments.pop() ?? '', t('importNotes.fallbackSite'));
  const folderPath = collector.folderPath(segments.filter((s) => s !== ''), name);
  if (folderPath === null) return;
  const skip = (reason: string) => collector.skip(name, folderPath, reason);
  const notes: string[] = [];
  if (changed) notes.push(t('importNotes.nameAdjusted'));

  if (boolValue(values.get('isworkspace')) === true || (values.get('link') ?? '') !== '') {
    skip(t('importNotes.workspaceTab'));
    return;
  }
  const fsProtocol = intValue(values.get('fsprotocol')) ?? FS_DEFAULT;
  if (fsProtocol !== FS_FTP) {
    const what = OTHER_PROTOCOLS[fsProtocol];
    skip(what ? t('importNotes.protocolNotSupported', { protocol: what }) : t('importNotes.unknownWinScpProtocol', { code: fsProtocol }));
    return;
  }

  let protocol: FtpsMode;
  const ftps = intValue(values.get('ftps')) ?? FTPS.none;
  switch (ftps) {
    case FTPS.none:
      protocol = 'plain';
      notes.push(t('importNotes.plainFtp'));
      break;
    case FTPS.implicit:
      protocol = 'implicit';
      break;
    case FTPS.explicitSsl:
      protocol = 'explicit';
      notes.push(t('importNotes.authSsl'));
      break;
    case FTPS.explicitTls:
      protocol = 'explicit';
      break;
    default:
      skip(t('importNotes.unknownFtpsSetting', { setting: ftps }));
      return;
  }

  // As WinSCP does: a host written "user@host" carries the user name.
  let user = stringValue(values.get('username'));
  let hostText = stringValue(values.get('hostname')).trim();
  const at = hostText.lastIndexOf('@');
  if (at > 0) {
    user = hostText.slice(0, at);
    hostText = hostText.slice(at + 1);
  }
  const host = hostSchema.safeParse(hostText.replace(/^\[(.*)\]$/, '$1'));
  if (!host.success) {
    skip(hostText ? t('importNotes.invalidHost') : t('importNotes.siteHasNoHost'));
    return;
  }
  if (hasControlCharacters(user) || user.length > 256) {
    skip(t('importNotes.badUserName'));
    return;
  }

  const defaultPort = protocol === 'implicit' ? 990 : 21;
  const portValue = intValue(values.get('portnumber'));
  const port = portValue !== undefined && portValue >= 1 && portValue <= 65535 ? portValue : defaultPort;
  if (portValue !== undefined && port !== portValue) notes.push(t('importNotes.invalidPort', { port: portValue, defaultPort }));

  const password = readPassword(values, user, hostText, masterPassword, notes);

  // Utf holds TAutoSwitch NotUtf: 0 = UTF-8 off (the Windows ANSI code page), 1 = UTF-8 on, 2 = auto.
  let encoding = 'utf8';
  const utf = values.get('utf')?.trim().toLowerCase();
  if (utf === '0' || utf === 'off') {
    encoding = 'windows-1252';
    notes.push(t('importNotes.ansiCodePage'));
  }

  const remoteDir = stringValue(values.get('remotedirectory'));
  const localDir = stringValue(values.get('localdirectory'));
  if (hasControlCharacters(remoteDir)) notes.push(t('importNotes.remoteFolderControlCharacters'));

  // TimeDifferenceAuto (the default for FTP) lets WinSCP detect the offset itself; only a fixed one maps.
  const timeDifference = floatValue(values.get('timedifference')) ?? 0;
  const auto = boolValue(values.get('timedifferenceauto')) ?? timeDifference === 0;
  const timezoneOffsetMinutes = auto ? 0 : clampTimezoneOffset(timeDifference * 24 * 60);

  const minTls = intValue(values.get('mintlsversion'));
  const minTlsVersion: MinTlsVersion = minTls === 13 ? 'TLSv1.3' : 'TLSv1.2';
  if (minTls !== undefined && minTls < 12) notes.push(t('importNotes.oldTlsAllowed'));

  if (stringValue(values.get('ftpaccount'))) notes.push(t('importNotes.accountNotSupported'));
  if (stringValue(values.get('tlscertificatefile'))) notes.push(t('importNotes.clientCertificateOfSite'));
  const proxy = values.get('proxymethod')?.trim().toLowerCase();
  if (proxy !== undefined && proxy !== '0' && proxy !== 'none') notes.push(t('importNotes.proxyNotImported'));
  if (boolValue(values.get('tunnel')) === true) notes.push(t('importNotes.sshTunnel'));
  if (stringValue(values.get('postlogincommands'))) notes.push(t('importNotes.postLoginCommandsNotImported'));

  collector.addSite(
    folderPath,
    {
      name,
      protocol,
      host: host.data,
      port,
      portFollowsProtocol: port === defaultPort,
      user,
      passwordStorage: 'keychain',
      dataMode: boolValue(values.get('ftppasvmode')) === false ? 'active' : 'passive',
      localDir: hasControlCharacters(localDir) ? '' : localDir,
      remoteDir: hasControlCharacters(remoteDir) ? '' : remoteDir,
      encoding,
      timezoneOffsetMinutes,
      minTlsVersion,
      comments: importComments(stringValue(values.get('note')), notes),
    },
    password,
    notes,
  );
}

function readPassword(values: ReadonlyMap<string, string>, user: string, host: string, masterPassword: boolean, notes: string[]): string | undefined {
  let password: string | undefined;
  const plain = values.get('passwordplain');
  if (plain !== undefined) {
    password = stringValue(plain);
  } else {
    const scrambled = values.get('password')?.trim() ?? '';
    if (scrambled === '') return undefined;
    const result = decryptWinScpPassword(scrambled, user, host);
    if (result.kind === 'master-password' || (masterPassword && result.kind === 'unreadable')) {
      notes.push(t('importNotes.winScpMasterPassword'));
      return undefined;
    }
    if (result.kind === 'unreadable') {
      notes.push(t('importNotes.passwordUnreadable'));
      return undefined;
    }
    password = result.password;
  }
  if (password === '') return undefined;
  if (hasControlCharacters(password)) {
    notes.push(t('importNotes.passwordControlCharacters'));
    return undefined;
  }
  return password;
}

/**
 * The sections of an INI file, names and keys lower-cased for lookup (Windows' INI functions ignore case),
 * section names otherwise as written. A key given twice keeps its first value, as GetPrivateProfileString.
 */
function readIni(text: string): Map<string, Map<string, string>> {
  const sections = new Map<string, Map<string, string>>();
  const lowerNames = new Map<string, string>();
  let current: Map<string, string> | null = null;
  for (const rawLine of text.split(/\r\n|\r|\n/)) {
    const line = rawLine.trim();
    if (line === '' || line.startsWith(';')) continue;
    if (line.startsWith('[')) {
      const end = line.lastIndexOf(']');
      const name = (end > 0 ? line.slice(1, end) : line.slice(1)).trim();
      const known = lowerNames.get(name.toLowerCase());
      if (known !== undefined) current = sections.get(known) ?? null;
      else {
        current = new Map();
        sections.set(name, current);
        lowerNames.set(name.toLowerCase(), name);
      }
      continue;
    }
    const eq = line.indexOf('=');
    if (eq <= 0 || current === null) continue;
    const key = line.slice(0, eq).trim().toLowerCase();
    if (!current.has(key)) current.set(key, line.slice(eq + 1).trim());
  }
  return sections;
}

/** WinSCP.ini bytes: UTF-16 or UTF-8 with a BOM, UTF-8, else the Windows ANSI code page (western). */
function decodeIniBytes(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

const ESCAPED_BOM = [0xef, 0xbb, 0xbf];

/**
 * Undoes PuTTY's registry-key escaping (%XX per byte) as WinSCP's UnMungeStr does: bytes that start with a
 * UTF-8 BOM are UTF-8, others the ANSI code page. Text with no escapes is returned as it is.
 */
export function unescapeWinScp(value: string): string {
  if (!value.includes('%')) return value;
  const bytes: number[] = [];
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === 0x25 && /^[0-9A-Fa-f]{2}$/.test(value.slice(i + 1, i + 3))) {
      bytes.push(parseInt(value.slice(i + 1, i + 3), 16));
      i += 2;
    } else if (c < 0x80) {
      bytes.push(c);
    } else {
      bytes.push(...new TextEncoder().encode(value[i]));
    }
  }
  if (ESCAPED_BOM.every((b, i) => bytes[i] === b)) {
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(bytes.slice(3)));
    } catch {
      // not UTF-8 after all: read as ANSI below
    }
  }
  return new TextDecoder('windows-1252').decode(Uint8Array.from(bytes));
}

/** Escapes as WinSCP writes names and values (MungeStr), for tests and tools that write a WinSCP.ini. */
export function escapeWinScp(value: string): string {
  const ascii = /^[\x20-\x7e]*$/.test(value);
  const bytes = ascii ? Array.from(value, (c) => c.charCodeAt(0)) : [...ESCAPED_BOM, ...new TextEncoder().encode(value)];
  return bytes
    .map((b, i) => {
      const c = String.fromCharCode(b);
      const escape = c === ' ' || c === '\\' || c === '*' || c === '?' || c === '%' || b < 0x20 || b > 0x7e || (c === '.' && i === 0);
      return escape ? `%${b.toString(16).toUpperCase().padStart(2, '0')}` : c;
    })
    .join('');
}

function stringValue(raw: string | undefined): string {
  return raw === undefined ? '' : unescapeWinScp(raw);
}

function intValue(raw: string | undefined): number | undefined {
  const t = raw?.trim() ?? '';
  return /^-?[0-9]{1,9}$/.test(t) ? Number(t) : undefined;
}

function boolValue(raw: string | undefined): boolean | undefined {
  const t = raw?.trim().toLowerCase();
  if (t === undefined || t === '') return undefined;
  if (t === 'on' || t === 'true') return true;
  if (t === 'off' || t === 'false') return false;
  const n = intValue(t);
  return n === undefined ? undefined : n !== 0;
}

/** A TDateTime as WinSCP's INI storage writes it: 16 hex digits of a little-endian double, or a decimal. */
function floatValue(raw: string | undefined): number | undefined {
  const t = raw?.trim() ?? '';
  if (/^[0-9A-Fa-f]{16}$/.test(t)) {
    const value = Buffer.from(t, 'hex').readDoubleLE(0);
    return Number.isFinite(value) ? value : undefined;
  }
  if (/^-?[0-9]+(?:[.,][0-9]+)?$/.test(t)) return Number(t.replace(',', '.'));
  return undefined;
}

/** A TDateTime (days) as WinSCP's INI storage writes it, for tests and tools that write a WinSCP.ini. */
export function winScpFloat(days: number): string {
  const buffer = Buffer.alloc(8);
  buffer.writeDoubleLE(days, 0);
  return buffer.toString('hex').toUpperCase();
}
