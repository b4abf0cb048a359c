/**
 * Properties of the command line's location parser (main/cli/url.ts): whatever a user, a script or a
 * pasted link gives it, it either returns a location the engine can use as it is (a host, a port that
 * exists, an absolute path, and no control character anywhere a command line to the server is built
 * from) or refuses with `invalid-input`: never another exception, never a CR/LF that would reach USER,
 * PASS or a path command.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { hasControlCharacters } from '../../common/models/site-profile';
import { isWharfError } from '../../main/core/errors';
import { isRemoteArgument, parseLocation } from '../../main/cli/url';

/** C0 controls and DEL, as hasControlCharacters defines them. */
const CONTROL = { test: hasControlCharacters };

/** Pieces of URLs that go wrong: escapes (valid, truncated, invalid UTF-8, encoded CR/LF/NUL), ports, brackets. */
const piece = fc.oneof(
  fc.constantFrom(
    'ftpes://', 'ftps://', 'ftp://', 'FTPES://', 'site:', 'http://', 'user', 'u:p', '@', ':', '::', '/', '//', '?', '#', '[', ']', '[::1]',
    'host', 'ftp.example.com', '127.0.0.1', ':0', ':21', ':65535', ':65536', ':99999', ':-1', '%', '%2', '%25', '%2F', '%0A', '%0D%0A', '%00',
    '%E0%A4%A', '%FF', '%C3%A9', 'é', '\u202e', ' ', '\t', '\r\n', 'PASS x', '..', '%2e%2e',
  ),
  fc.string({ maxLength: 6 }),
);
const argument = fc.oneof(fc.string({ maxLength: 60 }), fc.array(piece, { maxLength: 12 }).map((p) => p.join('')));

describe('parseLocation', () => {
  test('either refuses with invalid-input or gives a location with no control character, a real port and an absolute path (property)', () => {
    fc.assert(
      fc.property(argument, (arg) => {
        let location: ReturnType<typeof parseLocation>;
        try {
          location = parseLocation(arg);
        } catch (err) {
          assert.ok(isWharfError(err, 'invalid-input'), `${JSON.stringify(arg)} threw ${String(err)}`);
          return;
        }
        assert.ok(location.path.startsWith('/'), `${JSON.stringify(arg)}: path ${JSON.stringify(location.path)}`);
        assert.ok(!CONTROL.test(location.path));
        if (location.kind === 'site') {
          assert.ok(location.siteName.length > 0 && !CONTROL.test(location.siteName), `${JSON.stringify(arg)}: site ${JSON.stringify(location.siteName)}`);
          return;
        }
        assert.ok(location.host.length > 0 && !/[\s/@]/.test(location.host), `${JSON.stringify(arg)}: host ${JSON.stringify(location.host)}`);
        assert.ok(Number.isInteger(location.port) && location.port >= 1 && location.port <= 65535, `${JSON.stringify(arg)}: port ${location.port}`);
        assert.ok(!CONTROL.test(location.user), `${JSON.stringify(arg)}: user ${JSON.stringify(location.user)}`);
        assert.ok(location.password === null || !CONTROL.test(location.password), `${JSON.stringify(arg)}: a password with a control character`);
      }),
      { numRuns: 3000 },
    );
  });

  test('a URL built from any user, password, host, port and path parses back to the same parts (property)', () => {
    const text = fc.string({ minLength: 1, maxLength: 20 }).filter((s) => !CONTROL.test(s));
    const host = fc.oneof(fc.domain(), fc.ipV4(), fc.ipV6().map((ip) => `[${ip}]`));
    const segment = fc.string({ minLength: 1, maxLength: 12 }).filter((s) => !CONTROL.test(s) && s !== '.' && s !== '..');
    fc.assert(
      fc.property(fc.constantFrom('ftpes', 'ftps', 'ftp'), text, fc.option(text, { nil: null }), host, fc.integer({ min: 1, max: 65535 }), fc.array(segment, { maxLength: 4 }), (scheme, user, password, hostPart, port, segments) => {
        const auth = `${encodeURIComponent(user)}${password === null ? '' : `:${encodeURIComponent(password)}`}`;
        const path = `/${segments.map(encodeURIComponent).join('/')}`;
        const location = parseLocation(`${scheme}://${auth}@${hostPart}:${port}${path}`);
        assert.equal(location.kind, 'url');
        if (location.kind !== 'url') return;
        assert.equal(location.mode, scheme === 'ftpes' ? 'explicit' : scheme === 'ftps' ? 'implicit' : 'plain');
        assert.equal(location.user, user);
        assert.equal(location.password, password === '' ? null : password);
        assert.equal(location.port, port);
        assert.equal(location.path, `/${segments.join('/')}`);
        assert.ok(isRemoteArgument(`${scheme}://${auth}@${hostPart}:${port}${path}`));
      }),
      { numRuns: 1000 },
    );
  });

  test('an error never repeats the password of the URL it refuses (property)', () => {
    const secret = fc.string({ minLength: 6, maxLength: 16 }).filter((s) => /^[A-Za-z0-9]+$/.test(s));
    const broken = fc.constantFrom('ho st', '', 'host:0', 'host:99999', 'host/%E0%A4%A', 'host/a%0Ab', '[::1', 'host:x');
    fc.assert(
      fc.property(fc.constantFrom('ftpes', 'ftps', 'ftp'), secret, broken, (scheme, password, rest) => {
        try {
          parseLocation(`${scheme}://user:${password}@${rest}`);
        } catch (err) {
          assert.ok(isWharfError(err, 'invalid-input'));
          assert.ok(!err.message.includes(password), `the error repeats the password: ${err.message}`);
        }
      }),
      { numRuns: 300 },
    );
  });

  test('examples: a truncated escape, an encoded line break in the user or password, port 0', () => {
    for (const arg of ['ftpes://%E0%A4%A@host/', 'site:%E0%A4%A/x', 'ftpes://host/%E0%A4%A', 'ftpes://a%0D%0APASS%20x@host/', 'ftpes://u:p%0Ax@host/', 'ftpes://host:0/', 'site:a%00b/x']) {
      assert.throws(() => parseLocation(arg), (err: unknown) => isWharfError(err, 'invalid-input'), arg);
    }
  });
});
