/**
 * The command line's language against real servers (#19): which variable decides (POSIX order: LC_ALL over
 * LC_MESSAGES over LANG; `C` and `POSIX` are English), and a real server's refusal printed in German and
 * Japanese (a wrong password on `wharf ls`, a missing file on `wharf get`) against the fleet's vsftpd.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { writeServerFile } from '../servers/fleet';
import { cliWorkspace, runWharfIn, serverUrl, type TerminalLanguage } from './support';

const { fleet, work, caFile } = await cliWorkspace('wharf-cli-language-servers');
const server = fleet.servers['vsftpd-explicit'];

function runWith(language: TerminalLanguage, args: string[], env: Record<string, string> = {}) {
  return runWharfIn(language, args, { WHARF_DATA_DIR: join(work, 'data'), ...env });
}

const UNKNOWN_EN = /Unknown command "frobnicate"\. Run wharf --help\./;
const UNKNOWN_DE = /Unbekannter Befehl „frobnicate“\. Rufen Sie wharf --help auf\./;

describe('which variable decides the language', () => {
  test('LC_ALL overrides LANG and LC_MESSAGES', async () => {
    const result = await runWith({ LC_ALL: 'de_DE.UTF-8', LC_MESSAGES: 'en_US.UTF-8', LANG: 'en_US.UTF-8' }, ['frobnicate']);
    assert.equal(result.code, 2);
    assert.match(result.stderr, UNKNOWN_DE);
  });

  test('LC_ALL=C overrides a German LANG: English', async () => {
    const result = await runWith({ LC_ALL: 'C', LANG: 'de_DE.UTF-8' }, ['frobnicate']);
    assert.equal(result.code, 2);
    assert.match(result.stderr, UNKNOWN_EN);
  });

  test('LC_MESSAGES is honoured when LC_ALL is unset, over LANG', async () => {
    const result = await runWith({ LC_MESSAGES: 'de_DE.UTF-8', LANG: 'en_US.UTF-8' }, ['frobnicate']);
    assert.equal(result.code, 2);
    assert.match(result.stderr, UNKNOWN_DE);
  });

  test('LANG decides when neither LC_ALL nor LC_MESSAGES is set', async () => {
    const result = await runWith({ LANG: 'de_DE.UTF-8' }, ['frobnicate']);
    assert.match(result.stderr, UNKNOWN_DE);
  });

  for (const lang of ['C', 'POSIX', 'C.UTF-8']) {
    test(`LANG=${lang} is English`, async () => {
      const result = await runWith({ LANG: lang }, ['frobnicate']);
      assert.equal(result.code, 2);
      assert.match(result.stderr, UNKNOWN_EN);
    });
  }
});

describe('a real server\'s refusal in the terminal\'s language', () => {
  // The server's own reply ("Login incorrect.", "Could not get file size.") stays as the server said it; Wharf's words around it are translated.
  const english = /Login refused|Not logged in|does not exist|transfers failed/;
  const languages = [
    {
      lang: 'de_DE.UTF-8',
      login: /^wharf: Anmeldung abgelehnt: [^\n]*\(Nicht angemeldet: Benutzername oder Passwort ist falsch/m,
      missing: /550 [^\n]*\(Die Datei oder das Verzeichnis existiert nicht, oder Sie haben keine Berechtigung dafür\.\)/,
    },
    {
      lang: 'ja_JP.UTF-8',
      login: /^wharf: ログインが拒否されました: [^\n]*\(ログインしていません: ユーザー名またはパスワードが間違っている/m,
      missing: /550 [^\n]*\(ファイルまたはディレクトリが存在しないか、アクセスするパーミッションがありません。\)/,
    },
  ];
  for (const { lang, login, missing } of languages) {
    test(`wharf ls with a wrong password, LANG=${lang}`, async () => {
      const result = await runWith({ LANG: lang }, ['ls', serverUrl(server), '--ca', caFile], { WHARF_PASSWORD: 'wrong-password-123' });
      assert.equal(result.code, 3);
      assert.match(result.stderr, login);
      assert.doesNotMatch(result.stderr, english);
      assert.ok(!result.stderr.includes('wrong-password-123'));
    });

    test(`wharf get of a missing file, LANG=${lang}`, async () => {
      const result = await runWith({ LANG: lang }, ['get', serverUrl(server, '/no-such-file-here.txt'), join(work, 'absent.txt'), '--ca', caFile], { WHARF_PASSWORD: server.password });
      assert.notEqual(result.code, 0);
      // Each line that carries the reply (the file's own, the summary's) has its words in the language.
      const replyLines = result.stderr.split('\n').filter((line) => line.includes('550 '));
      assert.ok(replyLines.length > 0, result.stderr);
      for (const line of replyLines) assert.match(line, missing);
      assert.doesNotMatch(result.stderr, english);
    });
  }
});

test('the plain-FTP warning in the terminal\'s language, printed once for a folder fetched on four connections', async () => {
  const plain = fleet.servers['vsftpd-plain'];
  for (const name of ['a', 'b', 'c', 'd', 'e']) writeServerFile(plain, `/plain-warning/${name}.txt`, name);
  for (const [lang, warning] of [['de_DE.UTF-8', /^wharf: Warnung: einfaches FTP: Passwort und Dateien werden unverschlüsselt übertragen$/gm], ['ja_JP.UTF-8', /^wharf: 警告: 平文の FTP です。/gm]] as const) {
    const local = join(work, `plain-${lang}`);
    const result = await runWith({ LANG: lang }, ['get', '-r', serverUrl(plain, '/plain-warning'), local, '--allow-plain', '--parallel', '4', '-q'], { WHARF_PASSWORD: plain.password });
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stderr.match(warning)?.length, 1, result.stderr);
  }
});
