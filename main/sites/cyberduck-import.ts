import { t } from '../../common/i18n/t';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { FtpsMode } from '../../common/models/site';
import { hasControlCharacters } from '../../common/models/site-profile';
import { hostSchema } from '../../common/models/site-profile-schema';
import { WharfError } from '../core/errors';
import { clampTimezoneOffset, cleanName, importComments, MAX_FOLDER_DEPTH, normalizeCharset, SiteImportCollector } from './import-helpers';
import type { ParsedSiteImport } from './site-import-plan';
import { decodeXmlBytes, parseXml, type XmlElement } from './xml-reader';

/** One bookmark file: where it was found (folders below the chosen one, then the file name) and its bytes. */
export interface CyberduckBookmarkFile {
  /** Sub-folders between the imported folder and the file; [] for a file imported on its own. */
  readonly folderPath: readonly string[];
  readonly fileName: string;
  readonly content: string | Uint8Array;
}

/**
 * Cyberduck's protocol identifiers (Protocol.getIdentifier: Scheme names and profile identifiers) that are
 * not FTP, named for the "skipped" reason.
 */
const OTHER_PROTOCOLS: Readonly<Record<string, string>> = {
  sftp: 'SFTP (SSH)',
  scp: 'SCP',
  s3: 'Amazon S3',
  dav: 'WebDAV',
  davs: 'WebDAV (HTTPS)',
  smb: 'SMB',
  swift: 'OpenStack Swift',
  googledrive: 'Google Drive',
  gcs: 'Google Cloud Storage',
  googlestorage: 'Google Cloud Storage',
  dropbox: 'Dropbox',
  onedrive: 'OneDrive',
  sharepoint: 'SharePoint',
  b2: 'Backblaze B2',
  azure: 'Azure',
  box: 'Box',
  irods: 'iRODS',
  nextcloud: 'Nextcloud',
  owncloud: 'ownCloud',
  spectra: 'Spectra',
  ctera: 'CTERA',
  brick: 'Files.com',
  eue: 'CloudFiles',
  manta: 'Manta',
  hubic: 'hubiC',
  deepbox: 'DeepBox',
};

/** At most this many bookmark files are read from a folder: far above anyone's bookmark list. */
const MAX_FILES = 10_000;
/** A bookmark is a few hundred bytes; a larger file is not one. */
const MAX_FILE_BYTES = 1024 * 1024;

/**
 * Reads Cyberduck bookmarks (`.duck` files: XML property lists that Cyberduck keeps one per bookmark in its
 * Bookmarks folder, and writes when a bookmark is dragged out or exported). Keys follow Cyberduck's
 * Host.serialize / HostDictionary: `Protocol` (ftp = plain FTP, ftps = FTP with explicit AUTH TLS; Cyberduck
 * has no implicit FTPS), `Nickname`, `Hostname`, `Port`, `Username`, `Path`, `Encoding`, `FTP Connect Mode`
 * (active / passive / unknown = default), `Timezone` (a zone id), `Comment`, `Transfer Connection`. Passwords
 * are never in a bookmark (Cyberduck keeps them in the system keychain): the imported sites ask on connect.
 * Throws WharfError 'invalid-input' when no file is a bookmark.
 */
export function parseCyberduckBookmarks(files: readonly CyberduckBookmarkFile[]): ParsedSiteImport {
  if (files.length === 0) throw new WharfError('invalid-input', t('sites.noBookmarksFound'));
  const collector = new SiteImportCollector('cyberduck');
  let readable = 0;
  let firstError: WharfError | null = null;
  for (const file of files) {
    let dict: PlistDict;
    try {
      dict = readPlistDict(file.content);
    } catch (err) {
      const error = err instanceof WharfError ? err : new WharfError('invalid-input', t('sites.notBookmarkFile'));
      firstError ??= error;
      if (files.length === 1) throw error;
      collector.skip(file.fileName, file.folderPath, t('importNotes.notABookmark', { problem: error.message }));
      continue;
    }
    readable++;
    readBookmark(dict, file, collector);
  }
  if (readable === 0 && firstError) throw firstError;
  return collector.build();
}

