/**
 * The bridge's wire format: JSON text frames over one WebSocket. The page calls methods and receives
 * events; the host answers each call with the Result the dispatcher produced. Shared by host.ts (Node)
 * and client.ts (the page), so it uses neither Node nor DOM APIs.
 */
import type { Result } from '../../../common/models/result';

/** The WebSocket path on the host. */
export const BRIDGE_WS_PATH = '/__wharf/ws';

/** Where the host serves the page-side script. */
export const BRIDGE_SCRIPT_PATH = '/__wharf/bridge.js';

/** The query parameter (of the page URL and the WebSocket URL) carrying the host's random token. */
export const BRIDGE_TOKEN_PARAM = 'wharfToken';

/** Page -> host: one method call. */
export interface CallMessage {
  readonly type: 'call';
  /** Chosen by the page, echoed in the result. */
  readonly id: number;
  readonly method: string;
  readonly payload: unknown;
}

/** Host -> page: the answer to a call. */
export interface ResultMessage {
  readonly type: 'result';
  readonly id: number;
  readonly result: Result<unknown>;
}

/** Host -> page: an event pushed by the services. */
export interface EventMessage {
  readonly type: 'event';
  readonly name: string;
  readonly payload: unknown;
}

/** Anything the host sends. */
export type HostMessage = ResultMessage | EventMessage;

/** Parses a page message; null for anything that is not a well-formed call (the host then ignores or refuses it). */
export function parseCallMessage(text: string): CallMessage | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  if (v.type !== 'call' || typeof v.id !== 'number' || !Number.isSafeInteger(v.id) || typeof v.method !== 'string') return null;
  return { type: 'call', id: v.id, method: v.method, payload: v.payload };
}
