import { t } from '../../common/i18n/t';
import type { FtpsMode } from '../../common/models/site';
import {
  DEFAULT_MAX_CONNECTIONS,
  DEFAULT_UPLOAD_VIA_TEMPORARY_NAME,
  MAX_CONNECTIONS_LIMIT,
  MAX_TIMEZONE_OFFSET_MINUTES,
  hasControlCharacters,
  type PasswordStorage,
  type SiteImportNote,
  type SiteImportSkip,
} from '../../common/models/site-profile';
import { hostSchema } from '../../common/models/site-profile-schema';
import { WharfError } from '../core/errors';
import { cleanName, importComments, MAX_FOLDER_DEPTH, normalizeCharset } from './import-helpers';
import type { ParsedSiteImport, SiteImportEntry } from './site-import-plan';
import { childElement, decodeXmlBytes, parseXml, type XmlElement } from './xml-reader';

/**
 * A parsed sitemanager.xml: the plan (with a summary to show) and, separately, the passwords found, keyed
 * by entry key. The caller passes `passwords` to SiteStore.importSites only if the user agreed; it never
 * leaves main.
 */
export type FileZillaImport = ParsedSiteImport;

/** Kept here too: callers and tests know it as FileZilla's charset reader. */
export { normalizeCharset };

/**
 * FileZilla's ServerProtocol values (engine/server.h) that are not FTP, named for the "skipped" reason.
 * 0, 3, 4 and 6 are the FTP family we import; 19 (WebDAV over plain HTTP) is named where it is skipped.
 */
const OTHER_PROTOCOLS: Readonly<Record<number, string>> = {
  1: 'SFTP (SSH)',
  2: 'HTTP',
  5: 'HTTPS',
  7: 'Amazon S3',
  8: 'Storj',
  9: 'WebDAV',
  10: 'Azure File',
  11: 'Azure Blob',
  12: 'OpenStack Swift',
  13: 'Google Cloud Storage',
  14: 'Google Drive',
  15: 'Dropbox',
  16: 'OneDrive',
  17: 'Backblaze B2',
  18: 'Box',
  20: 'Rackspace Cloud',
  21: 'Storj',
};

/** FileZilla's LogonType values. */
const LOGON = { anonymous: 0, normal: 1, ask: 2, interactive: 3, account: 4, key: 5, profile: 6 } as const;

/**
 * Reads FileZilla 3's sitemanager.xml (Site Manager > File > Export writes the same layout). Servers that
 * cannot become FTPS sites are listed as skipped with the reason; settings Wharf has no equivalent for are
 * listed as notes. Throws WharfError 'invalid-input' when the file is not a FileZilla site list.
 */
export function parseFileZillaSiteManager(content: string | Uint8Array): FileZillaImport {
  const text = typeof content === 'string' ? content : decodeXmlBytes(content);
  const root = parseXml(text);
  if (root.name !== 'FileZilla3') {
    throw new WharfError('invalid-input', t('sites.notFileZilla'));
  }
  const servers = childElement(root, 'Servers');
  const state: WalkState = { sites: [], folders: [], skipped: [], notes: [], passwords: new Map(), passwordsFound: 0, tlsIfAvailable: [] };
  if (servers) walk(servers, [], state);
  return {
    plan: {
      summary: {
        source: 'filezilla',
        sitesFound: state.sites.length,
        foldersFound: state.folders.length,
        skipped: state.skipped,
        passwordsFound: state.passwordsFound,
        notes: state.notes,
        tlsIfAvailable: state.tlsIfAvailable,
      },
      sites: state.sites,
      folders: state.folders,
    },
    passwords: state.passwords,
  };
}

interface WalkState {
  sites: SiteImportEntry[];
  folders: (readonly string[])[];
  skipped: SiteImportSkip[];
  notes: SiteImportNote[];
  passwords: Map<string, string>;
  passwordsFound: number;
  tlsIfAvailable: { name: string; folderPath: readonly string[] }[];
}

