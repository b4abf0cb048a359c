/**
 * An axe-style check over the main window and every dialog (issue 15), light and dark: real Chromium, the
 * bridge host running main's real services and the real vsftpd. axe-core checks names and labels, roles
 * and ARIA, and text contrast (4.5:1, 3:1 for large text: the WCAG 2 AA rules); a keyboard walk checks that
 * every stop Tab reaches looks different while it has the focus (focus visible), by comparing the pixels
 * around it focused and not.
 */
import assert from 'node:assert/strict';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { after, afterEach, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Browser, Locator, Page } from 'playwright-core';
import { KeytarCredentialStore } from '../../main/credentials/keychain';
import { TrackingCredentialStore } from '../credentials/keyring-helpers';
import { useFleet, writeServerFile, type ServerInfo } from '../servers/fleet';
import type { BridgeHost } from './bridge/host';
import { closeAllDialogs, dialogTitled, dropOnPane, launchChromium, openApp, openRemoteFolder, paneGrid, paneRow, remoteListed, scratch, startHost, submitQuickConnect } from './support';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The WCAG 2 A and AA rules: names and labels, roles and ARIA attributes, text contrast. */
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** How many Tab stops the focus walk looks at in one place (a dialog traps the focus, so it cycles sooner). */
const MAX_TAB_STOPS = 60;

const work = scratch('wharf-a11y-');
const credentials = new TrackingCredentialStore(new KeytarCredentialStore());
let server: ServerInfo;
let host: BridgeHost;
let browser: Browser;
let page: Page;

interface AxeViolation {
  readonly id: string;
  readonly help: string;
  readonly nodes: readonly { readonly target: readonly string[]; readonly failureSummary?: string }[];
}

