/**
 * ftps:// and ftpes:// links (main/app/protocol-links.ts), which the installers register: what a link
 * fills in, what is refused, that a password never comes through, finding the link on a command line as
 * each OS passes it, and holding a launch link until the window can take it.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LinkInbox, findFtpsLink, parseFtpsLink, type QuickConnectLink } from '../../main/app/protocol-links';

describe('parseFtpsLink', () => {
  it('ftps is implicit TLS on 990, ftpes explicit TLS on 21', () => {
    assert.deepEqual(parseFtpsLink('ftps://files.example.com'), {
      host: 'files.example.com',
      port: 990,
      mode: 'implicit',
      user: '',
      remotePath: null,
      passwordIgnored: false,
    });
    assert.deepEqual(parseFtpsLink('FTPES://Files.Example.com/'), {
      host: 'files.example.com',
      port: 21,
      mode: 'explicit',
      user: '',
      remotePath: null,
      passwordIgnored: false,
    });
  });

  it('takes the user, port and path, decoded', () => {
    assert.deepEqual(parseFtpsLink('ftpes://ann%40corp@ftp.example.org:2121/pub/r%C3%A9sum%C3%A9s/;type=i'), {
      host: 'ftp.example.org',
      port: 2121,
      mode: 'explicit',
      user: 'ann@corp',
      remotePath: '/pub/résumés/',
      passwordIgnored: false,
    });
  });

  it('accepts IPv4 and IPv6 hosts (brackets removed)', () => {
    assert.equal(parseFtpsLink('ftps://192.0.2.7:9990')?.host, '192.0.2.7');
    const v6 = parseFtpsLink('ftpes://[2001:db8::1]:2121/x');
    assert.equal(v6?.host, '2001:db8::1');
    assert.equal(v6?.port, 2121);
  });

  it('never carries a password through, and says one was dropped', () => {
    const link = parseFtpsLink('ftps://ann:hunter2@files.example.com/');
    assert.ok(link);
    assert.equal(link.passwordIgnored, true);
    assert.equal(link.user, 'ann');
    assert.doesNotMatch(JSON.stringify(link), /hunter2/);
  });

  it('ignores query and fragment', () => {
    assert.equal(parseFtpsLink('ftps://h.example/dir?connect=1#now')?.remotePath, '/dir');
  });

  it('refuses what is not a well-formed ftps/ftpes link', () => {
    const refused = [
      '',
      'ftp://plain.example.com',
      'sftp://host.example.com',
      'https://example.com',
      'ftps:host.example.com',
      'ftps://',
      'ftps://user@',
      'ftps://host.example.com:0',
      'ftps://host.example.com:65536',
      'ftps://host.example.com:port',
      'ftps://bad%20host',
      'ftps://ho%0ast',
      'ftps://ann%0d%0aDELE%20x@host.example.com', // CR/LF would inject FTP commands
      'ftps://host.example.com/a%0d%0aRMD%20b',
      'ftps://host.example.com/%E0%A4%A', // broken percent-encoding
      `ftps://host.example.com/${'a'.repeat(3000)}`,
      ' ftps://host.example.com',
    ];
    for (const link of refused) assert.equal(parseFtpsLink(link), null, JSON.stringify(link));
  });
});

describe('findFtpsLink', () => {
  it('finds the link on each OS command line, among Chromium switches', () => {
    // Windows, as build/installer.nsh registers it.
    assert.equal(findFtpsLink(['C:\\Program Files\\Wharf\\Wharf.exe', '--', 'ftps://h.example/']), 'ftps://h.example/');
    // Linux .desktop file (`wharf %U`), and the argv of a second instance with switches added.
    assert.equal(findFtpsLink(['/opt/Wharf/wharf', 'ftpes://h.example']), 'ftpes://h.example');
    assert.equal(
      findFtpsLink(['/opt/Wharf/wharf', '--allow-file-access-from-files', '--original-process-start-time=1', 'FTPS://h.example/x']),
      'FTPS://h.example/x',
    );
    // Development: `electron . <link>`.
    assert.equal(findFtpsLink(['/usr/bin/electron', '.', 'ftps://h.example']), 'ftps://h.example');
  });

  it('finds nothing when no argument is a link', () => {
    assert.equal(findFtpsLink(['/opt/Wharf/wharf']), null);
    assert.equal(findFtpsLink(['/opt/Wharf/wharf', '--inspect=9229', 'https://example.com', 'ftps:/one-slash']), null);
  });
});

describe('LinkInbox', () => {
  it('keeps the launch link until the renderer is ready, then delivers it once', () => {
    const delivered: QuickConnectLink[] = [];
    const inbox = new LinkInbox((link) => delivered.push(link));
    assert.equal(inbox.offer(['/opt/Wharf/wharf', 'ftps://first.example'])?.host, 'first.example');
    assert.equal(inbox.offer('ftpes://second.example')?.host, 'second.example');
    assert.equal(delivered.length, 0, 'nothing before the renderer is ready');
    inbox.rendererReady();
    assert.deepEqual(delivered.map((l) => l.host), ['second.example'], 'the newest link wins');
    inbox.rendererReady();
    assert.equal(delivered.length, 1, 'delivered once');
  });

  it('delivers at once while the renderer is up, and holds again after it is gone', () => {
    const delivered: string[] = [];
    const inbox = new LinkInbox((link) => delivered.push(link.host));
    inbox.rendererReady();
    inbox.offer('ftps://now.example');
    assert.deepEqual(delivered, ['now.example']);
    inbox.rendererGone();
    inbox.offer('ftps://later.example');
    assert.deepEqual(delivered, ['now.example']);
    inbox.rendererReady();
    assert.deepEqual(delivered, ['now.example', 'later.example']);
  });

  it('ignores arguments and links it cannot use', () => {
    const delivered: unknown[] = [];
    const inbox = new LinkInbox((link) => delivered.push(link));
    inbox.rendererReady();
    assert.equal(inbox.offer(['/opt/Wharf/wharf', '--no-sandbox']), null);
    assert.equal(inbox.offer('ftps://bad%0ahost'), null);
    assert.deepEqual(delivered, []);
  });
});
