/**
 * An upload whose data connection is closed (FIN) or reset by the network at any byte must fail with an
 * error the queue retries (a lost connection or a broken data connection), never as an internal error,
 * which fails the transfer for good. Found by the long fault run: "internal: Premature close" on vsftpd.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { FtpsSession } from '../../main/ftps/session';
import { uploadFile } from '../../main/ftps/file-transfer';
import { classifyFailure, toErrorData } from '../../main/transfers/retry-policy';
import { targetFor, testBytes } from '../ftps/support';
import { useFleet, type ServerName } from '../servers/fleet';
import { startFaultProxy, type FaultKind } from './fault-proxy';
import { passivePortsOf } from './support';

const fleet = await useFleet();
const work = mkdtempSync(join(tmpdir(), 'wharf-upload-cut-'));
after(() => rmSync(work, { recursive: true, force: true }));
const local = join(work, 'big.bin');
writeFileSync(local, testBytes(4 * 1024 * 1024 + 1, 5));

describe('uploads cut by the network', () => {
  for (const [name, fault] of [['vsftpd-implicit', 'close'], ['vsftpd-explicit', 'close'], ['proftpd-explicit', 'reset']] as const satisfies readonly [ServerName, FaultKind][]) {
    test(`${name}, ${fault} at 24 offsets: every failure is retried, none is internal`, async () => {
      const server = fleet.servers[name];
      let atByte = 0;
      const proxy = await startFaultProxy({
        upstreamHost: server.host,
        controlPort: server.port,
        passivePorts: passivePortsOf(fleet, name),
        plan: ({ kind }) => (kind === 'data' ? { kind: fault, atByte } : null),
      });
      const session = await FtpsSession.open({
        target: targetFor(server, { host: proxy.host, port: proxy.controlPort }),
        password: server.password,
        pinnedFingerprint: server.certFingerprintSha256 as string,
        keepAliveIntervalMs: 0,
        timeoutMs: 5000,
      });
      const outcomes: string[] = [];
      try {
        for (atByte = 40_000; outcomes.length < 24; atByte += 97_003) {
          try {
            await uploadFile(session, local, `/upload-cut-${process.pid}.bin`);
            outcomes.push('done');
          } catch (err) {
            const data = toErrorData(err);
            outcomes.push(`${data.kind}: ${classifyFailure(data)}`);
          }
        }
      } finally {
        await session.close();
        await proxy.close();
      }
      assert.equal(proxy.stats().faultsInjected[fault], 24);
      assert.deepEqual(outcomes.filter((o) => !o.endsWith(': retry')), [], outcomes.join(', '));
    });
  }
});
