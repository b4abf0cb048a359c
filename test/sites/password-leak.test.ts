import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { parseFileZillaSiteManager } from '../../main/sites/filezilla-import';
import { PinnedCertificateStore } from '../../main/sites/pinned-certificates';
import { exportSitesJson, parseSitesJson } from '../../main/sites/wharf-json';
import { storeFixture } from './site-helpers';

async function allFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await allFiles(path)));
    else out.push(path);
  }
  return out;
}

/** Every form a password could take in a file by accident. */
function forms(password: string): string[] {
  const utf8 = Buffer.from(password, 'utf8');
  return [password, utf8.toString('base64'), utf8.toString('hex'), JSON.stringify(password).slice(1, -1), encodeURIComponent(password)];
}

test('after a full session the data folder holds no password in any form', async (t) => {
  const f = await storeFixture(t);
  if (!f) return;
  const passwords = [`first-${randomUUID()}`, `changed-${randomUUID()}`, `import-${randomUUID()}`, `dup-${randomUUID()}`];
  const [first, changed, imported, other] = passwords as [string, string, string, string];
  const logs: string[] = [];
  const log = (...args: unknown[]) => logs.push(args.map(String).join(' '));

  // Create, change, rename, duplicate, move, delete: everything the site manager does.
  const site = await f.store.create({ name: 'Session', host: 'ftp.example.com', user: 'bob', password: first });
  await f.store.update(site.id, { password: changed, comments: 'edited' });
  await f.store.rename(site.id, 'Session renamed');
  const copy = await f.store.duplicate(site.id);
  await f.store.moveToFolder(copy.id, ['Copies']);
  const second = await f.store.create({ name: 'Other', host: 'other.example.com', password: other });
  await f.store.update(second.id, { passwordStorage: 'ask' });
  await f.store.delete(second.id);

  // A FileZilla import with a base64 password, accepted into the keychain.
  const xml = `<?xml version="1.0"?><FileZilla3><Servers><Server><Host>fz.example.com</Host><Protocol>4</Protocol><User>u</User>
    <Pass encoding="base64">${Buffer.from(imported).toString('base64')}</Pass><Logontype>1</Logontype><Name>From FileZilla</Name></Server></Servers></FileZilla3>`;
  const parsed = parseFileZillaSiteManager(xml);
  await f.store.importSites(parsed.plan, { passwords: parsed.passwords });
  log('import summary', JSON.stringify(parsed.plan.summary));

  // Export and re-import our own JSON, written into the data folder like a user's backup.
  const exported = exportSitesJson(await f.store.snapshot());
  await writeFile(join(f.dataDir, 'my-sites-export.json'), exported);
  await f.store.importSites(parseSitesJson(exported), { intoFolder: ['Restored'] });

  // Trust a certificate, damage and recover the file, list everything: each of these writes or logs.
  const pins = new PinnedCertificateStore({ dataDir: f.dataDir });
  await pins.pin({ host: 'ftp.example.com', port: 21, fingerprintSha256: 'AB'.repeat(32), subject: 'CN=ftp.example.com' });
  await writeFile(f.store.filePath, (await readFile(f.store.filePath, 'utf8')).slice(0, -20));
  log('warnings', JSON.stringify((await f.store.open()).warnings));
  log('tree', JSON.stringify(await f.store.list()));

  // The secrets are where they should be...
  // Recovery kept the damaged file as a backup and left the secrets alone, so restoring the backup restores the passwords.
  await assert.rejects(f.store.getPassword(site.id), /no saved site/);
  assert.equal(await f.credentials.get(site.id), changed);
  assert.equal(await f.credentials.get(copy.id), changed);
  assert.equal(await f.credentials.get(second.id), null);

  // ...and nowhere else: not in any file of the data folder (backups included), nor in what was logged.
  const files = await allFiles(f.dataDir);
  assert.ok(files.length >= 4, files.join(', '));
  for (const file of files) {
    const content = await readFile(file);
    const text = content.toString('utf8');
    const utf16 = content.toString('utf16le');
    for (const password of passwords) {
      for (const form of forms(password)) {
        assert.ok(!text.includes(form) && !utf16.includes(form), `${file} contains a form of a password`);
      }
    }
  }
  for (const password of passwords) for (const form of forms(password)) assert.ok(!logs.join('\n').includes(form));
});
