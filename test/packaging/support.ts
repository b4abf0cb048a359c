/**
 * Shared by the packaging tests: the repository root, the built bundles, electron-builder's own modules,
 * and packaging the app with a STAND-IN Electron distribution.
 *
 * Why a stand-in: the Electron binary cannot be downloaded on our machines (the npm package is installed
 * with ELECTRON_SKIP_BINARY_DOWNLOAD=1). For an unpacked (`--dir`) build electron-builder only copies the
 * distribution folder, renames its `electron` executable to ours, writes resources/app.asar (+ .unpacked)
 * and flips the fuses in the executable, which @electron/fuses finds by a sentinel string. So a folder with
 * a small `electron` file carrying that sentinel and Electron's default fuse wire goes through exactly the
 * same steps, and everything the packaged app is made of except Chromium itself can be inspected. It cannot
 * show that Electron boots the app: that needs the real binary (`npm run dist` on a machine with internet).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** CommonJS require from the repository, for electron-builder's modules. */
export const requireFromRoot = createRequire(join(ROOT, 'package.json'));

/** The built files the app is made of (`npm run build`). */
export const BUILT_ENTRIES = ['dist/main/index.cjs', 'dist/preload/index.cjs', 'dist/renderer/index.html', 'dist/cli/wharf.cjs'] as const;

/** Runs `npm run build` unless every built entry exists (`npm test` builds first). */
export function ensureBuilt(): void {
  if (BUILT_ENTRIES.every((entry) => existsSync(join(ROOT, entry)))) return;
  const result = spawnSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit', shell: process.platform === 'win32' });
  const missing = BUILT_ENTRIES.filter((entry) => !existsSync(join(ROOT, entry)));
  if (result.status !== 0 || missing.length > 0) {
    throw new Error(`npm run build failed (exit ${result.status}); missing: ${missing.join(', ') || 'none'}`);
  }
}

/** @electron/fuses' sentinel: the fuse wire follows it (version byte, length byte, one byte per fuse). */
export const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

/**
 * Electron's defaults, in wire order (FuseV1Options 0..7): RunAsNode on, EnableCookieEncryption off,
 * EnableNodeOptionsEnvironmentVariable on, EnableNodeCliInspectArguments on,
 * EnableEmbeddedAsarIntegrityValidation off, OnlyLoadAppFromAsar off, LoadBrowserProcessSpecificV8Snapshot
 * off, GrantFileProtocolExtraPrivileges on.
 */
export const ELECTRON_DEFAULT_WIRE = '10110001';

/** Writes a stand-in Electron distribution for Linux into `dir` (see the file comment). */
export function writeStandInElectronDist(dir: string, version: string): void {
  mkdirSync(join(dir, 'resources'), { recursive: true });
  mkdirSync(join(dir, 'locales'), { recursive: true });
  const script = Buffer.concat([
    Buffer.from('#!/bin/sh\necho "stand-in for the Electron binary (test/packaging)"\nexit 0\n# fuse wire: '),
    Buffer.from(FUSE_SENTINEL, 'latin1'),
    Buffer.from([1, ELECTRON_DEFAULT_WIRE.length]),
    Buffer.from(ELECTRON_DEFAULT_WIRE, 'latin1'),
    Buffer.from('\n'),
  ]);
  writeFileSync(join(dir, 'electron'), script, { mode: 0o755 });
  writeFileSync(join(dir, 'version'), version);
  writeFileSync(join(dir, 'LICENSE'), 'stand-in');
  writeFileSync(join(dir, 'LICENSES.chromium.html'), 'stand-in');
  writeFileSync(join(dir, 'locales', 'en-US.pak'), 'stand-in');
}

/** What `packageWithStandIn` produced. */
export interface PackagedApp {
  /** The temporary folder everything was written to. */
  readonly workDir: string;
  /** linux-unpacked (or linux-<arch>-unpacked). */
  readonly appOutDir: string;
  readonly resourcesDir: string;
  readonly asarPath: string;
  readonly unpackedDir: string;
  /** The packaged executable (the renamed stand-in). */
  readonly executable: string;
  readonly log: string;
}

