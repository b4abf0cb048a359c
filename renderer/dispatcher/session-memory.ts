/** Folders and the active session remembered for this window, so a reload opens where the user was. */

export const LOCAL_PATH_KEY = 'wharf.localPath';
export const remotePathKey = (sessionId: string) => `wharf.remotePath.${sessionId}`;
export const ACTIVE_SESSION_KEY = 'wharf.activeSession';

/** Stores (or with null forgets) a value for this window. */
export function remember(key: string, value: string | null): void {
  try {
    if (value === null) sessionStorage.removeItem(key);
    else sessionStorage.setItem(key, value);
  } catch {
    // Storage may be unavailable (private mode): paths are a convenience only.
  }
}

/** A value remembered for this window, or null. */
export function recall(key: string): string | null {
  try {
    return sessionStorage.getItem(key);
  } catch {
    return null;
  }
}
