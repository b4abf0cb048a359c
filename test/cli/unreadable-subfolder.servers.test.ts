/**
 * `wharf get -r` (the built command line) of a server folder with folders inside it that the server will not list
 * (another user's, 0o311 and 0o000), on each server: the rest is downloaded, each such folder is told as failed with
 * the server's reason, and the command ends with 6, as `wharf sync` does for the folders it leaves out.
 * `wharf put -r` of a local folder with a folder inside it that cannot be read: the rest is uploaded, that folder is
 * told as failed (EACCES) and the command ends with 7 (local files). The tests run as root, who reads every folder:
 * `put -r` runs without the capabilities that let root ignore a folder's mode, as any other user would.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { makeForeign, writeServerFile } from '../servers/fleet';
import { cliWorkspace, projectRoot, runWharf, serverUrl, type CliRun } from './support';

const { fleet, work, caFile } = await cliWorkspace('wharf-cli-unreadable-subfolder');
const SERVERS = ['vsftpd-explicit', 'proftpd-explicit', 'pureftpd-explicit'] as const;

let counter = 0;
const unique = (prefix: string) => `${prefix}-${process.pid}-${++counter}`;

/** `wharf ARGS` as root without CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH: folder modes apply to it as to anyone. */
function runWharfWithoutOverride(args: readonly string[], env: Record<string, string>): Promise<CliRun> {
  const command = ['--bounding-set', '-dac_override,-dac_read_search', process.execPath, join(projectRoot, 'bin', 'wharf'), ...args];
  return new Promise((resolve) => {
    execFile('setpriv', command, { env: { ...process.env, ...env }, timeout: 60_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

for (const name of SERVERS) {
  const server = fleet.servers[name];
  const env = { WHARF_PASSWORD: server.password, WHARF_DATA_DIR: join(work, `data-${name}`) };

  describe(`recursive transfers with a folder inside that cannot be read, on ${name}`, () => {
    test('get -r downloads the rest, names each unreadable folder with the reason, and ends with 6', async () => {
      const base = unique('get-deep');
      writeServerFile(server, `${base}/top.txt`, 'top');
      writeServerFile(server, `${base}/a/b/two.txt`, 'two');
      writeServerFile(server, `${base}/a/b/secret/hidden.txt`, 'hidden');
      writeServerFile(server, `${base}/a/closed/shut.txt`, 'shut');
      writeServerFile(server, `${base}/z/last.txt`, 'last');
      makeForeign(server, `${base}/a/b/secret`, 0o311);
      makeForeign(server, `${base}/a/closed`, 0o000);
      const local = join(work, base);
      const run = await runWharf(['get', '-r', serverUrl(server, `/${base}`), local, '--ca', caFile], env);
      assert.equal(run.code, 6, run.stderr);
      for (const [path, text] of [['top.txt', 'top'], ['a/b/two.txt', 'two'], ['z/last.txt', 'last']] as const) {
        assert.equal(readFileSync(join(local, path), 'utf8'), text, path);
      }
      for (const folder of [`/${base}/a/b/secret`, `/${base}/a/closed`]) {
        assert.match(run.stderr, new RegExp(`^wharf: failed ${folder}: Could not read the folder ${folder}: \\d{3} \\S`, 'm'));
      }
      assert.match(run.stderr, /^wharf: downloaded 3 of 3 files/m);
      assert.match(run.stderr, new RegExp(`^wharf: 2 of 5 transfers failed; first: Could not read the folder /${base}/a/`, 'm'));
      assert.ok(!existsSync(join(local, 'a', 'b', 'secret')));
      assert.ok(!existsSync(join(local, 'a', 'closed')));
    });

    test('put -r uploads the rest, names the unreadable local folder, and ends with 7', async () => {
      const base = unique('put-deep');
      const local = join(work, base);
      mkdirSync(join(local, 'a', 'locked'), { recursive: true });
      mkdirSync(join(local, 'z'));
      writeFileSync(join(local, 'top.txt'), 'top');
      writeFileSync(join(local, 'a', 'one.txt'), 'one');
      writeFileSync(join(local, 'a', 'locked', 'hidden.txt'), 'hidden');
      writeFileSync(join(local, 'z', 'last.txt'), 'last');
      chmodSync(join(local, 'a', 'locked'), 0o000);
      try {
        const run = await runWharfWithoutOverride(['put', '-r', local, serverUrl(server, `/${base}`), '--ca', caFile], env);
        assert.equal(run.code, 7, run.stderr);
        const locked = join(local, 'a', 'locked');
        assert.match(run.stderr, new RegExp(`^wharf: failed ${locked}: The local folder ${locked} cannot be read \\(EACCES\\)\\.$`, 'm'));
        assert.match(run.stderr, /^wharf: uploaded 3 of 3 files/m);
        for (const [path, text] of [['top.txt', 'top'], ['a/one.txt', 'one'], ['z/last.txt', 'last']] as const) {
          assert.equal(readFileSync(join(server.root, base, path), 'utf8'), text, path);
        }
        assert.ok(!existsSync(join(server.root, base, 'a', 'locked')), 'no empty folder made for it on the server');
      } finally {
        chmodSync(join(local, 'a', 'locked'), 0o755);
      }
    });
  });
}
