/**
 * The private scratch space of View/Edit and drag-out copies, on the real file system: an `mkdtemp`
 * folder, 0700, files 0600, owner checked; a parent pre-created by another user or left open to others is
 * never used; scratch folders of earlier runs of this user are swept at start, others' are left alone.
 * The tests run as root (the fleet needs it), so "another user" is a real chown to nobody.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, describe, it } from 'node:test';
import { SCRATCH_PREFIX, ScratchSpace } from '../../main/services/scratch-space';

const work = mkdtempSync(join(tmpdir(), 'wharf-scratch-test-'));
after(() => rmSync(work, { recursive: true, force: true }));

const NOBODY = 65534;
let counter = 0;
function fresh(): { parent: string; fallback: string } {
  const base = join(work, `case-${++counter}`);
  mkdirSync(join(base, 'fallback'), { recursive: true, mode: 0o700 });
  return { parent: join(base, 'data', 'scratch'), fallback: join(base, 'fallback') };
}

function modeOf(path: string): number {
  return statSync(path).mode & 0o777;
}

/** The pid of a process that has ended. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

describe('scratch space: private, owner-checked, swept', () => {
  it('makes an unpredictable 0700 folder in the data folder, 0700 subfolders, 0600 copies, and removes it all at quit', async () => {
    const { parent, fallback } = fresh();
    const scratch = await ScratchSpace.create({ parent, fallbackParent: fallback });
    assert.equal(dirname(scratch.root), parent);
    assert.match(scratch.root, new RegExp(`${SCRATCH_PREFIX}${process.pid}-\\w{6}$`));
    assert.equal(modeOf(parent), 0o700);
    assert.equal(modeOf(scratch.root), 0o700);
    assert.equal(statSync(scratch.root).uid, process.getuid?.());

    const folder = await scratch.newFolder();
    assert.equal(dirname(folder), scratch.root);
    assert.equal(modeOf(folder), 0o700);
    const copy = join(folder, 'report.txt');
    writeFileSync(copy, 'copy', { mode: 0o644 });
    await scratch.seal(copy);
    assert.equal(modeOf(copy), 0o600);

    const second = await ScratchSpace.create({ parent, fallbackParent: fallback });
    assert.notEqual(second.root, scratch.root);

    await scratch.remove();
    assert.equal(existsSync(scratch.root), false);
    assert.equal(existsSync(second.root), true, "another running Wharf's folder stays");
    await second.remove();
  });

  it('never uses a scratch parent pre-created by another user', async () => {
    const { parent, fallback } = fresh();
    mkdirSync(parent, { recursive: true, mode: 0o700 });
    chownSync(parent, NOBODY, NOBODY);
    const logged: string[] = [];
    const scratch = await ScratchSpace.create({ parent, fallbackParent: fallback, onLog: (t) => logged.push(t) });
    assert.equal(dirname(scratch.root), fallback);
    assert.match(logged.join('\n'), new RegExp(`${parent}.*belongs to user ${NOBODY}`));
    await scratch.remove();
  });

  it('never uses a scratch parent others may read or write, nor a symlink in its place', async () => {
    const open = fresh();
    mkdirSync(open.parent, { recursive: true });
    chmodSync(open.parent, 0o755);
    const logged: string[] = [];
    const scratch = await ScratchSpace.create({ parent: open.parent, fallbackParent: open.fallback, onLog: (t) => logged.push(t) });
    assert.equal(dirname(scratch.root), open.fallback);
    assert.match(logged.join('\n'), /others may use it \(mode 755\)/);
    assert.equal(modeOf(open.parent), 0o755, 'the refused folder is left as it was');
    await scratch.remove();

    const linked = fresh();
    const elsewhere = join(work, `elsewhere-${counter}`);
    mkdirSync(elsewhere, { mode: 0o700 });
    mkdirSync(dirname(linked.parent), { recursive: true });
    symlinkSync(elsewhere, linked.parent);
    const viaLink = await ScratchSpace.create({ parent: linked.parent, fallbackParent: linked.fallback });
    assert.equal(dirname(viaLink.root), linked.fallback);
    await viaLink.remove();
  });

  it('refuses a shared parent others may write to unless it is sticky, like the system temp folder', async () => {
    const { parent } = fresh();
    mkdirSync(parent, { recursive: true });
    chownSync(parent, NOBODY, NOBODY);
    const shared = join(work, `shared-${counter}`);
    mkdirSync(shared);
    chmodSync(shared, 0o777);
    await assert.rejects(ScratchSpace.create({ parent, fallbackParent: shared }), /No private scratch folder could be made/);
    chmodSync(shared, 0o1777);
    const scratch = await ScratchSpace.create({ parent, fallbackParent: shared });
    assert.equal(dirname(scratch.root), shared);
    assert.equal(modeOf(scratch.root), 0o700);
    await scratch.remove();
  });

  it("sweeps at start the folders earlier runs of this user left, never a running one's or another user's", async () => {
    const { parent, fallback } = fresh();
    mkdirSync(parent, { recursive: true, mode: 0o700 });
    const dead = deadPid();
    const stale = join(parent, `${SCRATCH_PREFIX}${dead}-AbC123`);
    mkdirSync(join(stale, 'f1'), { recursive: true });
    writeFileSync(join(stale, 'f1', 'left-over.txt'), 'edited copy of a crashed run');
    const staleInFallback = join(fallback, `${SCRATCH_PREFIX}${dead}-XyZ789`);
    mkdirSync(staleInFallback);
    const running = join(parent, `${SCRATCH_PREFIX}${process.ppid}-Run000`);
    mkdirSync(running);
    const foreign = join(parent, `${SCRATCH_PREFIX}${dead}-Oth999`);
    mkdirSync(foreign);
    chownSync(foreign, NOBODY, NOBODY);
    const unrelated = join(parent, 'notes');
    mkdirSync(unrelated);

    const scratch = await ScratchSpace.create({ parent, fallbackParent: fallback });
    assert.equal(existsSync(stale), false);
    assert.equal(existsSync(staleInFallback), false);
    assert.equal(existsSync(running), true);
    assert.equal(existsSync(foreign), true);
    assert.equal(existsSync(unrelated), true);
    assert.equal(existsSync(scratch.root), true);
    await scratch.remove();
  });
});
