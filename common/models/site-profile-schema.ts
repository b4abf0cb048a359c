/**
 * The validators of site profiles (zod), apart from the types and constants in site-profile.ts so the
 * renderer, which imports those, does not bundle zod: main (the site store, imports, trusted certificates)
 * and the IPC validators in common/ipc use these.
 */
import { z } from 'zod';
import { parseProxyUrl, type ProxySettingsInput } from './proxy';
import {
  DEFAULT_ALLOW_CLEAR_DATA,
  DEFAULT_UPLOAD_VIA_TEMPORARY_NAME,
  DEFAULT_KEEP_MODIFIED_TIMES,
  DEFAULT_SEGMENTS,
  MAX_CONNECTIONS_LIMIT,
  MAX_SEGMENTS,
  MAX_TIMEZONE_OFFSET_MINUTES,
  hasControlCharacters,
  type PinnedCertificate,
  type SiteCreateInput,
  type SiteProfile,
  type SiteUpdateInput,
} from './site-profile';

const noControls = (s: string) => !hasControlCharacters(s);

/**
 * A site or folder name: shown in a tree and typed as `site:NAME/path` in the CLI, so no `/` and no
 * control characters.
 */
export const treeNameSchema = z
  .string()
  .trim()
  .min(1, 'A name is required.')
  .max(200, 'Names are limited to 200 characters.')
  .refine(noControls, 'Names cannot contain control characters.')
  .refine((s) => !s.includes('/'), 'Names cannot contain "/".');

/** A folder path: a list of folder names from the root; at most 16 levels so the tree stays usable. */
export const folderPathSchema = z.array(treeNameSchema).max(16, 'Folders nest at most 16 levels deep.');

/** A host name or IP address (IPv6 with or without brackets). */
export const hostSchema = z
  .string()
  .trim()
  .min(1, 'A host is required.')
  .max(253, 'Host names are limited to 253 characters.')
  .refine((s) => !/[\s/@]/.test(s) && noControls(s), 'A host cannot contain spaces, "/" or "@".');

/** A TCP port. */
export const portSchema = z.number().int().min(1).max(65535);

/** Text sent on the control connection (user, remote folder): a CR or LF would start a new FTP command. */
const controlSafeText = (max: number) =>
  z.string().max(max).refine(noControls, 'Line breaks and control characters are not allowed here.');

/** A charset name: 'utf8', 'latin1' or a WHATWG encoding label. */
export const encodingSchema = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[A-Za-z0-9_.:-]+$/, 'An encoding is a name such as utf8, latin1 or windows-1251.');

/** A password as typed: any text but line breaks and control characters, which FTP's PASS cannot carry. */
export const passwordSchema = z.string().max(1024).refine(noControls, 'A password cannot contain line breaks or control characters.');

const ftpsModeSchema = z.enum(['explicit', 'implicit', 'plain']);
const dataModeSchema = z.enum(['passive', 'active']);
const minTlsSchema = z.enum(['TLSv1.2', 'TLSv1.3']);
const passwordStorageSchema = z.enum(['keychain', 'ask']);
const maxConnectionsSchema = z.number().int().min(1).max(MAX_CONNECTIONS_LIMIT);
const segmentsSchema = z.number().int().min(0).max(MAX_SEGMENTS);
const timezoneSchema = z.number().int().min(-MAX_TIMEZONE_OFFSET_MINUTES).max(MAX_TIMEZONE_OFFSET_MINUTES);
/** A local file path (client certificate or key): no control characters, '' for none. */
const localFileSchema = z.string().max(4096).refine(noControls, 'A file path cannot contain control characters.');
const siteProxyModeSchema = z.enum(['app', 'none', 'system', 'custom']);
/** A proxy address as typed: '' or one parseProxyUrl accepts (without a password: that goes to the keychain). */
export const proxyUrlSchema = z
  .string()
  .trim()
  .max(600)
  .superRefine((value, ctx) => {
    if (value === '') return;
    const parsed = parseProxyUrl(value);
    // parseProxyUrl's sentence is in the user's language already (common/i18n/zod-issues.ts keeps it).
    if ('error' in parsed) ctx.addIssue({ code: 'custom', message: parsed.error, params: { translated: true } });
    else if (parsed.password !== null) ctx.addIssue({ code: 'custom', message: 'Leave the password out of the proxy address: enter it in the proxy password field, which goes to the keychain.' });
  });

