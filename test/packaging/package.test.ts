/**
 * Packages the built app with electron-builder.yml into an unpacked Linux directory (`--dir`), using a
 * stand-in Electron distribution (support.ts says why and what it can and cannot show), then checks what
 * users would get: app.asar holds the bundles and package.json and nothing else of ours, keytar's native
 * module is unpacked and loads, every module the bundles load at run time is in the archive, the paths
 * main resolves in packaged layouts exist in the archive, the built main bundle started from a packaged
 * layout finds its preload and serves its renderer from there, and the fuses are flipped in the binary.
 * Everything is written under os.tmpdir().
 */
import * as asar from '@electron/asar';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import Module, { builtinModules, createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, posix, relative, win32 } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { resolveAppPaths } from '../../main/app/app-paths';
import { createElectronStandIn, type FakeBrowserWindow } from '../app/electron-stand-in';
import { ELECTRON_DEFAULT_WIRE, ROOT, ensureBuilt, packageWithStandIn, type PackagedApp } from './support';

const rootPackage = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  main: string;
  version: string;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dev?: boolean }> };

let app: PackagedApp;
let files: string[];
let scratch: string;

before(() => {
  ensureBuilt();
  app = packageWithStandIn();
  // Paths in the archive, '/'-separated, without the leading '/'.
  files = asar.listPackage(app.asarPath, { isPack: false }).map((p) => p.replace(/\\/g, '/').replace(/^\//, ''));
  scratch = mkdtempSync(join(tmpdir(), 'wharf-packaged-layout-'));
});

after(() => {
  if (app) rmSync(app.workDir, { recursive: true, force: true });
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

/** True when `path` is a file (not a folder) in the archive. */
function isFileInAsar(path: string): boolean {
  try {
    const entry = asar.statFile(app.asarPath, path) as { files?: unknown };
    return entry.files === undefined;
  } catch {
    return false;
  }
}

function readFromAsar(path: string): string {
  return asar.extractFile(app.asarPath, path).toString('utf8');
}

/** The bare module names a CommonJS bundle loads (`require("x")`, `import("x")`), builtins and electron aside. */
function externalModules(bundle: string): string[] {
  const names = new Set<string>();
  for (const match of bundle.matchAll(/\b(?:require|import)\(\s*["']([^"'./][^"']*)["']\s*\)/g)) names.add(match[1]!);
  return [...names].filter((name) => !name.startsWith('node:') && !builtinModules.includes(name) && name !== 'electron').sort();
}

describe('app.asar', () => {
  it('holds the main, preload, renderer and CLI bundles and package.json', () => {
    for (const entry of ['package.json', 'dist/main/index.cjs', 'dist/preload/index.cjs', 'dist/renderer/index.html', 'dist/cli/wharf.cjs']) {
      assert.ok(isFileInAsar(entry), `${entry} is in app.asar`);
    }
    // Byte for byte what `npm run build` made.
    assert.equal(readFromAsar('dist/main/index.cjs'), readFileSync(join(ROOT, 'dist/main/index.cjs'), 'utf8'));
    assert.equal(readFromAsar('dist/preload/index.cjs'), readFileSync(join(ROOT, 'dist/preload/index.cjs'), 'utf8'));
  });

  it("has a package.json whose main is the main bundle, with the app's version", () => {
    const packed = JSON.parse(readFromAsar('package.json')) as Record<string, unknown>;
    assert.equal(packed.main, rootPackage.main);
    assert.ok(isFileInAsar(String(packed.main)));
    assert.equal(packed.version, rootPackage.version);
    assert.equal(packed.productName, 'Wharf');
    assert.equal(packed.desktopName, 'wharf.desktop', 'Linux app_id matches the installed .desktop file');
    assert.equal(packed.build, undefined);
  });

  it('loads every file the renderer page references from the archive', () => {
    const html = readFromAsar('dist/renderer/index.html');
    const refs = [...html.matchAll(/\b(?:src|href)="([^"]+)"/g)].map((m) => m[1]!).filter((ref) => !/^(?:[a-z]+:|#|\/\/)/i.test(ref));
    assert.ok(refs.length > 0, 'index.html loads at least its script');
    for (const ref of refs) assert.ok(isFileInAsar(posix.join('dist/renderer', ref)), `${ref} (from index.html) is in app.asar`);
  });

  it('contains only the built output, package.json and node_modules', () => {
    const top = new Set(files.map((f) => f.split('/')[0]));
    assert.deepEqual([...top].sort(), ['dist', 'node_modules', 'package.json']);
    const dist = new Set(files.filter((f) => f.startsWith('dist/')).map((f) => f.split('/')[1]));
    assert.deepEqual([...dist].sort(), ['cli', 'main', 'preload', 'renderer']);
  });

  it('contains no sources, source maps or tests', () => {
    const offending = files.filter(
      (f) => /\.(ts|tsx|mts|cts|map|gyp|cc|h)$/.test(f) || /(^|\/)(test|tests|__tests__|src)\//.test(f) || /\.(test|spec)\.[cm]?js$/.test(f),
    );
    assert.deepEqual(offending, []);
  });

  it('contains no devDependency and nothing only devDependencies need', () => {
    const modules = new Set<string>();
    for (const f of files) {
      const m = /^node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(f);
      if (m) modules.add(m[1]!);
    }
    for (const name of Object.keys(rootPackage.devDependencies)) assert.ok(!modules.has(name), `devDependency ${name} is not packed`);
    for (const name of modules) {
      const entry = lock.packages[`node_modules/${name}`];
      assert.ok(entry, `${name} is in package-lock.json`);
      assert.notEqual(entry.dev, true, `${name} is needed by production dependencies`);
    }
    assert.deepEqual([...modules], ['keytar'], 'keytar is the only module loaded from node_modules');
  });

  it('holds every module the bundles load at run time (the rest is compiled in)', () => {
    // The preload is sandboxed: it may load electron and nothing else (STYLE.md 7.2).
    const preload = readFromAsar('dist/preload/index.cjs');
    const preloadLoads = [...preload.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]);
    assert.deepEqual([...new Set(preloadLoads)], ['electron']);

    for (const bundle of ['dist/main/index.cjs', 'dist/cli/wharf.cjs']) {
      for (const name of externalModules(readFromAsar(bundle))) {
        assert.ok(rootPackage.dependencies[name], `${bundle} loads ${name}, a production dependency`);
        assert.ok(isFileInAsar(`node_modules/${name}/package.json`), `${bundle} loads ${name}, which is in app.asar`);
      }
    }
    assert.deepEqual(externalModules(readFromAsar('dist/main/index.cjs')), ['keytar']);
  });
});

describe("keytar's native module", () => {
  const nodeFile = 'node_modules/keytar/build/Release/keytar.node';

  it('is marked unpacked in app.asar and written to app.asar.unpacked', () => {
    const entry = asar.statFile(app.asarPath, nodeFile) as { unpacked?: boolean };
    assert.equal(entry.unpacked, true);
    assert.ok(statSync(join(app.unpackedDir, ...nodeFile.split('/'))).size > 0);
  });

  it('loads from app.asar.unpacked (built for this Node here: the check is the file, not the ABI)', () => {
    const require = createRequire(import.meta.url);
    const binding = require(join(app.unpackedDir, ...nodeFile.split('/'))) as Record<string, unknown>;
    for (const fn of ['getPassword', 'setPassword', 'deletePassword', 'findCredentials']) assert.equal(typeof binding[fn], 'function', fn);
  });

  it('is what `import("keytar")` in the main bundle finds in the packaged layout', () => {
    // Extract the archive (unpacked files included) into a real folder named app.asar, and resolve keytar
    // from the main bundle's folder the way Node's loader does inside Electron.
    const layout = join(scratch, 'full', 'resources', 'app.asar');
    asar.extractAll(app.asarPath, layout);
    const fromMain = createRequire(join(layout, 'dist', 'main', 'index.cjs'));
    const resolved = fromMain.resolve('keytar');
    assert.equal(relative(layout, resolved).split(/[\\/]/).join('/'), 'node_modules/keytar/lib/keytar.js');
    const keytar = fromMain('keytar') as Record<string, unknown>;
    assert.equal(typeof keytar.getPassword, 'function');
  });
});

describe('the paths main resolves (resolveAppPaths), in packaged layouts', () => {
  /** The archive-relative path of `file` when the archive is at `asarRoot`, or null when outside it. */
  const insideAsar = (pathApi: typeof posix, asarRoot: string, file: string) => {
    const rel = pathApi.relative(asarRoot, file);
    return rel.startsWith('..') || pathApi.isAbsolute(rel) ? null : rel.split(pathApi.sep).join('/');
  };

  const layouts = [
    { name: 'this Linux build', platform: 'linux' as const, pathApi: posix, resources: () => app.resourcesDir },
    { name: 'Linux (deb, /opt)', platform: 'linux' as const, pathApi: posix, resources: () => '/opt/Wharf/resources' },
    { name: 'macOS', platform: 'darwin' as const, pathApi: posix, resources: () => '/Applications/Wharf.app/Contents/Resources' },
    { name: 'Windows (per-user NSIS)', platform: 'win32' as const, pathApi: win32, resources: () => 'C:\\Users\\Ann Lee\\AppData\\Local\\Programs\\Wharf\\resources' },
  ];

  for (const layout of layouts) {
    it(`${layout.name}: preload and renderer are in app.asar`, () => {
      const asarRoot = layout.pathApi.join(layout.resources(), 'app.asar');
      for (const mainDir of [layout.pathApi.join(asarRoot, 'dist', 'main'), layout.pathApi.join(`${asarRoot}.unpacked`, 'dist', 'main')]) {
        const paths = resolveAppPaths(mainDir, layout.platform);
        const preload = insideAsar(layout.pathApi, asarRoot, paths.preload);
        const renderer = insideAsar(layout.pathApi, asarRoot, paths.rendererRoot);
        assert.equal(preload, 'dist/preload/index.cjs', `preload from ${mainDir}`);
        assert.equal(renderer, 'dist/renderer', `renderer from ${mainDir}`);
        assert.ok(isFileInAsar(preload!), 'the preload exists in the archive');
        assert.ok(isFileInAsar(`${renderer}/index.html`), 'the renderer page exists in the archive');
      }
    });
  }
});

describe('the built main bundle, started from a packaged layout', () => {
  let window: FakeBrowserWindow;
  let handler: (request: Request) => Promise<Response>;
  let resources: string;
  let started: { services: { dispose(): Promise<void> } } | null = null;

  before(async () => {
    // A real folder named app.asar with the archive's dist/ and package.json (not node_modules, so the
    // developer's keychain is never touched: keytar is not found and the app reports it unavailable).
    resources = join(scratch, 'main', 'resources');
    const asarDir = join(resources, 'app.asar');
    for (const f of files.filter((f) => f === 'package.json' || f.startsWith('dist/'))) {
      if (!isFileInAsar(f)) continue;
      mkdirSync(join(asarDir, dirname(f)), { recursive: true });
      writeFileSync(join(asarDir, f), asar.extractFile(app.asarPath, f));
    }
    const dataDir = join(scratch, 'main', 'data');
    mkdirSync(dataDir, { recursive: true });
    process.env.HOME = join(scratch, 'main');
    process.env.WHARF_DATA_DIR = dataDir;

    const { module: electron, record } = createElectronStandIn(dataDir);
    (electron.app as { isPackaged: boolean }).isPackaged = true;
    const loader = Module as unknown as { _load: (request: string, parent: unknown, isMain: boolean) => unknown };
    const original = loader._load;
    loader._load = function (request, parent, isMain) {
      if (request === 'electron') return electron;
      return original.call(this, request, parent, isMain);
    };
    const bundle = createRequire(import.meta.url)(join(asarDir, 'dist', 'main', 'index.cjs')) as { wharfApp: Promise<typeof started> };
    started = await bundle.wharfApp;
    assert.ok(started, 'the app started');
    window = record.windows[0]!;
    handler = record.protocolHandlers.get('app')!;
  });

  after(async () => {
    await started?.services.dispose();
  });

  it('gives the window the preload inside app.asar', () => {
    const preload = window.options.webPreferences?.preload;
    assert.equal(preload, join(resources, 'app.asar', 'dist', 'preload', 'index.cjs'));
    assert.ok(statSync(preload as string).isFile());
  });

  it('serves the renderer page from inside app.asar', async () => {
    assert.ok(handler, 'app:// is handled');
    const response = await handler(new Request('app://wharf/index.html'));
    assert.equal(response.status, 200);
    assert.equal(await response.text(), readFromAsar('dist/renderer/index.html'));
  });
});

describe('Electron fuses in the packaged executable', () => {
  it('electron-builder renamed the stand-in to the executable name', () => {
    assert.ok(statSync(app.executable).isFile());
  });

  it('are flipped as electron-builder.yml says, from Electron defaults', async () => {
    const wire = await getCurrentFuseWire(app.executable);
    const state = (option: FuseV1Options) => String.fromCharCode(wire[option] as unknown as number);
    // The stand-in started with Electron's defaults, so each of these was actually changed.
    assert.equal(ELECTRON_DEFAULT_WIRE[FuseV1Options.RunAsNode], '1');
    assert.equal(state(FuseV1Options.RunAsNode), '0');
    assert.equal(state(FuseV1Options.EnableNodeOptionsEnvironmentVariable), '0');
    assert.equal(state(FuseV1Options.EnableNodeCliInspectArguments), '0');
    assert.equal(state(FuseV1Options.EnableEmbeddedAsarIntegrityValidation), '1');
    assert.equal(state(FuseV1Options.OnlyLoadAppFromAsar), '1');
    assert.equal(state(FuseV1Options.EnableCookieEncryption), '1');
    assert.equal(state(FuseV1Options.GrantFileProtocolExtraPrivileges), '0');
    assert.equal(state(FuseV1Options.LoadBrowserProcessSpecificV8Snapshot), '0');
  });
});
