/**
 * Keeping modification times on upload (issue #14, "Time that is right"), against real pyftpdlib servers:
 * SITE UTIME where the server has no MFMT, and the per-site setting with its CLI flags. What was sent is
 * read from the server's own command log.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { serverLog, type ServerInfo } from '../servers/fleet';
import { cliWorkspace, runWharf, serverUrl } from './support';

const { fleet, work, caFile } = await cliWorkspace('wharf-cli-keep-times');

/** A time no test run could produce by itself: the server's "now" would differ from it. */
const LOCAL_TIME = new Date('2021-03-04T05:06:07Z');

function unique(prefix: string): string {
  return `${prefix}-${randomBytes(4).toString('hex')}`;
}

/** A local file with LOCAL_TIME as its modification time. */
function localFile(name: string): string {
  const dir = mkdtempSync(join(work, 'local-'));
  const path = join(dir, name);
  writeFileSync(path, `content of ${name}`);
  utimesSync(path, LOCAL_TIME, LOCAL_TIME);
  return path;
}

/** The server log's commands that set a time on a file whose name holds `name` (the temporary name included). */
function timeCommandsFor(server: ServerInfo, name: string): string[] {
  return serverLog(server)
    .split('\n')
    .filter((line) => line.includes(name) && /<- (MFMT|SITE UTIME) /i.test(line))
    .map((line) => line.slice(line.indexOf('<- ') + 3));
}

function serverMtime(server: ServerInfo, path: string): number {
  return statSync(join(server.root, path)).mtime.getTime();
}

describe('SITE UTIME where the server offers it and no MFMT', () => {
  const server = fleet.servers['pyftpdlib-utime'];

  test('an uploaded file gets the local modification time on the server', async () => {
    const name = `${unique('utime')}.txt`;
    const put = await runWharf(['put', localFile(name), serverUrl(server, `/${name}`), '--ca', caFile], { WHARF_PASSWORD: server.password });
    assert.equal(put.code, 0, put.stderr);
    assert.equal(serverMtime(server, name), LOCAL_TIME.getTime());
    const sent = timeCommandsFor(server, name);
    assert.equal(sent.length, 1, sent.join('\n'));
    assert.match(sent[0] ?? '', /^SITE UTIME 20210304050607 /);
  });
});

describe('the per-site "keep modification times" setting and --no-keep-times', () => {
  const server = fleet.servers['pyftpdlib-explicit'];
  const env = { WHARF_PASSWORD: server.password, WHARF_DATA_DIR: mkdtempSync(join(work, 'data-')) };

  test('put keeps the time by default (MFMT) and sends no time with --no-keep-times', async () => {
    const kept = `${unique('kept')}.txt`;
    const byDefault = await runWharf(['put', localFile(kept), serverUrl(server, `/${kept}`), '--ca', caFile], env);
    assert.equal(byDefault.code, 0, byDefault.stderr);
    assert.match(timeCommandsFor(server, kept).join('\n'), /^MFMT 20210304050607 /);
    assert.equal(serverMtime(server, kept), LOCAL_TIME.getTime());

    const notKept = `${unique('not-kept')}.txt`;
    const off = await runWharf(['put', localFile(notKept), serverUrl(server, `/${notKept}`), '--ca', caFile, '--no-keep-times'], env);
    assert.equal(off.code, 0, off.stderr);
    assert.deepEqual(timeCommandsFor(server, notKept), []);
    assert.notEqual(serverMtime(server, notKept), LOCAL_TIME.getTime());
  });

  test('a site saved with --no-keep-times sends no time; site edit --keep-times turns it back on', async () => {
    const site = unique('times-site');
    const add = await runWharf(['site', 'add', site, '--url', serverUrl(server, '/'), '--ask-password', '--no-keep-times'], env);
    assert.equal(add.code, 0, add.stderr);
    assert.match(add.stdout, /Upload times: +not kept/);

    const first = `${unique('site-off')}.txt`;
    const off = await runWharf(['put', localFile(first), `site:${site}/${first}`, '--ca', caFile], env);
    assert.equal(off.code, 0, off.stderr);
    assert.deepEqual(timeCommandsFor(server, first), []);

    const edit = await runWharf(['site', 'edit', site, '--keep-times'], env);
    assert.equal(edit.code, 0, edit.stderr);
    assert.match(edit.stdout, /Upload times: +kept/);
    const second = `${unique('site-on')}.txt`;
    const on = await runWharf(['put', localFile(second), `site:${site}/${second}`, '--ca', caFile], env);
    assert.equal(on.code, 0, on.stderr);
    assert.equal(timeCommandsFor(server, second).length, 1);
    assert.equal(serverMtime(server, second), LOCAL_TIME.getTime());
  });

  test('sync up --no-keep-times sends no time; without it the times are kept', async () => {
    const local = mkdtempSync(join(work, 'sync-'));
    const name = `${unique('synced')}.txt`;
    writeFileSync(join(local, name), 'synced');
    utimesSync(join(local, name), LOCAL_TIME, LOCAL_TIME);
    const remote = `/${unique('sync-off')}`;
    const off = await runWharf(['sync', local, serverUrl(server, remote), '--direction', 'up', '--ca', caFile, '--no-keep-times'], env);
    assert.equal(off.code, 0, off.stderr);
    assert.deepEqual(timeCommandsFor(server, name), []);
    assert.notEqual(serverMtime(server, `${remote}/${name}`), LOCAL_TIME.getTime());

    const again = mkdtempSync(join(work, 'sync-'));
    mkdirSync(join(again, 'sub'));
    const kept = `${unique('synced-kept')}.txt`;
    writeFileSync(join(again, 'sub', kept), 'kept');
    utimesSync(join(again, 'sub', kept), LOCAL_TIME, LOCAL_TIME);
    const on = await runWharf(['sync', again, serverUrl(server, `/${unique('sync-on')}`), '--direction', 'up', '--ca', caFile], env);
    assert.equal(on.code, 0, on.stderr);
    assert.equal(timeCommandsFor(server, kept).length, 1);
  });
});
