/**
 * Upgrades of the sites file, one schema version at a time. Never edit a published step: add a new one and
 * bump SITES_SCHEMA_VERSION, so a file from any older Wharf climbs the same ladder.
 */

/** The schema version this build writes. */
export const SITES_SCHEMA_VERSION = 5;

/**
 * Version 0, the pre-release format (kept to prove the mechanism; no public build wrote it): a bare array
 * of sites, `folder` as one "A/B" string, `secure` instead of `protocol`, `passive` as a boolean, and
 * `created` as epoch milliseconds.
 */
interface SiteV0 {
  id?: unknown;
  name?: unknown;
  folder?: unknown;
  host?: unknown;
  port?: unknown;
  secure?: unknown;
  passive?: unknown;
  user?: unknown;
  savePassword?: unknown;
  created?: unknown;
}

const SECURE_V0_TO_PROTOCOL: Record<string, string> = { explicit: 'explicit', implicit: 'implicit', none: 'plain' };

function migrateV0ToV1(doc: unknown): unknown {
  const sites: unknown[] = Array.isArray(doc)
    ? doc
    : typeof doc === 'object' && doc !== null && Array.isArray((doc as { sites?: unknown }).sites)
      ? (doc as { sites: unknown[] }).sites
      : (() => {
          throw new Error('a schema 0 file is a list of sites');
        })();
  return {
    schemaVersion: 1,
    folders: [],
    sites: sites.map((entry) => {
      // Entries that are not objects go through unchanged so the v1 validation reports them as lost.
      if (typeof entry !== 'object' || entry === null) return entry;
      const s = entry as SiteV0;
      const protocol = typeof s.secure === 'string' ? (SECURE_V0_TO_PROTOCOL[s.secure] ?? s.secure) : 'explicit';
      const defaultPort = protocol === 'implicit' ? 990 : 21;
      const port = typeof s.port === 'number' ? s.port : defaultPort;
      const created =
        typeof s.created === 'number' && Number.isFinite(s.created) ? new Date(s.created).toISOString() : new Date(0).toISOString();
      return {
        id: s.id,
        name: s.name,
        folderPath: typeof s.folder === 'string' ? s.folder.split('/').filter((x) => x.trim() !== '') : [],
        protocol,
        host: s.host,
        port,
        portFollowsProtocol: port === defaultPort,
        user: typeof s.user === 'string' ? s.user : '',
        passwordStorage: s.savePassword === false ? 'ask' : 'keychain',
        dataMode: s.passive === false ? 'active' : 'passive',
        localDir: '',
        remoteDir: '',
        encoding: 'utf8',
        maxConnections: 2,
        timezoneOffsetMinutes: 0,
        minTlsVersion: 'TLSv1.2',
        comments: '',
        createdAt: created,
        updatedAt: created,
      };
    }),
  };
}

/**
 * Version 2 adds `uploadViaTemporaryName` (default on). The step only writes the default in: the site
 * schema defaults a missing field anyway. The version is bumped because a Wharf that reads schema 1 checks
 * sites strictly and would set aside every site with the new field as damaged; it now refuses the whole
 * file as "written by a newer Wharf" and leaves it untouched instead.
 */
function migrateV1ToV2(doc: unknown): unknown {
  if (typeof doc !== 'object' || doc === null || !Array.isArray((doc as { sites?: unknown }).sites)) return doc;
  const v1 = doc as { sites: unknown[] };
  return {
    ...v1,
    schemaVersion: 2,
    sites: v1.sites.map((entry) =>
      typeof entry === 'object' && entry !== null && !('uploadViaTemporaryName' in entry) ? { ...entry, uploadViaTemporaryName: true } : entry,
    ),
  };
}

/**
 * Version 3 adds the enterprise connectivity settings (#18): a client certificate (`clientCertPath`,
 * `clientKeyPath`, none by default) and a proxy (`proxyMode` 'app', following the app-wide setting, and
 * `proxyUrl`); and `allowClearData` (default off: a server refusing PROT P is refused). Only defaults are
 * written in, for the same reason as version 2: an older Wharf then refuses the file instead of setting
 * sites aside.
 */
function migrateV2ToV3(doc: unknown): unknown {
  if (typeof doc !== 'object' || doc === null || !Array.isArray((doc as { sites?: unknown }).sites)) return doc;
  const v2 = doc as { sites: unknown[] };
  const defaults = { clientCertPath: '', clientKeyPath: '', proxyMode: 'app', proxyUrl: '', allowClearData: false };
  return {
    ...v2,
    schemaVersion: 3,
    sites: v2.sites.map((entry) => (typeof entry === 'object' && entry !== null ? { ...defaults, ...entry } : entry)),
  };
}

/**
 * Version 4 adds `keepModifiedTimes` (default on: uploads keep the local file's modification time). Only the
 * default is written in, as in versions 2 and 3.
 */
function migrateV3ToV4(doc: unknown): unknown {
  if (typeof doc !== 'object' || doc === null || !Array.isArray((doc as { sites?: unknown }).sites)) return doc;
  const v3 = doc as { sites: unknown[] };
  return {
    ...v3,
    schemaVersion: 4,
    sites: v3.sites.map((entry) => (typeof entry === 'object' && entry !== null ? { keepModifiedTimes: true, ...entry } : entry)),
  };
}

/**
 * Version 5 adds `segments` (#16: a big download in up to that many ranges at once). A site allowed a single
 * connection gets 0 (off: its server forbids several), the others the default of 4, as a new site would.
 */
function migrateV4ToV5(doc: unknown): unknown {
  if (typeof doc !== 'object' || doc === null || !Array.isArray((doc as { sites?: unknown }).sites)) return doc;
  const v4 = doc as { sites: unknown[] };
  return {
    ...v4,
    schemaVersion: 5,
    sites: v4.sites.map((entry) => {
      if (typeof entry !== 'object' || entry === null) return entry;
      const maxConnections = (entry as { maxConnections?: unknown }).maxConnections;
      return { segments: maxConnections === 1 ? 0 : 4, ...entry };
    }),
  };
}

/** `SITE_MIGRATIONS[n]` turns a schema-n document into schema n+1. */
export const SITE_MIGRATIONS: Readonly<Record<number, (doc: unknown) => unknown>> = {
  0: migrateV0ToV1,
  1: migrateV1ToV2,
  2: migrateV2ToV3,
  3: migrateV3ToV4,
  4: migrateV4ToV5,
};
