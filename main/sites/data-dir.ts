/*
 * Where Wharf's files live. A module of its own, without the stores' schema library, so that a command that
 * only needs the folder's name (the command line's `get` of a URL, which reads the app-wide proxy setting
 * only where it was saved) does not load the site store.
 */
import { homedir } from 'node:os';
import { posix, resolve, win32 } from 'node:path';

/** The app-wide proxy setting's file inside the data folder (main/sites/proxy-settings.ts). */
export const PROXY_SETTINGS_FILE_NAME = 'proxy-settings.json';

/** Environment variable that points the app, the CLI and tests at another data folder. */
export const DATA_DIR_ENV = 'WHARF_DATA_DIR';

/**
 * Where Wharf keeps its data when nobody says otherwise: `WHARF_DATA_DIR`, else the folder Electron's
 * `app.getPath('userData')` gives for productName "Wharf", so the CLI and the app share one store.
 */
export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  const override = env[DATA_DIR_ENV];
  if (override) return resolve(override);
  if (platform === 'win32') return win32.join(env.APPDATA || win32.join(home, 'AppData', 'Roaming'), 'Wharf');
  if (platform === 'darwin') return posix.join(home, 'Library', 'Application Support', 'Wharf');
  const xdg = env.XDG_CONFIG_HOME;
  // The XDG spec says relative values are invalid and must be ignored.
  return posix.join(xdg && posix.isAbsolute(xdg) ? xdg : posix.join(home, '.config'), 'Wharf');
}
