import { t } from '../../common/i18n/t';
import type { WharfErrorData } from '../../common/models/errors';

/**
 * What the scheduler does after a failed attempt:
 * - `retry`: transient (timeout, reset, broken data connection, 4xx): try again after a backoff,
 *   continuing from the byte offset reached;
 * - `restart`: the result did not verify: try again from byte 0;
 * - `too-many-connections`: the server refuses another connection: lower the site's concurrency and
 *   back off, without counting it against the item while other transfers of the site still run;
 * - `fatal`: retrying cannot help (login refused, 5xx, local disk error): fail with the reason.
 */
export type FailureAction = 'retry' | 'restart' | 'too-many-connections' | 'fatal';

/** How retries are spaced and limited. */
export interface RetryOptions {
  /** Attempts per item before it fails with its last error. default 5 */
  readonly maxAttempts: number;
  /** First backoff; doubled per attempt. default 1000 ms */
  readonly baseDelayMs: number;
  /** Longest backoff. default 30000 ms */
  readonly maxDelayMs: number;
  /** First pause of a site after "too many connections"; doubled while it repeats. default 2000 ms */
  readonly tooManyConnectionsDelayMs: number;
}

/** The defaults stated on `RetryOptions`. */
export const DEFAULT_RETRY_OPTIONS: RetryOptions = {
  maxAttempts: 5,
  baseDelayMs: 1000,
  maxDelayMs: 30_000,
  tooManyConnectionsDelayMs: 2000,
};

/**
 * Replies that mean "no more connections from you" whatever code they come with: vsftpd `421 There are
 * too many connections from your internet address`, pure-ftpd `421 Too many connections`, proftpd
 * `530 Sorry, the maximum number of clients (N) from your host are already connected`.
 */
const TOO_MANY_PATTERN = /too many (connections|users|clients|sessions)|maximum number of (clients|connections|users)|connection limit/i;

/** True when an error says the server refuses more connections, whichever kind the engine gave it. */
export function isTooManyConnections(error: WharfErrorData): boolean {
  if (error.kind === 'too-many-connections') return true;
  if (error.code === 421 || error.code === 530 || error.kind === 'auth' || error.kind === 'connection-lost') {
    return TOO_MANY_PATTERN.test(error.message);
  }
  return false;
}

/** Classifies a failed attempt; the one place that knows which errors are worth another try. */
export function classifyFailure(error: WharfErrorData): FailureAction {
  if (isTooManyConnections(error)) return 'too-many-connections';
  switch (error.kind) {
    case 'timeout':
    case 'connection-lost':
    case 'data-channel':
    case 'refused':
      return 'retry';
    case 'ftp':
      return error.code !== undefined && error.code >= 400 && error.code < 500 ? 'retry' : 'fatal';
    case 'verification':
      return 'restart';
    default:
      return 'fatal';
  }
}

/** Backoff before attempt `attempt + 1` after `attempt` failed ones: base, 2x base, 4x base, ... capped. */
export function backoffDelay(attempt: number, options: Pick<RetryOptions, 'baseDelayMs' | 'maxDelayMs'>): number {
  const exponent = Math.max(0, attempt - 1);
  return Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** Math.min(exponent, 30));
}

/**
 * Turns whatever a runner threw into plain error data: a WharfError (or anything with `toData()` or a
 * `kind`) keeps its kind; Node's ECONNRESET/ETIMEDOUT become transient kinds; the rest is `internal`.
 */
export function toErrorData(error: unknown): WharfErrorData {
  if (typeof error === 'object' && error !== null) {
    const withData = error as { toData?: () => WharfErrorData; kind?: unknown; message?: unknown; code?: unknown };
    if (typeof withData.toData === 'function') return withData.toData();
    const message = typeof withData.message === 'string' ? withData.message : String(error);
    if (typeof withData.kind === 'string') {
      return {
        kind: withData.kind as WharfErrorData['kind'],
        message,
        ...(typeof withData.code === 'number' ? { code: withData.code } : {}),
      };
    }
    switch (withData.code) {
      case 'ECONNRESET':
      case 'EPIPE':
        return { kind: 'connection-lost', message };
      case 'ETIMEDOUT':
        return { kind: 'timeout', message };
      case 'ECONNREFUSED':
        return { kind: 'refused', message };
      case 'ENOSPC':
      case 'EACCES':
      case 'EPERM':
      case 'ENOENT':
      case 'EISDIR':
      case 'ENOTDIR':
      case 'EROFS':
        return { kind: 'local-io', message };
    }
    return { kind: 'internal', message };
  }
  return { kind: 'internal', message: String(error) };
}

/** The error of an item the user (or a quit) stopped. */
export function cancelledError(): WharfErrorData {
  return { kind: 'cancelled', message: t('transfers.attemptStopped', { reason: 'cancel' }) };
}
