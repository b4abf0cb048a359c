/**
 * Enterprise connectivity end to end in Chromium through the bridge: a site set up in the site manager with
 * a passphrase-protected PKCS#12 client certificate and a SOCKS5 proxy with a login, connecting to a real
 * vsftpd that requires a certificate signed by the run's CA and that sits in a network namespace whose
 * firewall drops direct connections to its FTP ports (the proxy, a real dante, runs inside it). The
 * passphrase and the proxy password go to the real keyring, never to the sites file; the security report
 * names the certificate as sent and the proxy.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { KeytarCredentialStore } from '../../main/credentials/keychain';
import { PinnedCertificateStore } from '../../main/sites/pinned-certificates';
import { clientKeyAccount, proxyAccount } from '../../main/sites/site-store';
import { TrackingCredentialStore } from '../credentials/keyring-helpers';
import { startVsftpd, type ExtraServer } from '../servers/doctor-servers';
import { useFleet, writeServerFile, type ServerInfo } from '../servers/fleet';
import { createNetworkNamespace } from '../servers/network-namespace';
import { startSocksProxy, type TestProxy } from '../servers/proxies';
import type { BridgeHost } from './bridge/host';
import { Screenshots, closeApp, dialogTitled, pageProblems, paneRow, scratch, startApp } from './support';

const work = scratch('wharf-e2e-connectivity-');
const credentials = new TrackingCredentialStore(new KeytarCredentialStore());
const PROXY_LOGIN = { user: 'wharf-e2e-proxy', password: 'E2e-proxy-pass-1' };
const fleet = await useFleet();
let server: ExtraServer;
let proxy: TestProxy;
let host: BridgeHost;
let browser: Browser;
let page: Page;
const shots = new Screenshots();

function dialog(title: string | RegExp) {
  return dialogTitled(page, title);
}

before(async () => {
  const status = await credentials.isAvailable();
  if (!status.available) throw new Error(`This test needs the keyring (the passphrase and proxy password go there): ${status.reason}`);
  const network = await createNetworkNamespace();
  server = await startVsftpd(fleet, {
    name: 'e2e-connectivity',
    network,
    lines: ['ssl_request_cert=YES', 'require_cert=YES', 'validate_cert=YES', `ca_certs_file=${fleet.caCertFile}`],
  });
  proxy = await startSocksProxy(network, 1080, PROXY_LOGIN);
  await network.dropTcpFromHost(server.port, server.port);
  await network.dropTcpFromHost(server.passivePorts[0], server.passivePorts[1]);
  // Files written into the root are owned like the server's user, as writeServerFile does for the fleet.
  writeServerFile({ root: server.root } as ServerInfo, 'behind-the-proxy.txt', 'reached through SOCKS5 with a client certificate\n');
  // The fleet's certificate names 127.0.0.1, not the namespace's address: "always trust" given beforehand.
  await new PinnedCertificateStore({ dataDir: work.dataDir }).pin({ host: server.host, port: server.port, fingerprintSha256: fleet.servers['vsftpd-explicit'].certFingerprintSha256 as string, subject: 'CN=fleet' });
  ({ host, browser, page } = await startApp(work, { credentials }));
});

after(() => closeApp({ app: { host, browser }, credentials, work, shots }));

describe('a site with a client certificate and a proxy', () => {
  it('is set up in the site manager: the certificate, its passphrase, the proxy and its password', async () => {
    await page.getByRole('button', { name: 'Site Manager', exact: true }).click();
    const manager = dialog('Site Manager');
    await manager.waitFor();
    await manager.getByRole('button', { name: 'New site' }).first().click();
    await manager.getByLabel('Name').fill('Bank drop box');
    await manager.getByLabel('Host').fill(server.host);
    await manager.getByLabel('Port').fill(String(server.port));
    await manager.getByLabel('User').fill(server.user);
    await manager.getByLabel('Password', { exact: true }).fill(server.password);
    await manager.getByRole('tab', { name: 'Connectivity' }).click();
    await manager.getByLabel('Client certificate file').fill(fleet.clientCert.pkcs12File);
    await manager.getByLabel('Client key passphrase').fill(fleet.clientCert.pkcs12Passphrase);
    await manager.getByLabel('Proxy', { exact: true }).selectOption('custom');
    await manager.getByLabel('Proxy address').fill('socks4://proxy.example:1080');
    await manager.getByRole('button', { name: 'Save', exact: true }).click();
    // A proxy Wharf cannot speak is named before anything is saved.
    await manager.getByText(/"socks4:\/\/" is neither/).waitFor();
    assert.equal((await host.services.sites.list()).sites.length, 0);
    await manager.getByLabel('Proxy address').fill(`socks5://${PROXY_LOGIN.user}@${proxy.host}:${proxy.port}`);
    await manager.getByLabel('Proxy password').fill(PROXY_LOGIN.password);
    await shots.take(page, 'connectivity-site-manager');
    await manager.getByRole('button', { name: 'Save', exact: true }).click();
    // The saved row, not the draft row ("unsaved") that may still show for a moment.
    await manager.locator('[role="treeitem"]:not(.new)').filter({ hasText: 'Bank drop box' }).waitFor();

    const saved = (await host.services.sites.list()).sites.find((s) => s.name === 'Bank drop box');
    assert.ok(saved);
    assert.deepEqual([saved.clientCertPath, saved.proxyMode, saved.proxyUrl], [fleet.clientCert.pkcs12File, 'custom', `socks5://${PROXY_LOGIN.user}@${proxy.host}:${proxy.port}`]);
    assert.equal(await credentials.get(clientKeyAccount(saved.id)), fleet.clientCert.pkcs12Passphrase);
    assert.equal(await credentials.get(proxyAccount(saved.id)), PROXY_LOGIN.password);
    const file = readFileSync(join(work.dataDir, 'sites.json'), 'utf8');
    assert.ok(!file.includes(fleet.clientCert.pkcs12Passphrase) && !file.includes(PROXY_LOGIN.password), 'no secret in the sites file');
  });

  it('connects through the proxy with the certificate and lists the server', async () => {
    const manager = dialog('Site Manager');
    await manager.getByRole('button', { name: 'Connect', exact: true }).click();
    await paneRow(page, 'remote', 'behind-the-proxy.txt').waitFor();
  });

  it('the security report names the client certificate as sent and the proxy', async () => {
    await page.getByRole('button', { name: /^Security report/ }).click();
    const report = dialog(/^Security of/);
    await report.waitFor();
    const text = await report.innerText();
    assert.match(text, /Client certificate\s+CN=wharf-test-client, sent/);
    assert.match(text, new RegExp(`Proxy\\s+socks5://${PROXY_LOGIN.user}@${proxy.host.replace(/\./g, '\\.')}:${proxy.port} \\(site\\)`));
    await shots.take(page, 'connectivity-security-report');
    await page.keyboard.press('Escape');
    await report.waitFor({ state: 'detached' });
  });

  it('the app-wide proxy is set in its dialog, its password in the keyring', async () => {
    await page.getByRole('button', { name: 'Site Manager', exact: true }).click();
    const manager = dialog('Site Manager');
    await manager.getByRole('button', { name: 'Proxy…' }).click();
    const settings = dialog('Proxy');
    await settings.getByLabel('App proxy', { exact: true }).selectOption('custom');
    await settings.getByLabel('App proxy address').fill(`socks5://${PROXY_LOGIN.user}@${proxy.host}:${proxy.port}`);
    await settings.getByLabel('App proxy password').fill(PROXY_LOGIN.password);
    await settings.getByRole('button', { name: 'Save' }).click();
    await settings.waitFor({ state: 'detached' });
    const saved = await host.services.api.proxySettingsGet({});
    assert.ok(saved.ok);
    assert.deepEqual(saved.value, { mode: 'custom', proxyUrl: `socks5://${PROXY_LOGIN.user}@${proxy.host}:${proxy.port}`, hasPassword: true });
    assert.ok(!readFileSync(join(work.dataDir, 'proxy-settings.json'), 'utf8').includes(PROXY_LOGIN.password));
    await page.keyboard.press('Escape');
  });

  it('a site following the app-wide proxy, its key passphrase not saved: asked on connect', async () => {
    await page.getByRole('button', { name: 'Disconnect' }).click();
    await page.getByText('Not connected', { exact: true }).first().waitFor();
    await host.services.sites.create({
      name: 'Ask for the passphrase',
      host: server.host,
      port: server.port,
      user: server.user,
      password: server.password,
      clientCertPath: fleet.clientCert.pkcs12File,
    });
    await page.getByRole('button', { name: 'Site Manager', exact: true }).click();
    const manager = dialog('Site Manager');
    await manager.getByRole('treeitem', { name: /Ask for the passphrase/ }).click();
    await manager.getByRole('button', { name: 'Connect', exact: true }).click();
    const ask = dialog(/^Client certificate of/);
    await ask.waitFor();
    assert.match(await ask.innerText(), /protected by a passphrase/);
    await ask.getByLabel('Client key passphrase').fill(fleet.clientCert.pkcs12Passphrase);
    await ask.getByRole('button', { name: 'Connect' }).click();
    await paneRow(page, 'remote', 'behind-the-proxy.txt').waitFor();
    const [session] = host.services.remote.list().filter((s) => s.state === 'connected');
    assert.deepEqual(session?.report?.proxy, { via: `socks5://${PROXY_LOGIN.user}@${proxy.host}:${proxy.port}`, source: 'app setting' });
    assert.equal(session?.report?.clientCertificate?.state, 'sent');
  });

  it('reported no console errors or CSP violations', () => {
    assert.deepEqual(pageProblems(page), []);
  });
});