function walk(parent: XmlElement, folderPath: readonly string[], state: WalkState): void {
  for (const el of parent.children) {
    if (el.name === 'Folder') {
      const { name, changed } = cleanName(el.text, t('importNotes.fallbackFolder'));
      const path = [...folderPath, name];
      if (changed) state.notes.push({ name, folderPath, note: t('importNotes.folderNameAdjusted') });
      if (path.length > MAX_FOLDER_DEPTH) {
        state.skipped.push({ name, folderPath, reason: t('importNotes.foldersTooDeep', { max: MAX_FOLDER_DEPTH }) });
        continue;
      }
      state.folders.push(path);
      walk(el, path, state);
    } else if (el.name === 'Server') {
      readServer(el, folderPath, state);
    }
  }
}

function readServer(el: XmlElement, folderPath: readonly string[], state: WalkState): void {
  const fallbackName = t('importNotes.fallbackSite');
  const rawName = text(el, 'Name') || el.text.trim() || text(el, 'Host') || fallbackName;
  const { name, changed } = cleanName(rawName, fallbackName);
  const notes: string[] = [];
  if (changed) notes.push(t('importNotes.nameAdjusted'));
  const skip = (reason: string) => state.skipped.push({ name, folderPath, reason });

  const protocolCode = int(el, 'Protocol') ?? 0;
  let protocol: FtpsMode;
  let tlsIfAvailable = false;
  switch (protocolCode) {
    case 0:
      // "Use explicit FTP over TLS if available": TLS required is the safe reading; the preview names these sites.
      protocol = 'explicit';
      tlsIfAvailable = true;
      break;
    case 3:
      protocol = 'implicit';
      break;
    case 4:
      protocol = 'explicit';
      break;
    case 6:
      protocol = 'plain';
      notes.push(t('importNotes.plainFtp'));
      break;
    default: {
      // 19 is WebDAV over plain HTTP, named as FileZilla's own protocol list names it.
      const what = protocolCode === 19 ? t('importNotes.webdavInsecure') : OTHER_PROTOCOLS[protocolCode];
      skip(what ? t('importNotes.protocolNotSupported', { protocol: what }) : t('importNotes.unknownFileZillaProtocol', { code: protocolCode }));
      return;
    }
  }

  const host = hostSchema.safeParse(text(el, 'Host').replace(/^\[(.*)\]$/, '$1'));
  if (!host.success) {
    skip(text(el, 'Host') ? t('importNotes.invalidHost') : t('importNotes.siteHasNoHost'));
    return;
  }

  const defaultPort = protocol === 'implicit' ? 990 : 21;
  const portValue = int(el, 'Port');
  const port = portValue !== undefined && portValue >= 1 && portValue <= 65535 ? portValue : defaultPort;
  if (portValue !== undefined && port !== portValue) notes.push(t('importNotes.invalidPort', { port: portValue, defaultPort }));

  // Old files have no Logontype: a user means a normal logon, none means anonymous.
  const logon = int(el, 'Logontype') ?? (text(el, 'User') ? LOGON.normal : LOGON.anonymous);
  let user = text(el, 'User');
  let passwordStorage: PasswordStorage = 'keychain';
  let readPassword = false;
  switch (logon) {
    case LOGON.anonymous:
      user = 'anonymous';
      passwordStorage = 'ask';
      notes.push(t('importNotes.anonymous'));
      break;
    case LOGON.normal:
      readPassword = true;
      break;
    case LOGON.ask:
      passwordStorage = 'ask';
      break;
    case LOGON.interactive:
      passwordStorage = 'ask';
      notes.push(t('importNotes.interactiveLogon'));
      break;
    case LOGON.account:
      readPassword = true;
      notes.push(t('importNotes.accountNotSupported'));
      break;
    case LOGON.key:
      passwordStorage = 'ask';
      notes.push(t('importNotes.keyFileLogon'));
      break;
    default:
      skip(t('importNotes.unsupportedLogonType', { logon }));
      return;
  }
  if (hasControlCharacters(user) || user.length > 256) {
    skip(t('importNotes.badUserName'));
    return;
  }

  let password: string | undefined;
  if (readPassword) {
    const result = readPass(el);
    if (result.note) notes.push(result.note);
    password = result.password;
  }

  const pasv = text(el, 'PasvMode');
  const localDir = text(el, 'LocalDir');
  const remote = decodeFileZillaPath(text(el, 'RemoteDir'));
  if (remote.note) notes.push(remote.note);

  const encoding = readEncoding(el);
  if (encoding.note) notes.push(encoding.note);

  const maxRaw = int(el, 'MaximumMultipleConnections') ?? 0;
  const maxConnections = maxRaw <= 0 ? DEFAULT_MAX_CONNECTIONS : Math.min(maxRaw, MAX_CONNECTIONS_LIMIT);
  if (maxRaw > MAX_CONNECTIONS_LIMIT) notes.push(t('importNotes.connectionLimit', { limit: MAX_CONNECTIONS_LIMIT, requested: maxRaw }));

  // FileZilla stores the offset in minutes (its site manager shows hours and minutes: hours * 60 + minutes).
  const tzRaw = int(el, 'TimezoneOffset') ?? 0;
  const timezoneOffsetMinutes = Math.max(-MAX_TIMEZONE_OFFSET_MINUTES, Math.min(MAX_TIMEZONE_OFFSET_MINUTES, tzRaw));

  const comments = importComments(childElement(el, 'Comments')?.text ?? '', notes);
  if (el.children.some((c) => c.name === 'Bookmark')) notes.push(t('importNotes.bookmarksNotImported'));
  if (childElement(el, 'PostLoginCommands')) notes.push(t('importNotes.postLoginCommandsNotImported'));

  const key = `filezilla-${state.sites.length + 1}`;
  state.sites.push({
    key,
    folderPath,
    input: {
      name,
      protocol,
      host: host.data,
      port,
      portFollowsProtocol: port === defaultPort,
      user,
      passwordStorage,
      dataMode: pasv === 'MODE_ACTIVE' ? 'active' : 'passive',
      localDir: hasControlCharacters(localDir) ? '' : localDir,
      remoteDir: remote.path,
      encoding: encoding.value,
      maxConnections,
      timezoneOffsetMinutes,
      // FileZilla always uploads in place and its site manager has no such setting: imported sites get
      // Wharf's safer default, which the site manager shows and can turn off per site.
      uploadViaTemporaryName: DEFAULT_UPLOAD_VIA_TEMPORARY_NAME,
      comments,
    },
  });
  if (password !== undefined) {
    state.passwords.set(key, password);
    state.passwordsFound++;
  }
  for (const note of notes) state.notes.push({ name, folderPath, note });
  if (tlsIfAvailable) state.tlsIfAvailable.push({ name, folderPath });
}

