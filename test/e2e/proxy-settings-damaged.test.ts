/**
 * A damaged proxy settings file end to end in Chromium through the bridge: a quick connection makes no connection
 * (a listening port counts them) and the window says so in plain words, naming the file and the two ways out, with
 * a button to the proxy settings. The dialog shows the same, still lets the user choose and save; saving writes a
 * good file and the next quick connection goes out at once, without a restart.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { PROXY_SETTINGS_FILE_NAME } from '../../main/sites/data-dir';
import { closeApp, dialogTitled, eventually, pageProblems, scratch, Screenshots, startApp, submitQuickConnect, type App } from './support';

const work = scratch('wharf-e2e-proxy-damaged-');
const shots = new Screenshots('proxy-damaged-');
const DAMAGED = '{"schemaVersion": 1, "mode": "custom", "proxyUrl": "socks5://10.0.0.1:1080"';
let app: App | undefined;
let connections = 0;
const listener = createServer((socket) => {
  connections++;
  socket.destroy();
});
let port = 0;

before(async () => {
  await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
  port = (listener.address() as { port: number }).port;
  writeFileSync(join(work.dataDir, PROXY_SETTINGS_FILE_NAME), DAMAGED);
  app = await startApp(work);
});

after(async () => {
  await closeApp({ app, work, shots });
  await new Promise<void>((resolve) => listener.close(() => resolve()));
});

describe('a damaged proxy settings file', () => {
  it('a quick connection makes no connection and the window says why, naming the file and the ways out', async () => {
    const { page } = app!;
    await submitQuickConnect(page, { host: '127.0.0.1', port, user: 'someone', password: 'secret' }, 'explicit');
    const notice = page.locator('.notice[role="alert"]').filter({ hasText: 'Proxy settings damaged' });
    await notice.waitFor();
    const text = await notice.innerText();
    assert.ok(text.includes(join(work.dataDir, PROXY_SETTINGS_FILE_NAME)), text);
    assert.match(text, /is damaged, so Wharf makes no connection/);
    assert.match(text, /save the proxy settings again in Wharf \(Site Manager, then Proxy…\), which writes a good file, or delete the file to go back to the default/);
    await shots.take(page, 'notice');
    assert.equal(connections, 0, 'nothing reached the port');
    assert.equal(readFileSync(join(work.dataDir, PROXY_SETTINGS_FILE_NAME), 'utf8'), DAMAGED, 'the file is left as it is');
  });

  it('the proxy settings dialog shows the damage and its Save mends the file: the next connection goes out', async () => {
    const { page } = app!;
    await page.locator('.notice').getByRole('button', { name: 'Proxy settings…' }).click();
    const settings = dialogTitled(page, 'Proxy');
    await settings.waitFor();
    assert.match(await settings.getByRole('alert').innerText(), /proxy-settings\.json is damaged/);
    await shots.take(page, 'dialog');
    await settings.getByLabel('App proxy', { exact: true }).selectOption('none');
    await settings.getByRole('button', { name: 'Save' }).click();
    await settings.waitFor({ state: 'detached' });
    assert.equal(JSON.parse(readFileSync(join(work.dataDir, PROXY_SETTINGS_FILE_NAME), 'utf8')).mode, 'none');

    await submitQuickConnect(page, { host: '127.0.0.1', port, user: 'someone', password: 'secret' }, 'explicit');
    await eventually('the quick connection reached the port', () => connections === 1);
    await page.getByRole('form', { name: 'Quick connect' }).locator('button[type="submit"]:enabled').waitFor({ state: 'attached' });
    assert.equal(await page.locator('.notice').filter({ hasText: 'Proxy settings damaged' }).count(), 0, 'the damage is not reported again');
    assert.deepEqual(pageProblems(page), []);
  });
});
