/**
 * `wharf site import FILE --dry-run` in a Japanese terminal (LANG=ja_JP.UTF-8): the real launcher previews
 * the realistic files the importer tests read, and what is skipped and why, and each site's notes, are in
 * Japanese. A dry run saves nothing, so the data folder stays empty.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ensureCliBuilt, projectRoot, runWharfIn } from './launcher';

const fixtures = join(projectRoot, 'test', 'sites', 'fixtures');
const work = mkdtempSync(join(tmpdir(), 'wharf-cli-import-language-'));
const dataDir = join(work, 'data');

before(ensureCliBuilt);

after(() => rmSync(work, { recursive: true, force: true }));

/** Runs the real launcher in a terminal whose language is `lang` (LC_ALL and LC_MESSAGES unset, so LANG decides). */
const runIn = (lang: string, args: string[]) => runWharfIn({ LANG: lang }, args, { WHARF_DATA_DIR: dataDir });

describe('wharf site import --dry-run in Japanese', () => {
  test("a WinSCP.ini: skipped sites and each site's notes in Japanese", async () => {
    const result = await runIn('ja_JP.UTF-8', ['site', 'import', join(fixtures, 'winscp-6.3-WinSCP.ini'), '--dry-run']);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /^ {2}Work\/Bucket: Amazon S3 のサイトには対応していません: Wharf が扱えるのは FTP と FTPS だけです。$/m);
    assert.match(result.stdout, /^ {2}Work\/No host: このサイトにはホストがありません。$/m);
    assert.match(result.stdout, /^ {2}My workspace\/0000: これは保存された WinSCP のワークスペースのタブで、サイトではありません。$/m);
    assert.match(result.stdout, /^ {2}Plain mirror: このサイトは平文の FTP を使います: パスワードとファイルは暗号化されずに送られます。$/m);
    assert.match(result.stdout, /^ {2}Mainframe: このサイトの TLS クライアント証明書はインポートしませんでした。サイトマネージャーで追加してください。$/m);
    assert.match(result.stdout, /^ {2}Work\/Client A\/Old archive: WinSCP はここでファイル名に Windows の ANSI コードページを使っていました。/m);
    assert.doesNotMatch(result.stdout, /sites are not supported|travel unencrypted|was not imported/);
    assert.equal(existsSync(join(dataDir, 'sites.json')), false, 'a dry run writes nothing');
  });

  test("FileZilla's sitemanager.xml and a folder of Cyberduck bookmarks: reasons and notes in Japanese", async () => {
    const filezilla = await runIn('ja_JP.UTF-8', ['site', 'import', join(fixtures, 'filezilla-3.66-sitemanager.xml'), '--dry-run']);
    assert.equal(filezilla.code, 0, filezilla.stderr);
    assert.match(filezilla.stdout, /^ {2}Work\/Shell box: SFTP \(SSH\) のサイトには対応していません: Wharf が扱えるのは FTP と FTPS だけです。$/m);
    assert.match(filezilla.stdout, /^ {2}Work\/Vault \(master password\): このパスワードは FileZilla のマスターパスワードで保護されていて読めません。最初の接続時に入力してください。$/m);
    assert.match(filezilla.stdout, /^ {2}Work\/Clients\/ACME - Partners\/ACME mirror: 1 サイトあたりの接続は最大 10 です: 上限 25 は 10 になりました。$/m);

    const cyberduck = await runIn('ja_JP.UTF-8', ['site', 'import', join(fixtures, 'cyberduck-bookmarks'), '--dry-run']);
    assert.equal(cyberduck.code, 0, cyberduck.stderr);
    assert.match(cyberduck.stdout, /^ {2}broken\.duck: Cyberduck のブックマークではありません: このファイルは有効な XML ではありません: ルート要素の外にあるテキスト \(1 行、1 列\)。$/m);
    assert.match(cyberduck.stdout, /^ {2}Europa\/Intranet DAV: WebDAV \(HTTPS\) のブックマークには対応していません: Wharf が扱えるのは FTP と FTPS だけです。$/m);
    assert.match(cyberduck.stdout, /^ {2}Clients\/ACME\/ACME deploy: このブックマークの TLS クライアント証明書はインポートしませんでした。サイトマネージャーで追加してください。$/m);
  });
});
