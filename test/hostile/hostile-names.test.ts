/**
 * A hostile listing (`../../x`, `/etc/x`, `a/b`, `C:\x`, NUL, a line break, escape codes, a device name,
 * invalid UTF-8, `.`/`..`, a 300-byte name, a name listed twice) downloaded with `wharf get -r` and with
 * the transfer queue into a folder three levels down a sandbox: nothing is written outside the chosen
 * folder (or anywhere else on the machine), the safe files arrive whole, every refused name is reported
 * with its reason, each name that cannot be fetched is a clear per-item error, and the password never
 * travels in clear.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { useFleet } from '../servers/fleet';
import { PASSWORD, downloadTreeWithCli, downloadTreeWithQueue, hostileTree } from './scenarios';
import { ensureCliBuilt } from './support';

const fleet = await useFleet();

describe('a hostile tree downloaded into a chosen folder', () => {
  for (const format of ['list', 'mlsd'] as const) {
    test(`the transfer queue (${format.toUpperCase()}): nothing outside the folder, safe files whole, hostile names skipped with reasons`, async () => {
      const result = await downloadTreeWithQueue(fleet, `queue-${format}-${process.pid}`);
      assert.deepEqual(result.escaped, [], 'nothing written beside or above the chosen folder');
      assert.deepEqual(result.outsideWritten, [], 'nothing written at absolute paths');
      assert.equal(result.okContent, 'hello world');
      assert.ok(result.written.includes('sub/inner.txt'));
      assert.ok(result.dupContent !== null && hostileTree('any').dupVersions.some((v) => v.equals(result.dupContent as Buffer)), 'the name listed twice holds one whole version');
      assert.ok(!result.written.some((p) => p.endsWith('.part') || p.endsWith('.wharf-part')), `no partial file left: ${result.written.join(', ')}`);
      const reasons = result.skipped.map((s) => s.reason).join('\n');
      for (const reason of ['contains "/"', 'contains "\\"', 'Windows drive prefix', 'contains NUL', 'control character', 'reserved Windows device name', 'ends with a dot or space', 'longer than 255 bytes', 'listed this name twice']) {
        assert.ok(reasons.includes(reason), `a name was skipped because it ${reason}`);
      }
      // What remains is fetched; what the server then cannot serve (invalid UTF-8 decoded, a name cut at a
      // line break) fails alone, with the server's reply, and the rest completes.
      const failed = result.items.filter((i) => i.state === 'failed');
      assert.ok(failed.every((i) => i.lastError?.kind === 'ftp' && i.lastError.code === 550), JSON.stringify(failed.map((i) => i.lastError)));
      assert.deepEqual(result.items.filter((i) => i.state === 'done').map((i) => i.remotePath).sort(), ['/tree/dup.txt', '/tree/ok.txt', '/tree/sub/inner.txt']);
      assert.equal(result.server.clearBytes().includes(Buffer.from(PASSWORD)), false, 'the password never travelled in clear');
      assert.ok(result.server.received.filter((r) => /^(USER|PASS) /.test(r.line)).every((r) => r.secure));
    });
  }

  test('wharf get -r: nothing outside the folder, safe files whole, each refusal reported, exit code for the failed items', async () => {
    ensureCliBuilt();
    const result = await downloadTreeWithCli(fleet, `cli-${process.pid}`);
    assert.deepEqual(result.escaped, []);
    assert.deepEqual(result.outsideWritten, []);
    assert.equal(result.okContent, 'hello world');
    assert.ok(result.written.includes('sub/inner.txt'));
    assert.equal(result.run.code, 6, 'the items the server could not serve make it exit with "server reply"');
    assert.match(result.run.stderr, /skipped \/tree\/\.\.\/\.\.\/wharf-hostile-.*: the name contains "\/"/);
    assert.match(result.run.stderr, /failed \/tree\/bad.*\.txt: 550/);
    assert.equal(result.run.stderr.includes(PASSWORD) || result.run.stdout.includes(PASSWORD), false, 'the password is never printed');
    assert.equal(result.server.clearBytes().includes(Buffer.from(PASSWORD)), false);
    assert.ok(result.run.maxRssMiB < 256, `peak ${result.run.maxRssMiB.toFixed(0)} MiB`);
  });
});
