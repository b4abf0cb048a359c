import { t } from '../../common/i18n/t';
import { issueProblem } from '../../common/i18n/zod-issues';
import { z } from 'zod';
import type { SiteImportNote, SiteImportSkip, SiteProfile } from '../../common/models/site-profile';
import { folderPathSchema, siteCreateInputSchema } from '../../common/models/site-profile-schema';
import { WharfError } from '../core/errors';
import type { SiteImportEntry, SiteImportPlan } from './site-import-plan';

/** The `format` marker of Wharf's export files, so an import can tell them from any other JSON. */
export const WHARF_EXPORT_FORMAT = 'wharf-sites';

/** The export schema version this build writes. */
export const WHARF_EXPORT_VERSION = 1;

/** What one exported site holds: every setting, and by construction no id, no password, no password state. */
const exportedSiteSchema = z.object(siteCreateInputSchema.omit({ password: true, clientKeyPassphrase: true, proxyPassword: true }).shape);

/**
 * Serializes sites for sharing or backup. Passwords are never written (they are in the keychain, and an
 * export is a file people mail around); ids are left out so an import never collides with existing sites.
 */
export function exportSitesJson(
  tree: { readonly folders: readonly (readonly string[])[]; readonly sites: readonly Omit<SiteProfile, 'hasPassword'>[] },
  now: Date = new Date(),
): string {
  const sites = tree.sites.map((s) => ({
    name: s.name,
    folderPath: s.folderPath,
    protocol: s.protocol,
    host: s.host,
    port: s.port,
    portFollowsProtocol: s.portFollowsProtocol,
    user: s.user,
    passwordStorage: s.passwordStorage,
    dataMode: s.dataMode,
    localDir: s.localDir,
    remoteDir: s.remoteDir,
    encoding: s.encoding,
    maxConnections: s.maxConnections,
    timezoneOffsetMinutes: s.timezoneOffsetMinutes,
    minTlsVersion: s.minTlsVersion,
    uploadViaTemporaryName: s.uploadViaTemporaryName,
    keepModifiedTimes: s.keepModifiedTimes,
    segments: s.segments,
    clientCertPath: s.clientCertPath ?? '',
    clientKeyPath: s.clientKeyPath ?? '',
    proxyMode: s.proxyMode ?? 'app',
    proxyUrl: s.proxyUrl ?? '',
    allowClearData: s.allowClearData,
    comments: s.comments,
  }));
  const body = { format: WHARF_EXPORT_FORMAT, schemaVersion: WHARF_EXPORT_VERSION, exportedAt: now.toISOString(), folders: tree.folders, sites };
  return `${JSON.stringify(body, null, 2)}\n`;
}

/**
 * Reads an export made by exportSitesJson into an import plan for SiteStore.importSites. Entries that do
 * not validate are skipped with the reason; a `password` someone added by hand is ignored (and noted):
 * passwords enter Wharf only by being typed or from a FileZilla import the user agreed to.
 */
export function parseSitesJson(text: string): SiteImportPlan {
  let doc: unknown;
  try {
    doc = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    throw new WharfError('invalid-input', t('sites.notJson'));
  }
  const top = typeof doc === 'object' && doc !== null && !Array.isArray(doc) ? (doc as Record<string, unknown>) : undefined;
  if (!top || top.format !== WHARF_EXPORT_FORMAT || !Array.isArray(top.sites)) {
    throw new WharfError('invalid-input', t('sites.notWharfExport'));
  }
  const version = top.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new WharfError('invalid-input', t('sites.noSchemaVersion'));
  }
  if (version > WHARF_EXPORT_VERSION) {
    throw new WharfError('invalid-input', t('sites.newerExport', { version }));
  }

  const folders: (readonly string[])[] = [];
  if (Array.isArray(top.folders)) {
    for (const f of top.folders) {
      const parsed = folderPathSchema.min(1).safeParse(f);
      if (parsed.success) folders.push(parsed.data);
    }
  }
  const sites: SiteImportEntry[] = [];
  const skipped: SiteImportSkip[] = [];
  const notes: SiteImportNote[] = [];
  top.sites.forEach((entry, index) => {
    const raw = typeof entry === 'object' && entry !== null ? (entry as Record<string, unknown>) : {};
    const name = typeof raw.name === 'string' && raw.name.trim() ? raw.name.trim().slice(0, 200) : t('importNotes.numberedSite', { number: index + 1 });
    const folderPath = Array.isArray(raw.folderPath) ? raw.folderPath.filter((x): x is string => typeof x === 'string') : [];
    const parsed = exportedSiteSchema.safeParse(entry, { reportInput: true });
    if (!parsed.success) {
      const reason = parsed.error.issues.map((i) => t('importNotes.invalidEntryField', { field: i.path.join('.') || t('importNotes.wholeEntry'), problem: issueProblem(i) })).join(' ');
      skipped.push({ name, folderPath, reason });
      return;
    }
    if ('password' in raw) notes.push({ name, folderPath, note: t('importNotes.passwordInExportIgnored') });
    const { folderPath: sitePath, ...input } = parsed.data;
    sites.push({ key: `wharf-${index + 1}`, folderPath: sitePath ?? [], input });
  });
  return {
    summary: { source: 'wharf', sitesFound: sites.length, foldersFound: folders.length, skipped, passwordsFound: 0, notes },
    sites,
    folders,
  };
}