/**
 * The bookmark files of a folder (Cyberduck's own Bookmarks folder, or one a user filled by dragging
 * bookmarks out), sub-folders becoming site folders. Hidden entries and other files are left alone.
 */
export async function readCyberduckFolder(root: string): Promise<CyberduckBookmarkFile[]> {
  const files: CyberduckBookmarkFile[] = [];
  const visit = async (dir: string, folderPath: readonly string[]): Promise<void> => {
    const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (folderPath.length < MAX_FOLDER_DEPTH) await visit(path, [...folderPath, entry.name]);
      } else if (entry.isFile() && entry.name.toLowerCase().endsWith('.duck')) {
        if (files.length >= MAX_FILES) throw new WharfError('invalid-input', t('sites.tooManyBookmarks', { max: MAX_FILES }));
        if ((await stat(path)).size > MAX_FILE_BYTES) continue;
        files.push({ folderPath, fileName: entry.name, content: await readFile(path) });
      }
    }
  };
  await visit(root, []);
  return files;
}

function readBookmark(dict: PlistDict, file: CyberduckBookmarkFile, collector: SiteImportCollector): void {
  const str = (key: string) => {
    const value = dict.get(key);
    return typeof value === 'string' ? value.trim() : '';
  };
  const hostname = str('Hostname');
  const rawName = str('Nickname') || hostname || file.fileName.replace(/\.duck$/i, '');
  const { name, changed } = cleanName(rawName, t('importNotes.fallbackSite'));
  const folderPath = collector.folderPath(file.folderPath, name);
  if (folderPath === null) return;
  const skip = (reason: string) => collector.skip(name, folderPath, reason);
  const notes: string[] = [];
  if (changed) notes.push(t('importNotes.nameAdjusted'));

  const identifier = str('Protocol').toLowerCase();
  let protocol: FtpsMode;
  if (identifier === 'ftp') {
    protocol = 'plain';
    notes.push(t('importNotes.plainFtp'));
  } else if (identifier === 'ftps') {
    protocol = 'explicit';
  } else {
    const what = OTHER_PROTOCOLS[identifier];
    skip(
      what
        ? t('importNotes.bookmarkProtocolNotSupported', { protocol: what })
        : identifier
          ? t('importNotes.unknownBookmarkProtocol', { protocol: identifier.slice(0, 40) })
          : t('importNotes.bookmarkNamesNoProtocol'),
    );
    return;
  }

  const host = hostSchema.safeParse(hostname.replace(/^\[(.*)\]$/, '$1'));
  if (!host.success) {
    skip(hostname ? t('importNotes.invalidHost') : t('importNotes.bookmarkHasNoHost'));
    return;
  }

  const portText = str('Port');
  const portValue = /^[0-9]{1,9}$/.test(portText) ? Number(portText) : undefined;
  const port = portValue !== undefined && portValue >= 1 && portValue <= 65535 ? portValue : 21;
  if (portText !== '' && port !== portValue) notes.push(t('importNotes.invalidPort', { port: portText.slice(0, 12), defaultPort: 21 }));

  const user = str('Username');
  if (hasControlCharacters(user) || user.length > 256) {
    skip(t('importNotes.badUserName'));
    return;
  }
  const anonymous = user === '' || user.toLowerCase() === 'anonymous';
  if (anonymous) notes.push(t('importNotes.anonymous'));

  let encoding = 'utf8';
  const encodingText = str('Encoding');
  if (encodingText) {
    const normalized = normalizeCharset(encodingText);
    if (normalized) encoding = normalized;
    else notes.push(t('importNotes.unknownCharset', { charset: encodingText.slice(0, 40) }));
  }

  const remoteDir = str('Path');
  if (hasControlCharacters(remoteDir)) notes.push(t('importNotes.remoteFolderControlCharacters'));

  let timezoneOffsetMinutes = 0;
  const zone = str('Timezone');
  if (zone) {
    const offset = zoneOffset(zone);
    if (offset === null) notes.push(t('importNotes.unknownTimezone', { zone: zone.slice(0, 60) }));
    else {
      timezoneOffsetMinutes = clampTimezoneOffset(offset.now);
      if (offset.changes) notes.push(t('importNotes.daylightSavingTimezone', { zone, offset: formatOffset(offset.now) }));
    }
  }

  const download = dict.get('Download Folder Dictionary');
  const downloadPath = download instanceof Map ? download.get('Path') : dict.get('Download Folder');
  const localDir = typeof downloadPath === 'string' && downloadPath.startsWith('/') && !hasControlCharacters(downloadPath) ? downloadPath : '';

  if (str('Client Certificate')) notes.push(t('importNotes.clientCertificateOfBookmark'));

  collector.addSite(
    folderPath,
    {
      name,
      protocol,
      host: host.data,
      port,
      portFollowsProtocol: port === 21,
      user: anonymous ? 'anonymous' : user,
      passwordStorage: anonymous ? 'ask' : 'keychain',
      dataMode: str('FTP Connect Mode') === 'active' ? 'active' : 'passive',
      localDir,
      remoteDir: hasControlCharacters(remoteDir) ? '' : remoteDir,
      encoding,
      // "browser" = transfers share the browser's one connection.
      ...(str('Transfer Connection') === 'browser' ? { maxConnections: 1 } : {}),
      timezoneOffsetMinutes,
      comments: importComments(str('Comment'), notes),
    },
    undefined,
    notes,
  );
}

