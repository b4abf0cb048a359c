/**
 * The window in German and in the pseudo-locale (#19), at 1280x800, in real Chromium through the bridge against
 * the fleet's vsftpd: the main window (a connected remote pane, a queued download), the Site Manager, a
 * certificate question and the connection doctor are screenshotted; no text is cut off; German sizes and dates
 * read `1,5 MB` and `01.05.2024, 13:37`; the language switches live from the picker, without a reload.
 * In the pseudo-locale, the pane texts and every word of the Site Manager, the certificate question and the
 * doctor must come from the catalogue; data (host, certificate facts) and main's own words are exempt.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Locator, Page } from 'playwright-core';
import { useFleet, writeServerFile, type ServerInfo } from '../servers/fleet';
import type { BridgeHost } from './bridge/host';
import { Screenshots, closeApp, dropOnPane, pageProblems, paneRow, quickConnect, scratch, startApp } from './support';
import { findClippedText, findUnlocalizedText } from './text-fit';

const work = scratch('wharf-e2e-localized-');
const shots = new Screenshots('localized-');
let server: ServerInfo;
/** A server this window has not trusted yet: connecting to it asks about its certificate. */
let unknown: ServerInfo;
let host: BridgeHost;
let browser: Browser;
let page: Page;

const REPORT = 'quarterly-report.pdf';
const REPORT_BYTES = 1_572_864;

type PageWharf = { wharf: Record<string, (request: unknown) => Promise<{ ok: boolean; value?: unknown }>> };

/** The dialog on top. */
const topDialog = (): Locator => page.locator('[role="dialog"], [role="alertdialog"]').last();

/** Switches the language with the picker, as a user would, and waits for the window to re-render in it. */
async function chooseLanguage(locale: string): Promise<void> {
  await page.locator('.language-picker select').selectOption(locale);
  await page.waitForFunction((l) => (globalThis as unknown as { document: { documentElement: { lang: string } } }).document.documentElement.lang === l, locale);
}

/** Answers the open certificate question through main (its buttons are being translated elsewhere). */
async function answerCertificate(decision: 'once' | 'reject'): Promise<void> {
  await page.evaluate(async (d) => {
    const { wharf } = globalThis as unknown as PageWharf;
    const pending = (await wharf.questionsPending!({})).value as { kind: string; id: string }[];
    for (const q of pending) if (q.kind === 'certificate') await wharf.answerCertificate!({ questionId: q.id, decision: d });
  }, decision);
}

before(async () => {
  const fleet = await useFleet();
  server = fleet.servers['vsftpd-explicit'];
  unknown = fleet.servers['proftpd-explicit'];
  writeServerFile(server, `localized/${REPORT}`, Buffer.alloc(REPORT_BYTES, 1));
  writeServerFile(server, 'localized/notes.txt', 'notes');
  writeFileSync(join(work.home, 'draft.txt'), 'draft');
  ({ host, browser, page } = await startApp(work));
  await page.setViewportSize({ width: 1280, height: 800 });
  // Connected and with a waiting download, set up in English through the usual helpers.
  await quickConnect(page, server);
  await paneRow(page, 'remote', 'localized').dblclick();
  await paneRow(page, 'remote', REPORT).waitFor();
  await page.evaluate(() => (globalThis as unknown as PageWharf).wharf.queuePauseAll!({}));
  await dropOnPane(page, paneRow(page, 'remote', REPORT), 'local');
  await page.locator('.qrow').first().waitFor();
});

after(() => closeApp({ app: { host, browser }, work, shots }));

