/**
 * ftps:// and ftpes:// links through the BUILT main bundle with the stand-in electron: the link on the
 * command line of the first start waits until the window asks (`linksReady`); later ones (macOS
 * `open-url`, a second instance's command line) reach the window as the `openQuickConnect` event. A link
 * never carries a password to the window and never opens a connection.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { QuickConnectLink } from '../../common/ipc/payloads';
import type { Result } from '../../common/models/result';
import { loadMainBundle, type LoadedMain } from './electron-stand-in';

const LAUNCH_LINK = 'ftpes://ann:hunter2@files.example.com:2121/pub/releases/';
const EVENT_CHANNEL = 'wharf:event:openQuickConnect';

let main: LoadedMain;
const originalArgv = process.argv;

before(async () => {
  // As Linux's .desktop file (`wharf %U`) or Windows' `"Wharf.exe" -- "%1"` would start it.
  process.argv = [...originalArgv, '--', LAUNCH_LINK];
  try {
    main = await loadMainBundle();
  } finally {
    process.argv = originalArgv;
  }
});
after(async () => {
  await main?.started.services.dispose();
});

function window() {
  const win = main.record.windows[0];
  assert.ok(win, 'a window was created');
  return win;
}

/** Calls `linksReady` as the window's page would. */
async function linksReady(): Promise<Result<QuickConnectLink | null>> {
  const handler = main.record.ipcHandlers.get('wharf:linksReady');
  assert.ok(handler, 'linksReady is registered');
  const contents = window().webContents;
  return (await handler({ sender: contents, senderFrame: contents.mainFrame }, {})) as Result<QuickConnectLink | null>;
}

/** The links pushed to the window so far. */
function pushed(): QuickConnectLink[] {
  return window().webContents.sent.filter((m) => m.channel === EVENT_CHANNEL).map((m) => m.payload as QuickConnectLink);
}

/** Emits an app event the way Electron would; returns whether a handler called preventDefault. */
function fireApp(name: string, ...args: unknown[]): boolean {
  let prevented = false;
  main.record.appEvents.emit(name, { preventDefault: () => (prevented = true) }, ...args);
  return prevented;
}

describe('ftps:// and ftpes:// links in the app', () => {
  it('holds the link of the first start until the window asks, then hands it over once, without its password', async () => {
    assert.deepEqual(pushed(), [], 'nothing is pushed before the page is ready');
    const first = await linksReady();
    assert.deepEqual(first, {
      ok: true,
      value: { host: 'files.example.com', port: 2121, mode: 'explicit', user: 'ann', remotePath: '/pub/releases/', passwordIgnored: true },
    });
    assert.doesNotMatch(JSON.stringify(first), /hunter2/);
    assert.deepEqual(await linksReady(), { ok: true, value: null }, 'handed over once');
  });

  it('pushes a macOS open-url link to the ready window as openQuickConnect', () => {
    const prevented = fireApp('open-url', 'ftps://mirror.example.org/incoming');
    assert.equal(prevented, true, 'open-url is handled (preventDefault)');
    assert.deepEqual(pushed().at(-1), { host: 'mirror.example.org', port: 990, mode: 'implicit', user: '', remotePath: '/incoming', passwordIgnored: false });
  });

  it('pushes the link on a second instance’s command line, ignoring Chromium’s own switches', () => {
    const before = pushed().length;
    fireApp('second-instance', ['/opt/Wharf/wharf', '--no-sandbox', '--allow-file-access-from-files', 'ftpes://bob@[2001:db8::7]/home'], '/home/bob');
    assert.equal(pushed().length, before + 1);
    assert.deepEqual(pushed().at(-1), { host: '2001:db8::7', port: 21, mode: 'explicit', user: 'bob', remotePath: '/home', passwordIgnored: false });
    fireApp('second-instance', ['/opt/Wharf/wharf', '--no-sandbox'], '/home/bob');
    fireApp('open-url', 'ftps://bad host/');
    fireApp('open-url', 'sftp://elsewhere.example/');
    assert.equal(pushed().length, before + 1, 'a launch without a link, or a malformed or foreign link, pushes nothing');
  });

  it('holds links again while the window reloads, until the new page asks', async () => {
    const before = pushed().length;
    window().webContents.emit('did-start-loading');
    fireApp('open-url', 'ftpes://during-reload.example/');
    assert.equal(pushed().length, before, 'not pushed to a page that is loading');
    const taken = await linksReady();
    assert.equal(taken.ok && taken.value?.host, 'during-reload.example');
    fireApp('open-url', 'ftpes://after-reload.example/');
    assert.equal(pushed().at(-1)?.host, 'after-reload.example');
  });

  it('never opens a connection for a link', async () => {
    const sessions = main.record.ipcHandlers.get('wharf:remoteSessions');
    assert.ok(sessions);
    const contents = window().webContents;
    assert.deepEqual(await sessions({ sender: contents, senderFrame: contents.mainFrame }, {}), { ok: true, value: [] });
    assert.equal(contents.sent.some((m) => m.channel === 'wharf:event:sessionState'), false);
  });
});
