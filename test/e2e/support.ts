/**
 * Shared pieces of the renderer's end-to-end tests: Chromium through playwright-core, the bridge host
 * running the real services over the built renderer, and small waits on the page's own state (never
 * sleeps). Page code stays typed without the DOM library, through `globalThis` casts. A test file starts its
 * app with `startApp` in `before`, ends it with `closeApp` in `after`, and keeps its screenshots in a `Screenshots`.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import type { UiLocale } from '../../common/i18n/locale';
import { createTranslator } from '../../common/i18n/translator';
import type { TransferItem } from '../../common/models/transfer';
import type { CredentialStore } from '../../main/credentials/keychain';
import type { BridgeTestHooks } from './bridge/client';
import { startBridgeHost, type BridgeHost } from './bridge/host';

/** Where Chromium lives on our machines and in CI. */
export const CHROMIUM = process.env.WHARF_CHROMIUM ?? '/usr/bin/chromium';

/** The built renderer (npm run build, or `vite build -c vite.renderer.config.ts`). */
export const RENDERER_ROOT = fileURLToPath(new URL('../../dist/renderer', import.meta.url));

/** Where the tests save their screenshots: artifacts to look at. */
export const SCREENSHOT_DIR = process.env.WHARF_SCREENSHOT_DIR ?? join(tmpdir(), 'wharf-e2e-screenshots');

/** Starts the one Chromium of a test file. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** A scratch folder with a home for the local pane and a data folder for the services. */
export function scratch(prefix: string): { base: string; home: string; dataDir: string } {
  const base = mkdtempSync(join(tmpdir(), prefix));
  const home = join(base, 'home');
  const dataDir = join(base, 'data');
  mkdirSync(home, { recursive: true });
  mkdirSync(dataDir, { recursive: true });
  return { base, home, dataDir };
}

/** Starts the bridge host over the built renderer. */
export function startHost(options: { home: string; dataDir: string; credentials?: CredentialStore; segmentThresholdBytes?: number }): Promise<BridgeHost> {
  return startBridgeHost({ rendererRoot: RENDERER_ROOT, ...options });
}

/** The app of one test file: the bridge host, the one Chromium, and the window's page. */
export interface App {
  readonly host: BridgeHost;
  readonly browser: Browser;
  readonly page: Page;
}

/**
 * Starts the bridge host over a scratch folder, Chromium and the app's page. `beforeChromium` runs once the
 * host is up (an OS link offered at launch, a site saved beforehand). What started is closed again if a later part fails.
 */
export async function startApp(
  work: { home: string; dataDir: string },
  options: { credentials?: CredentialStore; beforeChromium?: (host: BridgeHost) => unknown; segmentThresholdBytes?: number } = {},
): Promise<App> {
  const host = await startHost({
    home: work.home,
    dataDir: work.dataDir,
    ...(options.credentials ? { credentials: options.credentials } : {}),
    ...(options.segmentThresholdBytes !== undefined ? { segmentThresholdBytes: options.segmentThresholdBytes } : {}),
  });
  let browser: Browser | null = null;
  try {
    await options.beforeChromium?.(host);
    browser = await launchChromium();
    const page = await openApp(browser, host);
    return { host, browser, page };
  } catch (err) {
    await browser?.close();
    await host.close();
    throw err;
  }
}

/**
 * For `after`: closes Chromium and the host, empties the test keychain, removes the scratch folder and
 * lists the screenshots taken. Every part may be missing (a `before` that failed half way).
 */
export async function closeApp(parts: {
  app?: Partial<App> | undefined;
  credentials?: { cleanUp(): Promise<unknown> };
  work: { base: string };
  shots?: Screenshots;
}): Promise<void> {
  await parts.app?.browser?.close();
  await parts.app?.host?.close();
  await parts.credentials?.cleanUp();
  rmSync(parts.work.base, { recursive: true, force: true });
  parts.shots?.report();
}

/** The screenshots of one test file, named `<prefix><name>.png` under SCREENSHOT_DIR; listed by closeApp. */
export class Screenshots {
  readonly taken: string[] = [];

  constructor(private readonly prefix = '') {}

  async take(page: Page, name: string): Promise<string> {
    const path = await screenshot(page, `${this.prefix}${name}`);
    this.taken.push(path);
    return path;
  }