/** The zone's offset from UTC now, in minutes, and whether it differs over the year (DST); null if unknown. */
function zoneOffset(zone: string, now: Date = new Date()): { now: number; changes: boolean } | null {
  const at = (date: Date): number | null => {
    try {
      const part = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' }).formatToParts(date).find((p) => p.type === 'timeZoneName')?.value;
      if (part === undefined) return null;
      if (part === 'GMT') return 0;
      const m = /^GMT([+-])(\d{2}):(\d{2})$/.exec(part);
      return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : null;
    } catch {
      return null;
    }
  };
  const current = at(now);
  if (current === null) return null;
  const year = now.getUTCFullYear();
  const january = at(new Date(Date.UTC(year, 0, 15)));
  const july = at(new Date(Date.UTC(year, 6, 15)));
  return { now: current, changes: january !== july };
}

function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `UTC${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

type PlistValue = string | PlistDict | readonly PlistValue[];
type PlistDict = ReadonlyMap<string, PlistValue>;

/** Apple's standard plist DOCTYPE: the one declaration we let through (our XML reader refuses any other). */
const PLIST_DOCTYPE = /<!DOCTYPE\s+plist\s+PUBLIC\s+"-\/\/Apple(?: Computer)?\/\/DTD PLIST 1\.0\/\/EN"\s+"http:\/\/www\.apple\.com\/DTDs\/PropertyList-1\.0\.dtd"\s*>/;

/** The top-level dictionary of an XML property list. */
function readPlistDict(content: string | Uint8Array): PlistDict {
  const magic = typeof content === 'string' ? content.slice(0, 6) : new TextDecoder('latin1').decode(content.subarray(0, 6));
  if (magic === 'bplist') {
    throw new WharfError('invalid-input', t('sites.binaryPlist'));
  }
  const text = typeof content === 'string' ? content : decodeXmlBytes(content);
  const root = parseXml(text.replace(PLIST_DOCTYPE, ''));
  const dict = root.name === 'plist' ? root.children[0] : undefined;
  if (!dict || dict.name !== 'dict') throw new WharfError('invalid-input', t('sites.notBookmarkDict'));
  const value = plistValue(dict);
  if (!(value instanceof Map) || !value.has('Protocol')) throw new WharfError('invalid-input', t('sites.noProtocol'));
  return value;
}

function plistValue(el: XmlElement): PlistValue {
  switch (el.name) {
    case 'dict': {
      const map = new Map<string, PlistValue>();
      for (let i = 0; i + 1 < el.children.length; i += 2) {
        const key = el.children[i] as XmlElement;
        if (key.name !== 'key') throw new WharfError('invalid-input', t('sites.entryWithoutKey'));
        if (!map.has(key.text)) map.set(key.text, plistValue(el.children[i + 1] as XmlElement));
      }
      return map;
    }
    case 'array':
      return el.children.map(plistValue);
    case 'true':
    case 'false':
      return el.name;
    default:
      // string, integer, real, date: their text; data (base64) is not used by bookmarks' keys we read.
      return el.text;
  }
}
