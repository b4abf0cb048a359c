/**
 * A path that goes silent in the middle of a TLS handshake must end in a timeout, not hang the session
 * (and with it the transfer queue) for ever. basic-ftp runs the AUTH TLS handshake outside any command, so
 * its control timeout does not cover it. Found by the fault proxy (a queue that never settled).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { LogLine } from '../../common/models';
import { FtpsSession } from '../../main/ftps/session';
import { isWharfError } from '../../main/core/errors';
import { useFleet, type ServerName } from '../servers/fleet';
import { startFaultProxy } from './fault-proxy';
import { passivePortsOf } from './support';
import { targetFor } from '../ftps/support';

const fleet = await useFleet();

describe('a stall inside the TLS handshake', () => {
  // Byte 100 of the control connection lies inside the client's TLS hello for both: after the greeting,
  // AUTH TLS and its 234 reply (explicit), or after the first bytes of the hello (implicit).
  for (const name of ['vsftpd-explicit', 'proftpd-explicit', 'vsftpd-implicit'] as const satisfies readonly ServerName[]) {
    test(`${name}: opening a session ends with a timeout, and neither USER nor PASS was sent`, { timeout: 8_000 }, async (t) => {
      const server = fleet.servers[name];
      const proxy = await startFaultProxy({
        upstreamHost: server.host,
        controlPort: server.port,
        passivePorts: passivePortsOf(fleet, name),
        plan: ({ kind }) => (kind === 'control' ? { kind: 'stall', atByte: 100 } : null),
        secrets: [server.password],
      });
      // Without the fix this test would hang: when node:test gives up on it, the stalled path is torn down.
      t.signal.addEventListener('abort', () => void proxy.close(), { once: true });
      const log: LogLine[] = [];
      try {
        await assert.rejects(
          FtpsSession.open({
            target: targetFor(server, { host: proxy.host, port: proxy.controlPort }),
            password: server.password,
            pinnedFingerprint: server.certFingerprintSha256 as string,
            keepAliveIntervalMs: 0,
            timeoutMs: 1500,
            onLog: (line) => log.push(line),
          }),
          (err: unknown) => isWharfError(err, 'timeout') && /TLS|in time/i.test(err.message),
        );
        assert.equal(proxy.stats().faultsInjected.stall, 1);
        const commands = log.filter((l) => l.direction === 'command').map((l) => l.text);
        assert.ok(!commands.some((c) => /^(USER|PASS)\b/.test(c)), commands.join(' | '));
        assert.equal(proxy.stats().secretsSeenInClear, 0);
      } finally {
        await proxy.close();
      }
    });
  }
});
