import assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { serverLog, useFleet, writeServerFile } from '../servers/fleet';
import { testBytes } from '../ftps/support';

const root = fileURLToPath(new URL('../..', import.meta.url));
const wharf = join(root, 'bin', 'wharf');
const fleet = await useFleet();
const work = mkdtempSync(join(tmpdir(), 'wharf-cli-'));
const dataDir = join(work, 'data');

before(() => {
  // npm test builds first; a file run on its own builds the command line here.
  if (!existsSync(join(root, 'dist', 'cli', 'wharf.cjs'))) {
    const built = spawnSync('npx', ['vite', 'build', '-c', 'vite.cli.config.ts'], { cwd: root, stdio: 'ignore' });
    assert.equal(built.status, 0, 'the CLI bundle builds');
  }
});

interface RunResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the real launcher as a script would: no TTY, password from the environment. */
function run(args: string[], env: Record<string, string> = {}): Promise<RunResult> {
  return new Promise((resolve) => {
    execFile(process.execPath, [wharf, ...args], { env: { ...process.env, WHARF_DATA_DIR: dataDir, ...env }, timeout: 60_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

function urlFor(name: keyof typeof fleet.servers, path = '/'): string {
  const s = fleet.servers[name];
  const scheme = s.mode === 'explicit' ? 'ftpes' : s.mode === 'implicit' ? 'ftps' : 'ftp';
  return `${scheme}://${s.user}@${s.host}:${s.port}${path}`;
}

function unique(prefix: string): string {
  return `${prefix}-${randomBytes(4).toString('hex')}`;
}

const caFile = join(work, 'ca.pem');
writeFileSync(caFile, fleet.caCertPem);

for (const name of ['vsftpd-explicit', 'vsftpd-implicit', 'proftpd-explicit', 'pureftpd-explicit'] as const) {
  const server = fleet.servers[name];
  const env = { WHARF_PASSWORD: server.password };

  describe(`wharf against ${name}`, () => {
    test('mkdir, put, ls, get and rm a file with identical bytes', async () => {
      const folder = `/${unique('cli')}`;
      assert.equal((await run(['mkdir', urlFor(name, `${folder}/sub`), '-p', '--ca', caFile], env)).code, 0);
      const data = testBytes(300_000, 9);
      const local = join(work, unique('put'));
      writeFileSync(local, data);
      const put = await run(['put', local, urlFor(name, `${folder}/sub/data.bin`), '--ca', caFile], env);
      assert.equal(put.code, 0, put.stderr);
      const ls = await run(['ls', urlFor(name, `${folder}/sub`), '--ca', caFile], env);
      assert.equal(ls.code, 0, ls.stderr);
      assert.match(ls.stdout, /300000 .* data\.bin/);
      const back = join(work, unique('get'));
      const get = await run(['get', urlFor(name, `${folder}/sub/data.bin`), back, '--ca', caFile], env);
      assert.equal(get.code, 0, get.stderr);
      assert.deepEqual(readFileSync(back), data);
      assert.equal(get.stdout, '', 'quiet on stdout when not a terminal');
      assert.equal((await run(['rm', urlFor(name, folder), '-r', '--ca', caFile], env)).code, 0);
      assert.equal(existsSync(join(server.root, folder)), false);
    });

    test('info prints the security report', async () => {
      const info = await run(['info', urlFor(name), '--ca', caFile], env);
      assert.equal(info.code, 0, info.stderr);
      assert.match(info.stdout, /TLS:\s+TLSv1\.3, TLS_AES/);
      assert.match(info.stdout, /Credentials encrypted:\s+yes/);
      assert.match(info.stdout, /Data protected:\s+yes/);
      assert.ok(info.stdout.includes(server.certFingerprintSha256 ?? 'missing'));
      assert.ok(!info.stdout.includes(server.password) && !info.stderr.includes(server.password));
    });
  });
}

describe('wharf recursive transfers', () => {
  const server = fleet.servers['proftpd-explicit'];
  const env = { WHARF_PASSWORD: server.password };

  test('put -r and get -r with --parallel keep the tree, empty folders included', async () => {
    const tree = join(work, unique('tree'));
    mkdirSync(join(tree, 'a', 'b'), { recursive: true });
    mkdirSync(join(tree, 'empty'));
    const files: Record<string, Buffer> = { 'top.txt': Buffer.from('top'), 'a/one.bin': testBytes(70_000, 1), 'a/b/two.bin': testBytes(120_000, 2), 'a/b/three.txt': Buffer.from('') };
    for (const [rel, data] of Object.entries(files)) writeFileSync(join(tree, rel), data);
    const remote = `/${unique('rtree')}`;
    const put = await run(['put', tree, urlFor('proftpd-explicit', remote), '-r', '--parallel', '3', '--ca', caFile], env);
    assert.equal(put.code, 0, put.stderr);
    const back = join(work, unique('back'));
    const get = await run(['get', urlFor('proftpd-explicit', remote), back, '-r', '--parallel', '3', '--ca', caFile], env);
    assert.equal(get.code, 0, get.stderr);
    for (const [rel, data] of Object.entries(files)) assert.deepEqual(readFileSync(join(back, rel)), data, rel);
    assert.ok(existsSync(join(back, 'empty')));
  });

  test('get -r skips a remote name that is unsafe as a local name and writes nothing outside the folder', async () => {
    const remote = `/${unique('hostile')}`;
    writeServerFile(server, `${remote}/ok.txt`, 'fine');
    writeServerFile(server, `${remote}/..\\evil.txt`, 'nope');
    const back = join(work, unique('hback'));
    const get = await run(['get', urlFor('proftpd-explicit', remote), back, '-r', '--ca', caFile], env);
    assert.equal(get.code, 0, get.stderr);
    assert.equal(readFileSync(join(back, 'ok.txt'), 'utf8'), 'fine');
    assert.match(get.stderr, /skipped .*evil\.txt: the name contains/);
    assert.equal(existsSync(join(work, 'evil.txt')), false);
  });
});

describe('wharf overwrite policies', () => {
  const server = fleet.servers['proftpd-explicit'];
  const env = { WHARF_PASSWORD: server.password };

  test('skip keeps an existing file, rename adds "name (1).ext", newer leaves a newer local file alone', async () => {
    const remote = `/${unique('ow')}.txt`;
    writeServerFile(server, remote, 'from the server');
    const folder = join(work, unique('ow'));
    mkdirSync(folder);
    const local = join(folder, 'kept.txt');
    writeFileSync(local, 'mine');
    const skip = await run(['get', urlFor('proftpd-explicit', remote), local, '--overwrite', 'skip', '--ca', caFile], env);
    assert.equal(skip.code, 0, skip.stderr);
    assert.equal(readFileSync(local, 'utf8'), 'mine');
    assert.match(skip.stderr, /skipped/);
    const newer = await run(['get', urlFor('proftpd-explicit', remote), local, '--overwrite', 'newer', '--ca', caFile], env);
    assert.equal(newer.code, 0, newer.stderr);
    assert.equal(readFileSync(local, 'utf8'), 'mine', 'the local file was written after the server one');
    const rename = await run(['get', urlFor('proftpd-explicit', remote), local, '--overwrite', 'rename', '--ca', caFile], env);
    assert.equal(rename.code, 0, rename.stderr);
    assert.equal(readFileSync(local, 'utf8'), 'mine');
    assert.equal(readFileSync(join(folder, 'kept (1).txt'), 'utf8'), 'from the server');
    const overwrite = await run(['get', urlFor('proftpd-explicit', remote), local, '--ca', caFile], env);
    assert.equal(overwrite.code, 0, overwrite.stderr);
    assert.equal(readFileSync(local, 'utf8'), 'from the server', 'overwrite is the default, as with cp');
    assert.match(overwrite.stderr, /verified by SHA-256/, 'proftpd offers HASH');
  });

  test('an unknown policy is a usage error', async () => {
    const result = await run(['get', urlFor('proftpd-explicit', '/x'), work, '--overwrite', 'sometimes', '--ca', caFile], env);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /--overwrite takes/);
  });
});

describe('wharf refusals and exit codes', () => {
  const server = fleet.servers['vsftpd-explicit'];

  test('--version and -V print the version of package.json; --help lists --version', async () => {
    const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    for (const flag of ['--version', '-V']) {
      const result = await run([flag]);
      assert.equal(result.code, 0, result.stderr);
      assert.equal(result.stdout, `wharf ${version}\n`);
    }
    assert.match((await run(['--help'])).stdout, /-V, --version/);
  });

  test('an untrusted certificate stops before USER, exit 4, and says how to pin it', async () => {
    const before = serverLog(server).length;
    const result = await run(['ls', urlFor('vsftpd-explicit')], { WHARF_PASSWORD: server.password });
    assert.equal(result.code, 4);
    assert.match(result.stderr, /--fingerprint SHA256:[0-9A-F]{64}/);
    assert.ok(!/USER|PASS/.test(serverLog(server).slice(before)));
  });

  test('a failed command explains the server reply in words beside its code', async () => {
    const result = await run(['get', urlFor('vsftpd-explicit', `/${unique('absent')}.txt`), join(work, unique('absent')), '--ca', caFile], { WHARF_PASSWORD: server.password });
    assert.notEqual(result.code, 0);
    assert.match(result.stderr, /550 [^\n]*\(The file or folder does not exist, or you have no permission for it\.\)/);
  });

  test('--fingerprint trusts exactly that certificate', async () => {
    const fingerprint = `SHA256:${(server.certFingerprintSha256 ?? '').replace(/:/g, '')}`;
    const ok = await run(['ls', urlFor('vsftpd-explicit'), '--fingerprint', fingerprint], { WHARF_PASSWORD: server.password });
    assert.equal(ok.code, 0, ok.stderr);
    const wrong = await run(['ls', urlFor('vsftpd-explicit'), '--fingerprint', `SHA256:${'0'.repeat(64)}`, '--ca', caFile], { WHARF_PASSWORD: server.password });
    assert.equal(wrong.code, 4);
    assert.match(wrong.stderr, /changed/);
  });

  test('get and put of one file log in once: the session that looked the file up transfers it', async () => {
    const local = join(work, unique('once'));
    writeFileSync(local, testBytes(10_000, 5));
    const remote = `/${unique('once')}.bin`;
    const debug = { WHARF_PASSWORD: server.password, WHARF_DEBUG: '1' };
    const logins = (stderr: string) => stderr.split('\n').filter((l) => l.startsWith('command USER ')).length;
    const put = await run(['put', local, urlFor('vsftpd-explicit', remote), '--ca', caFile], debug);
    assert.equal(put.code, 0, put.stderr);
    assert.equal(logins(put.stderr), 1);
    const back = join(work, unique('once-back'));
    const get = await run(['get', urlFor('vsftpd-explicit', remote), back, '--ca', caFile], debug);
    assert.equal(get.code, 0, get.stderr);
    assert.equal(logins(get.stderr), 1);
    assert.deepEqual(readFileSync(back), readFileSync(local));
    // A folder with one connection: the session that walked it transfers its files.
    const folder = `/${unique('once-folder')}`;
    const tree = join(work, unique('once-tree'));
    mkdirSync(join(tree, 'sub'), { recursive: true });
    writeFileSync(join(tree, 'a.bin'), testBytes(3000, 1));
    writeFileSync(join(tree, 'sub', 'b.bin'), testBytes(5000, 2));
    const putTree = await run(['put', '-r', tree, urlFor('vsftpd-explicit', folder), '--ca', caFile, '--parallel', '1'], debug);
    assert.equal(putTree.code, 0, putTree.stderr);
    const treeBack = join(work, unique('once-tree-back'));
    const getTree = await run(['get', '-r', urlFor('vsftpd-explicit', folder), treeBack, '--ca', caFile, '--parallel', '1'], debug);
    assert.equal(getTree.code, 0, getTree.stderr);
    assert.equal(logins(getTree.stderr), 1);
    assert.deepEqual(readFileSync(join(treeBack, 'sub', 'b.bin')), readFileSync(join(tree, 'sub', 'b.bin')));
    assert.deepEqual(readFileSync(join(treeBack, 'a.bin')), readFileSync(join(tree, 'a.bin')));
  });

  test('plain ftp:// is refused without --allow-plain (exit 2) and warns with it', async () => {
    const plain = fleet.servers['vsftpd-plain'];
    const refused = await run(['ls', urlFor('vsftpd-plain')], { WHARF_PASSWORD: plain.password });
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, /unencrypted/);
    const allowed = await run(['ls', urlFor('vsftpd-plain'), '--allow-plain'], { WHARF_PASSWORD: plain.password });
    assert.equal(allowed.code, 0, allowed.stderr);
    assert.match(allowed.stderr, /warning: plain FTP/);
  });

  test('a wrong password exits 3 without echoing it', async () => {
    const result = await run(['ls', urlFor('vsftpd-explicit'), '--ca', caFile], { WHARF_PASSWORD: 'wrong-password-123' });
    assert.equal(result.code, 3);
    assert.ok(!result.stderr.includes('wrong-password-123'));
  });

  test('--insecure connects with a loud warning', async () => {
    const result = await run(['ls', urlFor('vsftpd-explicit'), '--insecure'], { WHARF_PASSWORD: server.password });
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stderr, /WARNING: --insecure/);
  });

  test('--active transfers through EPRT', async () => {
    const data = testBytes(50_000, 4);
    const local = join(work, unique('act'));
    writeFileSync(local, data);
    const remote = `/${unique('act')}.bin`;
    const put = await run(['put', local, urlFor('vsftpd-explicit', remote), '--active', '--ca', caFile], { WHARF_PASSWORD: server.password, WHARF_DEBUG: '1' });
    assert.equal(put.code, 0, put.stderr);
    assert.match(put.stderr, /command EPRT \|1\|127\.0\.0\.1\|/);
    assert.deepEqual(readFileSync(join(server.root, remote)), data);
  });

  test('bad usage exits 2 with a one-line reason', async () => {
    const result = await run(['get', 'not-a-url', 'x']);
    assert.equal(result.code, 2);
    assert.equal(result.stderr.trim().split('\n').length, 1);
  });
});

describe('wharf with saved sites and the keychain', () => {
  const server = fleet.servers['pureftpd-explicit'];

  test('site add saves the password in the keychain, site: URLs use it, site rm removes both', async () => {
    const name = unique('site');
    const add = await run(['site', 'add', name, '--url', urlFor('pureftpd-explicit')], { WHARF_PASSWORD: server.password });
    assert.equal(add.code, 0, add.stderr);
    assert.match(add.stdout, /Password:\s+in the keychain/);
    const sitesFile = readFileSync(join(dataDir, 'sites.json'), 'utf8');
    assert.ok(sitesFile.includes(name) && !sitesFile.includes(server.password), 'the password is not in the sites file');

    const ls = await run(['site', 'ls']);
    assert.match(ls.stdout, new RegExp(`${name}\\tftpes://${server.user}@127\\.0\\.0\\.1:${server.port}\\tkeychain`));

    // No WHARF_PASSWORD here: the password comes from the keychain. The certificate is pinned by --fingerprint.
    const fingerprint = `SHA256:${(server.certFingerprintSha256 ?? '').replace(/:/g, '')}`;
    writeServerFile(server, 'from-site.txt', 'saved sites work');
    const target = join(work, unique('fromsite'));
    const get = await run(['get', `site:${name}/from-site.txt`, target, '--fingerprint', fingerprint]);
    assert.equal(get.code, 0, get.stderr);
    assert.equal(readFileSync(target, 'utf8'), 'saved sites work');

    const rm = await run(['site', 'rm', name]);
    assert.equal(rm.code, 0, rm.stderr);
    const gone = await run(['get', `site:${name}/from-site.txt`, target]);
    assert.equal(gone.code, 2);
    assert.match(gone.stderr, /No saved site/);
  });

  test('site edit to another host forgets the saved password unless --keep-password', async (t) => {
    const name = unique('moved');
    const add = await run(['site', 'add', name, '--url', urlFor('pureftpd-explicit')], { WHARF_PASSWORD: server.password });
    t.after(() => run(['site', 'rm', name]));
    assert.equal(add.code, 0, add.stderr);

    const kept = await run(['site', 'edit', name, '--url', `ftpes://${server.user}@localhost:${server.port}/`, '--keep-password']);
    assert.equal(kept.code, 0, kept.stderr);
    assert.match(kept.stdout, /Password:\s+in the keychain/);
    assert.equal(kept.stderr, '');

    const same = await run(['site', 'edit', name, '--url', `ftpes://${server.user}@localhost:${server.port}/`]);
    assert.match(same.stdout, /Password:\s+in the keychain/, 'the same server again keeps it');

    const moved = await run(['site', 'edit', name, '--url', `ftpes://${server.user}@elsewhere.example.net:${server.port}/`]);
    assert.equal(moved.code, 0, moved.stderr);
    assert.match(moved.stdout, /Password:\s+none saved/);
    assert.match(moved.stderr, new RegExp(`the saved password was for ${server.user}@localhost:${server.port} and was removed, so it is not sent to elsewhere\\.example\\.net unasked`));
    assert.match((await run(['site', 'show', name])).stdout, /Password:\s+none saved/, 'read back from the keychain');
  });
});

describe('wharf put: uploads via a temporary name', () => {
  const server = fleet.servers['vsftpd-explicit'];
  const env = { WHARF_PASSWORD: server.password, WHARF_DEBUG: '1' };
  /** The FTP commands of a run, from the WHARF_DEBUG dialogue on stderr. */
  const commands = (stderr: string, pattern: RegExp) => stderr.split('\n').filter((line) => line.startsWith('command ') && pattern.test(line.slice('command '.length)));

  test('by default the file goes to NAME.wharf-part and is renamed; --in-place writes the final name directly', async () => {
    const data = testBytes(120_000, 8);
    const local = join(work, unique('temp-up'));
    writeFileSync(local, data);
    const remote = `/${unique('temp-up')}.bin`;

    const viaTemporary = await run(['put', local, urlFor('vsftpd-explicit', remote), '--ca', caFile], env);
    assert.equal(viaTemporary.code, 0, viaTemporary.stderr);
    assert.deepEqual(commands(viaTemporary.stderr, /^(STOR|RNFR|RNTO) /), [`command STOR ${remote}.wharf-part`, `command RNFR ${remote}.wharf-part`, `command RNTO ${remote}`]);
    assert.deepEqual(readFileSync(join(server.root, remote)), data);
    assert.equal(existsSync(join(server.root, `${remote}.wharf-part`)), false);

    const inPlace = await run(['put', local, urlFor('vsftpd-explicit', remote), '--ca', caFile, '--in-place'], env);
    assert.equal(inPlace.code, 0, inPlace.stderr);
    assert.deepEqual(commands(inPlace.stderr, /^(STOR|RNFR|RNTO) /), [`command STOR ${remote}`]);
    assert.deepEqual(readFileSync(join(server.root, remote)), data);
  });

  test('a site: location follows the saved site\'s setting; site show says which', async (t) => {
    // Its own data folder with a site saved as a user who unticked the setting would have it (no keychain needed).
    const siteData = mkdtempSync(join(tmpdir(), 'wharf-cli-site-'));
    const name = unique('dropbox');
    writeFileSync(join(siteData, 'sites.json'), JSON.stringify({
      schemaVersion: 2,
      folders: [],
      sites: [{
        id: '6b0c6f8e-3d55-4a43-9a3b-4d1f2a4b9c10', name, folderPath: [], protocol: 'explicit', host: server.host, port: server.port, portFollowsProtocol: false,
        user: server.user, passwordStorage: 'ask', dataMode: 'passive', localDir: '', remoteDir: '', encoding: 'utf8', maxConnections: 2,
        timezoneOffsetMinutes: 0, minTlsVersion: 'TLSv1.2', uploadViaTemporaryName: false, allowClearData: false, comments: '', createdAt: '2025-01-01T00:00:00.000Z', updatedAt: '2025-01-01T00:00:00.000Z',
      }],
    }));
    const siteEnv = { ...env, WHARF_DATA_DIR: siteData };
    t.after(() => rmSync(siteData, { recursive: true, force: true }));
    const show = await run(['site', 'show', name], siteEnv);
    assert.equal(show.code, 0, show.stderr);
    assert.match(show.stdout, /Uploads:\s+in place/);

    const local = join(work, unique('site-up'));
    writeFileSync(local, 'to a drop box that refuses renames');
    const remote = `/${unique('site-up')}.txt`;
    const put = await run(['put', local, `site:${name}${remote}`, '--ca', caFile], siteEnv);
    assert.equal(put.code, 0, put.stderr);
    assert.deepEqual(commands(put.stderr, /^(STOR|RNFR|RNTO) /), [`command STOR ${remote}`]);
    assert.equal(readFileSync(join(server.root, remote), 'utf8'), 'to a drop box that refuses renames');
  });

  test('site add --upload-in-place and site edit --upload-via-temporary-name set how a site: upload writes', async (t) => {
    const name = unique('upload-setting');
    // Saved with its password in the keychain, as `site add` does by default; `site rm` takes it out again.
    const add = await run(['site', 'add', name, '--url', urlFor('vsftpd-explicit'), '--upload-in-place'], env);
    t.after(() => run(['site', 'rm', name]));
    assert.equal(add.code, 0, add.stderr);
    assert.match(add.stdout, /Uploads:\s+in place/);
    assert.match(add.stdout, /Password:\s+in the keychain/);

    const data = testBytes(50_000, 11);
    const local = join(work, unique('setting-up'));
    writeFileSync(local, data);
    const remote = `/${unique('setting-up')}.bin`;
    const keychainOnly = { WHARF_DEBUG: '1' };
    const inPlace = await run(['put', local, `site:${name}${remote}`, '--ca', caFile], keychainOnly);
    assert.equal(inPlace.code, 0, inPlace.stderr);
    assert.deepEqual(commands(inPlace.stderr, /^(STOR|RNFR|RNTO) /), [`command STOR ${remote}`]);

    const edit = await run(['site', 'edit', name, '--upload-via-temporary-name']);
    assert.equal(edit.code, 0, edit.stderr);
    assert.match(edit.stdout, /Uploads:\s+via a temporary name/);
    const viaTemporary = await run(['put', local, `site:${name}${remote}`, '--ca', caFile], keychainOnly);
    assert.equal(viaTemporary.code, 0, viaTemporary.stderr);
    assert.deepEqual(commands(viaTemporary.stderr, /^(STOR|RNFR|RNTO) /), [`command STOR ${remote}.wharf-part`, `command RNFR ${remote}.wharf-part`, `command RNTO ${remote}`]);
    assert.deepEqual(readFileSync(join(server.root, remote)), data);

    const back = await run(['site', 'edit', name, '--upload-in-place']);
    assert.match(back.stdout, /Uploads:\s+in place/);
    const both = await run(['site', 'edit', name, '--upload-in-place', '--upload-via-temporary-name']);
    assert.equal(both.code, 2);
    assert.match(both.stderr, /--upload-in-place or --upload-via-temporary-name, not both/);
    assert.match((await run(['site', 'show', name])).stdout, /Uploads:\s+in place/, 'a refused edit changes nothing');
  });
});
