/**
 * The BUILT main bundle (dist/main/index.cjs) loaded in Node with a stand-in `electron` module: the
 * Electron binary cannot run here, so this checks what main asks of Electron (see electron-stand-in.ts).
 * Run `npm run build` (or the main and preload vite builds) first.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { WHARF_METHOD_NAMES, methodChannel } from '../../common/ipc/contract';
import type { Result } from '../../common/models/result';
import { FakeWebContents, loadMainBundle, type FakeFrame, type LoadedMain } from './electron-stand-in';

const EXPECTED_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

let main: LoadedMain;

before(async () => {
  main = await loadMainBundle();
});
after(async () => {
  await main?.started.services.dispose();
});

function window() {
  const win = main.record.windows[0];
  assert.ok(win, 'a window was created');
  return win;
}

/** Invokes a registered handler as Electron would, by default from our window's main frame. */
async function invoke(method: string, args: unknown[], sender?: { sender: unknown; senderFrame: FakeFrame | null }): Promise<Result<unknown>> {
  const handler = main.record.ipcHandlers.get(`wharf:${method}`);
  assert.ok(handler, `handler for ${method}`);
  const contents = window().webContents;
  const event = sender ?? { sender: contents, senderFrame: contents.mainFrame };
  return (await handler(event, ...args)) as Result<unknown>;
}

async function fetchRenderer(url: string, method = 'GET'): Promise<Response> {
  const handler = main.record.protocolHandlers.get('app');
  assert.ok(handler, 'app:// is handled');
  return handler(new Request(url, { method }));
}

describe('the main window', () => {
  it('is isolated, sandboxed, without Node or <webview>, with web security on', () => {
    const prefs = window().options.webPreferences ?? {};
    assert.equal(prefs.contextIsolation, true);
    assert.equal(prefs.sandbox, true);
    assert.equal(prefs.nodeIntegration, false);
    assert.equal(prefs.nodeIntegrationInWorker, false);
    assert.equal(prefs.nodeIntegrationInSubFrames, false);
    assert.equal(prefs.webviewTag, false);
    assert.notEqual(prefs.webSecurity, false);
    assert.notEqual(prefs.allowRunningInsecureContent, true);
    assert.equal(prefs.navigateOnDragDrop, false);
  });

  it('loads the renderer from app://wharf/ with the built preload next to the main bundle', () => {
    assert.equal(window().loadedUrl, 'app://wharf/index.html');
    const preload = window().options.webPreferences?.preload;
    assert.equal(preload, join(main.distDir, 'preload', 'index.cjs'));
    assert.ok(existsSync(preload as string));
  });
});

describe('the app:// protocol', () => {
  it('is registered as a standard, secure scheme', () => {
    assert.deepEqual(main.record.privilegedSchemes, [{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }]);
  });

  it('serves the renderer with the strict CSP header', async () => {
    for (const [url, type] of [
      ['app://wharf/index.html', 'text/html'],
      ['app://wharf/', 'text/html'],
      ['app://wharf/assets/app.js', 'text/javascript'],
    ] as const) {
      const response = await fetchRenderer(url);
      assert.equal(response.status, 200, url);
      assert.equal(response.headers.get('content-security-policy'), EXPECTED_CSP, url);
      assert.ok(response.headers.get('content-type')?.startsWith(type), url);
      assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
    }
    assert.match(await (await fetchRenderer('app://wharf/index.html')).text(), /assets\/app\.js/);
  });

  it('refuses paths that leave the renderer folder, other hosts and other methods', async () => {
    for (const url of [
      'app://wharf/../secret.txt',
      'app://wharf/%2e%2e/secret.txt',
      'app://wharf/..%2fsecret.txt',
      'app://wharf/assets/..%2f..%2fsecret.txt',
      'app://wharf/%2e%2e%5csecret.txt',
      'app://wharf/assets/%2e%2e/%2e%2e/secret.txt',
      'app://wharf/%00index.html',
      'app://wharf/%E0%A4%A',
      'app://wharf/assets',
      'app://other/index.html',
    ]) {
      const response = await fetchRenderer(url);
      assert.notEqual(response.status, 200, url);
      assert.equal(response.headers.get('content-security-policy'), EXPECTED_CSP, url);
      assert.doesNotMatch(await response.text(), /not for the renderer/, url);
    }
    assert.equal((await fetchRenderer('app://wharf/index.html', 'POST')).status, 405);
  });
});

describe('web contents hardening', () => {
  it('blocks navigation, redirects and <webview> attachment', () => {
    const contents = window().webContents;
    assert.equal(contents.fire('will-navigate', 'https://evil.example/'), true);
    assert.equal(contents.fire('will-navigate', 'app://wharf/other.html'), true);
    assert.equal(contents.fire('will-redirect', 'https://evil.example/'), true);
    assert.equal(contents.fire('will-attach-webview', {}, {}), true);
  });

  it('denies every new window and opens only https links in the browser', () => {
    const handler = window().webContents.windowOpenHandler;
    assert.ok(handler);
    for (const url of ['https://example.com/docs', 'http://example.com/', 'file:///etc/passwd', 'javascript:alert(1)', 'app://wharf/index.html']) {
      assert.deepEqual(handler({ url }), { action: 'deny' }, url);
    }
    assert.deepEqual(main.record.openedExternal, ['https://example.com/docs']);
  });

  it('denies every permission request and permission check', () => {
    const request = main.record.permissionRequestHandler;
    const check = main.record.permissionCheckHandler;
    assert.ok(request && check);
    for (const permission of ['media', 'notifications', 'clipboard-read', 'clipboard-sanitized-write', 'geolocation', 'openExternal']) {
      let granted: boolean | undefined;
      request(window().webContents, permission, (answer: boolean) => (granted = answer), {});
      assert.equal(granted, false, permission);
      assert.equal(check(window().webContents, permission, 'app://wharf', {}), false, permission);
    }
  });
});

