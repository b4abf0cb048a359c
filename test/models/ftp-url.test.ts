/**
 * The one ftp/ftps/ftpes URL reader (common/models/ftp-url.ts) that the command line and the protocol
 * links share: schemes and their default ports, absolute paths, %-decoding, user info, ports, IPv6.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isFtpUrl, parseFtpUrl, type FtpUrl, type FtpUrlProblem } from '../../common/models/ftp-url';

function url(text: string, options?: { readPassword?: boolean }): FtpUrl {
  const result = parseFtpUrl(text, options);
  assert.ok(result.ok, `${text}: ${JSON.stringify(result)}`);
  return result.url;
}

function problem(text: string): FtpUrlProblem {
  const result = parseFtpUrl(text);
  assert.ok(!result.ok, `${text} parsed`);
  return result.problem;
}

describe('parseFtpUrl', () => {
  it('gives each scheme its mode and default port, whatever the case of the scheme', () => {
    assert.deepEqual([url('ftpes://h/').mode, url('ftpes://h/').port], ['explicit', 21]);
    assert.deepEqual([url('FTPS://h/').mode, url('FTPS://h/').port], ['implicit', 990]);
    assert.deepEqual([url('ftp://h/').mode, url('ftp://h/').port], ['plain', 21]);
    assert.equal(url('ftps://h:2990/').port, 2990);
  });

  it('reads the path as absolute from the server root, %-decoded, without query or fragment', () => {
    assert.equal(url('ftpes://h').path, '/');
    assert.equal(url('ftpes://h/pub/my%20file.txt?x=1#top').path, '/pub/my file.txt');
    assert.equal(url('ftpes://h//abs/%2Fetc').path, '//abs//etc');
    assert.equal(url('ftpes://h/%C3%A9t%C3%A9').path, '/été');
  });

  it('decodes the user info and notes a password without reading it when asked', () => {
    const parts = url('ftpes://ann%40corp:p%3Ass@h/');
    assert.deepEqual([parts.user, parts.password, parts.hasPassword], ['ann@corp', 'p:ss', true]);
    assert.deepEqual([url('ftpes://h/').user, url('ftpes://h/').password, url('ftpes://h/').hasPassword], ['', null, false]);
    const ignored = url('ftpes://ann:%E0%A4%A@h/', { readPassword: false });
    assert.deepEqual([ignored.password, ignored.hasPassword], [null, true]);
  });

  it('takes an IPv6 host in brackets and gives it without them', () => {
    const parts = url('ftpes://alice@[::1]:2121/x');
    assert.deepEqual([parts.host, parts.port, parts.path], ['::1', 2121, '/x']);
  });

  it('says why a text is not an FTP URL', () => {
    assert.deepEqual(problem('not a url'), { reason: 'not-a-url' });
    assert.deepEqual(problem('http://h/'), { reason: 'unknown-scheme', scheme: 'http:' });
    assert.deepEqual(problem('ftpes:///path'), { reason: 'no-host' });
    assert.deepEqual(problem('ftpes://h:0/'), { reason: 'bad-port' });
    assert.deepEqual(problem('ftpes://h:65536/'), { reason: 'not-a-url' });
    assert.deepEqual(problem('ftpes://h/%E0%A4%A'), { reason: 'malformed-escape', part: 'path' });
    assert.deepEqual(problem('ftpes://a%0D%0APASS%20x@h/'), { reason: 'control-character', part: 'user name' });
    assert.deepEqual(problem('ftpes://u:p%0Ax@h/'), { reason: 'control-character', part: 'password' });
  });

  it('recognises the three schemes and nothing else', () => {
    assert.deepEqual(['ftp://h', 'FTPES://h', 'ftps://h', 'sftp://h', 'ftpes:h', '/ftp://h'].map(isFtpUrl), [true, true, true, false, false, false]);
  });
});
