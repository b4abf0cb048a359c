/**
 * Times from a server in another timezone (issue #14, item 5), against pyftpdlib in Asia/Tokyo that lists
 * with LIST only, in its local time, and answers MDTM in UTC.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { writeServerFile } from '../servers/fleet';
import { cliWorkspace, runWharf, serverUrl } from './support';

const { fleet, work } = await cliWorkspace('wharf-cli-timezone');
const server = fleet.servers['pyftpdlib-tokyo'];
const env = { WHARF_PASSWORD: server.password, WHARF_DATA_DIR: mkdtempSync(join(work, 'data-')) };
const folder = `/tz-${randomBytes(4).toString('hex')}`;
/** Two days ago, on a whole minute plus 30 s: recent enough for LIST to show the minute. */
const modified = new Date(Math.floor((Date.now() - 2 * 86_400_000) / 60_000) * 60_000 + 30_000);
const shown = (date: Date) => date.toISOString().slice(0, 16).replace('T', ' ');

before(() => {
  for (const name of ['a.txt', 'b.txt']) {
    const path = writeServerFile(server, `${folder}/${name}`, `contents of ${name}`);
    utimesSync(path, modified, modified);
  }
});

describe('a server that lists in Tokyo time', () => {
  test('ls detects the offset from LIST against MDTM, says so, and shows UTC times', async () => {
    const ls = await runWharf(['ls', serverUrl(server, folder), '--allow-plain'], env);
    assert.equal(ls.code, 0, ls.stderr);
    assert.match(ls.stdout, new RegExp(`${shown(modified)} a\\.txt`));
    assert.match(ls.stderr, /local time, UTC\+09:00/);
  });

  test('ls honours --timezone-offset, which also turns detection off', async () => {
    const asGiven = await runWharf(['ls', serverUrl(server, folder), '--allow-plain', '--timezone-offset=0'], env);
    assert.equal(asGiven.code, 0, asGiven.stderr);
    assert.match(asGiven.stdout, new RegExp(`${shown(new Date(modified.getTime() + 9 * 3_600_000))} a\\.txt`));
    assert.doesNotMatch(asGiven.stderr, /UTC\+09:00/);
    const corrected = await runWharf(['ls', serverUrl(server, folder), '--allow-plain', '--timezone-offset=540'], env);
    assert.match(corrected.stdout, new RegExp(`${shown(modified)} a\\.txt`));
  });

  test('info shows how listing times are read', async () => {
    const info = await runWharf(['info', serverUrl(server, folder), '--allow-plain'], env);
    assert.equal(info.code, 0, info.stderr);
    assert.match(info.stdout, /Listing times:\s+LIST, server clock 540 minutes ahead of UTC \(detected from MDTM\)/);
  });

  test('after sync down, a second sync finds nothing to do', async () => {
    const local = join(work, 'tokyo-copy');
    const first = await runWharf(['sync', local, serverUrl(server, folder), '--direction', 'down', '--allow-plain'], env);
    assert.equal(first.code, 0, first.stderr);
    assert.equal(Math.floor(statSync(join(local, 'a.txt')).mtimeMs / 1000), Math.floor(modified.getTime() / 1000), 'the local copy has the file\'s real time');
    const second = await runWharf(['sync', local, serverUrl(server, folder), '--direction', 'down', '--dry-run', '--allow-plain'], env);
    assert.equal(second.code, 0, second.stderr);
    assert.match(second.stdout, /Nothing to do: the folders match/);
  });

  test('sync warns when times differ by whole hours for files of the same size (offset given wrong)', async () => {
    const local = mkdtempSync(join(work, 'tokyo-same-'));
    for (const name of ['a.txt', 'b.txt']) {
      writeFileSync(join(local, name), `contents of ${name}`);
      utimesSync(join(local, name), modified, modified);
    }
    const plan = await runWharf(['sync', local, serverUrl(server, folder), '--direction', 'down', '--dry-run', '--timezone-offset=0', '--allow-plain'], env);
    assert.equal(plan.code, 0, plan.stderr);
    assert.match(plan.stdout, /Note: Every file that differs only in time is 540 minutes newer on the server: .*--timezone-offset=540/);
  });

  test('sync warns when times differ by whole hours and the offset is unknown (nothing set, nothing detected)', async () => {
    // Two days ago at 15:00:00 UTC is midnight in Tokyo: LIST shows "00:00", which an old file's date-only
    // line would show too, so no listing tells the offset (detection needs a file listed with its minute)
    // and none is given: the offset stays unknown, and the plan must say what the times suggest.
    const midnightInTokyo = new Date(Math.floor((Date.now() - 2 * 86_400_000) / 86_400_000) * 86_400_000 + 15 * 3_600_000);
    const unknown = `/tz-unknown-${randomBytes(4).toString('hex')}`;
    const local = mkdtempSync(join(work, 'tokyo-unknown-'));
    for (const name of ['c.txt', 'd.txt']) {
      utimesSync(writeServerFile(server, `${unknown}/${name}`, `contents of ${name}`), midnightInTokyo, midnightInTokyo);
      writeFileSync(join(local, name), `contents of ${name}`);
      utimesSync(join(local, name), midnightInTokyo, midnightInTokyo);
    }
    const plan = await runWharf(['sync', local, serverUrl(server, unknown), '--direction', 'down', '--dry-run', '--allow-plain'], env);
    assert.equal(plan.code, 0, plan.stderr);
    assert.doesNotMatch(plan.stderr, /UTC\+09:00/, 'no offset was detected');
    assert.match(plan.stdout, /Note: Every file that differs only in time is 540 minutes newer on the server: .*--timezone-offset=540/);
  });

  test('a saved site keeps the detected offset; site show says it', async () => {
    const dataDir = mkdtempSync(join(work, 'site-data-'));
    const siteEnv = { ...env, WHARF_DATA_DIR: dataDir };
    const add = await runWharf(['site', 'add', 'tokyo', '--url', serverUrl(server, folder), '--ask-password', '--allow-plain'], siteEnv);
    assert.equal(add.code, 0, add.stderr);
    assert.match(add.stdout, /Timezone offset:\s+0 min/);
    const ls = await runWharf(['ls', 'site:tokyo', '--allow-plain'], siteEnv);
    assert.equal(ls.code, 0, ls.stderr);
    assert.match(ls.stderr, /saved the timezone offset 540 minutes with the site tokyo/);
    assert.match((await runWharf(['site', 'show', 'tokyo'], siteEnv)).stdout, /Timezone offset:\s+540 min/);
  });
});
