import { t } from '../../common/i18n/t';
import { ERROR_KINDS, type ErrorKind, type WharfErrorData } from '../../common/models/errors';
import { WharfError } from '../core/errors';
import { toLocalIoError } from '../local-fs/local-errors';

const KINDS = new Set<string>(ERROR_KINDS);

/**
 * Turns anything a service threw into plain error data for IPC: thrown objects lose all but `message`
 * across Electron's IPC (and everything over JSON), so main converts before anything leaves. A WharfError
 * keeps its kind, code and detail; a Node errno error becomes `local-io`; anything else is `internal` with a
 * capped message (stack traces stay in main's log).
 */
export function toErrorData(err: unknown): WharfErrorData {
  if (err instanceof WharfError) return err.toData();
  if (isErrorData(err)) return { kind: err.kind, message: err.message, ...(err.code !== undefined ? { code: err.code } : {}), ...(err.detail !== undefined ? { detail: err.detail } : {}) };
  const local = toLocalIoError(err, pathOf(err));
  if (local instanceof WharfError) return local.toData();
  const message = err instanceof Error ? err.message : String(err);
  return { kind: 'internal', message: t('internalErrors.unexpected', { message: message.replace(/\s+/g, ' ').slice(0, 300) }) };
}

/** Builds the error every refused request gets: the renderer shows `message`, tests read `detail`. */
export function invalidInput(message: string, detail?: Record<string, string | number | boolean>): WharfErrorData {
  return { kind: 'invalid-input', message, ...(detail ? { detail } : {}) };
}

/** Duck-typed error data (another copy of WharfError, a queue's stored error) with a known kind. */
function isErrorData(value: unknown): value is WharfErrorData {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as { kind?: unknown; message?: unknown; code?: unknown; detail?: unknown };
  return typeof v.kind === 'string' && KINDS.has(v.kind as ErrorKind) && typeof v.message === 'string' &&
    (v.code === undefined || typeof v.code === 'number') && (v.detail === undefined || isPlainDetail(v.detail));
}

function isPlainDetail(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  return Object.values(value).every((x) => typeof x === 'string' || typeof x === 'number' || typeof x === 'boolean');
}

function pathOf(err: unknown): string {
  const path = typeof err === 'object' && err !== null ? (err as { path?: unknown }).path : undefined;
  return typeof path === 'string' ? path : 'A file';
}