/** The password of `<Pass>`: plain text (FileZilla before 3.26), base64, or "crypt" (master password). */
function readPass(el: XmlElement): { password?: string; note?: string } {
  const pass = childElement(el, 'Pass');
  if (!pass || pass.text === '') return {};
  const encoding = pass.attributes.encoding ?? '';
  let password: string;
  if (encoding === '') {
    password = pass.text; // verbatim: spaces at either end can be part of a password
  } else if (encoding === 'base64') {
    const b64 = pass.text.replace(/\s+/g, '');
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(b64) || b64.length % 4 !== 0) return { note: t('importNotes.passwordNotBase64') };
    try {
      password = new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(b64, 'base64'));
    } catch {
      return { note: t('importNotes.passwordNotText') };
    }
  } else if (encoding === 'crypt') {
    return { note: t('importNotes.fileZillaMasterPassword') };
  } else {
    return { note: t('importNotes.passwordStoredUnknownWay') };
  }
  if (password === '') return {};
  if (hasControlCharacters(password)) return { note: t('importNotes.passwordControlCharacters') };
  return { password };
}

/** EncodingType Auto / UTF-8 / Custom + CustomEncoding, as a charset the engine knows. */
function readEncoding(el: XmlElement): { value: string; note?: string } {
  const type = text(el, 'EncodingType');
  if (type === '' || type === 'Auto' || type === 'UTF-8') return { value: 'utf8' };
  if (type !== 'Custom') return { value: 'utf8', note: t('importNotes.unknownEncodingSetting', { setting: type.slice(0, 40) }) };
  const custom = text(el, 'CustomEncoding');
  const value = normalizeCharset(custom);
  if (value) return { value };
  return { value: 'utf8', note: t('importNotes.unknownCharset', { charset: custom.slice(0, 40) }) };
}