/** The Electron version electron-builder packages (from the installed electron package). */
export function electronVersion(): string {
  return (JSON.parse(readFileSync(join(ROOT, 'node_modules', 'electron', 'package.json'), 'utf8')) as { version: string }).version;
}

/**
 * Packages the repository's built app for Linux, unpacked (`--dir`), with electron-builder.yml and the
 * stand-in Electron, into a folder under os.tmpdir(). Only two settings are overridden, both because this
 * machine has no network: `electronDist` (the stand-in) and `npmRebuild: false` (rebuilding keytar for
 * Electron downloads Electron's headers; keytar is N-API, so the binary built here is the one we check).
 */
export function packageWithStandIn(): PackagedApp {
  const workDir = mkdtempSync(join(tmpdir(), 'wharf-packaging-'));
  try {
    return packageInto(workDir);
  } catch (err) {
    rmSync(workDir, { recursive: true, force: true });
    throw err;
  }
}

function packageInto(workDir: string): PackagedApp {
  const standIn = join(workDir, 'electron-dist');
  const outDir = join(workDir, 'out');
  writeStandInElectronDist(standIn, electronVersion());

  const env: NodeJS.ProcessEnv = { ...process.env, CSC_IDENTITY_AUTO_DISCOVERY: 'false', ELECTRON_BUILDER_CACHE: join(workDir, 'cache') };
  for (const name of Object.keys(env)) {
    if (/^(CSC_LINK|CSC_KEY_PASSWORD|WIN_CSC_|APPLE_|GH_TOKEN|GITHUB_TOKEN)/.test(name)) delete env[name];
  }
  const cli = requireFromRoot.resolve('electron-builder/cli.js');
  const result = spawnSync(
    process.execPath,
    [
      cli,
      '--linux', 'dir',
      '--projectDir', ROOT,
      '--config', 'electron-builder.yml',
      '--publish', 'never',
      `-c.electronDist=${standIn}`,
      `-c.directories.output=${outDir}`,
      '-c.npmRebuild=false',
    ],
    { cwd: ROOT, env, encoding: 'utf8', timeout: 300_000 },
  );
  const log = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  if (result.status !== 0) throw new Error(`electron-builder failed (exit ${result.status}):\n${log}`);
  const unpackedName = readdirSync(outDir).find((name) => /^linux(-\w+)?-unpacked$/.test(name));
  if (!unpackedName) throw new Error(`no linux-*-unpacked folder in ${outDir}:\n${log}`);
  const appOutDir = join(outDir, unpackedName);
  const resourcesDir = join(appOutDir, 'resources');
  return {
    workDir,
    appOutDir,
    resourcesDir,
    asarPath: join(resourcesDir, 'app.asar'),
    unpackedDir: join(resourcesDir, 'app.asar.unpacked'),
    executable: join(appOutDir, 'wharf'),
    log,
  };
}

/** electron-builder's configuration loader and schema validator (the ones `electron-builder` runs). */
export interface BuilderConfigApi {
  getConfig(projectDir: string, configPath: string | null, configFromOptions: unknown): Promise<Record<string, unknown>>;
  validateConfiguration(config: unknown, debugLogger: unknown): Promise<void>;
}

export function builderConfigApi(): { api: BuilderConfigApi; debugLogger: unknown } {
  const api = requireFromRoot('app-builder-lib/out/util/config/config.js') as BuilderConfigApi;
  const { DebugLogger } = requireFromRoot('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
  return { api, debugLogger: new DebugLogger(false) };
}

/** Reads electron-builder.yml through electron-builder's own loader (extends, package.json "build"). */
export async function loadBuilderConfig(): Promise<Record<string, unknown>> {
  return builderConfigApi().api.getConfig(ROOT, 'electron-builder.yml', null);
}
