/**
 * What a site's transfer sessions learned about its server (ServerKnowledge: passive EPSV works, so a new session
 * sends EPSV in one write with its first STOR) when the site is edited under the same site key, through the app's
 * QueueConnections on real servers: it carries to the next session of the same server and settings, not to another
 * server (host, port, user or mode), and not past a setting that says otherwise (EPSV off, active mode); going
 * back to the first server finds it again, unspoiled by the others.
 */
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { describe, test } from 'node:test';
import type { LogLine } from '../../common/models';
import type { SessionConnection } from '../../main/connections/session-connection';
import { FtpsSession } from '../../main/ftps/session';
import type { QuestionBroker } from '../../main/services/question-broker';
import { QueueConnections } from '../../main/services/queue-service';
import type { SiteLookup } from '../../main/services/remote-sessions';
import type { ConnectionTarget } from '../../common/models';
import { targetFor } from '../ftps/support';
import { writesBetweenReplies } from '../hostile/support';
import { useFleet, type ServerInfo } from '../servers/fleet';

const fleet = await useFleet();
const SITE = 'site-edited';
let counter = 0;

function connection(server: ServerInfo, changes: { target?: Partial<ConnectionTarget>; useEpsv?: boolean } = {}): SessionConnection {
  return {
    siteKey: SITE,
    label: 'edited',
    maxConnections: null,
    uploadViaTemporaryName: false,
    options: {
      target: targetFor(server, changes.target),
      password: server.password,
      allowPlain: server.mode === 'plain',
      extraCaPem: [fleet.caCertPem],
      keepAliveIntervalMs: 0,
      timeoutMs: 10_000,
      ...(changes.useEpsv !== undefined ? { useEpsv: changes.useEpsv } : {}),
    },
  };
}

/** Opens a transfer session for SITE as the site is registered now, uploads one file, and gives the commands of that upload, by write. */
async function firstUpload(connections: QueueConnections, log: LogLine[]): Promise<string[][]> {
  const session = await connections.open(SITE);
  try {
    log.length = 0;
    await session.upload(Readable.from([Buffer.from('bytes')]), `/knowledge-${process.pid}-${++counter}`);
    return writesBetweenReplies(log).filter((write) => !write.every((verb) => verb === 'NOOP'));
  } finally {
    await session.close();
  }
}

describe('server knowledge when a site is edited under the same key', () => {
  test('EPSV learned on one server carries to its next session only: not to another server, nor past EPSV off or active mode', async () => {
    const log: LogLine[] = [];
    const connections = new QueueConnections({
      openSession: (options) => FtpsSession.open(options),
      sites: { get: () => Promise.reject(new Error('not asked')), getPassword: async () => null } satisfies SiteLookup,
      // The fleet's certificates are trusted through extraCaPem: nobody is asked.
      questions: {} as QuestionBroker,
      onLog: (line) => log.push(line),
    });
    const first = fleet.servers['pureftpd-explicit'];
    const other = fleet.servers['proftpd-explicit'];

    connections.register(connection(first));
    assert.deepEqual(await firstUpload(connections, log), [['EPSV'], ['STOR']], 'learned on the first connection');
    assert.deepEqual(await firstUpload(connections, log), [['EPSV', 'STOR']], 'the next session of the same server uses it');

    connections.register(connection(other));
    assert.deepEqual(await firstUpload(connections, log), [['EPSV'], ['STOR']], 'another server (host, port, user) starts afresh');

    connections.register(connection(first, { useEpsv: false }));
    assert.deepEqual(await firstUpload(connections, log), [['PASV'], ['STOR']], 'EPSV turned off: not sent at all');

    connections.register(connection(first, { target: { dataMode: 'active' } }));
    const active = await firstUpload(connections, log);
    assert.ok(!active.flat().includes('EPSV') && !active.flat().includes('PASV'), `active mode: ${JSON.stringify(active)}`);
    assert.ok(active.flat().some((verb) => verb === 'EPRT' || verb === 'PORT'), `active mode: ${JSON.stringify(active)}`);

    connections.register(connection(first));
    assert.deepEqual(await firstUpload(connections, log), [['EPSV', 'STOR']], 'back as it was: what was learned still holds');
  });
});