  report(): void {
    if (this.taken.length > 0) console.log(`screenshots:\n${this.taken.join('\n')}`);
  }
}

/**
 * Polls a condition of the services (main's truth) every 50 ms until it holds, for state that sends no
 * event the test could wait on. `what` names it in the error (a function: computed when the wait fails).
 */
export async function eventually(what: string | (() => string | Promise<string>), check: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(typeof what === 'string' ? `timed out waiting for: ${what}` : await what());
    await new Promise((r) => setTimeout(r, 50));
  }
}

type AppWindow = { wharfBridgeTest: BridgeTestHooks; document: { documentElement: { getAttribute(name: string): string | null } } };

/**
 * Opens the app in a new page and waits until the renderer has loaded what main owns. `device`: the OS language
 * Chromium reports (`navigator.language`) and the screen's scale factor. `prepare` runs before the page loads (an
 * init script standing in for what this machine cannot give, such as a Windows path).
 */
export async function openApp(
  browser: Browser,
  host: BridgeHost,
  size = { width: 1440, height: 900 },
  device: { locale?: string; deviceScaleFactor?: number } = {},
  prepare?: (page: Page) => Promise<unknown>,
): Promise<Page> {
  const page = await browser.newPage({ viewport: size, colorScheme: 'light', ...device });
  await prepare?.(page);
  const problems: string[] = [];
  page.on('pageerror', (err) => problems.push(err.message));
  page.on('console', (m) => {
    if (m.type() === 'error' || /Content Security Policy|Refused to/i.test(m.text())) problems.push(m.text());
  });
  (page as Page & { problems?: string[] }).problems = problems;
  await page.goto(host.url);
  await waitReady(page);
  return page;
}

/** Waits for the bridge socket and the renderer's start-up (after a reload too). */
export async function waitReady(page: Page): Promise<void> {
  await page.waitForFunction(() => (globalThis as unknown as AppWindow).wharfBridgeTest?.isConnected() === true);
  await page.waitForFunction(() => (globalThis as unknown as AppWindow).document.documentElement.getAttribute('data-wharf-ready') === 'true');
}

/** Console errors, CSP violations and uncaught exceptions the page reported. */
export function pageProblems(page: Page): readonly string[] {
  return (page as Page & { problems?: string[] }).problems ?? [];
}

/** Saves a screenshot under SCREENSHOT_DIR; returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path });
  return path;
}

/** A row of a pane's grid by file name (any name a server may send, `..\x` included). */
export function paneRow(page: Page, side: 'local' | 'remote', name: string) {
  return paneGrid(page, side).locator(`[role="row"][data-name="${name.replace(/["\\]/g, '\\$&')}"]`);
}

/** A pane's grid, found by its pane rather than its name, which follows the window's language. */
export function paneGrid(page: Page, side: 'local' | 'remote') {
  return page.locator(`section.pane.${side} [role="grid"]`);
}

/** The dialog with this title. */
export function dialogTitled(page: Page, title: string | RegExp) {
  return page.locator('[role="dialog"], [role="alertdialog"]').filter({ has: page.getByRole('heading', { name: title }) });
}

/** A button of a dialog's footer (the header has its own Close). */
export function footerButton(dialog: Locator, name: string): Locator {
  return dialog.locator('.modal-footer').getByRole('button', { name, exact: true });
}

/**
 * Closes whatever dialog a failed test left open, so the next test starts from the window; `menus`: open
 * context menus too.
 */
export async function closeAllDialogs(page: Page, options: { menus?: boolean; tries?: number } = {}): Promise<void> {
  const open = options.menus ? '.backdrop, .menu-layer' : '.backdrop';
  for (let i = 0; i < (options.tries ?? 5) && (await page.locator(open).count()) > 0; i++) await page.keyboard.press('Escape');
}

/** Fills and submits the quick connect bar. */
export async function submitQuickConnect(page: Page, target: { host: string; port: number; user: string; password: string }, mode: 'explicit' | 'implicit' | 'plain'): Promise<void> {
  const bar = page.getByRole('form', { name: 'Quick connect' });
  await bar.getByLabel('Protocol').selectOption(mode);
  await bar.getByLabel('Host').fill(target.host);
  await bar.getByLabel('Port').fill(String(target.port));
  await bar.getByLabel('User').fill(target.user);
  await bar.getByLabel('Password').fill(target.password);
  await bar.getByRole('button', { name: 'Connect', exact: true }).click();
}

