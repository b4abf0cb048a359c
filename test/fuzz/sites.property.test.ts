/**
 * Properties of site parsing and validation: the zod schemas of common/models/site-profile.ts (what the
 * IPC layer and the store accept), FileZilla's sitemanager.xml import and Wharf's JSON import. Whatever
 * arrives, parsing never throws anything but `invalid-input`, and what is accepted is safe to use as it
 * is: no control character in any text that becomes part of an FTP command, ports that exist, names
 * without "/", and passwords only where they belong (never in a note, a reason or a name).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { hasControlCharacters, toConnectionTarget, type SiteProfile } from '../../common/models/site-profile';
import { hostSchema, siteCreateInputSchema, siteProfileSchema, siteUpdateInputSchema } from '../../common/models/site-profile-schema';
import { isWharfError } from '../../main/core/errors';
import { parseFileZillaSiteManager } from '../../main/sites/filezilla-import';
import { parseSitesJson } from '../../main/sites/wharf-json';

/** C0 controls and DEL, as hasControlCharacters defines them. */
const CONTROL = { test: hasControlCharacters };
const anything = fc.anything({ withNullPrototype: true, withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withSparseArray: true });

/** Text that looks like what people and hostile files put in these fields. */
const hostileText = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.constantFrom('', ' ', 'a/b', 'user\r\nPASS x', 'x\u0000y', 'tab\there', '\u007f', '\u202eevil', '[::1]', 'host name', 'a@b', 'ftp.example.com', '127.0.0.1', '::1', 'é', '😀', ' padded '),
);

/** Checks the invariants every accepted site text must hold, field by field. */
function assertSafeSite(site: Record<string, unknown>): void {
  for (const key of ['name', 'host', 'user', 'localDir', 'remoteDir', 'encoding']) {
    const value = site[key];
    if (value === undefined) continue;
    assert.equal(typeof value, 'string', key);
    assert.ok(!CONTROL.test(value as string), `${key} ${JSON.stringify(value)} holds a control character`);
  }
  if (site.name !== undefined) assert.ok(!(site.name as string).includes('/') && (site.name as string).trim() === site.name && (site.name as string).length > 0);
  if (site.host !== undefined) assert.ok(!/[\s/@]/.test(site.host as string) && (site.host as string).length > 0);
  if (site.port !== undefined) assert.ok(Number.isInteger(site.port) && (site.port as number) >= 1 && (site.port as number) <= 65535);
  if (site.maxConnections !== undefined) assert.ok(Number.isInteger(site.maxConnections) && (site.maxConnections as number) >= 1 && (site.maxConnections as number) <= 10);
  if (site.password !== undefined && site.password !== null) assert.ok(!CONTROL.test(site.password as string));
}

