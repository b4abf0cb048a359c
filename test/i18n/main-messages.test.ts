/**
 * Main's messages follow the chosen language: the same failure reads in English, German, Japanese or the
 * pseudo-locale, and the server's own words stay as the server sent them.
 */
import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { FTPError } from 'basic-ftp';
import { setUiLocale } from '../../common/i18n/t';
import { toWharfError } from '../../main/ftps/error-mapping';

function refused(): Error {
  return Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:990'), { code: 'ECONNREFUSED' });
}

describe("main's errors in the chosen language", () => {
  afterEach(() => setUiLocale('en'));

  it('says a refused connection in each language, with the implicit-port hint where it applies', () => {
    setUiLocale('en');
    assert.equal(toWharfError(refused(), { phase: 'connect', mode: 'implicit' }).message, 'The server refused the connection: nothing listens on that port (implicit FTPS usually uses port 990).');
    setUiLocale('de-DE');
    assert.equal(toWharfError(refused(), { phase: 'connect', mode: 'explicit' }).message, 'Der Server hat die Verbindung abgelehnt: An diesem Port wartet kein Dienst.');
    setUiLocale('ja_JP.UTF-8');
    assert.match(toWharfError(refused(), { phase: 'connect', mode: 'implicit' }).message, /^サーバーが接続を拒否しました.*ポート 990/);
  });

  it("keeps the server's reply word for word inside the translated sentence", () => {
    setUiLocale('de');
    const error = toWharfError(new FTPError({ code: 530, message: '530 Login incorrect.' }), { phase: 'login', mode: 'explicit' });
    assert.equal(error.message, 'Anmeldung abgelehnt: Login incorrect.');
    setUiLocale('en-XA');
    const pseudo = toWharfError(new FTPError({ code: 530, message: '530 Login incorrect.' }), { phase: 'login', mode: 'explicit' }).message;
    assert.ok(pseudo.startsWith('[') && pseudo.endsWith(']') && pseudo.includes('Login incorrect.'), pseudo);
  });
});
