import assert from 'node:assert/strict';
import { Buffer } from 'node:buffer';
import { mkdtempSync, readdirSync, readFileSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, test } from 'node:test';
import { downloadFile } from '../../main/transfers/file-download';
import { WharfError } from '../../main/core/errors';
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

  test('double-byte legacy charsets round-trip, including Shift_JIS trail bytes that are ASCII', () => {
    const sjis = controlCharset('Shift_JIS');
    assert.equal(sjis.socketEncoding, 'latin1');
    // 表 and ソ end in 0x5C, the byte of a backslash: a translation that worked on characters of the wrong width would split them.
    const wire = sjis.encode('表ソ ｶﾅ.txt');
    assert.deepEqual(Buffer.from(wire, 'latin1'), Buffer.from([0x95, 0x5c, 0x83, 0x5c, 0x20, 0xb6, 0xc5, 0x2e, 0x74, 0x78, 0x74]));
    assert.equal(sjis.decode(wire), '表ソ ｶﾅ.txt');
    assert.deepEqual(Buffer.from(controlCharset('gbk').encode('报告'), 'latin1'), Buffer.from([0xb1, 0xa8, 0xb8, 0xe6]));
    assert.deepEqual(Buffer.from(controlCharset('big5').encode('報告'), 'latin1'), Buffer.from([0xb3, 0xf8, 0xa7, 0x69]));
    assert.deepEqual(Buffer.from(controlCharset('euc-kr').encode('보고서'), 'latin1'), Buffer.from([0xba, 0xb8, 0xb0, 0xed, 0xbc, 0xad]));
    assert.deepEqual(Buffer.from(controlCharset('euc-jp').encode('ｶ表'), 'latin1'), Buffer.from([0x8e, 0xb6, 0xc9, 0xbd]));
    // Of the two Shift_JIS codes for 纊 (NEC-selected 0xED40, IBM 0xFA5C), the WHATWG encoder writes the IBM one.
    assert.deepEqual(Buffer.from(sjis.encode('纊'), 'latin1'), Buffer.from([0xfa, 0x5c]));
    // What the decoders read beyond two bytes is written back too: GB18030's four-byte sequences (which
    // WHATWG also reads for "gbk") and EUC-JP's JIS X 0212 row.
    assert.deepEqual(Buffer.from(controlCharset('gbk').encode('𠀀ü'), 'latin1'), Buffer.from([0x95, 0x32, 0x82, 0x36, 0xa8, 0xb9]));
    assert.equal(controlCharset('euc-jp').decode(controlCharset('euc-jp').encode('ά')), 'ά');
    assert.throws(() => sjis.encode('보'), (err: unknown) => err instanceof WharfError && /cannot be written/.test(err.message));
  });

  test('UTF-8 needs no translation; stateful, UTF-16 and unknown charsets are refused clearly', () => {
    assert.equal(controlCharset('utf8').encode('名前'), '名前');
    for (const label of ['iso-2022-jp', 'utf-16le']) {
      assert.throws(() => controlCharset(label), (err: unknown) => err instanceof WharfError && err.kind === 'invalid-input' && /cannot carry FTP commands/.test(err.message), label);
    }
    assert.throws(() => controlCharset('klingon'), (err: unknown) => err instanceof WharfError && /Unknown charset/.test(err.message));
    assert.throws(() => controlCharset('windows-1251').encode('名'), (err: unknown) => err instanceof WharfError && /cannot be written/.test(err.message));
  });

  test('a server with Shift_JIS file names is listed, renamed, downloaded and uploaded to by name', async () => {
    const fleet = await useFleet();
    const server = fleet.servers['vsftpd-explicit'];
    const folder = `sjis-${Date.now()}`;
    // 報告表.txt in Shift_JIS, as on an old Japanese Windows server: 表 is 0x95 0x5C.
    const rawName = Buffer.from([0x95, 0xf1, 0x8d, 0x90, 0x95, 0x5c, 0x2e, 0x74, 0x78, 0x74]);
    writeServerFile(server, `${folder}/placeholder`, 'shift_jis');
    const folderPath = join(server.root, folder);
    renameSync(join(folderPath, 'placeholder'), Buffer.concat([Buffer.from(`${folderPath}/`), rawName]));
    const { session } = await openSession(fleet, server, { targetOverrides: { encoding: 'shift_jis' } });
    try {
      assert.deepEqual((await session.list(`/${folder}`)).map((e) => e.name), ['報告表.txt']);
      await session.rename(`/${folder}/報告表.txt`, `/${folder}/ソ.txt`);
      const local = join(mkdtempSync(join(tmpdir(), 'wharf-cs-')), 'report.txt');
      await downloadFile(session, `/${folder}/ソ.txt`, local);
      assert.equal(readFileSync(local, 'utf8'), 'shift_jis');
      await session.upload(Readable.from([Buffer.from('uploaded')]), `/${folder}/新しい.txt`);
      // On the server's disk the names are Shift_JIS bytes: ソ.txt and 新しい.txt.
      const onDisk = readdirSync(Buffer.from(folderPath), { encoding: 'buffer' }).map((n) => n.toString('hex')).sort();
      assert.deepEqual(onDisk, [Buffer.from([0x83, 0x5c, 0x2e, 0x74, 0x78, 0x74]), Buffer.from([0x90, 0x56, 0x82, 0xb5, 0x82, 0xa2, 0x2e, 0x74, 0x78, 0x74])].map((b) => b.toString('hex')).sort());
    } finally {
      await session.close();
    }
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
