/**
 * The window in German and in the pseudo-locale (#19), at 1280x800, in real Chromium through the bridge against
 * the fleet's vsftpd: the main window (a connected remote pane, a queued download), the Site Manager, a
 * certificate question and the connection doctor are screenshotted; no text is cut off; German sizes and dates
 * read `1,5 MB` and `01.05.2024, 13:37`; the language switches live from the picker, without a reload.
 * In the pseudo-locale, every word of the whole main window (panes with rows and compare marks, the queue
 * with an item, the log, the toolbars, a notice, a pane's menu), the Site Manager, the certificate question and
 * the doctor must come from the catalogue; data (names, host, the FTP transcript, certificate facts) and main's
 * own words are exempt.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Locator, Page } from 'playwright-core';
import { createTranslator } from '../../common/i18n/translator';
import { useFleet, writeServerFile, type ServerInfo } from '../servers/fleet';
import type { BridgeHost } from './bridge/host';
import { Screenshots, closeApp, dropOnPane, openApp, openRemoteFolder, pageProblems, paneRow, quickConnect, scratch, startApp, waitReady } from './support';
import { findClippedText, findOverlappingText, findUnlocalizedText } from './text-fit';

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
async function chooseLanguage(locale: string, on: Page = page): Promise<void> {
  await on.locator('.language-picker select').selectOption(locale);
  await on.waitForFunction((l) => (globalThis as unknown as { document: { documentElement: { lang: string } } }).document.documentElement.lang === l, locale);
}

/**
 * The queue's column heads drawn over the log beside it: a head past the queue's right edge must be clipped by a
 * box between it and the queue (a sideways-scrolling grid).
 */
