/**
 * Runtime validators for every request of the contract: main's registration loop and the end-to-end bridge
 * run a payload through its method's validator before any service sees it. The renderer is treated as
 * untrusted: objects are strict (unknown keys refused), strings bounded, paths free of control characters
 * (a CR/LF in a remote path or a user name would inject an FTP command).
 */
import { z } from 'zod';
import { UI_LOCALES } from '../i18n/locale';
import { t } from '../i18n/t';
import { issueProblem } from '../i18n/zod-issues';
import { doctorRequestSchema } from '../models/doctor-schema';
import { syncCompareRequestSchema, syncPlanRequestSchema, syncRunRequestSchema } from '../models/sync-schema';
import { hasControlCharacters } from '../models/site-profile';
import { TRANSFER_COMMANDS } from '../models/ftp-commands';
import { proxySettingsInputSchema, siteCreateInputSchema, siteUpdateInputSchema, folderPathSchema, hostSchema, passwordSchema, portSchema, treeNameSchema } from '../models/site-profile-schema';
import { OVERWRITE_POLICIES, TRANSFER_STATES } from '../models/transfer';
import type { OverwritePolicy, TransferState } from '../models/transfer';
import type { WharfMethod, WharfRequest } from './contract';

/** The longest path we accept, local or remote (Linux PATH_MAX). */
export const MAX_PATH_LENGTH = 4096;

/** The most paths or items one request may name (a 100,000-entry folder selected whole). */
export const MAX_BATCH = 100_000;

const noControls = (s: string) => !hasControlCharacters(s);

/**
 * An absolute local path on any OS: `/x` on POSIX, `C:\x` or `\\server\share` on Windows. Relative paths
 * are refused so main never resolves one against its own working directory.
 */
export function isAbsoluteLocalPath(value: string): boolean {
  return value.startsWith('/') || /^[A-Za-z]:[\\/]/.test(value) || /^\\\\[^\\]+\\[^\\]+/.test(value);
}

/** A local path: absolute, bounded, no control characters (NUL truncates paths in native code). */
export const localPathSchema = z
  .string()
  .min(1)
  .max(MAX_PATH_LENGTH)
  .refine(noControls, 'Paths cannot contain control characters.')
  .refine(isAbsoluteLocalPath, 'An absolute local path is required.');

/** A remote path: absolute (`/`-rooted), bounded, no CR/LF/NUL (FTP command injection). */
export const remotePathSchema = z
  .string()
  .min(1)
  .max(MAX_PATH_LENGTH)
  .refine(noControls, 'Remote paths cannot contain line breaks or control characters.')
  .refine((s) => s.startsWith('/'), 'An absolute remote path (starting with /) is required.');

/** Ids made by main (sessions, queue items, questions, sites): short and plain. */
export const idSchema = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9_-]+$/, 'Not an id.');

const sessionId = idSchema;
const itemIds = z.array(idSchema).min(1).max(MAX_BATCH);
const empty = z.strictObject({});

const overwritePolicySchema = z.enum(OVERWRITE_POLICIES as readonly OverwritePolicy[] as [OverwritePolicy, ...OverwritePolicy[]]);
const overwriteChoiceSchema = overwritePolicySchema.exclude(['ask']);
const transferStateSchema = z.enum(TRANSFER_STATES as readonly TransferState[] as [TransferState, ...TransferState[]]);

/**
 * FTP commands a user may not send raw: they would undo TLS (CCC, REIN, AUTH, PBSZ, PROT), change the
 * login (USER, PASS, ACCT), or open a data connection the session does not expect and hang it.
 */
export const REFUSED_RAW_COMMANDS: readonly string[] = [
  'USER', 'PASS', 'ACCT', 'AUTH', 'PBSZ', 'PROT', 'CCC', 'REIN', 'QUIT',
  'PASV', 'EPSV', 'PORT', 'EPRT', ...TRANSFER_COMMANDS,
];

const rawCommandSchema = z
  .string()
  .trim()
  .min(1)
  .max(1024)
  .refine(noControls, 'One command, on one line.')
  .refine((s) => !REFUSED_RAW_COMMANDS.includes(s.split(' ', 1)[0]!.toUpperCase()), 'This command would break the session or its security; use the app for it.');

/** Only https leaves the app for the browser. */
const httpsUrlSchema = z
  .string()
  .max(2048)
  // The URL parser drops tabs and line breaks, so what was checked would not be what the OS is handed.
  .refine(noControls, 'A link cannot contain control characters.')
  .refine((s) => {
    try {
      return new URL(s).protocol === 'https:';
    } catch {
      return false;
    }
  }, 'Only https:// links open in the browser.');