for (const locale of ['en-XA', 'de'] as const) {
  describe(`the window in ${locale} at 1280x800`, () => {
    before(() => chooseLanguage(locale));

    it('fits every text of the main window, and formats sizes and dates in the language', async () => {
      await shots.take(page, `${locale}-main`);
      assert.deepEqual(await findClippedText(page, page.locator('.app-content')), [], 'text cut off in the main window');
      const size = await paneRow(page, 'remote', REPORT).locator('.c-size').innerText();
      const modified = await paneRow(page, 'remote', REPORT).locator('.c-modified').innerText();
      if (locale === 'de') {
        assert.equal(size, '1,5 MB');
        assert.match(modified, /^\d\d\.\d\d\.\d{4}, \d\d:\d\d$/);
        assert.equal(await paneRow(page, 'remote', REPORT).locator('.c-type').innerText(), 'PDF-Datei');
      } else {
        // The pseudo-locale formats numbers like English and marks the words around them.
        assert.equal(size, '1.5 MB');
        assert.match(modified, /^\d{4}-\d\d-\d\d \d\d:\d\d$/);
      }
      assert.deepEqual(pageProblems(page), []);
    });

    if (locale === 'en-XA') {
      it('shows the panes\' own words from the catalogue (pseudo-localized), leaving file names and numbers as they are', async () => {
        const data = [REPORT, 'notes.txt', 'draft.txt', 'localized', server.host, String(server.port), server.user, work.home, '..'];
        for (const side of ['local', 'remote'] as const) {
          const pane = page.locator(`.pane.${side}`);
          assert.deepEqual(await findUnlocalizedText(pane.locator('.pane-footer'), data), [], `${side} pane summary`);
          assert.deepEqual(await findUnlocalizedText(pane.locator('.grid-body'), data), [], `${side} pane rows`);
        }
      });
    }

    it('fits the Site Manager', async () => {
      await page.locator('header.toolbar > button.tool-button').first().click();
      const manager = topDialog();
      await manager.waitFor();
      await shots.take(page, `${locale}-site-manager`);
      assert.deepEqual(await findClippedText(page, manager), [], 'text cut off in the Site Manager');
      if (locale === 'en-XA') assert.deepEqual(await findUnlocalizedText(manager, []), [], 'Site Manager words not from the catalogue');
      await page.keyboard.press('Escape');
      await manager.waitFor({ state: 'detached' });
    });

    it('fits a certificate question, with its validity in the language\'s date order', async () => {
      // Refused below, so the next language is asked again.
      const connecting = page.evaluate((s) => (globalThis as unknown as PageWharf).wharf.remoteConnect!({ kind: 'quick', host: s.host, port: s.port, mode: 'explicit', user: s.user, password: s.password }), {
        host: unknown.host,
        port: unknown.port,
        user: unknown.user,
        password: unknown.password,
      });
      const question = topDialog();
      await question.waitFor();
      await shots.take(page, `${locale}-certificate`);
      assert.deepEqual(await findClippedText(page, question), [], 'text cut off in the certificate question');
      if (locale === 'de') assert.match(await question.innerText(), /\d\d\.\d\d\.\d{4}, \d\d:\d\d – \d\d\.\d\d\.\d{4}, \d\d:\d\d/);
      if (locale === 'en-XA') {
        // Data: the server, the certificate's own facts, and main's reason (main's words are checked by its own tests).
        const data = [unknown.host, String(unknown.port), ...(await question.locator('.reason span, dl.facts dd').allInnerTexts())];
        assert.deepEqual(await findUnlocalizedText(question, data), [], 'certificate question words not from the catalogue');
      }
      await answerCertificate('reject');
      await question.waitFor({ state: 'detached' });
      await connecting;
    });

    it('fits the connection doctor', async () => {
      await page.locator('form.quick-connect .test-button').click();
      const doctor = page.locator('[role="dialog"]', { has: page.locator('.doctor-step') });
      await doctor.waitFor();
      // The doctor may ask about the certificate again; once trusted, the run goes to its verdict.
      const verdict = doctor.locator('.doctor-verdict:not(.running)');
      await verdict.or(page.locator('[role="dialog"], [role="alertdialog"]').nth(1)).first().waitFor();
      if (!(await verdict.isVisible())) await answerCertificate('once');
      await verdict.waitFor();
      await shots.take(page, `${locale}-doctor`);
      assert.deepEqual(await findClippedText(page, doctor), [], 'text cut off in the doctor');
      if (locale === 'en-XA') {
        // Data: the server, and what main measured and explains per step (main's words are checked by its own tests).
        const measured = await doctor.locator('.step-summary, .step-details li, .diagnosis strong, .diagnosis p:not(.fix-heading), .fixes li, .transcript pre, .doctor-password p').allInnerTexts();
        const data = [server.host, String(server.port), server.user, ...measured.filter((text) => text.trim() !== '')];
        assert.deepEqual(await findUnlocalizedText(doctor, data), [], 'doctor words not from the catalogue');
      }
      await page.keyboard.press('Escape');
      await doctor.waitFor({ state: 'detached' });
    });
  });
}
