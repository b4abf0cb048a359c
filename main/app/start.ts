import { resolve } from 'node:path';
import { BrowserWindow, Menu, Notification, app, ipcMain, nativeTheme, protocol, session, shell, type WebContents } from 'electron';
import type { QueueUpdate } from '../../common/models/transfer';
import { createWharfServices, type WharfServices } from '../services/wharf-services';
import { buildAppMenu } from './app-menu';
import { resolveAppPaths } from './app-paths';
import { ElectronPlatform } from './electron-platform';
import { forwardEvents, registerIpcHandlers } from './ipc';
import { createMainWindow } from './main-window';
import { QueueProgressTracker } from './queue-progress';
import { APP_SCHEME, createRendererHandler } from './renderer-protocol';
import { denyAllPermissions, hardenWebContents, isHttpsUrl } from './security';

/** What a started app exposes (to its own shutdown and to the main-bundle tests). */
export interface WharfApp {
  readonly services: WharfServices;
  window(): BrowserWindow | null;
}

/**
 * Starts Wharf: privileged scheme, single instance, hardened webContents, permission denial, the renderer
 * protocol, the services, the IPC registration loop, the window, the menu and OS integration. Resolves to
 * null when another instance already runs (that one is focused instead).
 */
export async function startWharfApp(options: { readonly mainDir: string }): Promise<WharfApp | null> {
  // Must happen before "ready": a standard, secure scheme gives the renderer a real origin for CSP and checks.
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);

  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return null;
  }

  const openExternal = (url: string) => {
    if (isHttpsUrl(url)) void shell.openExternal(url);
  };
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, openExternal));

  await app.whenReady();
  nativeTheme.themeSource = 'system';
  denyAllPermissions(session.defaultSession);

  const paths = resolveAppPaths(options.mainDir);
  protocol.handle(APP_SCHEME, createRendererHandler(paths.rendererRoot));

  let win: BrowserWindow | null = null;
  const contents = (): WebContents | null => (win && !win.isDestroyed() ? win.webContents : null);
  const dataDir = process.env.WHARF_DATA_DIR ? resolve(process.env.WHARF_DATA_DIR) : app.getPath('userData');

  const services = await createWharfServices({
    dataDir,
    platform: new ElectronPlatform(() => win),
    app: { name: app.getName(), version: app.getVersion() },
  });
  registerIpcHandlers(ipcMain, services.dispatch, contents, (method, reason) =>
    services.log.info('app', 'warning', `Refused ${method} (${reason}) from a sender that is not the Wharf window.`),
  );
  forwardEvents(services.events, contents);

  const tracker = new QueueProgressTracker();
  services.events.subscribe((event, payload) => {
    if (event !== 'queueUpdate' || !win || win.isDestroyed()) return;
    const indicator = tracker.update((payload as QueueUpdate).progress, Date.now());
    win.setProgressBar(indicator.progress);
    if (indicator.notify && Notification.isSupported()) new Notification(indicator.notify).show();
  });

  Menu.setApplicationMenu(buildAppMenu({ isMac: process.platform === 'darwin', isPackaged: app.isPackaged }));
  const open = () => {
    win = createMainWindow({ preload: paths.preload, dataDir, title: 'Wharf' });
    win.on('closed', () => {
      win = null;
    });
  };
  open();

  app.on('second-instance', () => {
    if (!win) return open();
    if (win.isMinimized()) win.restore();
    win.focus();
  });
  app.on('activate', () => {
    if (!win) open();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  let disposed = false;
  app.on('before-quit', (event) => {
    if (disposed) return;
    event.preventDefault();
    disposed = true;
    // Running transfers are saved paused with their offsets before the process ends.
    void services.dispose().finally(() => app.quit());
  });

  return { services, window: () => win };
}