const quickConnectSchema = z
  .strictObject({
    kind: z.literal('quick'),
    host: hostSchema,
    port: portSchema.optional(),
    mode: z.enum(['explicit', 'implicit', 'plain']).optional(),
    user: z.string().max(256).refine(noControls, 'A user name cannot contain line breaks.'),
    password: passwordSchema,
    dataMode: z.enum(['passive', 'active']).optional(),
    minTlsVersion: z.enum(['TLSv1.2', 'TLSv1.3']).optional(),
    allowPlain: z.boolean().optional(),
  })
  .refine((q) => q.mode !== 'plain' || q.allowPlain === true, 'Plain FTP sends the password unencrypted: allowPlain must be true.');

const dragOutItemSchema = z.discriminatedUnion('side', [
  z.strictObject({ side: z.literal('local'), path: localPathSchema }),
  z.strictObject({ side: z.literal('remote'), sessionId, path: remotePathSchema }),
]);

const enqueueTransferSchema = z.discriminatedUnion('direction', [
  z.strictObject({
    direction: z.literal('upload'),
    localPath: localPathSchema,
    remotePath: remotePathSchema,
    kind: z.enum(['file', 'directory']).optional(),
    overwrite: overwritePolicySchema.optional(),
  }),
  z.strictObject({
    direction: z.literal('download'),
    localFolder: localPathSchema,
    remoteFolder: remotePathSchema,
    // Whatever the server listed, bounded: main refuses an unsafe name per item, with its reason.
    name: z.string().min(1).max(MAX_PATH_LENGTH),
    kind: z.enum(['file', 'directory']).optional(),
    overwrite: overwritePolicySchema.optional(),
  }),
]);

/** The validator type a method must have: it yields exactly what the method accepts. */
export type ValidatorMap = { readonly [M in WharfMethod]: z.ZodType<WharfRequest<M>> };

/**
 * One validator per method. `satisfies ValidatorMap` makes a missing (or extra) validator, or one that
 * lets through something the method's type does not accept, a compile error.
 */
