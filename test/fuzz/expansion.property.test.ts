/**
 * Folder expansion (main/transfers/expand.ts) is where remote names become local paths for the queue.
 * Properties over random remote trees full of hostile names: every local path lies inside the chosen
 * folder and is built from safe names only, no two transfers share a local path, every safe name is
 * either queued or reported, and the walk ends even when the server lists a folder inside itself forever
 * (a symbolic link to a parent, or a hostile server).
 */
import assert from 'node:assert/strict';
import { posix } from 'node:path';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import type { RemoteEntry } from '../../common/models';
import { unsafeNameReason } from '../../main/ftps/safe-names';
import { MAX_EXPANDED_PATH_LENGTH, expandRemoteForDownload, type SkippedEntry } from '../../main/transfers/expand';
import type { NewTransferItem } from '../../main/transfers/transfer-scheduler';

const ROOT = '/home/me/Downloads/chosen';

function entry(name: string, type: RemoteEntry['type']): RemoteEntry {
  return { name, type, size: 1, modifiedAt: null, permissions: null, owner: null, group: null, linkTarget: null } as unknown as RemoteEntry;
}

const name = fc.oneof(
  fc.string({ minLength: 1, maxLength: 8 }),
  fc.constantFrom('a', 'b', 'dup', '..', '.', '../x', '/etc/x', 'a/b', 'C:\\x', 'C:x', 'n\u0000ul', 'l\nf', '\u001b[31m', 'CON', 'dot.', 'sp ', 'ok.txt', 'é', '\u202e'),
);

/** A remote tree: folder path -> entries; folders are created for the directory entries, two levels deep. */
const tree = fc.array(fc.tuple(name, fc.constantFrom<RemoteEntry['type']>('file', 'directory', 'symlink')), { maxLength: 8 }).chain((top) =>
  fc.array(fc.array(fc.tuple(name, fc.constantFrom<RemoteEntry['type']>('file', 'directory')), { maxLength: 5 }), { minLength: top.length, maxLength: top.length }).map((below) => {
    const listings = new Map<string, RemoteEntry[]>();
    listings.set('/r', top.map(([n, t]) => entry(n, t)));
    top.forEach(([n, t], i) => {
      if (t === 'directory') listings.set(posix.join('/r', n), (below[i] ?? []).map(([m, u]) => entry(m, u)));
    });
    return listings;
  }),
);

async function expand(list: (path: string) => Promise<readonly RemoteEntry[]>): Promise<{ items: NewTransferItem[]; skipped: SkippedEntry[] }> {
  const items: NewTransferItem[] = [];
  const skipped: SkippedEntry[] = [];
  // A budget past the path-length guard, so these properties test the walk itself (the budget has its own tests).
  const limits = { budget: { maxItems: 10_000_000, maxDepth: 10_000 } };
  for await (const batch of expandRemoteForDownload({ list }, { siteKey: 's', localPath: ROOT, remotePath: '/r' }, (s) => skipped.push(s), limits)) items.push(...batch);
  return { items, skipped };
}

describe('remote folder expansion', () => {
  test('local paths stay inside the chosen folder, are made of safe names, and are never shared (property)', async () => {
    await fc.assert(
      fc.asyncProperty(tree, async (listings) => {
        const { items, skipped } = await expand(async (path) => listings.get(path) ?? []);
        const locals = items.map((i) => i.localPath);
        assert.equal(new Set(locals).size, locals.length, `two transfers share a local path: ${JSON.stringify(locals)}`);
        for (const item of items) {
          const relative = posix.relative(ROOT, item.localPath);
          assert.ok(item.localPath === ROOT || (relative !== '..' && !relative.startsWith('../') && !posix.isAbsolute(relative)), `${item.localPath} is outside ${ROOT}`);
          for (const segment of relative === '' ? [] : relative.split('/')) assert.equal(unsafeNameReason(segment), null, `${JSON.stringify(segment)} in ${item.localPath}`);
        }
        // Every top-level safe name is accounted for: queued (itself or a file below it), or reported.
        for (const e of listings.get('/r') ?? []) {
          const remote = posix.join('/r', e.name);
          const queued = items.some((i) => i.remotePath === `/r/${e.name}` || i.remotePath.startsWith(`/r/${e.name}/`));
          const reported = skipped.some((s) => s.path === `/r/${e.name}`);
          assert.ok(queued || reported || unsafeNameReason(e.name) !== null, `${remote} vanished`);
        }
      }),
      { numRuns: 500 },
    );
  });

  test('a folder listed inside itself for ever (a symlink loop) ends, with the too-deep folder reported', async () => {
    let calls = 0;
    const { items, skipped } = await expand(async () => {
      calls += 1;
      if (calls > 10_000) throw new Error('the walk does not end');
      return [entry('loop', 'directory'), entry('f.txt', 'file')];
    });
    assert.ok(calls <= 10_000);
    assert.ok(items.length > 0);
    assert.ok(items.every((i) => i.localPath.length <= MAX_EXPANDED_PATH_LENGTH + 256), 'no folder deeper than PATH_MAX (plus one name)');
    assert.ok(skipped.some((s) => /deep|long/i.test(s.reason)), `the cut is reported: ${JSON.stringify(skipped.slice(0, 2))}`);
  });
});
