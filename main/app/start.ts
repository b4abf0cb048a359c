import { resolve } from 'node:path';
import { BrowserWindow, Menu, Notification, app, ipcMain, nativeTheme, protocol, session, shell, type WebContents } from 'electron';
import { onUiLocaleChange, setUiLocale } from '../../common/i18n/t';
import type { QueueUpdate } from '../../common/models/transfer';
import { createWharfServices, type WharfServices } from '../services/wharf-services';
import { buildAppMenu } from './app-menu';
import { resolveAppPaths } from './app-paths';
import { ElectronPlatform } from './electron-platform';
import { forwardEvents, registerIpcHandlers } from './ipc';
import { createMainWindow } from './main-window';
import { LinkInbox } from './protocol-links';
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
 * protocol, the services, the IPC registration loop, the window, the menu and OS integration (ftps:// and
 * ftpes:// links from the command line, macOS `open-url` and a second instance). Resolves to null when
 * another instance already runs (that one is focused, and gets our command line's link).
 */
export async function startWharfApp(options: { readonly mainDir: string }): Promise<WharfApp | null> {
  let win: BrowserWindow | null = null;
  // Set once the services and the first window exist; links and second launches before that just wait.
  let ready = false;
  let open = (): void => undefined;
  /** Brings the window up for a link or a second launch (opening one if none is left, on macOS). */
  const showWindow = () => {
    if (!ready) return;
    if (!win) return open();
    if (win.isMinimized()) win.restore();
    win.focus();
  };

  // Must happen before "ready": a standard, secure scheme gives the renderer a real origin for CSP and checks.
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);

  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return null;
  }

  // Links: parsed and held until the window asks (`linksReady`), then pushed as `openQuickConnect`. A
  // link only fills the quick connect bar; connecting always takes the user's click. `services` is
  // assigned below, before the window exists: nothing is delivered until the window's page is ready.
  const links = new LinkInbox((link) => services.events.emit('openQuickConnect', link));
  links.offer(process.argv);
  // macOS hands links to the running app (and on launch, before "ready") through open-url, not argv.
  app.on('open-url', (event, url) => {
    event.preventDefault();
    if (links.offer(url)) showWindow();
  });
  // Windows and Linux start a second process with the link on its command line; it quits at once.
  app.on('second-instance', (_event, commandLine) => {
    links.offer(commandLine);
    showWindow();
  });

  const openExternal = (url: string) => {
    if (isHttpsUrl(url)) void shell.openExternal(url);
  };
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, openExternal));

  await app.whenReady();
  nativeTheme.themeSource = 'system';
  denyAllPermissions(session.defaultSession);

  const paths = resolveAppPaths(options.mainDir);
  protocol.handle(APP_SCHEME, createRendererHandler(paths.rendererRoot));

  const contents = (): WebContents | null => (win && !win.isDestroyed() ? win.webContents : null);
  const dataDir = process.env.WHARF_DATA_DIR ? resolve(process.env.WHARF_DATA_DIR) : app.getPath('userData');

  const services: WharfServices = await createWharfServices({
    dataDir,
    platform: new ElectronPlatform(() => win),
    app: { name: app.getName(), version: app.getVersion() },
    links,
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

  // The OS's language until the window says which one the user chose (`uiLanguageSet`); the menu follows.
  setUiLocale(app.getLocale());
  const setMenu = () => Menu.setApplicationMenu(buildAppMenu({ isMac: process.platform === 'darwin', isPackaged: app.isPackaged }));
  onUiLocaleChange(setMenu);
  setMenu();
  open = () => {
    const created = createMainWindow({ preload: paths.preload, dataDir, title: 'Wharf' });
    win = created;
    // A reload or a crashed renderer loses its listeners: hold links until the new page asks again.
    created.webContents.on('did-start-loading', () => links.rendererGone());
    created.webContents.on('render-process-gone', () => links.rendererGone());
    created.on('closed', () => {
      links.rendererGone();
      if (win === created) win = null;
    });
  };
  open();
  ready = true;

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
