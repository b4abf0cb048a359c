import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, beforeEach, describe, it } from 'node:test';
import { WharfError } from '../../main/core/errors';
import { LocalAccess } from '../../main/local-fs/local-access';
import { LocalFsService } from '../../main/local-fs/local-fs-service';

const base = mkdtempSync(join(tmpdir(), 'wharf-localfs-'));
after(() => rmSync(base, { recursive: true, force: true }));

let n = 0;
async function setup() {
  const root = join(base, `case-${n++}`);
  const home = join(root, 'home');
  const outside = join(root, 'outside');
  mkdirSync(join(home, 'docs'), { recursive: true });
  mkdirSync(outside, { recursive: true });
  writeFileSync(join(home, 'a.txt'), 'hello');
  writeFileSync(join(home, '.hidden'), '');
  writeFileSync(join(outside, 'secret.txt'), 'secret');
  symlinkSync(join(home, 'docs'), join(home, 'docs-link'));
  symlinkSync(outside, join(home, 'escape'));
  symlinkSync(join(home, 'missing'), join(home, 'broken'));
  const access = new LocalAccess();
  const trashed: string[] = [];
  const service = new LocalFsService({ access, home, trash: async (p) => void trashed.push(p) });
  await service.init();
  return { home, outside, access, service, trashed };
}

async function rejectsWith(promise: Promise<unknown>, reason: string): Promise<void> {
  await assert.rejects(promise, (err: unknown) => err instanceof WharfError && err.detail?.reason === reason);
}

describe('local browsing', () => {
  let t: Awaited<ReturnType<typeof setup>>;
  beforeEach(async () => {
    t = await setup();
  });

  it('lists names, types, sizes, times and permissions; links to folders open as folders', async () => {
    const listing = await t.service.list(t.home);
    const byName = new Map(listing.entries.map((e) => [e.name, e]));
    assert.equal(byName.get('a.txt')?.type, 'file');
    assert.equal(byName.get('a.txt')?.size, 5);
    assert.equal(byName.get('a.txt')?.path, join(t.home, 'a.txt'));
    assert.match(byName.get('a.txt')?.modifiedAt ?? '', /^\d{4}-\d\d-\d\dT/);
    assert.match(byName.get('a.txt')?.permissions ?? '', /^[r-][w-][x-]{1}[r-][w-][x-][r-][w-][x-]$/);
    assert.equal(byName.get('docs')?.type, 'directory');
    assert.equal(byName.get('docs-link')?.type, 'directory');
    assert.equal(byName.get('docs-link')?.linkTarget, join(t.home, 'docs'));
    assert.equal(byName.get('broken')?.type, 'symlink');
    assert.equal(byName.get('.hidden')?.hidden, true);
    assert.equal(byName.get('a.txt')?.hidden, false);
    assert.equal(listing.parent, null, 'the parent of home is not allowed');
    assert.equal((await t.service.list(join(t.home, 'docs'))).parent, t.home);
  });

  it('refuses folders outside the allowed ones, also through a symlink', async () => {
    await rejectsWith(t.service.list(t.outside), 'not-allowed');
    await rejectsWith(t.service.list(join(t.home, 'escape')), 'not-allowed');
    await rejectsWith(t.service.mkdir(join(t.home, 'escape', 'planted')), 'not-allowed');
    await rejectsWith(t.service.delete([join(t.home, 'escape', 'secret.txt')], false), 'not-allowed');
    assert.ok(existsSync(join(t.outside, 'secret.txt')));
    assert.equal(existsSync(join(t.outside, 'planted')), false);
  });

  it('allows a folder once the user chose it, and a dropped file without its folder', async () => {
    await t.access.grant(t.outside);
    assert.equal((await t.service.list(t.outside)).entries.length, 1);
    const other = await setup();
    const [dropped] = await other.service.dropIn([join(t.outside, 'secret.txt')]);
    assert.deepEqual(dropped, { path: join(t.outside, 'secret.txt'), name: 'secret.txt', type: 'file', size: 6 });
    await other.access.check(join(t.outside, 'secret.txt'));
    await rejectsWith(other.access.check(join(t.outside, 'other.txt')), 'not-allowed');
  });

  it('never renames over an existing file, nor renames or deletes an allowed root', async () => {
    writeFileSync(join(t.home, 'b.txt'), 'keep me');
    await assert.rejects(t.service.rename(join(t.home, 'a.txt'), join(t.home, 'b.txt')), (e: unknown) => e instanceof WharfError && e.kind === 'local-io');
    assert.equal(readFileSync(join(t.home, 'b.txt'), 'utf8'), 'keep me');
    await t.service.rename(join(t.home, 'a.txt'), join(t.home, 'docs', 'a.txt'));
    assert.ok(existsSync(join(t.home, 'docs', 'a.txt')));
    await rejectsWith(t.service.delete([t.home], false), 'allowed-root');
    await rejectsWith(t.service.rename(t.home, join(t.home, 'docs', 'moved')), 'allowed-root');
    await rejectsWith(t.service.rename(t.home, join(t.home, '..', 'moved')), 'not-allowed');
  });

  it('deletes to the trash when it can, and for real otherwise', async () => {
    await t.service.delete([join(t.home, 'a.txt')], true);
    assert.deepEqual(t.trashed, [join(t.home, 'a.txt')]);
    await t.service.delete([join(t.home, 'docs')], false);
    assert.equal(existsSync(join(t.home, 'docs')), false);
  });

  it('reports file-system failures as local-io in words', async () => {
    await assert.rejects(t.service.mkdir(join(t.home, 'docs')), (e: unknown) => e instanceof WharfError && e.kind === 'local-io' && /already exists/.test(e.message));
    await assert.rejects(t.service.list(join(t.home, 'nope')), (e: unknown) => e instanceof WharfError && e.kind === 'local-io' && e.detail?.code === 'ENOENT');
  });
});
