import type { WharfErrorData } from './errors';

/** What every engine call and IPC method returns: errors travel as data, never as thrown objects. */
export type Result<T, E = WharfErrorData> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: E };

/** Wraps a value as a successful Result. */
export function ok<T>(value: T): Result<T, never> {
  return { ok: true, value };
}

/** Wraps an error as a failed Result. */
export function fail<E>(error: E): Result<never, E> {
  return { ok: false, error };
}
