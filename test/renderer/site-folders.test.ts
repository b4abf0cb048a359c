import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { SitesListing } from '../../common/ipc/payloads';
import type { SiteProfile } from '../../common/models/site-profile';
import { allFolders, draftFromSite, folderChoices, folderContents, rebaseDraft, validateFolderName } from '../../renderer/state/sites-model';

function site(name: string, folderPath: string[] = [], extra: Partial<SiteProfile> = {}): SiteProfile {
  return {
    id: `id-${name}`, name, folderPath, protocol: 'explicit', host: `${name}.example.com`, port: 21, portFollowsProtocol: true, user: 'ann', passwordStorage: 'keychain',
    hasPassword: true, dataMode: 'passive', localDir: '', remoteDir: '', encoding: 'utf8', maxConnections: 2, timezoneOffsetMinutes: 0, minTlsVersion: 'TLSv1.2', uploadViaTemporaryName: true, keepModifiedTimes: true, segments: 4, allowClearData: false, comments: '',
    createdAt: '2024-01-01T00:00:00.000Z', updatedAt: '2024-01-01T00:00:00.000Z', ...extra,
  };
}

const listing: SitesListing = {
  folders: [['Work'], ['Work', 'Clients'], ['Empty']],
  sites: [site('top'), site('acme', ['Work', 'Clients']), site('intranet', ['Work']), site('nas', ['Home', 'LAN'])],
  warnings: [],
};

describe('site folders', () => {
  it('knows every folder, including those only sites name', () => {
    assert.deepEqual(allFolders(listing).map((f) => f.join('/')).sort(), ['Empty', 'Home', 'Home/LAN', 'Work', 'Work/Clients']);
  });

  it('counts what a folder holds at any depth (deleting it deletes that)', () => {
    assert.deepEqual(folderContents(listing, ['Work']), { sites: 2, folders: 1 });
    assert.deepEqual(folderContents(listing, ['Work', 'Clients']), { sites: 1, folders: 0 });
    assert.deepEqual(folderContents(listing, ['Empty']), { sites: 0, folders: 0 });
  });

  it('offers the top level then every folder in tree order as move targets', () => {
    assert.deepEqual(folderChoices(listing).map((c) => c.label), ['Top level', 'Empty', 'Home', 'Home / LAN', 'Work', 'Work / Clients']);
  });

  it('refuses an empty name, a "/" and a sibling of the same name in any case', () => {
    assert.equal(validateFolderName(listing, [], 'Personal'), null);
    assert.match(validateFolderName(listing, [], '  ') ?? '', /required/);
    assert.match(validateFolderName(listing, [], 'a/b') ?? '', /"\/"/);
    assert.match(validateFolderName(listing, [], 'work') ?? '', /already exists/);
    assert.equal(validateFolderName(listing, ['Home'], 'Work'), null, 'the same name elsewhere is fine');
    assert.equal(validateFolderName(listing, [], 'WORK', ['Work']), null, 'renaming a folder to another case of its own name');
  });

  it('keeps what the user typed when main pushes a moved copy of the site', () => {
    const before = site('acme', ['Work']);
    const after = site('acme', ['Home'], { updatedAt: '2024-02-01T00:00:00.000Z', comments: 'changed elsewhere' });
    const draft = { ...draftFromSite(before), host: 'typed.example.com', password: 'typed' };
    const rebased = rebaseDraft(draft, before, after);
    assert.deepEqual(rebased.folderPath, ['Home']);
    assert.equal(rebased.host, 'typed.example.com');
    assert.equal(rebased.password, 'typed');
    assert.equal(rebased.comments, 'changed elsewhere');
  });
});
