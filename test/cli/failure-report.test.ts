/**
 * Every command tells a failure the same way (main/cli/exit-codes.ts `reportCliFailure`): `wharf doctor` and
 * `wharf sync` parse their own flags, and used to print their failures by themselves, without the server
 * reply's words, the charset hint or the escaping of hostile characters that `wharf ls` gives.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fleetCertificate } from '../hostile/support';
import { startHostileServer, type HostileServer } from '../hostile/hostile-server';
import { cliWorkspace, runWharf } from './support';

const { fleet, work, caFile } = await cliWorkspace('wharf-failure-report');
const cert = fleetCertificate(fleet, 'server');
const env = { WHARF_PASSWORD: 'pw', WHARF_DATA_DIR: join(work, 'data') };
let server: HostileServer;

before(async () => {
  // Refuses every listing with "550 No such folder.", as a server does for a folder it will not show.
  server = await startHostileServer({ mode: 'explicit', key: cert.key, cert: cert.cert, listing: () => null });
});
after(() => server?.close());

/** The stderr lines of a run that tell the failure (without progress or plan lines). */
function failureLines(stderr: string): string[] {
  return stderr.split('\n').filter((line) => line.startsWith('wharf: '));
}

describe('doctor and sync tell a failure as ls does', () => {
  test("a server's refusal: the reply in words and the charset hint, with the same exit code", async () => {
    // A name beyond ASCII that the server refuses: it may name files in another charset.
    const url = `ftpes://u@127.0.0.1:${server.port}/dé`;
    const ls = await runWharf(['ls', url, '--ca', caFile], env);
    const sync = await runWharf(['sync', join(work, 'down'), url, '--direction', 'down', '--ca', caFile], env);
    const words = /^wharf: .*550 No such folder\. \(The file or folder does not exist, or you have no permission for it\.\)$/;
    const hint = /^wharf: the path has characters beyond ASCII: .* try --charset NAME/;
    for (const [command, run] of [['ls', ls], ['sync', sync]] as const) {
      assert.equal(run.code, 6, `${command}: ${run.stderr}`);
      const lines = failureLines(run.stderr);
      assert.ok(lines.some((line) => words.test(line)), `${command} explains the reply: ${run.stderr}`);
      assert.ok(lines.some((line) => hint.test(line)), `${command} gives the charset hint: ${run.stderr}`);
    }
    assert.deepEqual(failureLines(sync.stderr), failureLines(ls.stderr));
  });

  test('a failure before connecting: the same line, hostile characters escaped, the same exit code', async () => {
    // U+202E (right-to-left override) would show "evil\u202Etxt.exe" as "evilexe.txt" on a terminal.
    const site = 'site:evil\u202Etxt.exe';
    const runs = {
      ls: await runWharf(['ls', site], env),
      doctor: await runWharf(['doctor', site], env),
      sync: await runWharf(['sync', join(work, 'down'), site, '--direction', 'down'], env),
    };
    for (const [command, run] of Object.entries(runs)) {
      assert.equal(run.code, 2, `${command}: ${run.stderr}`);
      assert.deepEqual(failureLines(run.stderr), ['wharf: No saved site is named "evil\\u202Etxt.exe".'], command);
      assert.ok(!run.stderr.includes('\u202E'), `${command} escapes U+202E`);
    }
  });

  test('an unknown flag: exit 2, pointing at the help of the command that refused it', async () => {
    for (const [args, help] of [
      [['ls', '--bogus'], 'wharf --help'],
      [['doctor', '--bogus'], 'wharf doctor --help'],
      [['sync', '--bogus'], 'wharf sync --help'],
    ] as const) {
      const run = await runWharf(args, env);
      assert.equal(run.code, 2, run.stderr);
      assert.deepEqual(failureLines(run.stderr), [`wharf: Unknown option "--bogus". To give an argument that starts with "-", put it at the end after "--": -- "--bogus" (run ${help})`]);
    }
  });
});
