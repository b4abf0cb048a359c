/**
 * The language choice from the window's side (#19), in real Chromium through the bridge against the fleet's
 * proftpd (it refuses an unreadable folder with 550; vsftpd lists one as if empty). With no choice saved the
 * window follows the OS (Chromium's `navigator.language`, here de-DE) and tells main; errors reach the user in
 * German where they show (a wrong password, a folder the server refuses in the pane's error box, a download the
 * server refuses in the transfer queue); a language picked in the bottom bar survives a reload of the window,
 * and main speaks it again after the reload; in German, a small window (1024x640, and the smallest the app
 * allows, 800x500) at device scale factor 1.5 cuts no text in the main window and the Site Manager.
 */
import assert from 'node:assert/strict';
import { chmodSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { createTranslator } from '../../common/i18n/translator';
import { useFleet, writeServerFile, type ServerInfo } from '../servers/fleet';
import type { BridgeHost } from './bridge/host';
import { Screenshots, closeApp, dropOnPane, launchChromium, openApp, openRemoteFolder, pageProblems, paneRow, scratch, startHost, waitReady } from './support';
import { findClippedText } from './text-fit';

const work = scratch('wharf-e2e-language-');
const shots = new Screenshots('language-');
/** The German words of the controls the test finds the way a user would (the assertions spell out what the user reads). */
const de = createTranslator('de');
let server: ServerInfo;
let host: BridgeHost;
let browser: Browser;
let page: Page;

const FOLDER = 'sprache';
/** A folder the server's user may not read: the server refuses to list it (550). */
const LOCKED_FOLDER = 'verschlossen';
/** A file listed, then removed on the server before its download. */
const VANISHED_FILE = 'verschwunden.txt';

type PageWharf = { wharf: Record<string, (request: unknown) => Promise<{ ok: boolean; value?: unknown; error?: { message: string } }>> };
type PageDocument = { document: { documentElement: { lang: string } } };

const documentLanguage = (p: Page): Promise<string> => p.evaluate(() => (globalThis as unknown as PageDocument).document.documentElement.lang);

/** What main answers for a folder the window never opened: an error in main's current language. */
const mainRefusal = (p: Page): Promise<string> =>
  p.evaluate(async () => ((await (globalThis as unknown as PageWharf).wharf.localList!({ path: '/no/such/folder/for/wharf' })).error?.message ?? ''));

/** Fills the quick connect bar (in German) and connects with explicit FTPS. */
async function quickConnectInGerman(password: string): Promise<void> {
  const bar = page.getByRole('form', { name: de.text('shell.quickConnect') });
  await bar.getByLabel(de.text('siteManager.field.protocol')).selectOption('explicit');
  await bar.getByLabel(de.text('siteManager.field.host')).fill(server.host);
  await bar.getByLabel(de.text('siteManager.field.port')).fill(String(server.port));
  await bar.getByLabel(de.text('siteManager.field.user')).fill(server.user);
  await bar.getByLabel(de.text('siteManager.field.password'), { exact: true }).fill(password);
  await bar.getByRole('button', { name: de.text('dialogs.connect'), exact: true }).click();
}

before(async () => {
  const fleet = await useFleet();
  server = fleet.servers['proftpd-explicit'];
  writeServerFile(server, `${FOLDER}/frei.txt`, 'frei');
  writeServerFile(server, `${FOLDER}/${LOCKED_FOLDER}/innen.txt`, 'innen');
  // Given back in `after`, so the fleet can remove its folder.
  chmodSync(join(server.root, FOLDER, LOCKED_FOLDER), 0o000);
  writeServerFile(server, `${FOLDER}/${VANISHED_FILE}`, 'bald weg');
  writeFileSync(join(work.home, 'entwurf.txt'), 'entwurf');
  host = await startHost(work);
  browser = await launchChromium();
  // A German OS, and nothing chosen in this profile yet.
  page = await openApp(browser, host, { width: 1280, height: 800 }, { locale: 'de-DE' });
});

after(async () => {
  if (server) chmodSync(join(server.root, FOLDER, LOCKED_FOLDER), 0o755);
  await closeApp({ app: { host, browser }, work, shots });
});

describe('the window\'s language', () => {
  it('follows the OS language when nothing is chosen, and main speaks it too', async () => {
    assert.equal(await documentLanguage(page), 'de');
    assert.equal(await page.locator('.language-picker select').inputValue(), 'system');
    await page.getByRole('form', { name: 'Schnellverbindung' }).waitFor();
    assert.match(await mainRefusal(page), /^Wharf darf nur Verzeichnisse verwenden/);
  });

  it('says a wrong password in German', async () => {
    await quickConnectInGerman('falsches-passwort');
    await page.getByRole('button', { name: de.text('dialogs.cert.trustOnce') }).click();
    const notice = page.locator('.notice.error').last();
    await notice.waitFor();
    await shots.take(page, 'wrong-password');
    // The server's own reply ("Login incorrect.") stays as it said it; Wharf's words around it are German.
    const message = await notice.locator('.notice-text p').first().innerText();
    assert.match(message, /^Anmeldung abgelehnt: .*\(Nicht angemeldet: Benutzername oder Passwort ist falsch, oder dieser Benutzer darf sich nicht anmelden \(womöglich ist TLS erforderlich\)\.\)$/);
    await notice.getByRole('button', { name: de.text('panes.notice.dismiss') }).click();
  });

  it('says in the pane\'s error box, in German, that the server refused a folder', async () => {
    await quickConnectInGerman(server.password);
    await page.getByRole('button', { name: de.text('dialogs.cert.trustOnce') }).click();
    await openRemoteFolder(page, `/${FOLDER}`, { locale: 'de' });
    await paneRow(page, 'remote', LOCKED_FOLDER).dblclick();
    const box = page.locator('section.pane.remote .pane-failure');
    await box.waitFor();
    await shots.take(page, 'refused-folder');
    assert.match(
      await box.locator('.pane-failure-text > span').first().innerText(),
      /^Das Verzeichnis \/sprache\/verschlossen konnte nicht gelesen werden: 550 .*\(Die Datei oder das Verzeichnis existiert nicht, oder Sie haben keine Berechtigung dafür\.\)$/,
    );
    await box.getByRole('button', { name: 'Wiederholen' }).waitFor();
  });

  it('says in the transfer queue, in German, that the server refused a download', async () => {
    // Listed, then gone from the server before the user drags it down: the server refuses it (550).
    await paneRow(page, 'remote', VANISHED_FILE).waitFor();
    rmSync(join(server.root, FOLDER, VANISHED_FILE));
    await dropOnPane(page, paneRow(page, 'remote', VANISHED_FILE), 'local');
    const failed = page.locator('.qrow.failed');
    await page.getByRole('tab', { name: /Fehlgeschlagen/ }).click();
    await failed.first().waitFor();
    await shots.take(page, 'refused-download');
    // The server's reply as it said it, with its plain words in German beside it.
    assert.match(await failed.first().locator('.q-status').innerText(), /^550 .*verschwunden\.txt.*\(Die Datei oder das Verzeichnis existiert nicht, oder Sie haben keine Berechtigung dafür\.\)$/);
  });

  it('keeps the language picked in the bottom bar across a reload, and main speaks it again', async () => {
    await page.locator('.language-picker select').selectOption('ja');
    await page.waitForFunction(() => (globalThis as unknown as PageDocument).document.documentElement.lang === 'ja');
    await page.reload();
    await waitReady(page);
    assert.equal(await documentLanguage(page), 'ja');
    assert.equal(await page.locator('.language-picker select').inputValue(), 'ja');
    assert.match(await mainRefusal(page), /^Wharf が使えるのは/);
    assert.deepEqual(pageProblems(page), []);
  });
});

for (const size of [{ width: 1024, height: 640 }, { width: 800, height: 500 }]) {
  describe(`German at ${size.width}x${size.height}, device scale factor 1.5`, () => {
    before(async () => {
      // A fresh profile on a German OS with a HiDPI screen; the session to the server is still open in main.
      await page.close();
      page = await openApp(browser, host, size, { locale: 'de-DE', deviceScaleFactor: 1.5 });
    });

    it('cuts no text in the main window', async () => {
      assert.equal(await documentLanguage(page), 'de');
      await shots.take(page, `${size.width}x${size.height}-main`);
      assert.deepEqual(await findClippedText(page, page.locator('.app-content')), [], 'text cut off in the main window');
    });

    it('cuts no text in the Site Manager', async () => {
      await page.locator('header.toolbar > button.tool-button').first().click();
      const manager = page.locator('[role="dialog"]').last();
      await manager.waitFor();
      await shots.take(page, `${size.width}x${size.height}-site-manager`);
      assert.deepEqual(await findClippedText(page, manager), [], 'text cut off in the Site Manager');
      await page.keyboard.press('Escape');
      await manager.waitFor({ state: 'detached' });
      assert.deepEqual(pageProblems(page), []);
    });
  });
}
