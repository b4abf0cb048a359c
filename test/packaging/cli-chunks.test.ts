/**
 * The `wharf` bundle (vite.cli.config.ts) loads what a command uses: `--help`, `--version` and the saved-site
 * commands never load the FTP engine (FtpsSession, basic-ftp, the proxy and TLS code), which only the
 * commands that connect pull in, from a chunk of its own. Checked on the built files twice: what the entry
 * requires before any command runs, and which bundle files a real run of bin/wharf has loaded when it exits.
 * A direct connection to a URL loads neither the SOCKS library nor keytar. A command reads the catalogue of
 * its language only (dist/cli/messages/<locale>.json), not the catalogue modules that hold all three.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ROOT, ensureBuilt } from './support';

const CLI_DIR = join(ROOT, 'dist', 'cli');
/**
 * What connecting needs and the light commands must not load: the FTP engine (FtpsSession, basic-ftp, the
 * data connections), the proxy (socks) and client-certificate code, and the connection rule.
 */
const ENGINE_MODULES = [
  'main/ftps/session.ts',
  'main/ftps/data-connection.ts',
  'main/ftps/proxy.ts',
  'main/ftps/client-certificate.ts',
  'main/connections/',
  'main/cli/connection.ts',
  'node_modules/basic-ftp/',
  'node_modules/socks/',
];
const work = mkdtempSync(join(tmpdir(), 'wharf-cli-chunks-'));

/** Every built file of the command line, relative to dist/cli. */
function bundleFiles(): string[] {
  return ['wharf.cjs', ...readdirSync(join(CLI_DIR, 'chunks')).filter((f) => f.endsWith('.cjs')).map((f) => `chunks/${f}`)];
}

/** The source modules a built file was made from, from its source map (the bundler's runtime helpers have none). */
function sourcesOf(file: string): string[] {
  const mapFile = join(CLI_DIR, `${file}.map`);
  if (!existsSync(mapFile)) return [];
  const map = JSON.parse(readFileSync(mapFile, 'utf8')) as { sources: string[] };
  return map.sources.map((source) => relative(ROOT, join(CLI_DIR, dirname(file), source)));
}

/** The engine modules a built file holds. */
function engineModulesIn(file: string): string[] {
  return sourcesOf(file).filter((source) => ENGINE_MODULES.some((module) => source.startsWith(module)));
}

/** The engine modules a set of built files holds, with the file each is in. */
function engineModulesAmong(files: Iterable<string>): string[] {
  return [...files].flatMap((file) => engineModulesIn(file).map((source) => `${source} (in ${file})`));
}

/**
 * The files a built file requires as it loads (relative to dist/cli), followed through the chunks they
 * require in turn. A `require` a dynamic import became (`Promise.resolve().then(() => require(...))`) runs
 * only when its command does, so it is not followed.
 */
function loadedWith(file: string, seen = new Set<string>()): Set<string> {
  seen.add(file);
  const code = readFileSync(join(CLI_DIR, file), 'utf8');
  for (const match of code.matchAll(/(\(\) => )?require\("(\.{1,2}\/[^"]+\.cjs)"\)/g)) {
    if (match[1] !== undefined) continue;
    const required = relative(CLI_DIR, join(CLI_DIR, dirname(file), match[2] as string));
    if (!seen.has(required)) loadedWith(required, seen);
  }
  return seen;
}

/** A preload that writes, as the process exits, which files of dist/cli it loaded. */
const recorder = join(work, 'record-loaded.cjs');

interface RecordedRun {
  readonly code: number;
  readonly loaded: readonly string[];
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs bin/wharf with the recorder; the list of loaded bundle files (and catalogue files read) comes back on a file of its own. */
function runRecorded(args: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<RecordedRun> {
  const listFile = join(work, `loaded-${args.join('-').replace(/[^a-z-]/gi, '')}.txt`);
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--require', recorder, join(ROOT, 'bin', 'wharf'), ...args],
      { env: { ...env, WHARF_DATA_DIR: join(work, 'data'), WHARF_PASSWORD: 'unused', WHARF_LOADED_LIST: listFile }, timeout: 60_000 },
      (err, stdout, stderr) => {
        const loaded = readFileSync(listFile, 'utf8').split('\n').filter((line) => line !== '');
        resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, loaded, stdout, stderr });
      },
    );
  });
}

before(() => {
  ensureBuilt();
  writeFileSync(
    recorder,
    `const fs = require('node:fs');
const { writeFileSync } = fs;
const { relative, resolve } = require('node:path');
const cliDir = ${JSON.stringify(CLI_DIR)};
// The catalogue files the command reads (messages/<locale>.json), noted as it reads them.
const read = new Set();
const readFileSync = fs.readFileSync;
fs.readFileSync = function (file, ...rest) {
  if (typeof file === 'string' && resolve(file).startsWith(cliDir)) read.add(relative(cliDir, resolve(file)));
  return readFileSync.call(this, file, ...rest);
};
process.on('exit', () => {
  const loaded = Object.keys(require.cache).filter((f) => f.startsWith(cliDir) || f.includes('node_modules/keytar/')).map((f) => relative(cliDir, f));
  writeFileSync(process.env.WHARF_LOADED_LIST, [...loaded, ...read].join('\\n'));
});
`,
  );
});
after(() => rmSync(work, { recursive: true, force: true }));

