/**
 * `wharf sync` (the built command line) with a server folder the server will not list (another user's folder that
 * may be entered but not read, mode 0o311), on each server: down and mirror with --delete leave that folder and
 * its copy here alone, print it under "Skipped:" (and on stderr) with the server's reason, do the rest and end
 * with exit code 6; a sync whose whole server folder cannot be read changes nothing and ends with 6.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { makeForeign, writeServerFile, type ServerInfo } from '../servers/fleet';
import { cliWorkspace, runWharf, serverUrl } from './support';

const { fleet, work, caFile } = await cliWorkspace('wharf-cli-sync-unreadable');
const SERVERS = ['vsftpd-explicit', 'proftpd-explicit', 'pureftpd-explicit'] as const;

let counter = 0;
function freshFolders(server: ServerInfo, prefix: string): { local: string; base: string } {
  const base = `${prefix}-${process.pid}-${++counter}`;
  const local = join(work, base);
  mkdirSync(local);
  writeServerFile(server, `${base}/shared.txt`, 'shared');
  return { local, base };
}

function localText(root: string, rel: string): string | null {
  const full = join(root, rel);
  return existsSync(full) ? readFileSync(full, 'utf8') : null;
}

for (const name of SERVERS) {
  const server = fleet.servers[name];
  const env = { WHARF_PASSWORD: server.password, WHARF_DATA_DIR: join(work, `data-${name}`) };
  const sync = (local: string, base: string, direction: string) =>
    runWharf(['sync', local, serverUrl(server, `/${base}`), '--direction', direction, '--delete', '--ca', caFile], env);

  describe(`wharf sync with a server folder that cannot be read, on ${name}`, () => {
    test('down and mirror leave it and its copy here alone, say why, do the rest and end with 6', async () => {
      const { local, base } = freshFolders(server, 'cli-unreadable');
      writeServerFile(server, `${base}/locked/inside.txt`, 'inside');
      // The first mirror sees everything: the pair now has a record, so a later mirror --delete may delete.
      const first = await sync(local, base, 'mirror');
      assert.equal(first.code, 0, first.stderr);
      assert.equal(localText(local, 'locked/inside.txt'), 'inside');

      writeFileSync(join(local, 'locked', 'mine.txt'), 'only here');
      writeFileSync(join(local, 'new-here.txt'), 'new here');
      makeForeign(server, `${base}/locked`, 0o311);
      const reason = new RegExp(`^ {2}server: locked: Could not read the folder /${base}/locked: \\d{3} .+ \\(nothing in it is compared, copied or deleted\\)$`, 'm');
      for (const direction of ['mirror', 'down']) {
        const run = await sync(local, base, direction);
        assert.equal(run.code, 6, `${direction}: ${run.stdout}${run.stderr}`);
        assert.match(run.stdout, /^Skipped:$/m);
        assert.match(run.stdout, reason);
        assert.doesNotMatch(run.stdout, /locked\//, `${direction}: nothing inside the folder is planned`);
        // Said on stderr too, for a script that keeps only that beside the exit code.
        assert.match(run.stderr, new RegExp(`^wharf: Could not read the folder /${base}/locked: `, 'm'));
      }
      // mirror copied new-here.txt up (the rest was done), and down --delete then deleted nothing of it: it is on both sides.
      assert.equal(readFileSync(join(server.root, base, 'new-here.txt'), 'utf8'), 'new here');
      assert.equal(localText(local, 'new-here.txt'), 'new here');
      assert.equal(localText(local, 'locked/inside.txt'), 'inside');
      assert.equal(localText(local, 'locked/mine.txt'), 'only here');
    });

    test('a sync whose server folder itself cannot be read changes nothing and ends with 6', async () => {
      const { local, base } = freshFolders(server, 'cli-unreadable-root');
      const first = await sync(local, base, 'mirror');
      assert.equal(first.code, 0, first.stderr);
      makeForeign(server, base, 0o311);
      for (const direction of ['mirror', 'down']) {
        const run = await sync(local, base, direction);
        assert.equal(run.code, 6, `${direction}: ${run.stdout}${run.stderr}`);
        assert.match(run.stderr, new RegExp(`Could not read the folder /${base}: `));
      }
      assert.equal(localText(local, 'shared.txt'), 'shared');
    });
  });
}