describe('IPC registration', () => {
  it('registers exactly one handler per contract method on its generated channel', () => {
    assert.deepEqual([...main.record.ipcHandlers.keys()].sort(), WHARF_METHOD_NAMES.map(methodChannel).sort());
  });

  it('refuses messages from another webContents, a subframe or a foreign page, without reaching a service', async () => {
    const ours = window().webContents;
    const stranger = new FakeWebContents();
    const refusedSenders = [
      { sender: stranger, senderFrame: stranger.mainFrame },
      { sender: ours, senderFrame: { url: 'app://wharf/index.html', parent: ours.mainFrame, processId: 7, routingId: 999 } },
      { sender: ours, senderFrame: { ...ours.mainFrame, url: 'https://evil.example/' } },
      { sender: ours, senderFrame: null },
    ];
    for (const event of refusedSenders) {
      const result = await invoke('clipboardWriteText', [{ text: 'stolen' }], event);
      assert.equal(!result.ok && result.error.kind, 'invalid-input');
      assert.equal(!result.ok && result.error.detail?.reason, 'untrusted-sender');
    }
    assert.deepEqual(main.record.clipboard, []);
  });

  it('refuses a bad payload or extra arguments without reaching the service; a good payload reaches it', async () => {
    for (const args of [[{ text: 5 }], [{ text: 'x', extra: true }], [], [{ text: 'x' }, 'second']]) {
      const result = await invoke('clipboardWriteText', args);
      assert.equal(!result.ok && result.error.kind, 'invalid-input', JSON.stringify(args));
    }
    assert.deepEqual(main.record.clipboard, []);
    assert.deepEqual(await invoke('clipboardWriteText', [{ text: 'AB:CD' }]), { ok: true, value: undefined });
    assert.deepEqual(main.record.clipboard, ['AB:CD']);
  });

  it('keeps local operations inside allowed folders and pushes the refreshed listing to the window', async () => {
    const outside = join(main.distDir, 'made-by-renderer');
    const refused = await invoke('localMkdir', [{ path: outside }]);
    assert.equal(!refused.ok && refused.error.detail?.reason, 'not-allowed');
    assert.equal(existsSync(outside), false);

    const inside = join(main.home, 'new-folder');
    assert.deepEqual(await invoke('localMkdir', [{ path: inside }]), { ok: true, value: undefined });
    assert.ok(existsSync(inside));
    const pushed = window().webContents.sent.find((m) => m.channel === 'wharf:event:listingRefreshed');
    assert.ok(pushed, 'a listingRefreshed event reached the window');
    assert.equal((pushed.payload as { path: string }).path, main.home);
  });

  it('opens only https URLs through openExternal', async () => {
    const refused = await invoke('openExternal', [{ url: 'file:///etc/passwd' }]);
    assert.equal(!refused.ok && refused.error.kind, 'invalid-input');
    assert.deepEqual(await invoke('openExternal', [{ url: 'https://example.com/faq' }]), { ok: true, value: undefined });
    assert.ok(main.record.openedExternal.includes('https://example.com/faq'));
    assert.ok(!main.record.openedExternal.includes('file:///etc/passwd'));
  });

  it('answers through the real services (appInfo, localPlaces)', async () => {
    const info = await invoke('appInfo', [{}]);
    assert.deepEqual(info, { ok: true, value: { name: 'Wharf', version: '0.0.0-test', platform: process.platform, host: 'electron' } });
    const places = await invoke('localPlaces', [{}]);
    assert.ok(places.ok && (places.value as { home: string }).home === main.home);
  });

  it('builds its menu in the language the window chose (uiLanguageSet), and refuses a language it does not ship', async () => {
    type MenuItem = { label?: string; submenu?: MenuItem[] };
    const menuLabels = () => ((main.record.menu as { template: MenuItem[] }).template).map((item) => item.label);
    // The stand-in's OS speaks en-US.
    assert.ok(menuLabels().includes('Edit'));
    assert.deepEqual(await invoke('uiLanguageSet', [{ locale: 'de' }]), { ok: true, value: undefined });
    assert.ok(menuLabels().includes('Bearbeiten'), menuLabels().join());
    const edit = (main.record.menu as { template: MenuItem[] }).template.find((item) => item.label === 'Bearbeiten');
    assert.ok(edit?.submenu?.some((item) => item.label === 'Kopieren'));
    const refused = await invoke('uiLanguageSet', [{ locale: 'fr' }]);
    assert.equal(!refused.ok && refused.error.kind, 'invalid-input');
    assert.deepEqual(await invoke('uiLanguageSet', [{ locale: 'en' }]), { ok: true, value: undefined });
    assert.ok(menuLabels().includes('Edit'));
  });
});
