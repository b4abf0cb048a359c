/**
 * Charsets through the command line (issue #14, item 7), on two windows-1251 servers: pyftpdlib speaking
 * windows-1251, and vsftpd over names stored as windows-1251 bytes (it passes the bytes of its file system
 * through unchanged, as old Windows-born servers do).
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { chownSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { controlCharset } from '../../main/ftps/charset';
import type { ServerInfo } from '../servers/fleet';
import { cliWorkspace, runWharf, serverUrl } from './support';

const { fleet, work, caFile } = await cliWorkspace('wharf-cli-charset');

/** A path under the server's root whose names are written in `charset` on its disk, owned by the server's user. */
function writeInCharset(server: ServerInfo, charset: string, names: readonly string[], content: string): void {
  const { uid, gid } = statSync(server.root);
  let path = Buffer.from(server.root);
  names.forEach((name, i) => {
    const bytes = charset === 'utf-8' ? Buffer.from(name, 'utf8') : Buffer.from(controlCharset(charset).encode(name), 'latin1');
    path = Buffer.concat([path, Buffer.from('/'), bytes]);
    if (i < names.length - 1) mkdirSync(path, { recursive: true });
    else writeFileSync(path, content);
    chownSync(path, uid, gid);
  });
}

const servers = [
  { name: 'vsftpd-explicit', namesOnDisk: 'windows-1251', options: ['--ca', caFile] },
  { name: 'pyftpdlib-cp1251', namesOnDisk: 'utf-8', options: ['--allow-plain'] },
] as const;

for (const { name, namesOnDisk, options } of servers) {
  describe(`a windows-1251 server (${name})`, () => {
    const server = fleet.servers[name];
    const env = { WHARF_PASSWORD: server.password };
    const top = `cp1251-${randomBytes(4).toString('hex')}`;
    before(() => {
      writeInCharset(server, namesOnDisk, [top, 'Отчёты', 'Сводка.txt'], 'итоги квартала');
    });
    const fileUrl = serverUrl(server, `/${top}/${encodeURIComponent('Отчёты')}/${encodeURIComponent('Сводка.txt')}`);

    test('get with --charset windows-1251 fetches Отчёты/Сводка.txt', async () => {
      const target = join(work, 'with-charset.txt');
      const got = await runWharf(['get', fileUrl, target, '--charset', 'windows-1251', ...options], env);
      assert.equal(got.code, 0, got.stderr);
      assert.equal(readFileSync(target, 'utf8'), 'итоги квартала');
    });

    test('without --charset, the names that are not UTF-8 make wharf fall back, say so once, and the get works', async () => {
      const target = join(work, 'fallback.txt');
      const got = await runWharf(['get', fileUrl, target, ...options], env);
      assert.equal(got.code, 0, got.stderr);
      assert.equal(readFileSync(target, 'utf8'), 'итоги квартала');
      assert.equal(got.stderr.match(/not valid UTF-8/g)?.length, 1, got.stderr);
      assert.match(got.stderr, /read as windows-1251/);
    });

    test('ls without --charset shows the names, not U+FFFD, and suggests the charset', async () => {
      const ls = await runWharf(['ls', serverUrl(server, `/${top}`), ...options], env);
      assert.equal(ls.code, 0, ls.stderr);
      assert.match(ls.stdout, /Отчёты/);
      assert.doesNotMatch(ls.stdout, /\ufffd/);
      assert.match(ls.stderr, /windows-1251/);
    });

    test('a name the charset cannot write exits 7 (local files), not 2', async () => {
      const got = await runWharf(['get', serverUrl(server, `/${top}/${encodeURIComponent('名前.txt')}`), join(work, 'never.txt'), '--charset', 'windows-1251', ...options], env);
      assert.equal(got.code, 7, got.stderr);
      assert.match(got.stderr, /cannot be written in the charset windows-1251/);
    });

    test('an unknown charset is a usage error', async () => {
      const ls = await runWharf(['ls', serverUrl(server), '--charset', 'no-such-charset', ...options], env);
      assert.equal(ls.code, 2, ls.stderr);
      assert.match(ls.stderr, /Unknown charset "no-such-charset"/);
    });
  });
}
