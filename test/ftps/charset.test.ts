import assert from 'node:assert/strict';
import { Buffer } from 'node:buffer';
import { mkdtempSync, readFileSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { downloadFile, WharfError } from '../../main/ftps';
import { controlCharset } from '../../main/ftps/charset';
import { useFleet, writeServerFile } from '../servers/fleet';
import { openSession } from './support';

describe('control connection charsets', () => {
  test('a single-byte legacy charset round-trips through the Latin-1 socket', () => {
    const cp1251 = controlCharset('windows-1251');
    assert.equal(cp1251.socketEncoding, 'latin1');
    const wire = cp1251.encode('Отчёт.txt');
    assert.deepEqual(Buffer.from(wire, 'latin1'), Buffer.from([0xce, 0xf2, 0xf7, 0xb8, 0xf2, 0x2e, 0x74, 0x78, 0x74]));
    assert.equal(cp1251.decode(wire), 'Отчёт.txt');
  });

  test('UTF-8 needs no translation; multi-byte legacy and unknown charsets are refused clearly', () => {
    assert.equal(controlCharset('utf8').encode('名前'), '名前');
    assert.throws(() => controlCharset('shift_jis'), (err: unknown) => err instanceof WharfError && err.kind === 'invalid-input' && /several bytes/.test(err.message));
    assert.throws(() => controlCharset('klingon'), (err: unknown) => err instanceof WharfError && /Unknown charset/.test(err.message));
    assert.throws(() => controlCharset('windows-1251').encode('名'), (err: unknown) => err instanceof WharfError && /cannot be written/.test(err.message));
  });

  test('a server with windows-1251 file names is listed and downloaded by name', async () => {
    const fleet = await useFleet();
    const server = fleet.servers['vsftpd-explicit'];
    const folder = `cp1251-${Date.now()}`;
    // The file name's bytes on disk are windows-1251, as on an old Windows or Russian server.
    const rawName = Buffer.from([0xce, 0xf2, 0xf7, 0xb8, 0xf2, 0x2e, 0x74, 0x78, 0x74]).toString('latin1');
    writeServerFile(server, `${folder}/placeholder`, '');
    renameSync(join(server.root, folder, 'placeholder'), Buffer.concat([Buffer.from(`${join(server.root, folder)}/`), Buffer.from(rawName, 'latin1')]));
    const { session } = await openSession(fleet, server, { targetOverrides: { encoding: 'windows-1251' } });
    try {
      const names = (await session.list(`/${folder}`)).map((e) => e.name);
      assert.deepEqual(names, ['Отчёт.txt']);
      await session.rename(`/${folder}/Отчёт.txt`, `/${folder}/Отчёт-2.txt`);
      const local = join(mkdtempSync(join(tmpdir(), 'wharf-cs-')), 'report.txt');
      await downloadFile(session, `/${folder}/Отчёт-2.txt`, local);
      assert.equal(readFileSync(local, 'utf8'), '');
    } finally {
      await session.close();
    }
  });
});