function headsDrawnOverLog(on: Page): Promise<string[]> {
  return on.locator('.queue-view').evaluate((queue) => {
    type Box = { getBoundingClientRect(): { left: number; right: number }; parentElement: Box | null; textContent: string | null; querySelectorAll(s: string): Iterable<Box> };
    const view = queue as unknown as Box;
    const style = (globalThis as unknown as { getComputedStyle(e: unknown): { overflowX: string } }).getComputedStyle;
    const edge = view.getBoundingClientRect().right;
    const out: string[] = [];
    for (const cell of view.querySelectorAll('.grid-head .cell')) {
      if (cell.getBoundingClientRect().right <= edge + 1) continue;
      let clipped = false;
      for (let box = cell.parentElement; box && box !== view && !clipped; box = box.parentElement) clipped = style(box).overflowX !== 'visible';
      if (!clipped) out.push(cell.textContent ?? '');
    }
    return out;
  });
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
  await openRemoteFolder(page, '/localized');
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

    it('fits every text with the log beside the queue and compare on (legend and row marks)', async () => {
      const words = createTranslator(locale);
      await page.locator('.bottom-layout-toggle').click();
      await page.locator('.log-line').first().waitFor();
      const compare = page.locator('header.toolbar').getByRole('button', { name: words.text('shell.tool.compare'), exact: true });
      await compare.click();
      await page.locator('.pair-bar .legend').waitFor();
      await page.locator('.pane.local [data-compare="only-local"]').first().waitFor();
      await shots.take(page, `${locale}-compare-and-log`);
      const clipped = await findClippedText(page, page.locator('.app-content'));
      // The queue's column heads stay in the queue's half, not drawn over the log beside it.
      const drawnOverLog = await headsDrawnOverLog(page);
      await compare.click();
      await page.locator('.pair-bar').waitFor({ state: 'detached' });
      await page.locator('.bottom-layout-toggle').click();
      await page.locator('.log-line').first().waitFor({ state: 'detached' });
      assert.deepEqual(drawnOverLog, [], 'queue column heads drawn over the log');
      assert.deepEqual(clipped, [], 'text cut off with compare on and the log beside the queue');
    });

    if (locale === 'en-XA') {
      it('shows every word of the whole window from the catalogue: panes, queue, log, toolbars, compare marks, a notice, a pane menu', async () => {
        const xa = createTranslator('en-XA');
        const missing = join(work.home, 'no-such-folder');
        // Everything at once: the log beside the queue, compare on (legend and row marks), and a local folder
        // that does not exist (a notice and the pane's failure line).
        await page.locator('.bottom-layout-toggle').click();
        await page.locator('.log-line').first().waitFor();
        await page.locator('header.toolbar').getByRole('button', { name: xa.text('shell.tool.compare'), exact: true }).click();
        await page.locator('.pair-bar .legend').waitFor();
        await page.locator('.pane.local [data-compare="only-local"]').first().waitFor();
        await page.getByRole('button', { name: xa.text('panes.path.edit', { side: 'local' }) }).click();
        const input = page.getByLabel(xa.text('panes.path.input', { side: 'local' }));
        await input.fill(missing);
        await input.press('Enter');
        await page.locator('.notice.error').waitFor();
        await page.locator('.pane.local .pane-failure').waitFor();
        await shots.take(page, 'en-XA-whole-window');
        // Data, listed narrowly: file, folder and host names, the user and port, paths; the FTP transcript
        // (commands and replies are the protocol's own words); the TLS version the lock shows (a protocol name,
        // kept as it is in every language); and main's message in the notice and the pane's failure line
        // (main's words are checked by its own tests).
        const transcriptAndMainsWords = '.log-text, .notice .notice-text > p:not(.muted), .pane-failure-text > span:not(.muted)';
        const data = [REPORT, 'notes.txt', 'draft.txt', 'localized', server.host, String(server.port), server.user, work.home, missing, '..', 'TLS 1.2', 'TLS 1.3'];
        const leftInWindow = await findUnlocalizedText(page.locator('.app'), data, transcriptAndMainsWords);
        // A pane's menu, opened on a row.
        await paneRow(page, 'remote', REPORT).click({ button: 'right' });
        const menu = page.getByRole('menu');
        await menu.waitFor();
        // Function keys are named as printed on the key, the same in every language.
        const leftInMenu = await findUnlocalizedText(menu, [...data, 'F2', 'F5', 'F7']);
        await page.keyboard.press('Escape');
        await menu.waitFor({ state: 'detached' });
        // Back as it was for the next language: the notice gone, the local folder open again, compare off, tabs.
        await page.locator('.notice.error button.icon-button').click();
        await page.getByRole('button', { name: xa.text('panes.path.edit', { side: 'local' }) }).click();
        await input.fill(work.home);
        await input.press('Enter');
        await page.locator('.pane.local .pane-failure').waitFor({ state: 'detached' });
        await page.locator('header.toolbar').getByRole('button', { name: xa.text('shell.tool.compare'), exact: true }).click();
        await page.locator('.pair-bar').waitFor({ state: 'detached' });
        await page.locator('.bottom-layout-toggle').click();
        await page.locator('.log-line').first().waitFor({ state: 'detached' });
        assert.deepEqual(leftInWindow, [], 'main window words not from the catalogue');
        assert.deepEqual(leftInMenu, [], 'pane menu words not from the catalogue');
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

/**
 * The queue's column heads and its first item where the panel cuts them off below (the panel hides what
 * overflows it): a bar above them that takes the queue's whole height leaves a queue with no visible items.
 */
function hiddenBelowPanel(on: Page): Promise<string[]> {
  return on.locator('section.bottom').evaluate((panel) => {
    type Box = { getBoundingClientRect(): { top: number; bottom: number }; textContent: string | null; querySelectorAll(s: string): Iterable<Box> };
    const edge = (panel as unknown as Box).getBoundingClientRect().bottom;
    const out: string[] = [];
    const shown = [...(panel as unknown as Box).querySelectorAll('.queue-view .grid-head .head-label, .queue-view .qrow:first-child .name-text')];
    if (shown.length === 0) out.push('no column heads or item in the queue');
    for (const text of shown) if (text.getBoundingClientRect().bottom > edge + 1) out.push(text.textContent ?? '');
    return out;
  });
}

/**
 * The queue beside the log (the layout the window remembers) in windows smaller than the 1280x800 above, down to
 * 800x600 (the main window's minimum is 800x500), on a plain screen and at device scale 2, in Japanese, German
 * and the pseudo-locale: the queue's tab names, its column heads and the log are neither cut nor drawn over
 * each other.
 */
describe('the queue beside the log in a small window', () => {
  const SIZES = [
    { width: 1024, height: 640 },
    { width: 800, height: 600 },
  ] as const;
  /** The bars and rows whose labels must not cross: the panel's titles, the queue's and the log's bars, the queue's tabs and column heads, a log line. */
  const BARS = '.bottom-tabs, .bottom-tabs > .tab-group, .subbar, .subbar .segmented, .subbar .actions, .grid-head .row.head, .log-line';
  /** The window at device scale 2, opened on the same host: the queue and the log are main's. */
  let sharp: Page | undefined;

  after(() => sharp?.close());

  for (const scale of [1, 2] as const) {
    describe(`at device scale ${scale}`, () => {
      let window: Page;
      before(async () => {
        window = scale === 1 ? page : (sharp = await openApp(browser, host, SIZES[0], { deviceScaleFactor: scale }));
        // Chosen once, remembered over a reload.
        if ((await window.locator('.bottom.beside').count()) === 0) await window.locator('.bottom-layout-toggle').click();
        await window.reload();
        await waitReady(window);
        await window.locator('.bottom.beside .log-line').first().waitFor();
        await window.locator('.bottom.beside .qrow').first().waitFor();
      });
      after(async () => {
        if (scale === 1) {
          await window.locator('.bottom-layout-toggle').click();
          await window.locator('.bottom.beside').waitFor({ state: 'detached' });
          await window.setViewportSize({ width: 1280, height: 800 });
        }
      });

      for (const locale of ['ja', 'de', 'en-XA'] as const) {
        for (const size of SIZES) {
          it(`fits the queue's tabs, its column heads and the log in ${locale} at ${size.width}x${size.height}`, async () => {
            await window.setViewportSize(size);
            if ((await window.evaluate(() => (globalThis as unknown as { document: { documentElement: { lang: string } } }).document.documentElement.lang)) !== locale) await chooseLanguage(locale, window);
            const bottom = window.locator('section.bottom.beside');
            await shots.take(window, `beside-${locale}-${size.width}x${size.height}@${scale}x`);
            assert.deepEqual(await findClippedText(window, bottom), [], 'text cut off in the queue or the log');
            assert.deepEqual(await findOverlappingText(bottom, BARS), [], 'labels drawn over each other');
            assert.deepEqual(await headsDrawnOverLog(window), [], 'queue column heads drawn over the log');
            assert.deepEqual(await hiddenBelowPanel(window), [], 'the queue\'s column heads or its item pushed out of the panel');
          });
        }
      }
    });
  }
});
