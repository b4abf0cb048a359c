/**
 * An empty server folder whose name is taken by a file on this computer, from the app's side: a server folder
 * dragged onto the local pane in real Chromium through the bridge, against the fleet's vsftpd. The empty folder's
 * queue item fails at once with "PATH is not a folder." in the Failed tab, the rest of the folder arrives, and
 * the file is left as it was. The queue's own test is test/transfers/folder-over-file.test.ts; the command
 * line's, test/cli/folder-over-file.servers.test.ts.
 */
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { useFleet, writeServerFile, type ServerInfo } from '../servers/fleet';
import { closeApp, dropOnPane, openRemoteFolder, pageProblems, paneRow, quickConnect, scratch, startApp, whenQueueItemEnded, type App } from './support';

const work = scratch('wharf-e2e-folder-over-file-');
/** The dragged folder's parent on the server, opened by its path: a row of the fleet's root may not be drawn. */
const PARENT = `folder-over-file-drag-${process.pid}`;
const FOLDER = `folder-over-file-${process.pid}`;
let server: ServerInfo;
let app: App | undefined;

before(async () => {
  server = (await useFleet()).servers['vsftpd-explicit'];
  writeServerFile(server, `${PARENT}/${FOLDER}/a.txt`, 'from the server');
  mkdirSync(join(server.root, PARENT, FOLDER, 'inner'), { mode: 0o755 });
  mkdirSync(join(work.home, FOLDER));
  writeFileSync(join(work.home, FOLDER, 'inner'), 'a file of mine');
  app = await startApp(work);
  await quickConnect(app.page, server);
  await openRemoteFolder(app.page, `/${PARENT}`);
  await paneRow(app.page, 'remote', FOLDER).waitFor();
});

after(() => closeApp({ app, work }));

describe('dragging a server folder whose empty subfolder is a file here', () => {
  it('fails that subfolder with "is not a folder." in the Failed tab, brings the rest, and keeps the file', { timeout: 60_000 }, async () => {
    const { page } = app!;
    const file = join(work.home, FOLDER, 'inner');
    const innerEnded = whenQueueItemEnded(app!.host, `/${PARENT}/${FOLDER}/inner`);
    const restEnded = whenQueueItemEnded(app!.host, `/${PARENT}/${FOLDER}/a.txt`);
    await dropOnPane(page, paneRow(page, 'remote', FOLDER), 'local');
    const inner = await innerEnded;
    assert.equal(inner.state, 'failed', JSON.stringify(inner));
    assert.equal(inner.lastError?.kind, 'local-io');
    assert.equal(inner.lastError?.message, `${file} is not a folder.`);
    assert.equal(inner.attempts, 1, 'not retried: nothing will change by trying again');
    assert.equal((await restEnded).state, 'done');
    await page.getByRole('tab', { name: /^Failed/ }).click();
    const row = page.locator('.qrow.failed').filter({ hasText: file });
    assert.equal(await row.locator('.q-status').innerText(), `${file} is not a folder.`);
    assert.ok(statSync(file).isFile());
    assert.equal(readFileSync(file, 'utf8'), 'a file of mine');
    assert.equal(readFileSync(join(work.home, FOLDER, 'a.txt'), 'utf8'), 'from the server');
    assert.deepEqual(pageProblems(page), []);
  });
});
