/**
 * A stand-in for the `electron` module, for loading the BUILT main bundle in plain Node: the Electron
 * binary cannot run on our machines (it is installed without it), so these tests check what main asks
 * Electron to do. Every API main uses is recorded: window options, protocol handlers, IPC handlers,
 * webContents handlers, permission handlers, shell and clipboard calls. (Electron Fiddle mocks electron
 * the same way in tests/main.)
 */
import { EventEmitter } from 'node:events';
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

type Handler = (...args: unknown[]) => unknown;

/** A stand-in WebFrameMain. */
export interface FakeFrame {
  url: string;
  parent: FakeFrame | null;
  processId: number;
  routingId: number;
}

/** A stand-in WebContents, recording what main registers on it and sends to it. */
export class FakeWebContents extends EventEmitter {
  static nextId = 1;
  readonly id = FakeWebContents.nextId++;
  readonly mainFrame: FakeFrame;
  readonly sent: { channel: string; payload: unknown }[] = [];
  readonly drags: unknown[] = [];
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  destroyed = false;

  constructor(url = 'app://wharf/index.html') {
    super();
    this.mainFrame = { url, parent: null, processId: 7, routingId: this.id };
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  send(channel: string, payload: unknown): void {
    this.sent.push({ channel, payload });
  }

  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }

  startDrag(item: unknown): void {
    this.drags.push(item);
  }

  /** Fires a webContents event the way Electron would, returning whether a handler called preventDefault. */
  fire(name: string, ...args: unknown[]): boolean {
    let prevented = false;
    this.emit(name, { preventDefault: () => (prevented = true) }, ...args);
    return prevented;
  }
}

/** Everything main did to Electron. */
export interface ElectronRecord {
  readonly privilegedSchemes: unknown[];
  readonly protocolHandlers: Map<string, (request: Request) => Promise<Response>>;
  readonly ipcHandlers: Map<string, Handler>;
  readonly windows: FakeBrowserWindow[];
  readonly appEvents: EventEmitter;
  permissionRequestHandler: Handler | null;
  permissionCheckHandler: Handler | null;
  readonly openedExternal: string[];
  readonly openedPaths: string[];
  readonly clipboard: string[];
  menu: unknown;
  quitCalls: number;
}

/** A stand-in BrowserWindow. */
export class FakeBrowserWindow extends EventEmitter {
  readonly webContents = new FakeWebContents();
  loadedUrl: string | null = null;
  progress: number | null = null;
  destroyed = false;

  constructor(readonly options: { webPreferences?: Record<string, unknown> } & Record<string, unknown>) {
    super();
  }

  loadURL(url: string): Promise<void> {
    this.loadedUrl = url;
    return Promise.resolve();
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  show(): void {}
  focus(): void {}
  restore(): void {}
  maximize(): void {}
  isMinimized(): boolean {
    return false;
  }
  isMaximized(): boolean {
    return false;
  }
  getNormalBounds() {
    return { x: 10, y: 10, width: 1200, height: 800 };
  }
  setProgressBar(value: number): void {
    this.progress = value;
  }
}

/** Builds a fresh stand-in module and its record; `osLocale` is what `app.getLocale()` reports (the OS's language). */
export function createElectronStandIn(userData: string, osLocale = 'en-US'): { module: Record<string, unknown>; record: ElectronRecord } {
  const appEvents = new EventEmitter();
  const record: ElectronRecord = {
    privilegedSchemes: [],
    protocolHandlers: new Map(),
    ipcHandlers: new Map(),
    windows: [],
    appEvents,
    permissionRequestHandler: null,
    permissionCheckHandler: null,
    openedExternal: [],
    openedPaths: [],
    clipboard: [],
    menu: null,
    quitCalls: 0,
  };
  class BrowserWindow extends FakeBrowserWindow {
    constructor(options: Record<string, unknown>) {
      super(options);
      record.windows.push(this);
      appEvents.emit('web-contents-created', {}, this.webContents);
    }
  }
  const app = {
    isPackaged: false,
    on: (name: string, listener: Handler) => appEvents.on(name, listener),
    once: (name: string, listener: Handler) => appEvents.once(name, listener),
    whenReady: () => Promise.resolve(),
    requestSingleInstanceLock: () => true,
    quit: () => {
      record.quitCalls += 1;
    },
    exit: () => {
      record.quitCalls += 1;
    },
    getPath: () => userData,
    getName: () => 'Wharf',
    getVersion: () => '0.0.0-test',
    getLocale: () => osLocale,
  };
  const module = {
    app,
    BrowserWindow,
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => record.privilegedSchemes.push(...schemes),
      handle: (scheme: string, handler: (request: Request) => Promise<Response>) => record.protocolHandlers.set(scheme, handler),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (handler: Handler) => (record.permissionRequestHandler = handler),
        setPermissionCheckHandler: (handler: Handler) => (record.permissionCheckHandler = handler),
      },
    },
    ipcMain: {
      handle: (channel: string, handler: Handler) => {
        if (record.ipcHandlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
        record.ipcHandlers.set(channel, handler);
      },
      removeHandler: (channel: string) => record.ipcHandlers.delete(channel),
    },
    shell: {
      openExternal: async (url: string) => void record.openedExternal.push(url),
      openPath: async (path: string) => {
        record.openedPaths.push(path);
        return '';
      },
      showItemInFolder: () => undefined,
      trashItem: async () => undefined,
    },
    clipboard: { writeText: (text: string) => void record.clipboard.push(text) },
    dialog: {
      showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
      showSaveDialog: async () => ({ canceled: true }),
    },
    nativeTheme: { shouldUseDarkColors: false, themeSource: 'system' },
    nativeImage: { createFromDataURL: () => ({}) },
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
    Menu: {
      buildFromTemplate: (template: unknown) => ({ template }),
      setApplicationMenu: (menu: unknown) => (record.menu = menu),
    },
    Notification: class {
      static isSupported() {
        return false;
      }
      show() {}
    },
  };
  return { module, record };
}

