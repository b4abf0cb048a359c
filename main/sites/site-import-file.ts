import { t } from '../../common/i18n/t';
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { WharfError } from '../core/errors';
import { parseCyberduckBookmarks, readCyberduckFolder } from './cyberduck-import';
import { parseFileZillaSiteManager } from './filezilla-import';
import type { ParsedSiteImport } from './site-import-plan';
import { parseSitesJson } from './wharf-json';
import { parseWinScpIni } from './winscp-import';
import { decodeXmlBytes } from './xml-reader';

/** The site lists Wharf imports. */
export type SiteImportSource = 'filezilla' | 'winscp' | 'cyberduck' | 'wharf-json';

/** Import files are small; anything larger than this is not a site list (and is not read whole). */
const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

/**
 * Which site list a file holds, from its content (not its name, which users rename): a `<FileZilla3>` root,
 * a property list (Cyberduck), `[Sessions\...]` / `[Configuration\...]` sections (WinSCP) or a JSON object
 * (Wharf). Throws WharfError 'invalid-input' naming the formats Wharf knows.
 */
export function detectSiteImportFormat(content: string | Uint8Array): SiteImportSource {
  if (typeof content !== 'string' && new TextDecoder('latin1').decode(content.subarray(0, 6)) === 'bplist') return 'cyberduck';
  const head = headText(content);
  const start = head.replace(/^\uFEFF/, '').trimStart();
  if (start.startsWith('{')) return 'wharf-json';
  if (start.startsWith('<')) {
    if (/<FileZilla3[\s>/]/.test(head)) return 'filezilla';
    if (/<plist[\s>/]/.test(head)) return 'cyberduck';
  }
  if (/^\s*\[(?:Sessions|Configuration)\\/im.test(head)) return 'winscp';
  if (/^Windows Registry Editor|^REGEDIT4/.test(start) && /Martin Prikryl/i.test(head)) {
    throw new WharfError('invalid-input', t('sites.winscpRegistryExport'));
  }
  throw new WharfError('invalid-input', t('sites.unknownImportFile'));
}

/** Parses a site list whose format is known (or detected from its content). */
export function parseSiteImport(content: string | Uint8Array, format: SiteImportSource = detectSiteImportFormat(content), fileName = 'bookmark.duck'): ParsedSiteImport {
  switch (format) {
    case 'filezilla':
      return parseFileZillaSiteManager(content);
    case 'winscp':
      return parseWinScpIni(content);
    case 'cyberduck':
      return parseCyberduckBookmarks([{ folderPath: [], fileName, content }]);
    case 'wharf-json':
      return { plan: parseSitesJson(typeof content === 'string' ? content : decodeUtf8(content)), passwords: new Map() };
  }
}

/**
 * Reads and parses a site list from disk: a file of any known format, or a folder of Cyberduck bookmarks.
 * Throws WharfError 'local-io' when the path cannot be read, 'invalid-input' when it is no site list.
 */
export async function readSiteImport(path: string): Promise<ParsedSiteImport & { readonly format: SiteImportSource }> {
  let info;
  try {
    info = await stat(path);
  } catch (err) {
    throw new WharfError(
      'local-io',
      (err as NodeJS.ErrnoException).code === 'ENOENT' ? t('sites.cannotReadMissing', { path }) : t('sites.cannotRead', { path, reason: (err as Error).message }),
    );
  }
  if (info.isDirectory()) {
    const files = await readCyberduckFolder(path).catch((err: unknown) => {
      if (err instanceof WharfError) throw err;
      throw new WharfError('local-io', t('sites.cannotReadFolder', { path, reason: (err as Error).message }));
    });
    if (files.length === 0) throw new WharfError('invalid-input', t('sites.folderHoldsNoBookmarks', { path }));
    return { ...parseCyberduckBookmarks(files), format: 'cyberduck' };
  }
  if (info.size > MAX_IMPORT_BYTES) throw new WharfError('invalid-input', t('sites.fileTooLarge'));
  let content: Uint8Array;
  try {
    content = await readFile(path);
  } catch (err) {
    throw new WharfError('local-io', t('sites.cannotRead', { path, reason: (err as Error).message }));
  }
  const format = detectSiteImportFormat(content);
  return { ...parseSiteImport(content, format, basename(path)), format };
}

function headText(content: string | Uint8Array): string {
  if (typeof content === 'string') return content.slice(0, 4096);
  const head = content.subarray(0, 4096);
  try {
    return decodeXmlBytes(head);
  } catch {
    return new TextDecoder('latin1').decode(head);
  }
}

function decodeUtf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new WharfError('invalid-input', t('sites.notUtf8'));
  }
}
