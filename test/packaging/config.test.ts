/**
 * electron-builder.yml, read and validated by electron-builder's own loader and JSON schema (what
 * `electron-builder` does before building), and the settings the installers depend on. Plus the
 * `npm run dist` plan (scripts/dist.ts): platform, never publishing, signing only from the environment.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { planDist } from '../../scripts/dist';
import { ROOT, builderConfigApi, loadBuilderConfig } from './support';

type Config = Record<string, unknown> & {
  electronFuses: Record<string, boolean>;
  protocols: { name: string; schemes: string[] }[];
  files: { filter: string[] }[];
  asarUnpack: string[];
  mac: { target: string[]; hardenedRuntime: boolean; entitlements: string; entitlementsInherit: string; icon: string };
  win: { target: string[]; icon: string };
  linux: { target: string[]; icon: string; executableName: string };
  nsis: Record<string, unknown>;
  directories: { output: string; buildResources: string };
};

let config: Config;

before(async () => {
  config = (await loadBuilderConfig()) as Config;
});

describe('electron-builder.yml', () => {
  it("validates against electron-builder's schema", async () => {
    const { api, debugLogger } = builderConfigApi();
    await api.validateConfiguration(config, debugLogger);
  });

  it('the schema check is live: misspelt options and protocols without a name are refused', async () => {
    const { api, debugLogger } = builderConfigApi();
    await assert.rejects(api.validateConfiguration({ ...config, electronFuses: { ...config.electronFuses, runAsNod: false } }, debugLogger), /configuration\.electronFuses/);
    await assert.rejects(api.validateConfiguration({ ...config, nsis: { ...config.nsis, oneClik: true } }, debugLogger), /configuration\.nsis/);
    await assert.rejects(api.validateConfiguration({ ...config, protocols: [{ schemes: ['ftps'] }] }, debugLogger), /configuration\.protocols/);
  });

  it('names the app', () => {
    assert.equal(config.productName, 'Wharf');
    assert.match(String(config.appId), /^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$/);
    assert.equal(config.linux.executableName, 'wharf');
    assert.equal(config.directories.buildResources, 'build');
    assert.equal(config.directories.output, 'release');
  });

  it('sets the Electron fuses of STYLE.md 7.9', () => {
    const fuses = config.electronFuses;
    assert.equal(fuses.runAsNode, false);
    assert.equal(fuses.enableNodeOptionsEnvironmentVariable, false);
    assert.equal(fuses.enableNodeCliInspectArguments, false);
    assert.equal(fuses.onlyLoadAppFromAsar, true);
    assert.equal(fuses.enableEmbeddedAsarIntegrityValidation, true);
    assert.equal(fuses.grantFileProtocolExtraPrivileges, false);
  });

  it('builds AppImage + deb, NSIS, dmg + zip, for the architectures given on the command line', () => {
    // No arch in the file: electron-builder then builds the machine's own architecture, or those passed
    // as --x64/--arm64 (an arch list here would override the command line).
    assert.deepEqual(config.linux.target, ['AppImage', 'deb']);
    assert.deepEqual(config.win.target, ['nsis']);
    assert.deepEqual(config.mac.target, ['dmg', 'zip']);
  });

  it('puts the version and the architecture in every artifact name', () => {
    const names = [config.artifactName, ...['nsis', 'dmg', 'appImage', 'deb'].map((key) => (config[key] as { artifactName?: string }).artifactName)];
    for (const name of names) {
      assert.equal(typeof name, 'string');
      assert.match(name as string, /\$\{version\}/);
      assert.match(name as string, /\$\{arch\}/);
    }
  });

  it('registers ftps:// and ftpes:// links', () => {
    const schemes = config.protocols.flatMap((p) => p.schemes).sort();
    assert.deepEqual(schemes, ['ftpes', 'ftps']);
    // NSIS has no protocol option: build/installer.nsh registers both, and removes them on uninstall.
    assert.equal(config.nsis.include, 'build/installer.nsh');
    const nsh = readFileSync(join(ROOT, 'build', 'installer.nsh'), 'utf8');
    for (const scheme of ['ftps', 'ftpes']) {
      assert.match(nsh, new RegExp(`wharfRegisterScheme "${scheme}"`));
      assert.match(nsh, new RegExp(`wharfUnregisterScheme "${scheme}"`));
    }
    // The link is passed after `--`, so it can never be read as a command-line switch.
    assert.match(nsh, /'"\$appExe" -- "%1"'/);
  });

  it('packs only the built app and keytar, with keytar.node unpacked', () => {
    // electron-builder normalises `files` into file sets; ours is one set of patterns.
    const patterns = config.files.flatMap((set) => set.filter);
    const included = patterns.filter((p) => !p.startsWith('!'));
    for (const pattern of included) {
      assert.match(pattern, /^(package\.json|dist\/(main|preload|renderer|cli)\/\*\*\/\*|\*\*\/node_modules\/keytar\/.*)$/, `${pattern} packs only built output or keytar`);
    }
    assert.ok(patterns.includes('!**/*.map'), 'source maps stay out');
    assert.ok(patterns.includes('!**/node_modules/**/*'), 'node_modules are opted in one by one');
    assert.ok(config.asarUnpack.some((pattern) => pattern.includes('keytar') && pattern.endsWith('.node')));
    assert.equal(config.asar, true);
  });

  it('signs on macOS with the hardened runtime and the entitlements in build/', () => {
    assert.equal(config.mac.hardenedRuntime, true);
    for (const file of [config.mac.entitlements, config.mac.entitlementsInherit]) {
      const plist = readFileSync(join(ROOT, file), 'utf8').replace(/<!--[\s\S]*?-->/g, '');
      const keys = [...plist.matchAll(/<key>([^<]+)<\/key>\s*<(true|false)\/>/g)].map((m) => `${m[1]}=${m[2]}`);
      assert.deepEqual(keys, ['com.apple.security.cs.allow-jit=true'], 'V8 JIT only, nothing wider');
    }
  });

  it('keeps signing secrets out of the file: they come from the environment only', () => {
    const text = readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8');
    assert.doesNotMatch(text, /^\s*(cscLink|cscKeyPassword|certificatePassword|certificateFile)\s*:/m);
    for (const platform of ['mac', 'win', 'linux'] as const) {
      const options = config[platform] as Record<string, unknown>;
      assert.equal(options.cscLink, undefined);
      assert.equal(options.cscKeyPassword, undefined);
      assert.equal(options.forceCodeSigning, undefined);
    }
    assert.equal(config.publish, null, 'never publishes');
  });

  it('points at icons and resources that exist', () => {
    for (const file of [config.mac.icon, config.win.icon, config.nsis.installerIcon, config.nsis.uninstallerIcon, config.nsis.include]) {
      assert.ok(existsSync(join(ROOT, String(file))), `${file} exists`);
    }
    assert.ok(existsSync(join(ROOT, config.linux.icon, '512x512.png')));
  });
});

