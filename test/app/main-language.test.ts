/**
 * Main's language (#19), on the BUILT main bundle with a stand-in `electron` whose OS speaks German (the Electron
 * binary cannot run here; see electron-stand-in.ts): before the window says anything, main follows
 * `app.getLocale()`; after a reload of the window, the language the window restored (its saved choice, told
 * through `uiLanguageSet` again) rebuilds the menu, and main's own errors follow it, the refusals of its IPC
 * handlers too (a bad shape, extra arguments, a message from another webContents).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Result } from '../../common/models/result';
import { createTranslator } from '../../common/i18n/translator';
import { FakeWebContents, loadMainBundle, type FakeFrame, type LoadedMain } from './electron-stand-in';

let main: LoadedMain;
/** A folder the window never opened: main refuses to list it, in its language. */
const OUTSIDE = '/no/such/folder/for/wharf';

before(async () => {
  main = await loadMainBundle({ osLocale: 'de-DE' });
});
after(async () => {
  await main?.started.services.dispose();
});

type MenuItem = { label?: string; submenu?: MenuItem[] };
const menu = (): MenuItem[] => (main.record.menu as { template: MenuItem[] }).template;
const menuLabels = (): (string | undefined)[] => menu().map((item) => item.label);

/** Invokes a handler as the window's main frame would, or as `sender` does. */
async function invoke(method: string, args: unknown[], sender?: { sender: unknown; senderFrame: FakeFrame | null }): Promise<Result<unknown>> {
  const handler = main.record.ipcHandlers.get(`wharf:${method}`);
  assert.ok(handler, `handler for ${method}`);
  const contents = main.record.windows[0]!.webContents;
  return (await handler(sender ?? { sender: contents, senderFrame: contents.mainFrame }, ...args)) as Result<unknown>;
}

describe('main\'s language', () => {
  it('follows the OS (app.getLocale() de-DE) before the window says which language it chose', async () => {
    assert.ok(menuLabels().includes('Bearbeiten'), menuLabels().join());
    assert.ok(!menuLabels().includes('Edit'));
    const refused = await invoke('localList', [{ path: OUTSIDE }]);
    assert.ok(!refused.ok && refused.error.message.startsWith('Wharf darf nur Verzeichnisse verwenden'), JSON.stringify(refused));
  });

  it('rebuilds its menu in the language a reloaded window restores, and speaks it in its errors', async () => {
    const contents = main.record.windows[0]!.webContents;
    // The window reloads (its renderer restarts) and tells main the language it restored from its storage.
    contents.fire('did-start-loading');
    assert.deepEqual(await invoke('uiLanguageSet', [{ locale: 'ja' }]), { ok: true, value: undefined });
    assert.ok(menuLabels().includes('編集'), menuLabels().join());
    const edit = menu().find((item) => item.label === '編集');
    assert.ok(edit?.submenu?.some((item) => item.label === 'コピー'), JSON.stringify(edit));
    const refused = await invoke('localList', [{ path: OUTSIDE }]);
    assert.ok(!refused.ok && refused.error.message.startsWith('Wharf が使えるのは'), JSON.stringify(refused));
  });

  it('refuses a bad shape, extra arguments and a stranger\'s message in the window\'s language (German)', async () => {
    const de = createTranslator('de');
    assert.deepEqual(await invoke('uiLanguageSet', [{ locale: 'de' }]), { ok: true, value: undefined });
    const badShapes = [await invoke('localList', [{ path: 42 }]), await invoke('localList', [{ path: OUTSIDE, also: 'this' }]), await invoke('localList', ['not an object'])];
    for (const refused of badShapes) {
      assert.ok(!refused.ok && refused.error.kind === 'invalid-input' && refused.error.detail?.reason === 'validation', JSON.stringify(refused));
      assert.ok(refused.error.message.startsWith(de.text('internalErrors.requestRefused', { method: 'localList', issues: '' })), refused.error.message);
      // zod's English ("Invalid input: expected string") and English labels ("(request)") stay out of it.
      assert.doesNotMatch(refused.error.message, /Invalid|expected|received|Unrecognized|request/, refused.error.message);
    }
    const twoArguments = await invoke('localList', [{ path: OUTSIDE }, 'second']);
    assert.ok(!twoArguments.ok && twoArguments.error.message === de.text('internalErrors.oneObject'), JSON.stringify(twoArguments));
    const stranger = new FakeWebContents();
    const forged = await invoke('localList', [{ path: OUTSIDE }], { sender: stranger, senderFrame: stranger.mainFrame });
    assert.ok(!forged.ok && forged.error.detail?.reason === 'untrusted-sender', JSON.stringify(forged));
    assert.equal(forged.error.message, de.text('internalErrors.untrustedSender'));
  });
});