/**
 * Decodes FileZilla's serialized remote path (CServerPath::GetSafePath): `<type> <prefix length> [prefix]`
 * then `<length> <segment>` pairs, lengths in characters so names may hold spaces: "1 0 4 home 3 bob" is
 * /home/bob on a Unix server. DOS paths (type 3) become "C:\dir". '' when empty or unreadable.
 */
export function decodeFileZillaPath(safe: string): { path: string; note?: string } {
  const trimmed = safe.trim();
  if (trimmed === '') return { path: '' };
  const unreadable = { path: '', note: t('importNotes.remoteFolderUnreadable') };
  const chars = Array.from(trimmed);
  let i = 0;
  const readNumber = (): number | null => {
    let digits = '';
    while (i < chars.length && /[0-9]/.test(chars[i] as string)) digits += chars[i++];
    if (digits === '' || digits.length > 6) return null;
    if (i < chars.length) {
      if (chars[i] !== ' ') return null;
      i++;
    }
    return Number(digits);
  };
  const readChars = (n: number): string | null => {
    if (i + n > chars.length) return null;
    const out = chars.slice(i, i + n).join('');
    i += n;
    if (i < chars.length) {
      if (chars[i] !== ' ') return null;
      i++;
    }
    return out;
  };
  const type = readNumber();
  const prefixLength = readNumber();
  if (type === null || prefixLength === null) return unreadable;
  const prefix = prefixLength > 0 ? readChars(prefixLength) : '';
  if (prefix === null) return unreadable;
  const segments: string[] = [];
  while (i < chars.length) {
    const n = readNumber();
    if (n === null || n === 0) return unreadable;
    const segment = readChars(n);
    if (segment === null) return unreadable;
    segments.push(segment);
  }
  if (segments.some((seg) => seg === '.' || seg === '..' || hasControlCharacters(seg)) || hasControlCharacters(prefix)) return unreadable;

  switch (type) {
    case 3: // DOS: first segment is the drive, "C:"
      return { path: segments.length ? `${segments.join('\\')}${segments.length === 1 ? '\\' : ''}` : '\\' };
    case 10: // DOS with forward slashes
      return { path: segments.length ? `${segments.join('/')}${segments.length === 1 ? '/' : ''}` : '/' };
    case 0:
    case 1:
    case 8:
    case 9:
      if (segments.some((seg) => seg.includes('/'))) return unreadable;
      return { path: `/${segments.join('/')}` };
    default:
      return {
        path: `${prefix}/${segments.join('/')}`,
        note: t('importNotes.remoteFolderUnknownStyle'),
      };
  }
}

/** The text of a child element, trimmed; '' when absent. */
function text(el: XmlElement, name: string): string {
  return childElement(el, name)?.text.trim() ?? '';
}

function int(el: XmlElement, name: string): number | undefined {
  const t = text(el, name);
  return /^-?[0-9]{1,9}$/.test(t) ? Number(t) : undefined;
}
