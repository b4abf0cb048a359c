/**
 * Which tier a test file belongs to, read from what the file uses, so a new test lands in the right tier
 * without anyone keeping a list:
 * - `e2e`: under test/e2e (Chromium through the WebSocket bridge; needs the build and usually the fleet).
 * - `servers`: starts or joins the fleet of real FTP servers (`useFleet`, `startFleet`) or builds network
 *   namespaces: needs root (test users, nftables), the servers from .ci/install-system and the build (the
 *   command-line tests run bin/wharf). Also a test that gives files to another user (`chown`): only root may.
 * - `packaging`: under test/packaging, or a test of the built bundles (it loads `dist/`): needs the build.
 * - `unit`: everything else: no servers, no root, no build. It may still use loopback sockets (the scripted
 *   hostile server) and the keyring when one is running.
 * The first rule that matches wins, in the order above.
 */
export const TEST_TIERS = ['unit', 'servers', 'e2e', 'packaging'] as const;
export type TestTier = (typeof TEST_TIERS)[number];

const USES_BUILD = /electron-stand-in|\.\.\/\.\.\/dist\/|join\(root, 'dist'/;
const USES_SERVERS = /\b(useFleet|startFleet)\(|network-namespace/;
/** Giving a file to another user (the scratch space's "owned by someone else" cases) needs root, as the servers do. */
const USES_ROOT = /\bchown(Sync)?\(/;

/** `path` uses '/' separators, relative to the project root (test/e2e/dual-pane.test.ts). */
export function tierOf(path: string, source: string): TestTier {
  if (path.startsWith('test/e2e/')) return 'e2e';
  if (usesServers(source) || USES_ROOT.test(source)) return 'servers';
  if (path.startsWith('test/packaging/') || USES_BUILD.test(source)) return 'packaging';
  return 'unit';
}

/** Whether a test file needs the fleet of FTP servers started before it runs. */
export function usesServers(source: string): boolean {
  return USES_SERVERS.test(source);
}

export function isTestTier(value: string): value is TestTier {
  return (TEST_TIERS as readonly string[]).includes(value);
}
