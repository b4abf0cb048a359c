/**
 * End to end in Chromium through the bridge, against the fleet's real servers: the connection doctor from the
 * quick connect bar (a healthy server, implicit FTPS tried as explicit, a test cancelled while a server never
 * answers) and from the site manager, saved or not. Folder compare and sync are in compare-sync.test.ts.
 * Screenshots go to SCREENSHOT_DIR.
 */
import assert from 'node:assert/strict';
import { createServer, type Socket } from 'node:net';
import { after, afterEach, before, describe, it } from 'node:test';
import type { Browser, Locator, Page } from 'playwright-core';
import { KeytarCredentialStore } from '../../main/credentials/keychain';
import { TrackingCredentialStore } from '../credentials/keyring-helpers';
import { useFleet, type FleetInfo, type ServerInfo } from '../servers/fleet';
import type { BridgeHost } from './bridge/host';
import { Screenshots, closeAllDialogs, closeApp, dialogTitled, footerButton, eventually, pageProblems, scratch, startApp } from './support';
import { DOCTOR_STEP_IDS } from '../../common/models/doctor';

const work = scratch('wharf-e2e-doctor-');
const credentials = new TrackingCredentialStore(new KeytarCredentialStore());
let fleet: FleetInfo;
let vsftpd: ServerInfo;
let host: BridgeHost;
let browser: Browser;
let page: Page;
const shots = new Screenshots('doctor-');

async function shot(name: string): Promise<void> {
  await shots.take(page, name);
}

/** The dialog with this title. */
function dialog(title: string | RegExp): Locator {
  return dialogTitled(page, title);
}

function bar(): Locator {
  return page.getByRole('form', { name: 'Quick connect' });
}

async function closeDialogs(): Promise<void> {
  await closeAllDialogs(page, { menus: true, tries: 6 });
}

async function fillQuickConnect(target: ServerInfo, mode: 'explicit' | 'implicit', password = target.password): Promise<void> {
  await bar().getByLabel('Protocol').selectOption(mode);
  await bar().getByLabel('Host').fill(target.host);
  await bar().getByLabel('Port').fill(String(target.port));
  await bar().getByLabel('User').fill(target.user);
  await bar().getByLabel('Password').fill(password);
}

/**
 * Clicks Copy report and returns what reached the clipboard. Waits for a new clipboard entry (main's
 * record), not for a "Report copied" notice: an earlier test's notice may still be on screen.
 */
async function copyReport(doctor: Locator): Promise<string> {
  const before = host.platform.record.clipboard.length;
  await doctor.getByRole('button', { name: 'Copy report' }).click();
  await eventually('the report on the clipboard', () => host.platform.record.clipboard.length !== before);
  await page.getByRole('status').filter({ hasText: 'Report copied' }).first().waitFor();
  return host.platform.record.clipboard.at(-1) ?? '';
}

/** Each step's status in the doctor's checklist, by step id. */
async function stepStatuses(doctor: Locator): Promise<Record<string, string>> {
  const rows = doctor.locator('[data-step]');
  const out: Record<string, string> = {};
  for (let i = 0; i < (await rows.count()); i++) {
    const row = rows.nth(i);
    out[(await row.getAttribute('data-step')) ?? '?'] = (await row.getAttribute('data-status')) ?? '?';
  }
  return out;
}

/** Waits for the doctor's verdict (the run is over). */
async function verdict(doctor: Locator): Promise<string> {
  const banner = doctor.locator('.doctor-verdict:not(.running)');
  await banner.waitFor({ timeout: 60_000 });
  return banner.innerText();
}