export const WHARF_VALIDATORS = {
  appInfo: empty,
  openExternal: z.strictObject({ url: httpsUrlSchema }),
  clipboardWriteText: z.strictObject({ text: z.string().max(10_000_000) }),
  saveTextFile: z.strictObject({
    suggestedName: z.string().min(1).max(255).refine(noControls).refine((s) => !/[\\/]/.test(s), 'A file name, not a path.'),
    text: z.string().max(100_000_000),
  }),
  linksReady: empty,
  uiLanguageSet: z.strictObject({ locale: z.enum(UI_LOCALES) }),

  localPlaces: empty,
  localList: z.strictObject({ path: localPathSchema }),
  localMkdir: z.strictObject({ path: localPathSchema }),
  localRename: z.strictObject({ from: localPathSchema, to: localPathSchema }),
  localDelete: z.strictObject({ paths: z.array(localPathSchema).min(1).max(MAX_BATCH), toTrash: z.boolean().optional() }),
  localOpen: z.strictObject({ path: localPathSchema }),
  localReveal: z.strictObject({ path: localPathSchema }),
  localChooseFolder: z.strictObject({ title: z.string().max(200).refine(noControls).optional(), defaultPath: localPathSchema.optional() }),

  dropIn: z.strictObject({ paths: z.array(localPathSchema).min(1).max(10_000) }),
  dragOut: z.strictObject({ items: z.array(dragOutItemSchema).min(1).max(1000) }),

  remoteConnect: z.union([
    z.strictObject({ kind: z.literal('site'), siteId: idSchema, password: passwordSchema.optional(), clientKeyPassphrase: passwordSchema.optional() }),
    quickConnectSchema,
  ]),
  remoteDisconnect: z.strictObject({ sessionId }),
  remoteSessions: empty,
  remoteList: z.strictObject({ sessionId, path: remotePathSchema.optional(), listingId: idSchema.optional() }),
  remoteMkdir: z.strictObject({ sessionId, path: remotePathSchema }),
  remoteRename: z.strictObject({ sessionId, from: remotePathSchema, to: remotePathSchema }),
  remoteDelete: z.strictObject({ sessionId, paths: z.array(remotePathSchema).min(1).max(MAX_BATCH), recursive: z.boolean() }),
  remoteOpen: z.strictObject({ sessionId, path: remotePathSchema }),
  remoteChmod: z.strictObject({ sessionId, path: remotePathSchema, mode: z.string().regex(/^[0-7]{3,4}$/, 'An octal mode such as 755.') }),
  remoteCommand: z.strictObject({ sessionId, command: rawCommandSchema }),
  remoteSecurityReport: z.strictObject({ sessionId }),
  doctorRun: doctorRequestSchema,
  doctorCancel: z.strictObject({ runId: idSchema }),
  syncCompare: syncCompareRequestSchema,
  syncPlan: syncPlanRequestSchema,
  syncRun: syncRunRequestSchema,
  syncCancel: z.strictObject({ planId: idSchema }),
  syncRunning: empty,

  queueSnapshot: empty,
  queueEnqueue: z.strictObject({ sessionId, transfers: z.array(enqueueTransferSchema).min(1).max(MAX_BATCH) }),
  queuePause: z.strictObject({ itemIds }),
  queueResume: z.strictObject({ itemIds }),
  queueCancel: z.strictObject({ itemIds }),
  queueRetry: z.strictObject({ itemIds }),
  queueRemove: z.strictObject({ itemIds }),
  queueMove: z.strictObject({ itemIds, to: z.enum(['top', 'up', 'down', 'bottom']) }),
  queuePauseAll: empty,
  queueResumeAll: empty,
  queueClear: z.strictObject({ states: z.array(transferStateSchema).min(1).max(6) }),
  queueSettings: empty,
  queueSetOverwritePolicy: z.strictObject({ policy: overwritePolicySchema }),
  queueSetSpeedLimit: z.strictObject({ bytesPerSecond: z.number().int().min(1024).max(Number.MAX_SAFE_INTEGER).nullable() }),

  sitesList: empty,
  sitesGet: z.strictObject({ id: idSchema }),
  sitesCreate: z.strictObject({ site: siteCreateInputSchema }),
  sitesUpdate: z.strictObject({ id: idSchema, changes: siteUpdateInputSchema }),
  sitesDelete: z.strictObject({ id: idSchema }),
  sitesDuplicate: z.strictObject({ id: idSchema }),
  sitesMove: z.strictObject({ id: idSchema, folderPath: folderPathSchema }),
  siteFoldersCreate: z.strictObject({ folderPath: folderPathSchema.min(1) }),
  siteFoldersRename: z.strictObject({ folderPath: folderPathSchema.min(1), name: treeNameSchema }),
  siteFoldersDelete: z.strictObject({ folderPath: folderPathSchema.min(1) }),
  sitesImportPreview: z.strictObject({
    format: z.enum(['auto', 'filezilla', 'winscp', 'cyberduck', 'cyberduck-folder', 'wharf-json']),
    text: z.string().max(50_000_000).optional(),
  }),
  sitesImportCommit: z.strictObject({ importId: idSchema, storePasswords: z.boolean(), intoFolder: folderPathSchema.optional() }),
  sitesExport: z.strictObject({ siteIds: z.array(idSchema).max(100_000).optional(), saveWithDialog: z.boolean(), format: z.enum(['wharf-json', 'filezilla']).optional() }),
  certificatesList: empty,
  certificatesRemove: z.strictObject({ host: hostSchema, port: portSchema }),
  keychainStatus: empty,
  proxySettingsGet: empty,
  proxySettingsSet: proxySettingsInputSchema,

  questionsPending: empty,
  answerCertificate: z.strictObject({ questionId: idSchema, decision: z.enum(['once', 'always', 'reject']) }),
  answerOverwrite: z.strictObject({
    questionId: idSchema,
    choice: overwriteChoiceSchema,
    applyToAll: z.boolean(),
    newName: z.string().min(1).max(255).refine(noControls).refine((s) => !/[\\/]/.test(s) && s !== '.' && s !== '..', 'A file name, not a path.').optional(),
  }),
  answerEditedFile: z.strictObject({ questionId: idSchema, action: z.enum(['upload', 'ignore', 'stop']) }),
  answerChoice: z.strictObject({ questionId: idSchema, choice: z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, 'A choice is one of the ids the question offered') }),
  logRecent: empty,
} satisfies ValidatorMap;

/** A validation failure as the registration loop reports it (kept short: at most 10 issues). */
export interface ValidationIssue {
  readonly path: string;
  readonly message: string;
}

/**
 * Validates a payload for a method. Never throws (zod may, on exotic inputs such as revoked proxies or
 * getters that throw: those become an issue too). On success the parsed value is what the service gets,
 * so trimmed strings and stripped prototypes are what it sees.
 */
export function validateRequest<M extends WharfMethod>(
  method: M,
  payload: unknown,
): { readonly ok: true; readonly value: WharfRequest<M> } | { readonly ok: false; readonly issues: readonly ValidationIssue[] } {
  try {
    const validator = WHARF_VALIDATORS[method] as z.ZodType<WharfRequest<M>>;
    // The input only picks the sentence (a missing field or a wrong type); it never appears in one.
    const parsed = validator.safeParse(payload, { reportInput: true });
    if (parsed.success) return { ok: true, value: parsed.data };
    return {
      ok: false,
      issues: parsed.error.issues.slice(0, 10).map((issue) => ({
        path: issue.path.map(String).join('.') || t('validation.wholeRequest'),
        message: issueProblem(issue),
      })),
    };
  } catch {
    return { ok: false, issues: [{ path: t('validation.wholeRequest'), message: t('errors.requestUnreadable') }] };
  }
}

