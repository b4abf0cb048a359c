import { t } from '../../common/i18n/t';
import {
  DEFAULT_MAX_CONNECTIONS,
  DEFAULT_UPLOAD_VIA_TEMPORARY_NAME,
  MAX_TIMEZONE_OFFSET_MINUTES,
  hasControlCharacters,
  type SiteImportNote,
  type SiteImportSkip,
  type SiteImportSummary,
} from '../../common/models/site-profile';
import type { ParsedSiteImport, SiteImportEntry } from './site-import-plan';

/** How deep folders may nest in the site tree (folderPathSchema). */
export const MAX_FOLDER_DEPTH = 16;

/** A tree name: whitespace runs collapsed, "/" and controls replaced, at most 200 characters. */
export function cleanName(raw: string, fallback: string): { name: string; changed: boolean } {
  const collapsed = raw.replace(/\s+/g, ' ').trim();
  let name = collapsed.replace(/\//g, '-');
  name = Array.from(name, (c) => (hasControlCharacters(c) ? '-' : c)).join('').slice(0, 200).trim();
  if (name === '') return { name: fallback, changed: collapsed !== '' };
  return { name, changed: name !== collapsed };
}

/**
 * A charset label as the engine takes it: 'utf8', 'latin1' (Node's own name for ISO-8859-1) or the WHATWG
 * canonical name ('windows-1251', 'shift_jis', ...). Null for labels no decoder knows.
 */
export function normalizeCharset(label: string): string | null {
  const l = label.trim().toLowerCase();
  if (l === '') return null;
  if (l === 'utf-8' || l === 'utf8') return 'utf8';
  if (['iso-8859-1', 'iso8859-1', 'iso_8859-1', 'latin1', 'latin-1', 'l1', 'cp819', 'ibm819'].includes(l)) return 'latin1';
  try {
    const canonical = new TextDecoder(l).encoding;
    return canonical === 'utf-8' ? 'utf8' : canonical;
  } catch {
    return null;
  }
}

/** A timezone offset in minutes, held to the range a site accepts (FileZilla's -24 h to +24 h). */
export function clampTimezoneOffset(minutes: number): number {
  return Math.max(-MAX_TIMEZONE_OFFSET_MINUTES, Math.min(MAX_TIMEZONE_OFFSET_MINUTES, Math.round(minutes)));
}

/** What an importer gives for one site: the fields it read; the rest take Wharf's defaults. */
export type ImportedSiteFields = Omit<SiteImportEntry['input'], 'maxConnections' | 'uploadViaTemporaryName' | 'comments' | 'localDir' | 'remoteDir'> &
  Partial<Pick<SiteImportEntry['input'], 'maxConnections' | 'uploadViaTemporaryName' | 'comments' | 'localDir' | 'remoteDir'>>;

/**
 * Collects what an importer (WinSCP, Cyberduck) finds into a plan with its summary: folders named from the
 * source's own paths (cleaned, at most 16 deep), sites, skips with reasons, notes, and passwords kept apart
 * under each entry's key so they reach the keychain only if the user agrees.
 */
export class SiteImportCollector {
  private readonly sites: SiteImportEntry[] = [];
  private readonly folders: (readonly string[])[] = [];
  private readonly folderKeys = new Set<string>();
  private readonly skipped: SiteImportSkip[] = [];
  private readonly notes: SiteImportNote[] = [];
  private readonly passwords = new Map<string, string>();
  private readonly adjustedFolders = new Set<string>();

  constructor(private readonly source: SiteImportSummary['source']) {}

  /**
   * A folder path from the source's raw names, cleaned; null (with the site skipped) when it is nested
   * deeper than the tree allows. Folders become part of the plan only with a site in them (addSite).
   */
  folderPath(rawSegments: readonly string[], siteName: string): readonly string[] | null {
    const path: string[] = [];
    for (const raw of rawSegments) {
      const { name, changed } = cleanName(raw, t('importNotes.fallbackFolder'));
      const key = JSON.stringify([...path, name]);
      if (changed && !this.adjustedFolders.has(key)) {
        this.adjustedFolders.add(key);
        this.note(name, path, t('importNotes.folderNameAdjusted'));
      }
      path.push(name);
    }
    if (path.length > MAX_FOLDER_DEPTH) {
      this.skip(siteName, path.slice(0, MAX_FOLDER_DEPTH), t('importNotes.foldersTooDeep', { max: MAX_FOLDER_DEPTH }));
      return null;
    }
    return path;
  }

  private addFolders(path: readonly string[]): void {
    for (let depth = 1; depth <= path.length; depth++) {
      const prefix = path.slice(0, depth);
      const key = JSON.stringify(prefix);
      if (!this.folderKeys.has(key)) {
        this.folderKeys.add(key);
        this.folders.push(prefix);
      }
    }
  }

  /** A site that cannot be imported, and why. */
  skip(name: string, folderPath: readonly string[], reason: string): void {
    this.skipped.push({ name, folderPath, reason });
  }

  /** Something the user should know about a site. */
  note(name: string, folderPath: readonly string[], note: string): void {
    this.notes.push({ name, folderPath, note });
  }

  /** Adds a site with Wharf's defaults for what the source has no equivalent of. */
  addSite(folderPath: readonly string[], fields: ImportedSiteFields, password: string | undefined, notes: readonly string[]): void {
    const key = `${this.source}-${this.sites.length + 1}`;
    this.addFolders(folderPath);
    this.sites.push({
      key,
      folderPath,
      input: {
        localDir: '',
        remoteDir: '',
        maxConnections: DEFAULT_MAX_CONNECTIONS,
        // Neither WinSCP's nor Cyberduck's FTP settings are Wharf's "upload via a temporary name": imported
        // sites get Wharf's safer default, which the site manager shows and can turn off per site.
        uploadViaTemporaryName: DEFAULT_UPLOAD_VIA_TEMPORARY_NAME,
        comments: '',
        ...fields,
      },
    });
    if (password !== undefined && password !== '') this.passwords.set(key, password);
    for (const note of notes) this.note(fields.name, folderPath, note);
  }

  /** The plan and the passwords found. */
  build(): ParsedSiteImport {
    return {
      plan: {
        summary: {
          source: this.source,
          sitesFound: this.sites.length,
          foldersFound: this.folders.length,
          skipped: this.skipped,
          passwordsFound: this.passwords.size,
          notes: this.notes,
        },
        sites: this.sites,
        folders: this.folders,
      },
      passwords: this.passwords,
    };
  }
}

/** How many characters of comments a site keeps. */
export const MAX_COMMENTS_LENGTH = 10_000;

/** Comments cut to what a site keeps, with a note when cut. */
export function importComments(raw: string, notes: string[]): string {
  const comments = raw.replace(/\s+$/, '');
  if (comments.length <= MAX_COMMENTS_LENGTH) return comments;
  notes.push(t('importNotes.commentsCut', { max: MAX_COMMENTS_LENGTH }));
  return comments.slice(0, MAX_COMMENTS_LENGTH);
}
