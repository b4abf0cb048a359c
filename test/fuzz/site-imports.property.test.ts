/**
 * Properties of the WinSCP and Cyberduck imports and of format detection: whatever a file holds, parsing
 * gives a plan whose every site validates as the store will check it (so nothing unsafe reaches an FTP
 * command), with passwords free of control characters and kept apart from the plan the renderer sees, or an
 * `invalid-input` error, never another exception.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { hasControlCharacters } from '../../common/models/site-profile';
import { siteCreateInputSchema } from '../../common/models/site-profile-schema';
import { isWharfError } from '../../main/core/errors';
import { parseCyberduckBookmarks } from '../../main/sites/cyberduck-import';
import { parseSiteImport } from '../../main/sites/site-import-file';
import type { ParsedSiteImport } from '../../main/sites/site-import-plan';
import { escapeWinScp, parseWinScpIni } from '../../main/sites/winscp-import';
import { encryptWinScpPassword } from '../../main/sites/winscp-password';

const hostileText = fc.oneof(
  fc.string({ maxLength: 24 }),
  fc.constantFrom('', ' ', 'a/b', 'user\r\nPASS x', 'x\u0000y', '\u007f', '\u202eevil', '[::1]', 'host name', 'a@b', 'ftp.example.com', '127.0.0.1', 'é', '😀', '%', '%ZZ', '%EF%BB%BF%FF', '.dot'),
);

function assertSafePlan(parsed: ParsedSiteImport): void {
  for (const entry of parsed.plan.sites) {
    const checked = siteCreateInputSchema.safeParse({ ...entry.input, folderPath: entry.folderPath });
    assert.ok(checked.success, JSON.stringify(entry));
    assert.ok(!('password' in entry.input), 'passwords travel apart from the plan');
  }
  for (const password of parsed.passwords.values()) assert.ok(!hasControlCharacters(password));
}

function expectPlanOrInvalidInput(parse: () => ParsedSiteImport): void {
  try {
    assertSafePlan(parse());
  } catch (err) {
    if (err instanceof assert.AssertionError) throw err;
    assert.ok(isWharfError(err, 'invalid-input'), String(err));
  }
}

describe('WinSCP.ini import', () => {
  test('sessions with hostile values, escaped or raw: a plan whose sites validate, or invalid-input (property)', () => {
    const key = fc.constantFrom('HostName', 'UserName', 'PortNumber', 'FSProtocol', 'Ftps', 'Password', 'PasswordPlain', 'RemoteDirectory', 'LocalDirectory', 'Utf', 'FtpPasvMode', 'TimeDifference', 'TimeDifferenceAuto', 'Note', 'MinTlsVersion', 'IsWorkspace');
    const value = fc.oneof(hostileText, hostileText.map(escapeWinScp), fc.integer({ min: -5, max: 70000 }).map(String), fc.constantFrom('0', '1', '2', '3', '5', 'on', 'off', '000000000000B03F', 'FFFFFFFFFFFFFFFF'));
    const session = fc.record({ name: hostileText, escape: fc.boolean(), entries: fc.array(fc.tuple(key, value), { maxLength: 10 }), password: fc.option(hostileText) });
    fc.assert(
      fc.property(fc.array(session, { maxLength: 5 }), fc.boolean(), (sessions, master) => {
        const ini = [
          ...(master ? ['[Configuration\\Security]', 'UseMasterPassword=1'] : []),
          ...sessions.flatMap((s) => {
            const values = new Map(s.entries);
            const lines = [`[Sessions\\${s.escape ? escapeWinScp(s.name) : s.name}]`, ...[...values].map(([k, v]) => `${k}=${v}`)];
            if (s.password !== null) lines.push(`Password=${encryptWinScpPassword(s.password, values.get('UserName') ?? '', values.get('HostName') ?? '', (n) => n >> 1)}`);
            return lines;
          }),
        ].join('\r\n');
        expectPlanOrInvalidInput(() => parseWinScpIni(ini));
      }),
      { numRuns: 600 },
    );
  });
});

describe('Cyberduck bookmark import', () => {
  test('property lists with hostile values: a plan whose sites validate, or invalid-input (property)', () => {
    const key = fc.constantFrom('Protocol', 'Nickname', 'Hostname', 'Port', 'Username', 'Path', 'Encoding', 'FTP Connect Mode', 'Timezone', 'Comment', 'Transfer Connection', 'Download Folder');
    const value = fc.oneof(hostileText, fc.constantFrom('ftp', 'ftps', 'sftp', 's3', '21', '990', '0', '99999', 'active', 'passive', 'UTF-8', 'Shift_JIS', 'x-nope', 'Europe/Berlin', 'Mars/Olympus', 'browser'));
    const escape = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;');
    const bookmark = fc.array(fc.tuple(key, value), { maxLength: 12 }).map(
      (entries) => `<?xml version="1.0"?><plist version="1.0"><dict>${entries.map(([k, v]) => `<key>${k}</key><string>${escape(v)}</string>`).join('')}</dict></plist>`,
    );
    const file = fc.oneof(bookmark, fc.string({ maxLength: 80 }));
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.array(hostileText, { maxLength: 2 }), file), { minLength: 1, maxLength: 4 }), (files) => {
        expectPlanOrInvalidInput(() => parseCyberduckBookmarks(files.map(([folderPath, content], i) => ({ folderPath, fileName: `${i}.duck`, content }))));
      }),
      { numRuns: 600 },
    );
  });
});

describe('format detection', () => {
  test('any text or bytes: a plan from the format it looks like, or invalid-input (property)', () => {
    const input = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.uint8Array({ maxLength: 200 }),
      fc.array(fc.constantFrom('[Sessions\\x]', '[Configuration\\y]', 'HostName=h', '<plist>', '<dict>', '</dict>', '</plist>', '<FileZilla3>', '</FileZilla3>', '{', '}', '"format":"wharf-sites"', 'bplist00', '\ufeff', '\n'), { maxLength: 20 }).map((p) => p.join('')),
    );
    fc.assert(fc.property(input, (content) => expectPlanOrInvalidInput(() => parseSiteImport(content))), { numRuns: 1500 });
  });
});
