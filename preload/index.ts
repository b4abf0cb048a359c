/**
 * The sandboxed preload: builds `window.wharf` from the contract's method list, one function per method
 * invoking its generated channel, plus `on(event, callback)` and `getPathForFile(file)`. It never exposes
 * ipcRenderer, `send`, or an IpcRendererEvent. Bundled into one CommonJS file that requires only
 * `electron` (vite.preload.config.ts): a sandboxed preload can load nothing else.
 */
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import {
  WHARF_METHOD_NAMES,
  eventChannel,
  isWharfEventName,
  methodChannel,
  type OsFileLike,
  type WharfApi,
  type WharfBridge,
  type WharfEventName,
  type WharfEvents,
  type WharfMethod,
} from '../common/ipc/contract';
import type { Result } from '../common/models/result';

/** Paths remembered from getPathForFile, at most this many (a drop of a few thousand files fits). */
const MAX_REMEMBERED_PATHS = 20_000;

/**
 * Paths the OS handed us through real File objects (drops, file inputs). `dropIn` forwards only these, so
 * a script in the page cannot name `/etc` and have main allow it: only what the user dropped is granted.
 */
const osPaths = new Set<string>();

function internalError(message: string): Result<never> {
  return { ok: false, error: { kind: 'internal', message } };
}

/** One method: invoke its channel with the single request; a transport failure still answers a Result. */
function invoker(method: WharfMethod): (request: unknown) => Promise<unknown> {
  const channel = methodChannel(method);
  return (request) =>
    ipcRenderer.invoke(channel, request).catch(() => internalError(`Wharf could not reach its main process for ${method}.`));
}

const methods = Object.fromEntries(WHARF_METHOD_NAMES.map((method) => [method, invoker(method)])) as unknown as WharfApi;

const forwardDropIn = methods.dropIn;
const dropIn: WharfApi['dropIn'] = async (request) => {
  const paths: unknown = (request as { paths?: unknown } | null)?.paths;
  if (!Array.isArray(paths) || !paths.every((p) => typeof p === 'string' && osPaths.has(p))) {
    return { ok: false, error: { kind: 'invalid-input', message: 'Only files and folders dropped from the operating system can be added this way.', detail: { method: 'dropIn', reason: 'not-from-os' } } };
  }
  return forwardDropIn(request);
};

function on<E extends WharfEventName>(event: E, callback: (payload: WharfEvents[E]) => void): () => void {
  if (!isWharfEventName(event)) throw new TypeError(`Unknown Wharf event: ${String(event)}`);
  if (typeof callback !== 'function') throw new TypeError('on() needs a callback function.');
  const channel = eventChannel(event);
  // The Electron event stays here: the page gets the payload only.
  const listener = (_event: IpcRendererEvent, payload: WharfEvents[E]) => {
    try {
      callback(payload);
    } catch (err) {
      // One failing subscriber must not stop the others (as in the bridge); the error still shows.
      console.error(err);
    }
  };
  ipcRenderer.on(channel, listener);
  return () => {
    ipcRenderer.removeListener(channel, listener);
  };
}

function getPathForFile(file: OsFileLike): string {
  const path = webUtils.getPathForFile(file as unknown as File);
  if (path) {
    osPaths.add(path);
    if (osPaths.size > MAX_REMEMBERED_PATHS) osPaths.delete(osPaths.values().next().value!);
  }
  return path;
}

/** What the page sees as `window.wharf` (typed for it by common/ipc/window.d.ts). */
export const wharfBridge: WharfBridge = Object.freeze({ ...methods, dropIn, on, getPathForFile });

contextBridge.exposeInMainWorld('wharf', wharfBridge);
