/**
 * The one rule for logging in (main/connections): where the password comes from, when plain FTP is
 * allowed (and announced), and the upload default, for a saved site and for a quick connection or URL.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { SiteProfile } from '../../common/models/site-profile';
import { connectionForSite, connectionForUrl, plainFtpWarning } from '../../main/connections/connection-rule';
import { isWharfError } from '../../main/core/errors';

function site(overrides: Partial<SiteProfile> = {}): SiteProfile {
  return {
    id: '7f3c2a52-3a4e-4a57-9d0c-1b2c3d4e5f60', name: 'Box', folderPath: [], protocol: 'explicit', host: 'ftp.example.net', port: 21,
    portFollowsProtocol: true, user: 'alice', passwordStorage: 'keychain', hasPassword: true, dataMode: 'passive', localDir: '', remoteDir: '',
    encoding: 'utf8', maxConnections: 3, timezoneOffsetMinutes: 0, minTlsVersion: 'TLSv1.2', uploadViaTemporaryName: false, keepModifiedTimes: true, segments: 4, clientCertPath: '',
    clientKeyPath: '', proxyMode: 'app', proxyUrl: '', allowClearData: false, comments: '', createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}

const saved = (password: string | null) => async () => password;

describe('connectionForSite', () => {
  it('takes a typed password over the saved one, and the saved one over asking', async () => {
    let asked = 0;
    const ask = async () => { asked += 1; return 'asked'; };
    assert.equal((await connectionForSite(site(), { typed: 'typed', getPassword: saved('saved'), ask })).options.password, 'typed');
    assert.equal((await connectionForSite(site(), { getPassword: saved('saved'), ask })).options.password, 'saved');
    assert.equal(asked, 0);
    assert.equal((await connectionForSite(site({ passwordStorage: 'ask' }), { getPassword: saved('saved'), ask })).options.password, 'asked');
  });

  it('logs an anonymous site in without a password and refuses a named user nobody gave one for', async () => {
    assert.equal((await connectionForSite(site({ user: 'Anonymous', passwordStorage: 'ask' }), { getPassword: saved(null) })).options.password, '');
    await assert.rejects(connectionForSite(site({ passwordStorage: 'ask' }), { getPassword: saved(null) }), (err) => isWharfError(err, 'invalid-input') && err.detail?.reason === 'password-required');
  });

  it('allows plain FTP only for a plain site, with the warning, and keeps the site\'s queue settings', async () => {
    const warnings: string[] = [];
    const plain = await connectionForSite(site({ protocol: 'plain' }), { getPassword: saved('pw'), onPlainFtp: (w) => warnings.push(w) });
    assert.equal(plain.options.allowPlain, true);
    assert.deepEqual(warnings, [plainFtpWarning()]);
    const secure = await connectionForSite(site(), { getPassword: saved('pw'), onPlainFtp: (w) => warnings.push(w) });
    assert.equal(secure.options.allowPlain, false);
    assert.equal(warnings.length, 1);
    assert.deepEqual([secure.siteKey, secure.label, secure.maxConnections, secure.uploadViaTemporaryName], [site().id, 'Box', 3, false]);
  });
});

describe('connectionForUrl', () => {
  it('fills the defaults a FileZilla user expects and uploads via a temporary name', async () => {
    const connection = await connectionForUrl({ host: 'h', mode: 'implicit', user: 'bob' }, { siteKey: 'quick:1', typed: 'pw' });
    assert.deepEqual(connection.options.target, { host: 'h', port: 990, mode: 'implicit', user: 'bob', dataMode: 'passive', minTlsVersion: 'TLSv1.2', timezoneOffsetMinutes: 0, encoding: 'utf8' });
    assert.equal(connection.uploadViaTemporaryName, true);
    assert.equal(connection.label, 'bob@h');
  });

  it('allows plain FTP only when the user said so', async () => {
    const warnings: string[] = [];
    const refused = await connectionForUrl({ host: 'h', mode: 'plain', user: 'bob' }, { siteKey: 'q', typed: 'pw', onPlainFtp: (w) => warnings.push(w) });
    const allowed = await connectionForUrl({ host: 'h', mode: 'plain', user: 'bob', allowPlain: true }, { siteKey: 'q', typed: 'pw' });
    assert.deepEqual([refused.options.allowPlain, allowed.options.allowPlain], [false, true]);
    assert.deepEqual(warnings, [plainFtpWarning()]);
  });

  it('gives an anonymous user the anonymous password before asking anyone', async () => {
    const connection = await connectionForUrl({ host: 'h', user: 'anonymous' }, { siteKey: 'q', ask: async () => assert.fail('asked') });
    assert.equal(connection.options.password, 'anonymous@');
  });
});