/**
 * Connects with the quick connect bar (explicit FTPS), trusts the server's certificate once, and waits until the
 * connect has ended (the bar's Connect button is disabled exactly while it runs). A page opened on a host that
 * already has a session shows that one first: until the new session is shown, a folder typed into the path bar
 * goes to the old one, and the new session's first listing then replaces it (CI: unreadable-subfolder on proftpd).
 */
export async function quickConnect(page: Page, server: { readonly host: string; readonly port: number; readonly user: string; readonly password: string }): Promise<void> {
  await submitQuickConnect(page, server, 'explicit');
  await page.getByRole('button', { name: 'Trust once' }).click();
  await page.getByRole('form', { name: 'Quick connect' }).locator('button[type="submit"]:enabled').waitFor({ state: 'attached' });
}

/**
 * Waits until the remote pane is connected and has listed the folder it shows: not loading, and the list draws rows
 * or says why there are none (the grid itself is there while connecting too). A wait for a row of the fleet's root
 * would not do: the root holds every suite's folders, and a row below the rows the virtual list draws is never there.
 */
export async function remoteListed(page: Page): Promise<void> {
  await paneGrid(page, 'remote').and(page.locator('[aria-busy="false"]')).locator('.grid-body').locator('[role="row"], .empty').first().waitFor();
}

/** Where the remote pane stands when `openRemoteFolder` types a path into its bar. */
export interface OpenRemoteFolderOptions {
  /** The window's language. default 'en' */
  readonly locale?: UiLocale;
  /**
   * The pane shows the failure of the folder asked for last (its listing was refused): connected, with nothing
   * to list first, so the wait is for that failure instead. default false: wait until connected and listed.
   */
  readonly afterFailure?: boolean;
}

/**
 * Opens a remote folder by typing its path into the path bar. The fleet's root is shared by every suite of a
 * run and holds their folders: a row there may be far below the rows the virtual list draws, where a double
 * click on it cannot reach. The caller waits for what the folder shows.
 */
export async function openRemoteFolder(page: Page, path: string, options: OpenRemoteFolderOptions = {}): Promise<void> {
  const words = createTranslator(options.locale ?? 'en');
  if (options.afterFailure) {
    await page.locator('.pane.remote').getByRole('alert', { name: words.text('panes.failure.remoteLabel') }).waitFor();
  } else {
    // Connected, and the folder shown on connecting listed: a path typed before then has no session to go to.
    await remoteListed(page);
  }
  const field = page.getByRole('textbox', { name: words.text('panes.path.input', { side: 'remote' }) });
  // A click that lands while the pane redraws (a folder another suite changed) can leave the bar as it was: again.
  await eventually('the remote path bar opened for typing', async () => {
    if (await field.isVisible()) return true;
    await page.getByRole('button', { name: words.text('panes.path.edit', { side: 'remote' }) }).click();
    return field.waitFor({ timeout: 2_000 }).then(() => true, () => false);
  });
  await field.fill(path);
  await field.press('Enter');
}

/** Drags a row onto the empty space at the bottom of a pane (a drop on its folder on screen). */
export async function dropOnPane(page: Page, row: ReturnType<typeof paneRow>, side: 'local' | 'remote'): Promise<void> {
  const grid = paneGrid(page, side);
  const box = (await grid.boundingBox())!;
  await row.dragTo(grid, { targetPosition: { x: 40, y: box.height - 30 } });
}

/** Resolves with the host's queue item for `remotePath` once it has ended (done, failed or skipped), told by main's queue events. */
export function whenQueueItemEnded(host: BridgeHost, remotePath: string): Promise<TransferItem> {
  return new Promise((resolve) => {
    const check = () => {
      const item = host.services.queue.snapshot().items.find((i) => i.remotePath === remotePath);
      if (!item || !['done', 'failed', 'skipped'].includes(item.state)) return;
      off();
      resolve(item);
    };
    const off = host.services.events.subscribe((event) => {
      if (event === 'queueUpdate') check();
    });
    check();
  });
}