/** A TCP server that accepts connections and never says a word: a doctor step waits on it until cancelled. */
async function silentServer(): Promise<{ port: number; allClosed(): Promise<void>; close(): Promise<void> }> {
  const open = new Set<Socket>();
  let onEmpty: (() => void)[] = [];
  const server = createServer((socket) => {
    open.add(socket);
    socket.on('error', () => undefined);
    socket.on('close', () => {
      open.delete(socket);
      if (open.size > 0) return;
      for (const resolve of onEmpty) resolve();
      onEmpty = [];
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return {
    port: address.port,
    /** Resolves once every connection made to it has been closed (by the client). */
    allClosed: () => (open.size === 0 ? Promise.resolve() : new Promise((resolve) => onEmpty.push(resolve))),
    close: () => {
      for (const socket of open) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

before(async () => {
  fleet = await useFleet();
  vsftpd = fleet.servers['vsftpd-explicit'];
  ({ host, browser, page } = await startApp(work, { credentials }));
});

after(() => closeApp({ app: { host, browser }, credentials, work, shots }));

describe('the connection doctor in the window', () => {
  afterEach(async () => {
    await closeDialogs();
  });

  it('tests a healthy vsftpd from the quick connect bar: steps arrive one by one, all green', async () => {
    await fillQuickConnect(vsftpd, 'explicit');
    await bar().getByRole('button', { name: 'Test connection' }).click();
    const doctor = dialog(/^Test connection/);
    await doctor.waitFor();
    assert.match(await doctor.getByRole('heading').innerText(), new RegExp(`${vsftpd.user}@127\\.0\\.0\\.1:${vsftpd.port} \\(FTPS explicit\\)`));

    // The fleet's CA is not trusted: the run stops at the certificate and asks. The checklist shows how far it got.
    const question = dialog('Unknown certificate');
    await question.waitFor();
    const during = await stepStatuses(doctor);
    assert.deepEqual([during['resolve'], during['connect'], during['tls']], ['ok', 'ok', 'ok'], JSON.stringify(during));
    assert.equal(during['certificate'], 'running');
    assert.equal(during['login'], 'pending');
    await shot('01-doctor-asks-certificate');
    await question.getByRole('button', { name: 'Always trust' }).click();

    assert.match(await verdict(doctor), /Everything works/);
    const statuses = await stepStatuses(doctor);
    // Active mode is not tried once passive works; no proxy is set, so that step has nothing to check.
    for (const [id, status] of Object.entries(statuses)) assert.equal(status, id === 'active' || id === 'proxy' ? 'skipped' : 'ok', `${id}: ${status}`);
    assert.equal(Object.keys(statuses).length, DOCTOR_STEP_IDS.length);
    assert.match(await doctor.locator('[data-step="login"] .step-time').innerText(), /\d+ (ms|s)$/);
    // Details open on demand.
    await doctor.getByRole('button', { name: 'Details of Certificate' }).click();
    await doctor.locator('[data-step="certificate"] .step-details').getByText(/SHA-256|Subject|Issuer/).first().waitFor();
    // An informational note, not a problem: vsftpd requires TLS session reuse, and Wharf does it.
    await doctor.locator('.diagnoses.notes [data-problem="session-reuse-required"]').waitFor();
    assert.equal(await doctor.locator('.diagnoses:not(.notes) .diagnosis').count(), 0);
    await shot('02-doctor-healthy');

    const copied = await copyReport(doctor);
    assert.match(copied, /^Wharf connection test/);
    assert.match(copied, /Verdict: {2}OK/);
    assert.match(copied, /\[ok {5}\] Login/);
    assert.match(copied, /PASS \*{8}/);
    assert.ok(!copied.includes(vsftpd.password), 'the password is never in the report');
    await footerButton(doctor, 'Close').click();
    await doctor.waitFor({ state: 'detached' });
  });

  it('explains an implicit FTPS port tried with explicit settings, and how to fix it', async () => {
    const implicit = fleet.servers['vsftpd-implicit'];
    await fillQuickConnect(implicit, 'explicit');
    await bar().getByRole('button', { name: 'Test connection' }).click();
    const doctor = dialog(/^Test connection/);
    assert.match(await verdict(doctor), /does not work/);
    const card = doctor.locator('.diagnosis[data-problem="implicit-server-explicit-settings"]');
    await card.waitFor();
    const text = await card.innerText();
    assert.match(text, /implicit/i);
    assert.match(text, /how to fix it/i);
    assert.match(text, /FTPS implicit/);
    const statuses = await stepStatuses(doctor);
    assert.equal(statuses['greeting'], 'failed');
    assert.equal(statuses['login'], 'skipped');
    await shot('03-doctor-implicit-mismatch');
  });

  it('cancels a test held by a server that never answers: it stops at the step it reached and closes its connection', async () => {
    const silent = await silentServer();
    try {
      await bar().getByLabel('Protocol').selectOption('explicit');
      await bar().getByLabel('Host').fill('127.0.0.1');
      await bar().getByLabel('Port').fill(String(silent.port));
      await bar().getByLabel('User').fill('ann');
      await bar().getByLabel('Password').fill('held-password');
      await bar().getByRole('button', { name: 'Test connection' }).click();
      const doctor = dialog(/^Test connection/);
      // Connected, the doctor waits for a greeting that never comes (for many seconds before its timeouts).
      await doctor.locator('[data-step="greeting"][data-status="running"]').waitFor();
      assert.equal(await footerButton(doctor, 'Run again').count(), 0, 'a running test offers Cancel, not Run again');
      await shot('03b-doctor-held-by-silent-server');
      await footerButton(doctor, 'Cancel').click();

      assert.match(await verdict(doctor), new RegExp(`Cancelled at “What the server sends first” \\(step ${DOCTOR_STEP_IDS.indexOf('greeting') + 1} of ${DOCTOR_STEP_IDS.length}\\)\\. The steps after it did not run`));
      const statuses = await stepStatuses(doctor);
      assert.deepEqual([statuses['resolve'], statuses['connect'], statuses['greeting']], ['ok', 'ok', 'failed'], JSON.stringify(statuses));
      for (const id of ['tls', 'certificate', 'login', 'listing', 'tls12']) assert.equal(statuses[id], 'skipped', id);
      assert.equal(await doctor.locator('[data-step="greeting"] .step-summary').innerText(), 'Cancelled.');
      assert.equal(await doctor.locator('.diagnoses:not(.notes) .diagnosis').count(), 0, 'what the cancel cut short is not a diagnosis');
      await silent.allClosed();
      await shot('03c-doctor-cancelled');

      assert.match(await copyReport(doctor), /Verdict: {2}CANCELLED — Cancelled at “What the server sends first”/);
      await footerButton(doctor, 'Run again').waitFor();
      await footerButton(doctor, 'Close').click();
      await doctor.waitFor({ state: 'detached' });
    } finally {
      await silent.close();
    }
  });

  it('tests the site being edited in the site manager: a wrong password is “login refused”; saved, it works', async (t) => {
    await page.getByRole('button', { name: 'Site Manager', exact: true }).click();
    const manager = dialog('Site Manager');
    await manager.getByRole('button', { name: 'New site' }).first().click();
    await manager.getByLabel('Name').fill('doctor vsftpd');
    await manager.getByLabel('Host').fill(vsftpd.host);
    await manager.getByLabel('Port').fill(String(vsftpd.port));
    await manager.getByLabel('User').fill(vsftpd.user);
    await manager.getByLabel('Password', { exact: true }).fill('not-the-password');
    await manager.getByRole('button', { name: 'Test connection' }).click();

    const doctor = dialog(/^Test connection/);
    assert.match(await verdict(doctor), /does not work/);
    const refused = doctor.locator('.diagnosis[data-problem="login-refused"]');
    await refused.waitFor();
    assert.match(await refused.innerText(), /Login refused[\s\S]*Check the user name and password/);
    assert.equal((await stepStatuses(doctor))['login'], 'failed');
    await shot('04-doctor-login-refused');
    assert.ok(!(await copyReport(doctor)).includes('not-the-password'), 'not even a wrong password is in the report');
    await footerButton(doctor, 'Close').click();
    assert.equal((await host.services.sites.list()).sites.length, 0, 'testing saves nothing');

    const keychain = await credentials.isAvailable();
    if (!keychain.available) {
      if (process.env.CI === 'true') throw new Error(`The keyring must be available in CI: ${keychain.reason}`);
      t.diagnostic(`saved-site part skipped: no keyring (${keychain.reason})`);
      return;
    }
    // Saved with the right password, the site is tested as saved: main takes the password from the keychain.
    await manager.getByLabel('Password', { exact: true }).fill(vsftpd.password);
    await manager.getByRole('button', { name: 'Save', exact: true }).click();
    await manager.getByText('A password is saved in the system keychain.').waitFor();
    await manager.getByRole('button', { name: 'Test connection' }).click();
    assert.match(await verdict(doctor), /Everything works/);
    await footerButton(doctor, 'Close').click();
    await footerButton(manager, 'Close').click();
  });

  it('reported no console errors or CSP violations', () => {
    assert.deepEqual(pageProblems(page), []);
  });
});
