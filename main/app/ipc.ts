import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { WHARF_METHOD_NAMES, eventChannel, methodChannel } from '../../common/ipc/contract';
import { t } from '../../common/i18n/t';
import type { Result } from '../../common/models/result';
import type { Dispatch } from '../services/dispatcher';
import { invalidInput } from '../services/error-data';
import type { EventHub } from '../services/event-hub';
import { isTrustedSender } from './security';

/** Told about every refused message, for main's log (never shown to the page). */
export type RefusalListener = (method: string, reason: 'untrusted-sender' | 'arity') => void;

/**
 * The one registration loop: for every contract method, a handler on its generated channel that checks
 * the sender (our window, main frame, app origin), then hands the single payload to the dispatcher
 * (validation, allow-list, service, errors as data). An untrusted sender or a wrong number of arguments
 * gets a structured error and never reaches the dispatcher. Returns the function that unregisters all.
 */
export function registerIpcHandlers(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  dispatch: Dispatch,
  trustedContents: () => WebContents | null,
  onRefused: RefusalListener = () => undefined,
): () => void {
  for (const method of WHARF_METHOD_NAMES) {
    ipcMain.handle(methodChannel(method), async (event: IpcMainInvokeEvent, ...args: unknown[]): Promise<Result<unknown>> => {
      if (!isTrustedSender(event, trustedContents())) {
        onRefused(method, 'untrusted-sender');
        return { ok: false, error: invalidInput(t('internalErrors.untrustedSender'), { method, reason: 'untrusted-sender' }) };
      }
      if (args.length !== 1) {
        onRefused(method, 'arity');
        return { ok: false, error: invalidInput(t('internalErrors.oneObject'), { method, reason: 'arity' }) };
      }
      return dispatch(method, args[0]);
    });
  }
  return () => {
    for (const method of WHARF_METHOD_NAMES) ipcMain.removeHandler(methodChannel(method));
  };
}

/**
 * Forwards every service event to the window on its generated channel (`wharf:event:<name>`). Events go
 * only to our own webContents; a destroyed window is skipped. Returns the unsubscribe function.
 */
export function forwardEvents(events: EventHub, trustedContents: () => WebContents | null): () => void {
  return events.subscribe((event, payload) => {
    const contents = trustedContents();
    if (contents && !contents.isDestroyed()) contents.send(eventChannel(event), payload);
  });
}
