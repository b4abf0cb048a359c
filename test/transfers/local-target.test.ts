import assert from 'node:assert/strict';
import { lstatSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { expandLocalForUpload } from '../../main/transfers/expand';
import { downloadPathIn, ensureLocalFolder, isTemporaryDownloadPathFor, prepareDownloadTarget, refusedNameError, temporaryDownloadPathFor, unsafeRemoteNameReason } from '../../main/transfers/local-target';

const root = mkdtempSync(join(tmpdir(), 'wharf-local-target-'));
const chosen = join(root, 'Downloads');
after(() => rmSync(root, { recursive: true, force: true }));

describe('the one join of a server name with the chosen folder', () => {
  const refusals: [string, RegExp][] = [
    ['sub/../../escape-mid.txt', /which would be written outside Downloads; skipped\.$/],
    ['../x', /which would be written outside Downloads/],
    ['..\\x', /which would be written outside Downloads/],
    ['/etc/x', /which would be written outside Downloads/],
    ['C:\\x', /which would be written outside Downloads/],
    ['..', /which would be written outside Downloads/],
    ['.', /is "\." or "\.\."/],
    ['a/b', /contains "\/"/],
    ['a\\b', /contains "\\"/],
    ['nul\0x', /contains NUL/],
    ['bell\u0007', /control character/],
    ['CON', /reserved Windows device name/],
    ['con.txt', /reserved Windows device name/],
    ['COM1.tar.gz', /reserved Windows device name/],
    ['LPT9', /reserved Windows device name/],
    ['trailing.', /ends with a dot or space/],
    ['trailing ', /ends with a dot or space/],
    ['x'.repeat(256), /longer than 255 bytes/],
  ];
  for (const [name, reason] of refusals) {
    it(`refuses ${JSON.stringify(name.length > 20 ? `${name.slice(0, 20)}…` : name)} with the reason, naming the server's name printably`, () => {
      const error = refusedNameError(name, chosen);
      assert.ok(error, 'refused');
      assert.equal(error.kind, 'unsafe-name');
      assert.match(error.message, /^The server named this file ".*", which /);
      assert.match(error.message, reason);
      assert.ok(![...error.message].some((c) => c.charCodeAt(0) < 0x20), 'no control character reaches the message');
      assert.equal(error.detail?.refusedName, true);
      assert.throws(() => downloadPathIn(chosen, name), { message: error.message });
    });
  }

  it('joins a safe name, a dot file and a name like a temporary one', () => {
    for (const name of ['a', 'a.part', '.bashrc', '12:00.log', 'ü-ñ.txt', '.a.wharf-part']) assert.equal(downloadPathIn(chosen, name), join(chosen, name));
  });
});

describe('download temporary names', () => {
  it('are hidden, carry the item id and stay in the target folder, within 255 bytes', () => {
    assert.equal(temporaryDownloadPathFor(join(chosen, 'a'), 'id-1'), join(chosen, '.a.id-1.wharf-part'));
    const long = temporaryDownloadPathFor(join(chosen, 'é'.repeat(127)), '0f0e0d0c-0b0a-4908-8706-050403020100');
    assert.ok(Buffer.byteLength(long.slice(chosen.length + 1)) <= 255);
    assert.ok(isTemporaryDownloadPathFor(join(chosen, 'é'.repeat(127)), long));
    assert.notEqual(temporaryDownloadPathFor(join(chosen, `${'é'.repeat(127)}x`), 'id'), temporaryDownloadPathFor(join(chosen, `${'é'.repeat(127)}y`), 'id'));
  });

  it('are recognised only in the target folder and with the suffix', () => {
    assert.equal(isTemporaryDownloadPathFor(join(chosen, 'a'), join(chosen, 'a.part')), false);
    assert.equal(isTemporaryDownloadPathFor(join(chosen, 'a'), join(root, '.a.x.wharf-part')), false);
  });
});

describe('a download\'s folder made on the way (ensureLocalFolder)', () => {
  const parent = join(root, 'made');
  mkdirSync(parent, { recursive: true });

  it('makes a missing folder', async () => {
    await ensureLocalFolder(join(parent, 'new'));
    assert.ok(lstatSync(join(parent, 'new')).isDirectory());
  });

  it('takes a real folder already there (another item of the download made it)', async () => {
    mkdirSync(join(parent, 'there'));
    writeFileSync(join(parent, 'there', 'kept.txt'), 'kept');
    await ensureLocalFolder(join(parent, 'there'));
    assert.ok(lstatSync(join(parent, 'there', 'kept.txt')).isFile(), 'what was inside is left alone');
  });

  it('refuses a file under that name with an error naming it, and leaves the file', async () => {
    writeFileSync(join(parent, 'a-file'), 'mine');
    await assert.rejects(ensureLocalFolder(join(parent, 'a-file')), { kind: 'local-io', message: `${join(parent, 'a-file')} is not a folder.` });
    assert.ok(lstatSync(join(parent, 'a-file')).isFile());
  });

  it('refuses a symbolic link, even one to a folder: it could lead outside the chosen folder', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'wharf-outside-'));
    after(() => rmSync(outside, { recursive: true, force: true }));
    symlinkSync(outside, join(parent, 'a-link'));
    await assert.rejects(ensureLocalFolder(join(parent, 'a-link')), { kind: 'local-io', message: `${join(parent, 'a-link')} is not a folder.` });
    assert.ok(lstatSync(join(parent, 'a-link')).isSymbolicLink(), 'the link is left as it was');
  });

  it('passes on other failures, such as a missing parent', async () => {
    await assert.rejects(ensureLocalFolder(join(parent, 'no-parent', 'child')), { code: 'ENOENT' });
  });
});