/** The built bundles, as `npm run build` (or `vite build -c vite.*.config.ts`) leaves them. */
const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));

/** A loaded main bundle and its stand-in's record. */
export interface LoadedMain {
  readonly record: ElectronRecord;
  /** The folder laid out like `dist/` (main, preload, a fixture renderer) the bundle was loaded from. */
  readonly distDir: string;
  readonly home: string;
  readonly dataDir: string;
  /** What `wharfApp` resolved to (services, window). */
  readonly started: { services: { dispose(): Promise<void> }; window(): FakeBrowserWindow | null };
}

/**
 * Copies the built main and preload bundles into a temporary `dist/` beside a small fixture renderer (and a
 * secret file next to it, for traversal checks), points HOME and WHARF_DATA_DIR at temporary folders, and
 * requires the bundle with `electron` resolved to the stand-in. keytar cannot be found from the copy, so the
 * developer's keychain is never touched (the app reports it unavailable). Call once per test file.
 * `options.osLocale`: the OS language the stand-in reports (default `en-US`).
 */
export async function loadMainBundle(options: { osLocale?: string } = {}): Promise<LoadedMain> {
  const base = mkdtempSync(join(tmpdir(), 'wharf-main-'));
  const distDir = join(base, 'dist');
  const home = join(base, 'home');
  const dataDir = join(base, 'data');
  for (const dir of [join(distDir, 'main'), join(distDir, 'preload'), join(distDir, 'renderer', 'assets'), home, dataDir]) mkdirSync(dir, { recursive: true });
  cpSync(join(DIST, 'main', 'index.cjs'), join(distDir, 'main', 'index.cjs'));
  cpSync(join(DIST, 'preload', 'index.cjs'), join(distDir, 'preload', 'index.cjs'));
  writeFileSync(join(distDir, 'renderer', 'index.html'), '<!doctype html><html><head><script type="module" src="./assets/app.js"></script></head><body></body></html>');
  writeFileSync(join(distDir, 'renderer', 'assets', 'app.js'), 'console.log("renderer");');
  writeFileSync(join(distDir, 'secret.txt'), 'not for the renderer');
  process.env.HOME = home;
  process.env.WHARF_DATA_DIR = dataDir;

  const { module: electron, record } = createElectronStandIn(dataDir, options.osLocale);
  const loader = Module as unknown as { _load: (request: string, parent: unknown, isMain: boolean) => unknown };
  const original = loader._load;
  loader._load = function (request, parent, isMain) {
    if (request === 'electron') return electron;
    return original.call(this, request, parent, isMain);
  };
  const require = createRequire(import.meta.url);
  const bundle = require(join(distDir, 'main', 'index.cjs')) as { wharfApp: Promise<LoadedMain['started'] | null> };
  const started = await bundle.wharfApp;
  if (!started) throw new Error('The app did not start (single-instance lock refused).');
  return { record, distDir, home, dataDir, started };
}
