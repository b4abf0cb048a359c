import { BrowserWindow, nativeTheme, screen } from 'electron';
import { APP_ENTRY_URL } from './renderer-protocol';
import { loadWindowState, saveWindowState } from './window-state';

/** Creates the one main window at its remembered place, loading the renderer from `app://wharf/`. */
export function createMainWindow(options: { readonly preload: string; readonly dataDir: string; readonly title: string }): BrowserWindow {
  const displays = screen.getAllDisplays().map((d) => d.workArea);
  const state = loadWindowState(options.dataDir, displays);
  const win = new BrowserWindow({
    title: options.title,
    ...(state.x !== undefined && state.y !== undefined ? { x: state.x, y: state.y } : {}),
    width: state.width,
    height: state.height,
    minWidth: 800,
    minHeight: 500,
    show: false,
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#1e1e1e' : '#ffffff',
    // The renderer's security settings (Electron's checklist, STYLE.md section 7), written out here as a
    // literal so reviewers and Electronegativity see them where the window is made.
    webPreferences: {
      preload: options.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      // A middle click would otherwise try to open links in new windows (refused anyway by the window-open handler).
      disableBlinkFeatures: 'Auxclick',
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
    },
  });
  if (state.maximized) win.maximize();
  win.once('ready-to-show', () => win.show());
  win.on('close', () => {
    const bounds = win.getNormalBounds();
    saveWindowState(options.dataDir, { ...bounds, maximized: win.isMaximized() });
  });
  void win.loadURL(APP_ENTRY_URL);
  return win;
}
