import type { IpcMainInvokeEvent, Session, WebContents } from 'electron';
import { APP_HOST, APP_SCHEME } from './renderer-protocol';

/** True for an https URL: the only kind that may leave the app, and only for the user's browser. */
export function isHttpsUrl(url: string): boolean {
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
}

/** True for a URL of our own renderer origin (`app://wharf/...`). */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    // Node's URL gives origin "null" for non-special schemes, so compare scheme and host.
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}

/**
 * Whether an IPC message comes from our window's top frame showing our own page: the exact webContents we
 * created, its main frame (not an iframe), and the app origin (not a page it was somehow navigated to).
 * After GitHub Desktop's trusted-ipc-sender and VS Code's ipcMain validation.
 */
export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>, trusted: WebContents | null): boolean {
  if (!trusted || trusted.isDestroyed() || event.sender !== trusted) return false;
  const frame = event.senderFrame;
  if (!frame) return false;
  const main = trusted.mainFrame;
  const isMainFrame = frame === main || (frame.parent === null && frame.processId === main.processId && frame.routingId === main.routingId);
  return isMainFrame && isAppUrl(frame.url);
}

/**
 * Locks down every webContents the app creates: no navigation away (or anywhere: the renderer is one
 * page), no new windows (https links go to the browser instead), no <webview>.
 */
export function hardenWebContents(contents: WebContents, openExternal: (url: string) => void): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isHttpsUrl(url)) openExternal(url);
    return { action: 'deny' };
  });
}

/** Denies every permission (camera, notifications from the page, clipboard-read, ...): the renderer needs none. */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}
