import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { SitesListing } from '../../common/ipc/payloads';
import { settingsAwaitingReconnect, type SiteProfile } from '../../common/models/site-profile';
import { draftFromSite, newDraft, passwordLeavesItsServer, reconnectNotice, siteTreeRows, toCreateInput, toUpdateInput, validateDraft, withPort, withProtocol } from '../../renderer/state/sites-model';

function site(name: string, folderPath: string[] = [], extra: Partial<SiteProfile> = {}): SiteProfile {
  return {
    id: `id-${name}`, name, folderPath, protocol: 'explicit', host: `${name}.example.com`, port: 21, portFollowsProtocol: true, user: 'ann', passwordStorage: 'keychain',
    hasPassword: true, dataMode: 'passive', localDir: '', remoteDir: '', encoding: 'utf8', maxConnections: 2, timezoneOffsetMinutes: 0, minTlsVersion: 'TLSv1.2', uploadViaTemporaryName: true, keepModifiedTimes: true, segments: 4, allowClearData: false, comments: '',
    createdAt: '2024-01-01T00:00:00.000Z', updatedAt: '2024-01-01T00:00:00.000Z', ...extra,
  };
}

describe('the site form', () => {
  it('asks before the saved password follows the site to another server, and sends keepPassword only when the user kept it', () => {
    const saved = site('files');
    const draft = draftFromSite(saved);
    assert.equal(passwordLeavesItsServer(draft, saved), false);
    for (const moved of [{ ...draft, host: 'other.example.com' }, { ...draft, user: 'bob' }, withPort(draft, '2121'), withProtocol(draft, 'implicit')]) {
      assert.equal(passwordLeavesItsServer(moved, saved), true);
      assert.equal(toUpdateInput(moved, saved).keepPassword, undefined, 'not kept unless the user says so');
      assert.equal(toUpdateInput({ ...moved, keepPassword: true }, saved).keepPassword, true);
    }
    const moved = { ...draft, host: 'other.example.com' };
    assert.equal(passwordLeavesItsServer({ ...moved, host: 'FILES.example.com' }, saved), false, 'host names compare without case');
    assert.equal(passwordLeavesItsServer({ ...moved, password: 'typed for the new one' }, saved), false, 'a typed password replaces it anyway');
    assert.equal(passwordLeavesItsServer(moved, { ...saved, hasPassword: false }), false, 'nothing saved, nothing to ask');
    assert.equal(passwordLeavesItsServer({ ...moved, passwordStorage: 'ask' }, saved), false, '"ask on connect" forgets it anyway');
  });

  it('makes the port follow the protocol until the user types one', () => {
    let d = newDraft([], true);
    assert.equal(d.port, '21');
    d = withProtocol(d, 'implicit');
    assert.equal(d.port, '990');
    d = withPort(d, '2121');
    d = withProtocol(d, 'explicit');
    assert.equal(d.port, '2121');
    d = withPort(d, '');
    assert.equal(d.portEdited, false);
    assert.equal(withProtocol(d, 'implicit').port, '990');
  });

  it('offers "ask on connect" when the keychain is unavailable', () => {
    assert.equal(newDraft([], false).passwordStorage, 'ask');
    assert.equal(newDraft([], true).passwordStorage, 'keychain');
  });

  it('validates names, hosts, ports and numbers', () => {
    const errors = validateDraft({ ...newDraft([], true), name: '', host: 'a b', port: '70000', portEdited: true, maxConnections: '11', timezoneOffsetMinutes: 'x' });
    assert.deepEqual(Object.keys(errors).sort(), ['host', 'maxConnections', 'name', 'port', 'timezoneOffsetMinutes']);
    assert.deepEqual(validateDraft({ ...newDraft([], true), host: 'ftp.example.com' }), {});
  });

  it('sends the password only with keychain storage, and only when typed', () => {
    const d = { ...newDraft(['Work'], true), name: 'S', host: 'h', password: 'pw' };
    assert.equal(toCreateInput(d).password, 'pw');
    assert.equal(toCreateInput({ ...d, passwordStorage: 'ask' }).password, undefined);
    assert.equal(toCreateInput(d).portFollowsProtocol, true);
    assert.deepEqual(toCreateInput(d).folderPath, ['Work']);
  });

  it('updates only what changed; an untouched password stays as saved', () => {
    const saved = site('prod');
    const draft = draftFromSite(saved);
    assert.deepEqual(toUpdateInput(draft, saved), {});
    assert.deepEqual(toUpdateInput(withPort({ ...draft, comments: 'hi' }, '2121'), saved), { portFollowsProtocol: false, port: 2121, comments: 'hi' });
    assert.deepEqual(toUpdateInput({ ...draft, password: 'new' }, saved), { password: 'new' });
  });

  it('"Upload via a temporary name" starts ticked for a new site and is sent only when changed', () => {
    const fresh = { ...newDraft([], true), name: 'S', host: 'h' };
    assert.equal(fresh.uploadViaTemporaryName, true);
    assert.equal(toCreateInput({ ...fresh, uploadViaTemporaryName: false }).uploadViaTemporaryName, false);
    const saved = site('dropbox', [], { uploadViaTemporaryName: false });
    const draft = draftFromSite(saved);
    assert.equal(draft.uploadViaTemporaryName, false);
    assert.deepEqual(toUpdateInput(draft, saved), {});
    assert.deepEqual(toUpdateInput({ ...draft, uploadViaTemporaryName: true }, saved), { uploadViaTemporaryName: true });
  });

  it('"Keep modification times on upload" starts ticked for a new site and is sent only when changed', () => {
    const fresh = { ...newDraft([], true), name: 'S', host: 'h' };
    assert.equal(fresh.keepModifiedTimes, true);
    assert.equal(toCreateInput({ ...fresh, keepModifiedTimes: false }).keepModifiedTimes, false);
    const saved = site('no-times', [], { keepModifiedTimes: false });
    const draft = draftFromSite(saved);
    assert.equal(draft.keepModifiedTimes, false);
    assert.deepEqual(toUpdateInput(draft, saved), {});
    assert.deepEqual(toUpdateInput({ ...draft, keepModifiedTimes: true }, saved), { keepModifiedTimes: true });
  });

  it('"Big downloads in segments" starts at up to 4 for a new site, shows 0 and 1 as off, and is sent only when changed', () => {
    const fresh = { ...newDraft([], true), name: 'S', host: 'h' };
    assert.equal(toCreateInput(fresh).segments, 4);
    assert.equal(toCreateInput({ ...fresh, segments: '0' }).segments, 0);
    const saved = site('single', [], { segments: 1 });
    const draft = draftFromSite(saved);
    assert.equal(draft.segments, '0');
    assert.deepEqual(toUpdateInput(draft, saved), {});
    assert.deepEqual(toUpdateInput({ ...draft, segments: '6' }, saved), { segments: 6 });
  });
});

