/** The sites layer's public API: import from 'main/sites' rather than from the files inside. */
export { defaultDataDir, DATA_DIR_ENV, SITES_FILE_NAME, SiteStore, type SiteStoreOptions } from './site-store';
export { PinnedCertificateStore, TRUSTED_CERTIFICATES_FILE_NAME, normalizeHost, type PinnedCertificateStoreOptions } from './pinned-certificates';
export { normalizeFingerprint } from '../ftps/certificate';
export { parseFileZillaSiteManager, type FileZillaImport } from './filezilla-import';
export { exportSitesJson, parseSitesJson, WHARF_EXPORT_FORMAT } from './wharf-json';
export { parseWinScpIni } from './winscp-import';
export { parseCyberduckBookmarks, readCyberduckFolder, type CyberduckBookmarkFile } from './cyberduck-import';
export { detectSiteImportFormat, parseSiteImport, readSiteImport, type SiteImportSource } from './site-import-file';
export { exportFileZillaSiteManager, type FileZillaExport } from './filezilla-export';
export type { ParsedSiteImport, SiteImportEntry, SiteImportPlan } from './site-import-plan';
export type { StoreFs, StoreFileHandle } from './atomic-file';