describe('site schemas', () => {
  test('never throw, and accept only safe values, for anything at all (property)', () => {
    fc.assert(
      fc.property(anything, (value) => {
        for (const schema of [siteCreateInputSchema, siteUpdateInputSchema, siteProfileSchema]) {
          const parsed = schema.safeParse(value);
          if (parsed.success) assertSafeSite(parsed.data as Record<string, unknown>);
        }
        const host = hostSchema.safeParse(value);
        if (host.success) assert.ok(!/[\s/@]/.test(host.data) && !CONTROL.test(host.data));
      }),
      { numRuns: 2000 },
    );
  });

  test('accept only safe values when every field is hostile text (property)', () => {
    const input = fc.record(
      {
        name: hostileText, host: hostileText, user: hostileText, password: hostileText, localDir: hostileText, remoteDir: hostileText, encoding: hostileText,
        port: fc.oneof(fc.integer({ min: -5, max: 70_000 }), fc.double()), maxConnections: fc.integer({ min: -2, max: 12 }), folderPath: fc.array(hostileText, { maxLength: 3 }),
      },
      { requiredKeys: ['name', 'host'] },
    );
    fc.assert(
      fc.property(input, (value) => {
        const created = siteCreateInputSchema.safeParse(value);
        if (created.success) {
          assertSafeSite(created.data);
          for (const folder of created.data.folderPath ?? []) assert.ok(!CONTROL.test(folder) && !folder.includes('/'));
        }
        const { name: _name, folderPath: _folders, ...changes } = value;
        const updated = siteUpdateInputSchema.safeParse(changes);
        if (updated.success) assertSafeSite(updated.data);
      }),
      { numRuns: 2000 },
    );
  });

  test('a valid saved site maps to the connection target it describes (property)', () => {
    const safe = (max: number) => fc.string({ maxLength: max }).filter((s) => !CONTROL.test(s));
    const profile = fc.record({
      id: fc.uuid(), name: safe(20).map((s) => s.replace(/\//g, '').trim() || 'Site'), folderPath: fc.constant([]),
      protocol: fc.constantFrom('explicit', 'implicit', 'plain'), host: fc.oneof(fc.domain(), fc.ipV4()), port: fc.integer({ min: 1, max: 65535 }),
      portFollowsProtocol: fc.boolean(), user: safe(30), passwordStorage: fc.constantFrom('keychain', 'ask'), hasPassword: fc.boolean(),
      dataMode: fc.constantFrom('passive', 'active'), localDir: safe(30), remoteDir: safe(30), encoding: fc.constantFrom('utf8', 'latin1', 'windows-1251'),
      maxConnections: fc.integer({ min: 1, max: 10 }), timezoneOffsetMinutes: fc.integer({ min: -1440, max: 1440 }), minTlsVersion: fc.constantFrom('TLSv1.2', 'TLSv1.3'),
      allowClearData: fc.boolean(),
      comments: fc.string({ maxLength: 40 }), createdAt: fc.constant('2024-01-01T00:00:00.000Z'), updatedAt: fc.constant('2024-01-02T00:00:00.000Z'),
    });
    fc.assert(
      fc.property(profile, (site) => {
        const parsed = siteProfileSchema.safeParse(site);
        assert.ok(parsed.success, JSON.stringify(parsed.error?.issues));
        const target = toConnectionTarget(parsed.data as SiteProfile);
        assert.deepEqual(target, {
          host: site.host, port: site.port, mode: site.protocol, user: site.user, dataMode: site.dataMode,
          minTlsVersion: site.minTlsVersion, timezoneOffsetMinutes: site.timezoneOffsetMinutes, encoding: site.encoding,
          allowClearData: site.allowClearData,
        });
      }),
      { numRuns: 500 },
    );
  });
});

/** XML text with the five entities escaped, so generated values reach the parser as values. */
function xml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** A FileZilla server entry with hostile values in every field FileZilla writes. */
const fileZillaServer = fc.record({
  name: hostileText, host: hostileText, port: fc.oneof(fc.integer({ min: -10, max: 70_000 }).map(String), hostileText),
  protocol: fc.constantFrom('0', '1', '3', '4', '6', '99', 'x'), logon: fc.constantFrom('0', '1', '2', '3', '4', '5', '6', '9', ''),
  user: hostileText, password: fc.string({ minLength: 8, maxLength: 20 }).map((s) => `PW-${s}`), base64: fc.boolean(),
  remoteDir: fc.oneof(hostileText, fc.constantFrom('1 0 4 home 3 bob', '3 0 2 C: 3 dir', '0 0 2 .. 3 bob', '1 0 3 a\u0001b')),
  encoding: fc.constantFrom('', 'Auto', 'UTF-8', 'Custom'), custom: hostileText, max: fc.integer({ min: -1, max: 50 }).map(String), tz: fc.integer({ min: -5000, max: 5000 }).map(String),
  comments: hostileText,
});

type FileZillaServer = typeof fileZillaServer extends fc.Arbitrary<infer T> ? T : never;

function fileZillaDocument(servers: readonly FileZillaServer[], folders: readonly string[]): string {
  const entries = servers.map((s) => [
    '<Server>',
    `<Host>${xml(s.host)}</Host><Port>${xml(s.port)}</Port><Protocol>${s.protocol}</Protocol><Type>0</Type>`,
    s.logon === '' ? '' : `<Logontype>${s.logon}</Logontype>`,
    `<User>${xml(s.user)}</User>`,
    s.base64 ? `<Pass encoding="base64">${Buffer.from(s.password).toString('base64')}</Pass>` : `<Pass>${xml(s.password)}</Pass>`,
    `<RemoteDir>${xml(s.remoteDir)}</RemoteDir><EncodingType>${s.encoding}</EncodingType><CustomEncoding>${xml(s.custom)}</CustomEncoding>`,
    `<MaximumMultipleConnections>${s.max}</MaximumMultipleConnections><TimezoneOffset>${s.tz}</TimezoneOffset>`,
    `<Comments>${xml(s.comments)}</Comments><Name>${xml(s.name)}</Name>`,
    '</Server>',
  ].join(''));
  const inner = folders.reduceRight((body, folder) => `<Folder expanded="1">${xml(folder)}${body}</Folder>`, entries.join('\n'));
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes" ?>\n<FileZilla3 version="3.66.0" platform="windows"><Servers>${inner}</Servers></FileZilla3>\n`;
}

describe('FileZilla import', () => {
  test('any server entries: every imported site validates, passwords stay in the password map (property)', () => {
    fc.assert(
      fc.property(fc.array(fileZillaServer, { maxLength: 4 }), fc.array(hostileText, { maxLength: 3 }), (servers, folders) => {
        const result = parseFileZillaSiteManager(fileZillaDocument(servers, folders));
        const { plan, passwords } = result;
        assert.equal(plan.summary.sitesFound, plan.sites.length);
        assert.equal(plan.summary.passwordsFound, passwords.size);
        assert.equal(plan.sites.length + plan.summary.skipped.length, servers.length);
        for (const entry of plan.sites) {
          const parsed = siteCreateInputSchema.safeParse({ ...entry.input, folderPath: entry.folderPath });
          assert.ok(parsed.success, `${JSON.stringify(entry.input)}: ${JSON.stringify(parsed.error?.issues)}`);
          assertSafeSite(parsed.data);
        }
        for (const password of passwords.values()) assert.ok(!CONTROL.test(password));
        const visible = JSON.stringify(plan.summary) + JSON.stringify(plan.sites) + JSON.stringify(plan.folders);
        for (const server of servers) assert.ok(!visible.includes(server.password), 'a password shows in the summary or a site');
      }),
      { numRuns: 400 },
    );
  });

  test('any text or bytes at all: a plan or an invalid-input error, never another exception (property)', () => {
    const input = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc.uint8Array({ maxLength: 300 }),
      fc.array(fc.constantFrom('<FileZilla3>', '</FileZilla3>', '<Servers>', '</Servers>', '<Server>', '</Server>', '<Folder>', '</Folder>', '<Host>', '</Host>', 'h', '&amp;', '&#0;', '&#x110000;', '<![CDATA[', ']]>', '<!--', '-->', '<?xml?>', '<!DOCTYPE x>', '"', '\u0000', '\ufeff'), { maxLength: 40 }).map((p) => p.join('')),
    );
    fc.assert(
      fc.property(input, (content) => {
        try {
          const { plan } = parseFileZillaSiteManager(content);
          for (const entry of plan.sites) assert.ok(siteCreateInputSchema.safeParse({ ...entry.input, folderPath: entry.folderPath }).success);
        } catch (err) {
          assert.ok(isWharfError(err, 'invalid-input'), String(err));
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe("Wharf's JSON import", () => {
  test('any text: a plan whose sites all validate, or an invalid-input error (property)', () => {
    const site = fc.dictionary(fc.constantFrom('name', 'host', 'port', 'user', 'protocol', 'remoteDir', 'password', 'folderPath', 'maxConnections', 'extra'), fc.oneof(hostileText, fc.integer(), fc.array(hostileText, { maxLength: 2 }), fc.constant(null)));
    const doc = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.record({ format: fc.constantFrom('wharf-sites', 'other'), schemaVersion: fc.oneof(fc.constantFrom(1, 2, 0, 1.5), fc.string()), folders: fc.array(fc.array(hostileText, { maxLength: 3 }), { maxLength: 3 }), sites: fc.array(site, { maxLength: 5 }) }).map((d) => JSON.stringify(d)),
    );
    fc.assert(
      fc.property(doc, (text) => {
        try {
          const plan = parseSitesJson(text);
          for (const entry of plan.sites) {
            const parsed = siteCreateInputSchema.safeParse({ ...entry.input, folderPath: entry.folderPath });
            assert.ok(parsed.success, JSON.stringify(entry));
            assertSafeSite(parsed.data);
            assert.equal((entry.input as { password?: unknown }).password, undefined, 'a password in an export is never imported');
          }
        } catch (err) {
          assert.ok(isWharfError(err, 'invalid-input'), String(err));
        }
      }),
      { numRuns: 1000 },
    );
  });
});