/** axe-core's violations of the WCAG A/AA rules inside `scope` (the whole page when null). */
async function axeViolations(scope: Locator | null): Promise<string[]> {
  const loaded = await page.evaluate(() => typeof (globalThis as { axe?: unknown }).axe === 'object');
  // Evaluated through the debugging protocol: the page's Content Security Policy rightly refuses inline scripts.
  if (!loaded) await page.evaluate(AXE_SOURCE);
  const violations = await (scope ?? page.locator('html')).evaluate(async (element, tags) => {
    const axe = (globalThis as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(element, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })) }));
  }, AXE_TAGS);
  return violations.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.help}) at ${n.target.join(' ')}: ${n.failureSummary ?? ''}`));
}

/** The Tab stops inside `scope` that look the same focused and not focused. */
async function invisibleFocus(scope: Locator | null): Promise<string[]> {
  const invisible: string[] = [];
  const seen = new Set<string>();
  type Focused = { key: string; label: string; box: { x: number; y: number; width: number; height: number } | null; inside: boolean };
  const describeFocus = async (): Promise<Focused> => {
    const handle = await page.evaluateHandle(() => (globalThis as unknown as { document: { activeElement: unknown } }).document.activeElement);
    const inside = scope ? await scope.evaluate((root, el) => (root as { contains(x: unknown): boolean }).contains(el), handle) : true;
    const info = await handle.evaluate((el) => {
      type El = { tagName: string; id: string; className: string; textContent: string | null; getAttribute(n: string): string | null; parentElement: El | null; children: ArrayLike<El>; getBoundingClientRect(): { x: number; y: number; width: number; height: number } };
      const node = el as El;
      const path: string[] = [];
      for (let x: El | null = node; x; x = x.parentElement) {
        const index = x.parentElement ? Array.prototype.indexOf.call(x.parentElement.children, x) : 0;
        path.unshift(`${x.tagName}${index}`);
      }
      const r = node.getBoundingClientRect();
      const label = `${node.tagName.toLowerCase()} "${node.getAttribute('aria-label') ?? (node.textContent ?? '').trim().slice(0, 40)}"`;
      return { key: path.join('/'), label, box: r.width > 0 && r.height > 0 ? { x: r.x, y: r.y, width: r.width, height: r.height } : null };
    });
    return { ...info, inside };
  };
  const viewport = page.viewportSize()!;
  const around = (box: NonNullable<Focused['box']>) => {
    const x = Math.max(0, Math.floor(box.x - 5));
    const y = Math.max(0, Math.floor(box.y - 5));
    return { x, y, width: Math.min(viewport.width - x, Math.ceil(box.width + 10)), height: Math.min(viewport.height - y, Math.ceil(box.height + 10)) };
  };
  for (let i = 0; i < MAX_TAB_STOPS; i++) {
    await page.keyboard.press('Tab');
    const focused = await describeFocus();
    // Past the last stop the focus leaves the page (body): the walk is over.
    if (!focused.inside || seen.has(focused.key) || focused.label.startsWith('body ')) break;
    seen.add(focused.key);
    if (!focused.box) continue;
    const clip = around(focused.box);
    const withFocus = await page.screenshot({ clip, animations: 'disabled', caret: 'hide' });
    const handle = await page.evaluateHandle(() => (globalThis as unknown as { document: { activeElement: { blur(): void } } }).document.activeElement);
    await handle.evaluate((el) => (el as { blur(): void }).blur());
    const without = await page.screenshot({ clip, animations: 'disabled', caret: 'hide' });
    // Back to the same stop; the last input was the keyboard, so Chromium still shows it as :focus-visible.
    await handle.evaluate((el) => (el as unknown as { focus(): void }).focus());
    if (withFocus.equals(without)) invisible.push(focused.label);
  }
  return invisible;
}

/** Runs both checks in light and dark, then leaves the page in light. */
async function audit(name: string, scope: Locator | null): Promise<void> {
  const problems: string[] = [];
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    for (const v of await axeViolations(scope)) problems.push(`${colorScheme}: ${v}`);
    for (const stop of await invisibleFocus(scope)) problems.push(`${colorScheme}: no visible focus on ${stop}`);
  }
  await page.emulateMedia({ colorScheme: 'light' });
  assert.deepEqual(problems, [], `${name}:\n${problems.join('\n')}`);
}

/** Opens the Site Manager. */
async function openSiteManager(): Promise<Locator> {
  await page.getByRole('button', { name: 'Site Manager', exact: true }).click();
  const manager = dialogTitled(page, 'Site Manager');
  await manager.waitFor();
  return manager;
}

before(async () => {
  const fleet = await useFleet();
  server = fleet.servers['vsftpd-explicit'];
  writeServerFile(server, 'a11y/notes.txt', 'remote notes');
  writeServerFile(server, 'a11y/docs/readme.txt', 'readme');
  writeFileSync(join(work.home, 'notes.txt'), 'local notes');
  host = await startHost({ home: work.home, dataDir: work.dataDir, credentials });
  browser = await launchChromium();
  page = await openApp(browser, host);
});

after(async () => {
  await browser?.close();
  await host?.close();
  await credentials.cleanUp();
  rmSync(work.base, { recursive: true, force: true });
});

describe('accessibility of the window and every dialog (axe, light and dark)', () => {
  afterEach(async () => {
    await closeAllDialogs(page);
  });

  it('the certificate question', async () => {
    await submitQuickConnect(page, server, 'explicit');
    const question = dialogTitled(page, 'Unknown certificate');
    await question.waitFor();
    try {
      await audit('certificate question', question);
    } finally {
      await question.getByRole('button', { name: 'Trust once' }).click();
      await remoteListed(page);
    }
  });

  it('the main window, connected', async () => {
    await openRemoteFolder(page, '/a11y');
    await paneRow(page, 'remote', 'notes.txt').waitFor();
    await paneGrid(page, 'local').focus();
    await audit('main window', null);
  });

  it('the Site Manager with a new site', async () => {
    const manager = await openSiteManager();
    await manager.getByRole('button', { name: 'New site' }).first().click();
    await audit('site manager', manager);
  });

  it('the proxy settings', async () => {
    const manager = await openSiteManager();
    await manager.getByRole('button', { name: 'Proxy…' }).click();
    const proxy = page.locator('[role="dialog"]').last();
    await proxy.getByRole('heading').first().waitFor();
    await audit('proxy settings', proxy);
  });

  it('the trusted certificates', async () => {
    const manager = await openSiteManager();
    await manager.getByRole('button', { name: /Trusted certificates/ }).click();
    const certificates = dialogTitled(page, 'Trusted certificates');
    await certificates.waitFor();
    await audit('trusted certificates', certificates);
  });

  it('the FileZilla import preview', async () => {
    host.platform.answerNextOpenFile(fileURLToPath(new URL('../sites/fixtures/filezilla-3.66-sitemanager.xml', import.meta.url)));
    const manager = await openSiteManager();
    await manager.getByRole('button', { name: 'Import…', exact: true }).click();
    const preview = dialogTitled(page, 'Import FileZilla sites');
    await preview.waitFor();
    await audit('import preview', preview);
  });

  it('the connection doctor', async () => {
    await page.getByRole('form', { name: 'Quick connect' }).getByRole('button', { name: 'Test connection' }).click();
    const doctor = dialogTitled(page, /^Test connection/);
    // "Trust once" was for the connection: the doctor's own run asks again.
    await dialogTitled(page, 'Unknown certificate').getByRole('button', { name: 'Trust once' }).click();
    await doctor.locator('.doctor-verdict:not(.running)').waitFor({ timeout: 60_000 });
    await audit('doctor', doctor);
  });

  it('the synchronise dialog with its preview', async () => {
    await page.getByRole('button', { name: 'Synchronise…' }).click();
    const sync = dialogTitled(page, 'Synchronise folders');
    await sync.waitFor();
    await sync.getByRole('button', { name: 'Preview', exact: true }).click();
    await sync.locator('.sync-preview').waitFor();
    await audit('synchronise', sync);
  });

  it('the overwrite question', async () => {
    await dropOnPane(page, paneRow(page, 'remote', 'notes.txt'), 'local');
    const question = dialogTitled(page, 'The target file already exists');
    await question.waitFor();
    await audit('overwrite question', question);
    await question.getByRole('button', { name: 'Skip' }).click();
    await question.waitFor({ state: 'detached' });
  });

  it('the new folder, rename and delete dialogs', async () => {
    await page.getByRole('button', { name: 'New local folder' }).click();
    const create = dialogTitled(page, 'New local folder');
    await create.waitFor();
    await audit('new folder', create);
    await page.keyboard.press('Escape');
    await paneRow(page, 'local', 'notes.txt').click();
    await page.keyboard.press('F2');
    const rename = dialogTitled(page, /Rename/);
    await rename.waitFor();
    await audit('rename', rename);
    await page.keyboard.press('Escape');
    await paneRow(page, 'local', 'notes.txt').click();
    await page.keyboard.press('Delete');
    const remove = dialogTitled(page, /Delete/);
    await remove.waitFor();
    await audit('delete', remove);
  });
});
