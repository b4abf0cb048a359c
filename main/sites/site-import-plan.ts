import type { SiteCreateInput, SiteImportSummary } from '../../common/models/site-profile';

/** One site ready to be created by SiteStore.importSites; `key` pairs it with its password, if any. */
export interface SiteImportEntry {
  readonly key: string;
  /** Relative to the folder the import goes into. */
  readonly folderPath: readonly string[];
  /** Without a password: passwords travel separately, and only if the user agrees. */
  readonly input: Omit<SiteCreateInput, 'password' | 'folderPath'>;
}

/**
 * A parsed import file: the summary for the user, the sites and the folders (empty ones too). It stays in
 * main; only `summary` goes to the renderer.
 */
export interface SiteImportPlan {
  readonly summary: SiteImportSummary;
  readonly sites: readonly SiteImportEntry[];
  readonly folders: readonly (readonly string[])[];
}

/**
 * A parsed import file: the plan (with a summary to show) and, separately, the passwords found, keyed by
 * entry key. The caller passes `passwords` to SiteStore.importSites only if the user agreed; they never
 * leave main.
 */
export interface ParsedSiteImport {
  readonly plan: SiteImportPlan;
  readonly passwords: ReadonlyMap<string, string>;
}
