import { posix, sep, win32 } from 'node:path';

/** Where the built preload and renderer are, relative to the built main bundle. */
export interface AppPaths {
  /** The sandboxed preload bundle (one CommonJS file). */
  readonly preload: string;
  /** The folder the `app://wharf/` protocol serves (vite's renderer output). */
  readonly rendererRoot: string;
}

/**
 * Resolves the preload and renderer from the folder of the running main bundle (`__dirname` of
 * dist/main/index.cjs). Pure, so the packaging tests can feed it any layout:
 * - dev (`electron .`): `<repo>/dist/main` -> `<repo>/dist/preload/index.cjs`, `<repo>/dist/renderer`;
 * - packaged: `<resources>/app.asar/dist/main` -> the same names inside `app.asar` (Electron reads asar
 *   transparently, for the preload too);
 * - packaged with main unpacked (`asarUnpack`): `app.asar.unpacked` maps back to `app.asar`, since the
 *   preload and renderer stay in the archive.
 * `platform` picks the path flavour, so tests resolve Windows layouts on Linux.
 */
export function resolveAppPaths(mainDir: string, platform: NodeJS.Platform = sep === '\\' ? 'win32' : 'linux'): AppPaths {
  const path = platform === 'win32' ? win32 : posix;
  const parts = path.normalize(mainDir).split(path.sep).map((part) => (part === 'app.asar.unpacked' ? 'app.asar' : part));
  const distDir = path.dirname(parts.join(path.sep));
  return {
    preload: path.join(distDir, 'preload', 'index.cjs'),
    rendererRoot: path.join(distDir, 'renderer'),
  };
}