describe('a download\'s path checked against the chosen folder (prepareDownloadTarget)', () => {
  const outside = mkdtempSync(join(tmpdir(), 'wharf-outside-target-'));
  after(() => rmSync(outside, { recursive: true, force: true }));
  const linkLeadingOut = (error: unknown): boolean => {
    const { kind, detail } = error as { kind?: string; detail?: { reason?: string } };
    return kind === 'unsafe-name' && detail?.reason === 'link-outside-folder';
  };

  it('makes a missing chosen folder, for a file in it and for one in a subfolder', async () => {
    const flat = join(root, 'not-yet-flat');
    assert.deepEqual(await prepareDownloadTarget(flat, join(flat, 'a.txt')), { existing: null, existingIsRegularFile: false, existingIsFolder: false });
    assert.ok(lstatSync(flat).isDirectory());
    const nested = join(root, 'not-yet', 'deeper');
    await prepareDownloadTarget(nested, join(nested, 'sub', 'b.txt'));
    assert.ok(lstatSync(join(nested, 'sub')).isDirectory());
  });

  it('refuses a subfolder swapped for a link leading outside between the first check and the one before the rename', async () => {
    const folder = join(root, 'swapped');
    const target = join(folder, 'sub', 'file.txt');
    await prepareDownloadTarget(folder, target);
    rmSync(join(folder, 'sub'), { recursive: true });
    symlinkSync(outside, join(folder, 'sub'));
    await assert.rejects(prepareDownloadTarget(folder, target), linkLeadingOut);
  });

  it('before the rename (folders made) looks for no folder to make, and still refuses a link planted at the target or on the way', async () => {
    // A chosen folder gone by then is not made again (the rename then fails): nothing is looked for, one file operation fewer per file.
    const gone = join(root, 'gone-before-rename');
    assert.deepEqual(await prepareDownloadTarget(gone, join(gone, 'a.txt'), { foldersMade: true }), { existing: null, existingIsRegularFile: false, existingIsFolder: false });
    assert.throws(() => lstatSync(gone), /ENOENT/);
    const folder = join(root, 'planted-before-rename');
    mkdirSync(join(folder, 'sub'), { recursive: true });
    symlinkSync(outside, join(folder, 'out.txt'));
    await assert.rejects(prepareDownloadTarget(folder, join(folder, 'out.txt'), { foldersMade: true }), linkLeadingOut);
    rmSync(join(folder, 'sub'), { recursive: true });
    symlinkSync(outside, join(folder, 'sub'));
    await assert.rejects(prepareDownloadTarget(folder, join(folder, 'sub', 'file.txt'), { foldersMade: true }), linkLeadingOut);
  });

  it('refuses a link at the target leading outside, and one leading nowhere', async () => {
    const folder = join(root, 'target-links');
    mkdirSync(folder);
    writeFileSync(join(outside, 'secret.txt'), 'secret');
    symlinkSync(join(outside, 'secret.txt'), join(folder, 'out.txt'));
    symlinkSync(join(folder, 'missing.txt'), join(folder, 'dangling.txt'));
    await assert.rejects(prepareDownloadTarget(folder, join(folder, 'out.txt')), linkLeadingOut);
    await assert.rejects(prepareDownloadTarget(folder, join(folder, 'dangling.txt')), linkLeadingOut);
  });

  it('takes links that stay inside a chosen folder reached through a link itself (checked against its real path)', async () => {
    const real = join(root, 'real-downloads');
    mkdirSync(join(real, 'inner'), { recursive: true });
    writeFileSync(join(real, 'inner', 'there.txt'), 'four');
    const chosenLink = join(root, 'linked-downloads');
    symlinkSync(real, chosenLink);
    symlinkSync(join(real, 'inner'), join(real, 'shortcut'));
    symlinkSync(join(real, 'inner', 'there.txt'), join(real, 'alias.txt'));
    const viaFolder = await prepareDownloadTarget(chosenLink, join(chosenLink, 'shortcut', 'there.txt'));
    assert.equal(viaFolder.existing?.size, 4);
    assert.equal(viaFolder.existingIsRegularFile, true);
    const viaTarget = await prepareDownloadTarget(chosenLink, join(chosenLink, 'alias.txt'));
    assert.equal(viaTarget.existing?.size, 4);
    assert.equal(viaTarget.existingIsRegularFile, false, 'a link is never resumed into');
  });
});

describe('remote names built from local ones (uploads)', () => {
  it('refuses what would end the FTP command or leave the folder, and allows what servers take', () => {
    for (const name of ['a\nDELE x', 'a\r', '..', '.', 'a/b', '']) assert.notEqual(unsafeRemoteNameReason(name), null, JSON.stringify(name));
    for (const name of ['a.txt', 'CON', 'trailing.', 'a\\b', '.hidden']) assert.equal(unsafeRemoteNameReason(name), null, JSON.stringify(name));
  });
});

describe('upload expansion (the mirror check)', () => {
  it('leaves out a local name that would end the FTP command, with the reason, and queues the rest', async () => {
    const folder = join(root, 'up');
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'ok.txt'), 'ok');
    writeFileSync(join(folder, 'evil\r\nDELE important'), 'x');
    const skipped: { path: string; reason: string }[] = [];
    const items = [];
    for await (const batch of expandLocalForUpload({ siteKey: 's', localPath: folder, remotePath: '/in' }, (s) => skipped.push(s))) items.push(...batch);
    assert.deepEqual(items.map((i) => i.remotePath), ['/in/ok.txt']);
    assert.equal(skipped.length, 1);
    assert.match(skipped[0]?.reason ?? '', /control character .*FTP command.*cannot be a name on the server/);
  });
});