/** A saved site, checked field by field: used by the IPC layer on outgoing data and by the store on load. */
export const siteProfileSchema = z.strictObject({
  id: z.uuid(),
  name: treeNameSchema,
  folderPath: folderPathSchema,
  protocol: ftpsModeSchema,
  host: hostSchema,
  port: portSchema,
  portFollowsProtocol: z.boolean(),
  user: controlSafeText(256),
  passwordStorage: passwordStorageSchema,
  hasPassword: z.boolean(),
  dataMode: dataModeSchema,
  localDir: controlSafeText(4096),
  remoteDir: controlSafeText(4096),
  encoding: encodingSchema,
  maxConnections: maxConnectionsSchema,
  timezoneOffsetMinutes: timezoneSchema,
  minTlsVersion: minTlsSchema,
  // A site saved before the setting existed loads with the default.
  uploadViaTemporaryName: z.boolean().default(DEFAULT_UPLOAD_VIA_TEMPORARY_NAME),
  keepModifiedTimes: z.boolean().default(DEFAULT_KEEP_MODIFIED_TIMES),
  segments: segmentsSchema.default(DEFAULT_SEGMENTS),
  clientCertPath: localFileSchema.default(''),
  clientKeyPath: localFileSchema.default(''),
  proxyMode: siteProxyModeSchema.default('app'),
  proxyUrl: proxyUrlSchema.default(''),
  allowClearData: z.boolean().default(DEFAULT_ALLOW_CLEAR_DATA),
  comments: z.string().max(10_000),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
}) satisfies z.ZodType<SiteProfile>;

/** Validates what the renderer or the CLI sends to create a site (the IPC validator for sites.create). */
export const siteCreateInputSchema = z.strictObject({
  name: treeNameSchema,
  folderPath: folderPathSchema.optional(),
  protocol: ftpsModeSchema.optional(),
  host: hostSchema,
  port: portSchema.optional(),
  portFollowsProtocol: z.boolean().optional(),
  user: controlSafeText(256).optional(),
  passwordStorage: passwordStorageSchema.optional(),
  password: passwordSchema.optional(),
  dataMode: dataModeSchema.optional(),
  localDir: controlSafeText(4096).optional(),
  remoteDir: controlSafeText(4096).optional(),
  encoding: encodingSchema.optional(),
  maxConnections: maxConnectionsSchema.optional(),
  timezoneOffsetMinutes: timezoneSchema.optional(),
  minTlsVersion: minTlsSchema.optional(),
  uploadViaTemporaryName: z.boolean().optional(),
  keepModifiedTimes: z.boolean().optional(),
  segments: segmentsSchema.optional(),
  clientCertPath: localFileSchema.optional(),
  clientKeyPath: localFileSchema.optional(),
  clientKeyPassphrase: passwordSchema.optional(),
  proxyMode: siteProxyModeSchema.optional(),
  proxyUrl: proxyUrlSchema.optional(),
  proxyPassword: passwordSchema.optional(),
  allowClearData: z.boolean().optional(),
  comments: z.string().max(10_000).optional(),
}) satisfies z.ZodType<SiteCreateInput>;

/**
 * Validates the changes sent to update a site (the IPC validator for sites.update): the create fields, all
 * optional, but the folder (moving is sitesMove) and with `password: null` to forget a saved password, and
 * `keepPassword` to keep it for a new host, port, user or protocol.
 */
export const siteUpdateInputSchema = siteCreateInputSchema
  .omit({ folderPath: true, password: true, clientKeyPassphrase: true, proxyPassword: true })
  .partial()
  .extend({
    password: passwordSchema.nullable().optional(),
    clientKeyPassphrase: passwordSchema.nullable().optional(),
    proxyPassword: passwordSchema.nullable().optional(),
    keepPassword: z.boolean().optional(),
  }) satisfies z.ZodType<SiteUpdateInput>;

/** A pinned certificate as stored and as sent over IPC. */
export const pinnedCertificateSchema = z.strictObject({
  host: hostSchema,
  port: portSchema,
  fingerprintSha256: z.string().regex(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/, 'A SHA-256 fingerprint is 32 hex bytes, AB:CD:...'),
  subject: z.string().max(2000),
  trustedAt: z.iso.datetime(),
}) satisfies z.ZodType<PinnedCertificate>;

/** Validates the app-wide proxy setting as sent by the settings dialog (the IPC validator for proxySettingsSet). */
export const proxySettingsInputSchema = z.strictObject({
  mode: z.enum(['none', 'system', 'custom']),
  proxyUrl: proxyUrlSchema,
  password: passwordSchema.nullable().optional(),
}) satisfies z.ZodType<ProxySettingsInput>;
