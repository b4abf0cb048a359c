/**
 * The page side of the end-to-end bridge: defines `window.wharf` with exactly the preload's shape (one
 * function per contract method, `on`, `getPathForFile`) but carried over a WebSocket to the bridge host
 * instead of Electron IPC, so the real renderer runs unchanged in a plain Chromium. Built into one IIFE by
 * build-client.ts; the host injects it into index.html. Typed without the DOM library (the node tsconfig
 * checks test/), through the few browser globals it needs.
 */
import {
  WHARF_METHOD_NAMES,
  isWharfEventName,
  type OsFileLike,
  type WharfApi,
  type WharfBridge,
  type WharfEventName,
  type WharfEvents,
  type WharfMethod,
} from '../../../common/ipc/contract';
import type { Result } from '../../../common/models/result';
import { BRIDGE_TOKEN_PARAM, BRIDGE_WS_PATH, type HostMessage } from './wire';

/** The browser WebSocket as far as we use it. */
interface PageSocket {
  readonly readyState: number;
  send(data: string): void;
  addEventListener(type: 'open' | 'close' | 'error', listener: () => void): void;
  addEventListener(type: 'message', listener: (event: { readonly data: unknown }) => void): void;
}

/** The globals of a page this script touches. */
export interface PageGlobals {
  location: { readonly host: string; readonly search: string; readonly protocol: string };
  WebSocket: new (url: string) => PageSocket;
  wharf?: WharfBridge;
  /** Test hooks: the OS paths a Playwright test pretends the dropped files have. */
  wharfBridgeTest?: BridgeTestHooks;
}

/** What an end-to-end test can do to the page's bridge (absent in Electron, of course). */
export interface BridgeTestHooks {
  /**
   * Chromium gives dropped test files no OS path: register one by file name, and `getPathForFile` returns it
   * (then `dropIn` accepts it, as the preload accepts paths the OS gave).
   */
  registerDroppedPath(fileName: string, path: string): void;
  /** Whether the socket is open (tests wait for it instead of sleeping). */
  isConnected(): boolean;
}

const OPEN = 1;

/** Installs `window.wharf` on the page; returns it. Reconnects are not attempted: a test reloads the page. */
export function installWharfBridge(page: PageGlobals): WharfBridge {
  const token = new URLSearchParams(page.location.search).get(BRIDGE_TOKEN_PARAM) ?? '';
  const scheme = page.location.protocol === 'https:' ? 'wss' : 'ws';
  const socket = new page.WebSocket(`${scheme}://${page.location.host}${BRIDGE_WS_PATH}?${BRIDGE_TOKEN_PARAM}=${encodeURIComponent(token)}`);
  const waiting = new Map<number, (result: Result<unknown>) => void>();
  const outbox: string[] = [];
  const listeners = new Map<WharfEventName, Set<(payload: never) => void>>();
  const testPaths = new Map<string, string>();
  const osPaths = new Set<string>();
  let nextId = 1;
  let closed = false;

  const failAll = (message: string) => {
    for (const resolve of waiting.values()) resolve({ ok: false, error: { kind: 'internal', message } });
    waiting.clear();
  };
  socket.addEventListener('open', () => {
    for (const frame of outbox.splice(0)) socket.send(frame);
  });
  socket.addEventListener('close', () => {
    closed = true;
    failAll('The bridge host closed the connection.');
  });
  socket.addEventListener('message', (event) => {
    if (typeof event.data !== 'string') return;
    let message: HostMessage;
    try {
      message = JSON.parse(event.data) as HostMessage;
    } catch {
      return;
    }
    if (message.type === 'result') {
      const resolve = waiting.get(message.id);
      waiting.delete(message.id);
      // JSON drops `value: undefined` (void methods); structured clone in Electron keeps it: restore it.
      resolve?.(message.result.ok && !('value' in message.result) ? { ok: true, value: undefined } : message.result);
    } else if (message.type === 'event' && isWharfEventName(message.name)) {
      for (const callback of [...(listeners.get(message.name) ?? [])]) {
        try {
          (callback as (payload: unknown) => void)(message.payload);
        } catch (err) {
          // Like an IPC listener: one failing callback must not stop the others.
          console.error(err);
        }
      }
    }
  });

  const call = (method: WharfMethod, payload: unknown): Promise<Result<unknown>> => {
    if (closed) return Promise.resolve({ ok: false, error: { kind: 'internal', message: 'The bridge host is gone.' } });
    const id = nextId++;
    const frame = JSON.stringify({ type: 'call', id, method, payload });
    return new Promise((resolve) => {
      waiting.set(id, resolve);
      if (socket.readyState === OPEN) socket.send(frame);
      else outbox.push(frame);
    });
  };

  const methods = Object.fromEntries(WHARF_METHOD_NAMES.map((m) => [m, (payload: unknown) => call(m, payload)])) as unknown as WharfApi;
  const dropIn: WharfApi['dropIn'] = async (request) => {
    const paths: unknown = (request as { paths?: unknown } | null)?.paths;
    if (!Array.isArray(paths) || !paths.every((p) => typeof p === 'string' && osPaths.has(p))) {
      return { ok: false, error: { kind: 'invalid-input', message: 'Only files and folders dropped from the operating system can be added this way.', detail: { method: 'dropIn', reason: 'not-from-os' } } };
    }
    return methods.dropIn(request);
  };
  const on = <E extends WharfEventName>(event: E, callback: (payload: WharfEvents[E]) => void): (() => void) => {
    if (!isWharfEventName(event)) throw new TypeError(`Unknown Wharf event: ${String(event)}`);
    if (typeof callback !== 'function') throw new TypeError('on() needs a callback function.');
    let set = listeners.get(event);
    if (!set) listeners.set(event, (set = new Set()));
    const entry = callback as (payload: never) => void;
    set.add(entry);
    return () => {
      set.delete(entry);
    };
  };
  const getPathForFile = (file: OsFileLike): string => {
    const path = testPaths.get(file.name) ?? '';
    if (path) osPaths.add(path);
    return path;
  };

  const bridge: WharfBridge = Object.freeze({ ...methods, dropIn, on, getPathForFile });
  page.wharf = bridge;
  page.wharfBridgeTest = Object.freeze({
    registerDroppedPath: (fileName: string, path: string) => {
      testPaths.set(fileName, path);
    },
    isConnected: () => socket.readyState === OPEN,
  });
  return bridge;
}
