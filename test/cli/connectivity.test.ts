/**
 * `wharf` with a client certificate and a proxy, as a script runs it (no terminal): `--cert`/`--key` and
 * the PKCS#12 passphrase from WHARF_CERT_PASSPHRASE against a vsftpd that requires a certificate signed by
 * the run's CA; `--proxy` and ALL_PROXY through a real dante inside the namespace of a vsftpd that the
 * firewall hides from direct connections. `wharf info` names both.
 */
import assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { KeytarCredentialStore } from '../../main/credentials/keychain';
import { ProxySettingsStore } from '../../main/sites/proxy-settings';
import { SiteStore } from '../../main/sites/site-store';
import { startVsftpd, type ExtraServer } from '../servers/doctor-servers';
import { useFleet } from '../servers/fleet';
import { createNetworkNamespace } from '../servers/network-namespace';
import { startSocksProxy, startTinyproxy, type TestProxy } from '../servers/proxies';
import { testBytes } from '../ftps/support';

const root = fileURLToPath(new URL('../..', import.meta.url));
const wharf = join(root, 'bin', 'wharf');
const fleet = await useFleet();
const work = mkdtempSync(join(tmpdir(), 'wharf-cli-connectivity-'));
const caFile = join(work, 'ca.pem');
writeFileSync(caFile, fleet.caCertPem);
let certServer: ExtraServer;
let hidden: ExtraServer;
let socks: TestProxy;
let http: TestProxy;

before(async () => {
  if (!existsSync(join(root, 'dist', 'cli', 'wharf.cjs'))) {
    const built = spawnSync('npx', ['vite', 'build', '-c', 'vite.cli.config.ts'], { cwd: root, stdio: 'ignore' });
    assert.equal(built.status, 0, 'the CLI bundle builds');
  }
  const network = await createNetworkNamespace();
  [certServer, hidden] = await Promise.all([
    startVsftpd(fleet, { name: 'cli-client-cert', lines: ['ssl_request_cert=YES', 'require_cert=YES', 'validate_cert=YES', `ca_certs_file=${fleet.caCertFile}`] }),
    startVsftpd(fleet, { name: 'cli-behind-proxy', network }),
  ]);
  [socks, http] = await Promise.all([startSocksProxy(network, 1080), startTinyproxy(network, 8888)]);
  await network.dropTcpFromHost(hidden.port, hidden.port);
  await network.dropTcpFromHost(hidden.passivePorts[0], hidden.passivePorts[1]);
});

