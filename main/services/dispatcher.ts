import { t } from '../../common/i18n/t';
import { isWharfMethod, type WharfApi, type WharfMethod, type WharfRequest } from '../../common/ipc/contract';
import { validateRequest } from '../../common/ipc/schemas';
import type { Result } from '../../common/models/result';
import type { LocalAccess } from '../local-fs/local-access';
import { invalidInput, toErrorData } from './error-data';
import { LOCAL_PATHS } from './local-paths';

/** Runs one request from an already trusted sender; always resolves to a Result, never throws. */
export type Dispatch = (method: string, payload: unknown) => Promise<Result<unknown>>;

/** What the dispatcher needs: the API implementation and the allow-list. */
export interface DispatcherOptions {
  readonly api: WharfApi;
  readonly access: LocalAccess;
  /** Told about every failure that was not the caller's fault (kind `internal`), for main's own log. */
  readonly onInternalError?: (method: string, error: unknown) => void;
}

/**
 * The gate every request passes, shared by Electron's registration loop and the bridge host: known method
 * -> payload validated (the parsed value is what the service gets) -> local paths on the allow-list ->
 * service -> a Result. A bad payload or path never reaches a service; anything thrown becomes error data.
 * The transport checks the sender before calling this.
 */
export function createDispatcher(options: DispatcherOptions): Dispatch {
  const { api, access } = options;
  return async (method, payload) => {
    if (!isWharfMethod(method)) return { ok: false, error: invalidInput(t('internalErrors.unknownRequest'), { method: String(method).slice(0, 100) }) };
    const checked = validateRequest(method, payload);
    if (!checked.ok) {
      const issues = checked.issues.map((i) => `${i.path}: ${i.message}`).join(' ');
      return {
        ok: false,
        error: invalidInput(t('internalErrors.requestRefused', { method, issues }), { method, reason: 'validation', issues }),
      };
    }
    try {
      await checkLocalPaths(method, checked.value, access);
      const result = await callApi(api, method, checked.value);
      if (isResult(result)) return result;
      options.onInternalError?.(method, new Error(`${method} returned something that is not a Result`));
      return { ok: false, error: { kind: 'internal', message: t('internalErrors.badAnswer', { method }) } };
    } catch (err) {
      const error = toErrorData(err);
      if (error.kind === 'internal') options.onInternalError?.(method, err);
      return { ok: false, error };
    }
  };
}

async function checkLocalPaths<M extends WharfMethod>(method: M, request: WharfRequest<M>, access: LocalAccess): Promise<void> {
  const paths = (LOCAL_PATHS[method] as ((r: WharfRequest<M>) => readonly string[]) | null)?.(request) ?? [];
  for (const path of paths) await access.check(path);
}

function callApi<M extends WharfMethod>(api: WharfApi, method: M, request: WharfRequest<M>): Promise<unknown> {
  return (api[method] as (r: WharfRequest<M>) => Promise<unknown>).call(api, request);
}

function isResult(value: unknown): value is Result<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as { ok?: unknown; error?: unknown };
  return v.ok === true || (v.ok === false && typeof v.error === 'object' && v.error !== null);
}