describe('the site tree', () => {
  const listing: SitesListing = {
    folders: [['Clients'], ['Clients', 'ACME'], ['Empty']],
    sites: [site('root-site'), site('acme-prod', ['Clients', 'ACME']), site('other', ['Clients'])],
    warnings: [],
  };

  it('draws folders before sites and hides the content of collapsed folders', () => {
    const collapsed = siteTreeRows(listing, new Set(), '');
    assert.deepEqual(collapsed.map((r) => (r.kind === 'folder' ? `f:${r.name}` : `s:${r.site.name}`)), ['f:Clients', 'f:Empty', 's:root-site']);
    const open = siteTreeRows(listing, new Set(['Clients', 'Clients\u0000ACME']), '');
    assert.deepEqual(open.map((r) => (r.kind === 'folder' ? `f:${r.name}` : `s:${r.site.name}`)), ['f:Clients', 'f:ACME', 's:acme-prod', 's:other', 'f:Empty', 's:root-site']);
  });

  it('searches names and hosts and opens the folders of what matches', () => {
    const rows = siteTreeRows(listing, new Set(), 'acme');
    assert.deepEqual(rows.map((r) => (r.kind === 'folder' ? `f:${r.name}` : `s:${r.site.name}`)), ['f:Clients', 'f:ACME', 's:acme-prod']);
    assert.deepEqual(siteTreeRows(listing, new Set(), 'nothing'), []);
  });
});

describe('site changes made while connected', () => {
  it('names only the changes an open connection keeps until it reconnects', () => {
    const before = site('a');
    const live = { ...before, name: 'b', maxConnections: 5, timezoneOffsetMinutes: 60, uploadViaTemporaryName: false, allowClearData: false, comments: 'x', remoteDir: '/www' };
    assert.deepEqual(settingsAwaitingReconnect(before, live, { name: 'b', maxConnections: 5, timezoneOffsetMinutes: 60, uploadViaTemporaryName: false }), []);
    // A port that follows the protocol changes with it: compared on the saved site, not the request.
    const implicit = { ...before, protocol: 'implicit' as const, port: 990, encoding: 'latin1' };
    assert.deepEqual(settingsAwaitingReconnect(before, implicit, { protocol: 'implicit', encoding: 'latin1' }), ['protocol', 'port', 'encoding']);
    // The password never comes back from main: the request tells.
    assert.deepEqual(settingsAwaitingReconnect(before, before, { password: 'new' }), ['password']);
  });

  it('says which settings wait for the next connection', () => {
    assert.deepEqual(reconnectNotice('Shop', ['host']), {
      title: 'Reconnect to apply: Shop',
      message: 'The new host applies the next time you connect; the open connection keeps using the old one. Other settings apply at once.',
    });
    assert.match(reconnectNotice('Shop', ['user', 'dataMode', 'minTlsVersion']).message, /^The new user, data connection mode and minimum TLS version apply the next time/);
  });
});