function run(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/_proxy$/i.test(k)));
    execFile(process.execPath, [wharf, ...args], { env: { ...clean, WHARF_DATA_DIR: join(work, 'data'), ...env }, timeout: 60_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

function urlOf(server: ExtraServer, path = '/'): string {
  return `ftpes://${server.user}@${server.host}:${server.port}${path}`;
}

describe('wharf with a client certificate', () => {
  test('info with --cert and --key: connects and says the certificate was sent', async () => {
    const result = await run(['info', urlOf(certServer), '--ca', caFile, '--cert', fleet.clientCert.certFile, '--key', fleet.clientCert.keyFile], { WHARF_PASSWORD: certServer.password });
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /^Client certificate: +CN=wharf-test-client, sent$/m);
    assert.match(result.stdout, /^Proxy: +none \(direct connection\)$/m);
  });

  test('a passphrase-protected PKCS#12 file with WHARF_CERT_PASSPHRASE; without it, a message saying where it goes', async () => {
    const env = { WHARF_PASSWORD: certServer.password };
    const p12 = ['info', urlOf(certServer), '--ca', caFile, '--cert', fleet.clientCert.pkcs12File];
    const ok = await run(p12, { ...env, WHARF_CERT_PASSPHRASE: fleet.clientCert.pkcs12Passphrase });
    assert.equal(ok.code, 0, ok.stderr);
    assert.match(ok.stdout, /Client certificate: +CN=wharf-test-client, sent/);
    const missing = await run(p12, env);
    assert.equal(missing.code, 2, missing.stderr);
    assert.match(missing.stderr, /protected by a passphrase.*WHARF_CERT_PASSPHRASE/);
  });

  test('without --cert the server refuses, and the message names --cert', async () => {
    const result = await run(['ls', urlOf(certServer), '--ca', caFile], { WHARF_PASSWORD: certServer.password });
    assert.equal(result.code, 4, result.stderr);
    assert.match(result.stderr, /requires a client certificate.*--cert FILE/);
  });
});

test('wharf doctor: the client-certificate step names the missing certificate; with --cert and through --proxy it works', async () => {
  const without = await run(['doctor', urlOf(certServer), '--ca', caFile], { WHARF_PASSWORD: certServer.password });
  assert.equal(without.code, 4, without.stderr);
  assert.match(without.stdout, /The server requires a client certificate/);
  const withCert = await run(['doctor', urlOf(certServer), '--ca', caFile, '--cert', fleet.clientCert.certFile, '--key', fleet.clientCert.keyFile], { WHARF_PASSWORD: certServer.password });
  assert.equal(withCert.code, 0, withCert.stdout + withCert.stderr);
  assert.match(withCert.stdout, /CN=wharf-test-client, sent: the server accepted it/);
  const proxied = await run(['doctor', urlOf(hidden), '--fingerprint', fleet.servers['vsftpd-explicit'].certFingerprintSha256 ?? '', '--proxy', socks.url], { WHARF_PASSWORD: hidden.password });
  assert.equal(proxied.code, 0, proxied.stdout + proxied.stderr);
  assert.match(proxied.stdout, /allowed to connect to/);
});

describe('wharf through a proxy', () => {
  const pin = ['--fingerprint', fleet.servers['vsftpd-explicit'].certFingerprintSha256 ?? ''];

  test('put through a SOCKS5 --proxy, get through an HTTP one: the same bytes on the server and back', async () => {
    const content = testBytes(512 * 1024, 3);
    const local = join(work, 'up.bin');
    writeFileSync(local, content);
    const env = { WHARF_PASSWORD: hidden.password };
    const put = await run(['put', local, urlOf(hidden, '/cli-socks.bin'), ...pin, '--proxy', socks.url, '-q'], env);
    assert.equal(put.code, 0, put.stderr);
    const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
    assert.equal(sha(readFileSync(join(hidden.root, 'cli-socks.bin'))), sha(content));
    const back = join(work, 'down.bin');
    const get = await run(['get', urlOf(hidden, '/cli-socks.bin'), back, ...pin, '--proxy', http.url, '-q'], env);
    assert.equal(get.code, 0, get.stderr);
    assert.equal(sha(readFileSync(back)), sha(content));
  });

  test('info names the proxy; ALL_PROXY is honoured without a flag; --proxy none goes direct (and cannot)', async () => {
    const env = { WHARF_PASSWORD: hidden.password };
    const info = await run(['info', urlOf(hidden), ...pin, '--proxy', socks.url], env);
    assert.equal(info.code, 0, info.stderr);
    assert.match(info.stdout, new RegExp(`^Proxy: +socks5://${socks.host.replace(/\./g, '\\.')}:${socks.port} \\(--proxy\\)$`, 'm'));
    const fromEnv = await run(['info', urlOf(hidden), ...pin], { ...env, ALL_PROXY: socks.url });
    assert.equal(fromEnv.code, 0, fromEnv.stderr);
    assert.match(fromEnv.stdout, /^Proxy: +socks5:\/\/.* \(ALL_PROXY\)$/m);
    const direct = await run(['ls', urlOf(hidden), ...pin, '--proxy', 'none', '--timeout', '2'], { ...env, ALL_PROXY: socks.url });
    assert.equal(direct.code, 5, direct.stderr);
  });

  test('a URL goes through the app-wide proxy saved in Settings (the CLI reads that file only where it exists)', async () => {
    const dataDir = join(work, 'data-app-proxy');
    await new ProxySettingsStore({ dataDir, credentials: new KeytarCredentialStore() }).set({ mode: 'custom', proxyUrl: socks.url });
    const info = await run(['info', urlOf(hidden), ...pin], { WHARF_PASSWORD: hidden.password, WHARF_DATA_DIR: dataDir });
    assert.equal(info.code, 0, info.stderr);
    assert.match(info.stdout, /^Proxy: +socks5:\/\/.* \(app setting\)$/m);
  });

  test('a saved site with a client certificate and a proxy: site show names both, info connects with them', async () => {
    const store = new SiteStore({ dataDir: join(work, 'data'), credentials: new KeytarCredentialStore() });
    await store.open();
    await store.create({
      name: 'saved-behind-proxy', host: hidden.host, port: hidden.port, user: hidden.user, passwordStorage: 'ask',
      clientCertPath: fleet.clientCert.certFile, clientKeyPath: fleet.clientCert.keyFile, proxyMode: 'custom', proxyUrl: http.url,
    });
    const show = await run(['site', 'show', 'saved-behind-proxy']);
    assert.equal(show.code, 0, show.stderr);
    assert.match(show.stdout, new RegExp(`^Client cert: +${fleet.clientCert.certFile.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(key `, 'm'));
    assert.match(show.stdout, /^Proxy: +through http:\/\//m);
    const info = await run(['info', 'site:saved-behind-proxy', ...pin], { WHARF_PASSWORD: hidden.password });
    assert.equal(info.code, 0, info.stderr);
    assert.match(info.stdout, /^Proxy: +http:\/\/.* \(site\)$/m);
    assert.match(info.stdout, /^Client certificate: +CN=wharf-test-client, not requested$/m);
  });

  test('--active behind a proxy is refused with the reason', async () => {
    const result = await run(['ls', urlOf(hidden), ...pin, '--proxy', socks.url, '--active'], { WHARF_PASSWORD: hidden.password });
    assert.equal(result.code, 2, result.stderr);
    assert.match(result.stderr, /Active mode cannot work through a proxy/);
  });
});
