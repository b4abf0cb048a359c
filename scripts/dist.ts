/**
 * `npm run dist [-- <electron-builder options>]`: builds the app (`npm run build`), then its installers for
 * the platform it runs on with electron-builder (electron-builder.yml), into release/:
 * - macOS: Wharf-<version>-mac-<arch>.dmg and .zip
 * - Windows: Wharf-<version>-win-<arch>-setup.exe (NSIS)
 * - Linux: Wharf-<version>-linux-<arch>.AppImage and .deb
 * for the machine's own architecture. Extra options go to electron-builder as they are, e.g.
 * `npm run dist -- --x64 --arm64` for both architectures, or `npm run dist -- --linux AppImage` for one target.
 *
 * electron-builder downloads Electron, and the tools of some targets, on first use: it needs internet access.
 *
 * Signing comes from the environment only, and is off without it:
 * - macOS: CSC_LINK (+ CSC_KEY_PASSWORD), a Developer ID Application certificate; or CSC_NAME for one in
 *   the keychain. Without them keychain auto-discovery is turned off (CSC_IDENTITY_AUTO_DISCOVERY=false)
 *   so a build is unsigned unless asked. Notarization: APPLE_ID + APPLE_APP_SPECIFIC_PASSWORD +
 *   APPLE_TEAM_ID, or APPLE_API_KEY + APPLE_API_KEY_ID + APPLE_API_ISSUER, or APPLE_KEYCHAIN_PROFILE.
 * - Windows: WIN_CSC_LINK + WIN_CSC_KEY_PASSWORD (or CSC_LINK + CSC_KEY_PASSWORD).
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** What `npm run dist` will run, and what it says about signing. */
export interface DistPlan {
  /** Arguments for electron-builder's CLI. */
  readonly builderArgs: string[];
  /** Variables to add to the environment of electron-builder. */
  readonly env: Record<string, string>;
  /** One line per fact worth printing (which targets, signing on or off and why). */
  readonly notes: string[];
}

const PLATFORM_FLAGS: Partial<Record<NodeJS.Platform, { flag: string; name: string }>> = {
  darwin: { flag: '--mac', name: 'macOS (dmg, zip)' },
  win32: { flag: '--win', name: 'Windows (NSIS)' },
  linux: { flag: '--linux', name: 'Linux (AppImage, deb)' },
};

const has = (env: NodeJS.ProcessEnv, name: string) => typeof env[name] === 'string' && env[name] !== '';

/** Pure: the electron-builder command line and environment for `platform`, given the environment. */
export function planDist(platform: NodeJS.Platform, env: NodeJS.ProcessEnv, extraArgs: readonly string[] = []): DistPlan {
  const target = PLATFORM_FLAGS[platform];
  if (!target) throw new Error(`npm run dist builds on macOS, Windows and Linux, not on ${platform}`);
  const builderArgs = [target.flag, '--publish', 'never', ...extraArgs];
  const addEnv: Record<string, string> = {};
  const notes = [`building installers for ${target.name} into release/`];

  if (platform === 'darwin') {
    if (has(env, 'CSC_LINK') || has(env, 'CSC_NAME')) {
      notes.push(`macOS signing: on (${has(env, 'CSC_LINK') ? 'CSC_LINK' : 'CSC_NAME'})`);
    } else {
      if (!has(env, 'CSC_IDENTITY_AUTO_DISCOVERY')) addEnv.CSC_IDENTITY_AUTO_DISCOVERY = 'false';
      notes.push('macOS signing: off (set CSC_LINK and CSC_KEY_PASSWORD to sign)');
    }
    const notarizeWith = has(env, 'APPLE_ID')
      ? 'APPLE_ID'
      : has(env, 'APPLE_API_KEY')
        ? 'APPLE_API_KEY'
        : has(env, 'APPLE_KEYCHAIN_PROFILE')
          ? 'APPLE_KEYCHAIN_PROFILE'
          : null;
    notes.push(
      notarizeWith
        ? `macOS notarization: on (${notarizeWith})`
        : 'macOS notarization: off (set APPLE_ID, APPLE_APP_SPECIFIC_PASSWORD and APPLE_TEAM_ID to notarize)',
    );
  } else if (platform === 'win32') {
    const signWith = has(env, 'WIN_CSC_LINK') ? 'WIN_CSC_LINK' : has(env, 'CSC_LINK') ? 'CSC_LINK' : null;
    notes.push(signWith ? `Windows signing: on (${signWith})` : 'Windows signing: off (set WIN_CSC_LINK and WIN_CSC_KEY_PASSWORD to sign)');
  } else {
    notes.push('Linux: AppImage and deb are not signed');
  }
  return { builderArgs, env: addEnv, notes };
}

function run(command: string, args: readonly string[], env: NodeJS.ProcessEnv, cwd: string): number {
  const result = spawnSync(command, args, { cwd, env, stdio: 'inherit', shell: process.platform === 'win32' && command === 'npm' });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

function main(): void {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const plan = planDist(process.platform, process.env, process.argv.slice(2));
  for (const note of plan.notes) console.log(`dist: ${note}`);
  const env = { ...process.env, ...plan.env };

  if (process.platform === 'linux' && spawnSync('ar', ['--version'], { stdio: 'ignore' }).status !== 0) {
    console.warn('dist: `ar` (binutils) was not found: the .deb cannot be packed without it (sudo apt-get install binutils); the AppImage needs nothing');
  }

  const built = run('npm', ['run', 'build'], env, root);
  if (built !== 0) process.exit(built);
  const cli = createRequire(import.meta.url).resolve('electron-builder/cli.js');
  process.exit(run(process.execPath, [cli, ...plan.builderArgs], env, root));
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();