describe('npm run dist (scripts/dist.ts)', () => {
  it('builds for the platform it runs on and never publishes', () => {
    assert.deepEqual(planDist('linux', {}).builderArgs, ['--linux', '--publish', 'never']);
    assert.deepEqual(planDist('darwin', {}).builderArgs.slice(0, 3), ['--mac', '--publish', 'never']);
    assert.deepEqual(planDist('win32', {}, ['--x64']).builderArgs, ['--win', '--publish', 'never', '--x64']);
    assert.throws(() => planDist('freebsd', {}), /not on freebsd/);
  });

  it('leaves macOS unsigned unless CSC_LINK or CSC_NAME is set (no keychain auto-discovery)', () => {
    const unsigned = planDist('darwin', {});
    assert.equal(unsigned.env.CSC_IDENTITY_AUTO_DISCOVERY, 'false');
    assert.ok(unsigned.notes.some((n) => n.startsWith('macOS signing: off')));
    assert.ok(unsigned.notes.some((n) => n.startsWith('macOS notarization: off')));

    const signed = planDist('darwin', { CSC_LINK: '/secure/developer-id.p12', CSC_KEY_PASSWORD: 'x', APPLE_ID: 'a@b.c' });
    assert.equal(signed.env.CSC_IDENTITY_AUTO_DISCOVERY, undefined);
    assert.ok(signed.notes.includes('macOS signing: on (CSC_LINK)'));
    assert.ok(signed.notes.includes('macOS notarization: on (APPLE_ID)'));

    // An explicit choice is respected.
    assert.equal(planDist('darwin', { CSC_IDENTITY_AUTO_DISCOVERY: 'true' }).env.CSC_IDENTITY_AUTO_DISCOVERY, undefined);
  });

  it('signs on Windows only with WIN_CSC_LINK or CSC_LINK', () => {
    assert.ok(planDist('win32', {}).notes.some((n) => n.startsWith('Windows signing: off')));
    assert.ok(planDist('win32', { WIN_CSC_LINK: 'c.pfx' }).notes.includes('Windows signing: on (WIN_CSC_LINK)'));
    assert.ok(planDist('win32', { CSC_LINK: 'c.pfx' }).notes.includes('Windows signing: on (CSC_LINK)'));
  });

  it('never prints a secret', () => {
    const plan = planDist('darwin', { CSC_LINK: 'SECRET-LINK', CSC_KEY_PASSWORD: 'SECRET-PASSWORD', APPLE_APP_SPECIFIC_PASSWORD: 'SECRET-APPLE', APPLE_ID: 'SECRET-ID' });
    assert.doesNotMatch(JSON.stringify(plan), /SECRET/);
  });
});