describe('the command line loads the engine only for commands that connect', () => {
  test('the entry and what it requires as it loads hold none of the engine', () => {
    assert.deepEqual(engineModulesAmong(loadedWith('wharf.cjs')), []);
    // The engine is in the bundle, in chunks the entry loads only when a command connects.
    const inBundle = engineModulesAmong(bundleFiles()).join('\n');
    for (const module of ['main/ftps/session.ts', 'main/cli/connection.ts']) assert.ok(inBundle.includes(module), `${module} is in the bundle`);
  });

  for (const args of [['--version'], ['--help'], ['site', 'ls']]) {
    test(`wharf ${args.join(' ')} runs without loading the engine`, async () => {
      const run = await runRecorded(args);
      assert.equal(run.code, 0);
      assert.ok(run.loaded.includes('wharf.cjs'), `the recorder saw the bundle load: ${run.loaded.join(', ')}`);
      assert.deepEqual(engineModulesAmong(run.loaded), [], `loaded: ${run.loaded.join(', ')}`);
    });
  }

  test('a command that connects loads it (the check above sees the engine when it is there)', async () => {
    // Port 1 on loopback refuses at once: the command fails, after loading what connecting needs.
    const run = await runRecorded(['ls', 'ftpes://someone@127.0.0.1:1/']);
    assert.equal(run.code, 5);
    const loaded = engineModulesAmong(run.loaded).join('\n');
    for (const module of ['main/ftps/session.ts', 'node_modules/basic-ftp/', 'main/cli/connection.ts']) assert.ok(loaded.includes(module), `${module} loaded: ${run.loaded.join(', ')}`);
  });

  test('a URL reached without a proxy loads neither the SOCKS library nor the keychain (a fixed cost of every get)', async () => {
    // No proxy in the environment and no app-wide proxy saved: the connection is direct.
    const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(all|https?|ftp|no)_proxy$/i.test(name)));
    const run = await runRecorded(['ls', 'ftpes://someone@127.0.0.1:1/'], env);
    assert.equal(run.code, 5);
    assert.ok(engineModulesAmong(run.loaded).some((module) => module.startsWith('main/ftps/session.ts')), `the engine loaded: ${run.loaded.join(', ')}`);
    assert.deepEqual(engineModulesAmong(run.loaded).filter((module) => module.startsWith('node_modules/socks/')), [], `loaded: ${run.loaded.join(', ')}`);
    assert.deepEqual(run.loaded.filter((file) => file.includes('node_modules/keytar/')), [], 'keytar is loaded only for a secret someone asks for');
  });

  test('a URL loads neither the site store nor the schema library (no app-wide proxy saved: its default needs no store)', async () => {
    const run = await runRecorded(['ls', 'ftp://someone@127.0.0.1:1/', '--allow-plain']);
    assert.equal(run.code, 5);
    assert.ok(engineModulesAmong(run.loaded).some((module) => module.startsWith('main/ftps/session.ts')), `the engine loaded: ${run.loaded.join(', ')}`);
    const stores = run.loaded.flatMap((file) => sourcesOf(file).filter((source) => source.startsWith('node_modules/zod/') || source === 'main/sites/site-store.ts' || source === 'main/sites/proxy-settings.ts'));
    assert.deepEqual([...new Set(stores)], [], `loaded: ${run.loaded.join(', ')}`);
  });
});

describe('a command loads the catalogue of the language it speaks, and no other', () => {
  /** The catalogue files a run read, and the catalogue modules (all languages side by side) it loaded. */
  function catalogueOf(run: RecordedRun): { files: string[]; modules: string[] } {
    const modules = run.loaded.flatMap((file) => sourcesOf(file).filter((source) => source.startsWith('common/i18n/messages/')));
    return { files: run.loaded.filter((file) => file.startsWith('messages/')).sort(), modules: [...new Set(modules)] };
  }

  for (const [language, file, refused] of [
    ['en_US.UTF-8', 'messages/en.json', 'refused'],
    ['de_DE.UTF-8', 'messages/de.json', 'abgelehnt'],
    ['ja_JP.UTF-8', 'messages/ja.json', '拒否'],
  ] as const) {
    test(`a get of a URL in ${language} reads ${file} only, and speaks that language`, async () => {
      // Port 1 on loopback refuses at once: the failure is told in the terminal's language.
      const work = mkdtempSync(join(tmpdir(), 'wharf-cli-catalogue-'));
      try {
        const run = await runRecorded(['get', 'ftp://someone@127.0.0.1:1/file.txt', join(work, 'file.txt'), '--allow-plain'], { ...process.env, LC_ALL: language });
        assert.equal(run.code, 5, run.stderr);
        assert.deepEqual(catalogueOf(run), { files: [file], modules: [] }, `loaded: ${run.loaded.join(', ')}`);
        assert.ok(run.stderr.includes(refused), run.stderr);
      } finally {
        rmSync(work, { recursive: true, force: true });
      }
    });
  }

  test('--help in German reads the German catalogue only', async () => {
    const run = await runRecorded(['--help'], { ...process.env, LC_ALL: 'de_DE.UTF-8' });
    assert.equal(run.code, 0);
    assert.deepEqual(catalogueOf(run), { files: ['messages/de.json'], modules: [] }, `loaded: ${run.loaded.join(', ')}`);
    assert.ok(run.stdout.includes('Befehle:'), run.stdout);
  });
});
