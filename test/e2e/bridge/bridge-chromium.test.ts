/**
 * The bridge in a real Chromium (/usr/bin/chromium through playwright-core): the host's page loads the
 * injected bridge script under the app's CSP, `window.wharf` reaches the real services over the socket,
 * and events arrive. The renderer's own end-to-end tests build on this.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser } from 'playwright-core';
import type { WharfBridge } from '../../../common/ipc/contract';
import type { CredentialStore } from '../../../main/credentials/keychain';
import { startBridgeHost, type BridgeHost } from './host';
import type { BridgeTestHooks } from './client';

/** Where Chromium lives on our machines and in CI (.ci/install-system). */
const CHROMIUM = process.env.WHARF_CHROMIUM ?? '/usr/bin/chromium';

type PageWindow = { wharf: WharfBridge; wharfBridgeTest: BridgeTestHooks; rendererLoaded?: boolean; events?: string[] };

const noKeychain: CredentialStore = {
  get: async () => null,
  set: async () => undefined,
  delete: async () => false,
  isAvailable: async () => ({ available: false, reason: 'Not used by this test.' }),
};

const base = mkdtempSync(join(tmpdir(), 'wharf-bridge-chromium-'));
const home = join(base, 'home');
let host: BridgeHost;
let browser: Browser;

before(async () => {
  const renderer = join(base, 'renderer');
  mkdirSync(join(renderer, 'assets'), { recursive: true });
  mkdirSync(home);
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><html><head><script type="module" src="./assets/app.js"></script></head><body>fixture</body></html>');
  writeFileSync(join(renderer, 'assets', 'app.js'), 'window.rendererLoaded = typeof window.wharf === "object";');
  host = await startBridgeHost({ rendererRoot: renderer, home, dataDir: join(base, 'data'), credentials: noKeychain });
  browser = await chromium.launch({ executablePath: CHROMIUM });
});
after(async () => {
  await browser?.close();
  await host?.close();
  rmSync(base, { recursive: true, force: true });
});

describe('the bridge in Chromium', () => {
  it('defines window.wharf before the renderer runs and calls the real services under the CSP', async () => {
    const page = await browser.newPage();
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
    });
    await page.goto(host.url);
    await page.waitForFunction(() => (globalThis as unknown as PageWindow).wharfBridgeTest?.isConnected() === true);
    assert.equal(await page.evaluate(() => (globalThis as unknown as PageWindow).rendererLoaded), true);

    const info = await page.evaluate(() => (globalThis as unknown as PageWindow).wharf.appInfo({}));
    assert.deepEqual(info, { ok: true, value: { name: 'Wharf', version: 'bridge', platform: process.platform, host: 'bridge' } });

    const folder = join(home, 'made-in-chromium');
    const made = await page.evaluate(async (path) => {
      const w = globalThis as unknown as PageWindow;
      w.events = [];
      w.wharf.on('listingRefreshed', (listing) => w.events!.push(listing.path));
      return w.wharf.localMkdir({ path });
    }, folder);
    assert.equal(made.ok, true);
    await page.waitForFunction((path) => (globalThis as unknown as PageWindow).events?.includes(path) === true, home);
    assert.deepEqual(violations, []);
    await page.close();
  });
});
