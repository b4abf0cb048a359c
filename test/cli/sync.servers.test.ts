/** `wharf sync` (main/cli/commands/sync.ts) against real servers: the dry run, --delete, and uploads via NAME.wharf-part or --in-place. */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { runSyncCommand } from '../../main/cli/commands/sync';
import { serverLog, type ServerInfo, type ServerName } from '../servers/fleet';
import { fleet, work, writeLocal, writeRemote, remoteFile, freshPair } from '../sync/support';

describe('wharf sync', () => {
  test('wharf sync: --dry-run prints the plan; then a real run with --delete makes the server match', async () => {
    const server = fleet.servers['vsftpd-explicit'] satisfies ServerInfo;
    const { local, base } = await freshPair(server, 'cli');
    writeLocal(local, 'x.txt', 'x');
    writeRemote(server, base, 'y.txt', 'y');
    const caFile = join(work, 'ca.pem');
    writeFileSync(caFile, fleet.caCertPem);
    const out: string[] = [];
    const err: string[] = [];
    const io = { out: (t: string) => out.push(t), err: (t: string) => err.push(t), env: { WHARF_PASSWORD: server.password, WHARF_DATA_DIR: join(work, 'data') }, interactive: false, ask: async () => '' };
    const url = `ftpes://${server.user}@${server.host}:${server.port}/${base}`;
    const name = 'vsftpd-explicit' satisfies ServerName;

    assert.equal(await runSyncCommand([local, url, '--direction', 'up', '--delete', '--dry-run', '--ca', caFile], io), 0, err.join('\n'));
    const text = out.join('\n');
    assert.match(text, /\[x\] copy\s+-> server x\.txt \(1 B\)/);
    assert.match(text, /\[x\] delete\s+on server y\.txt/);
    assert.match(text, /Dry run: nothing was changed/);
    assert.equal(remoteFile(server, base, 'y.txt'), 'y', `${name}: unchanged`);

    out.length = 0;
    assert.equal(await runSyncCommand([local, url, '--direction', 'up', '--delete', '--ca', caFile, '--json'], io), 0, err.join('\n'));
    const parsed = JSON.parse(out.join('\n')) as { run: { summary: { done: number } } };
    assert.equal(parsed.run.summary.done, 2);
    assert.equal(remoteFile(server, base, 'x.txt'), 'x');
    assert.equal(remoteFile(server, base, 'y.txt'), null);

    assert.equal(await runSyncCommand([local, url, '--direction', 'sideways'], io), 2);
    assert.match(err.at(-1) ?? '', /--direction takes up, down or mirror/);
  });

  test('wharf sync: uploads go via NAME.wharf-part, or straight to the final names with --in-place', async () => {
    const server = fleet.servers['vsftpd-explicit'] satisfies ServerInfo;
    const { local, base } = await freshPair(server, 'cli-temp');
    writeLocal(local, 'via-temporary.txt', 'renamed into place');
    const caFile = join(work, 'ca.pem');
    writeFileSync(caFile, fleet.caCertPem);
    const err: string[] = [];
    const io = { out: () => undefined, err: (t: string) => err.push(t), env: { WHARF_PASSWORD: server.password, WHARF_DATA_DIR: join(work, 'data') }, interactive: false, ask: async () => '' };
    const url = `ftpes://${server.user}@${server.host}:${server.port}/${base}`;

    let logBefore = serverLog(server).length;
    assert.equal(await runSyncCommand([local, url, '--direction', 'up', '--ca', caFile, '-q'], io), 0, err.join('\n'));
    let log = serverLog(server).slice(logBefore);
    assert.match(log, new RegExp(`STOR /${base}/via-temporary\\.txt\\.wharf-part`));
    assert.match(log, new RegExp(`RNTO /${base}/via-temporary\\.txt`));
    assert.equal(remoteFile(server, base, 'via-temporary.txt'), 'renamed into place');

    writeLocal(local, 'in-place.txt', 'written where it belongs');
    logBefore = serverLog(server).length;
    assert.equal(await runSyncCommand([local, url, '--direction', 'up', '--ca', caFile, '-q', '--in-place'], io), 0, err.join('\n'));
    log = serverLog(server).slice(logBefore);
    assert.match(log, new RegExp(`STOR /${base}/in-place\\.txt`));
    assert.doesNotMatch(log, /wharf-part|RNFR|RNTO/);
    assert.equal(remoteFile(server, base, 'in-place.txt'), 'written where it belongs');
  });
});
